import type { Outbox } from '@psc/messaging';
import { AppError } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { describe, expect, it, vi } from 'vitest';
import type { Item } from './item.model';
import { ItemsService } from './items.service';

const newService = (outbox: Partial<Outbox> = {}, items: Partial<Model<Item>> = {}) => {
  const deps = { outbox: { create: vi.fn().mockResolvedValue([]), ...outbox }, items };
  return { sut: new ItemsService(deps.items as Model<Item>, deps.outbox as unknown as Outbox), ...deps };
};

const request = { code: 'MZ-001', name: '最低生活保障申请', theme: '民政救助' };

describe('ItemsService', () => {
  it('writes a draft together with its drafted event', async () => {
    const { sut, outbox } = newService();
    const item = await sut.createDraft(request);
    expect(item).toMatchObject({ ...request, status: 'draft' });
    expect(outbox.create).toHaveBeenCalledWith(expect.anything(), item, [
      { type: 'catalogue.item.drafted', data: { itemId: item._id, ...request } },
    ]);
  });

  it('turns a duplicate code into a 409 that names the code', async () => {
    const { sut } = newService({
      create: vi.fn().mockRejectedValue(Object.assign(new Error('dup'), { code: 11000 })),
    });
    const error = (await sut.createDraft(request).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('CATALOGUE.ITEM_CODE_TAKEN');
    expect(error.status).toBe(409);
    expect(error.message).toContain('MZ-001');
  });

  it('lets other store failures through untouched', async () => {
    const failure = new Error('store away');
    const { sut } = newService({ create: vi.fn().mockRejectedValue(failure) });
    await expect(sut.createDraft(request)).rejects.toBe(failure);
  });

  it('answers 404 for an unknown item', async () => {
    const findById = vi.fn().mockReturnValue({ lean: vi.fn().mockResolvedValue(null) });
    const { sut } = newService({}, { findById });
    await expect(sut.get('nope')).rejects.toMatchObject({ code: 'CATALOGUE.ITEM_NOT_FOUND', status: 404 });
  });
});
