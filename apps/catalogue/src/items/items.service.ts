import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { CreateItemDraftRequest } from '@psc/contracts/catalogue';
import { Outbox } from '@psc/messaging';
import { AppError } from '@psc/server-kit';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { type Item, ITEM_MODEL } from './item.model';

const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

@Injectable()
export class ItemsService {
  constructor(
    @InjectModel(ITEM_MODEL) private readonly items: Model<Item>,
    private readonly outbox: Outbox,
  ) {}

  async createDraft(request: CreateItemDraftRequest): Promise<Item> {
    const item: Item = { _id: randomUUID(), ...request, status: 'draft', createdAt: new Date() };
    try {
      await this.outbox.create(this.items, item, [
        {
          type: 'catalogue.item.drafted',
          data: { itemId: item._id, code: item.code, name: item.name, theme: item.theme },
        },
      ]);
    } catch (error) {
      if (isDuplicateKey(error))
        throw new AppError('CATALOGUE.ITEM_CODE_TAKEN', `事项编码 ${item.code} 已被使用`);
      throw error;
    }
    return item;
  }

  async get(id: string): Promise<Item> {
    const item = await this.items.findById(id).lean<Item>();
    if (!item) throw new AppError('CATALOGUE.ITEM_NOT_FOUND');
    return item;
  }
}
