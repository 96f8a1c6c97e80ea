import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@psc/auth';
import {
  type ItemContent,
  itemContentSchema,
  MAX_KEYWORDS,
  publishableItemSchema,
} from '@psc/contracts/catalogue';
import { Outbox } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { AppError } from '@psc/server-kit';
import { isDeepStrictEqual } from 'node:util';
import type { Model } from 'mongoose';
import { normalise } from '../search/search-index';
import { CatalogueCacheService } from '../view/catalogue-cache.service';
import { type Item, ITEM_MODEL, ITEM_VERSION_MODEL, type ItemVersion, versionId } from './item.model';

@Injectable()
export class ItemsService {
  constructor(
    @InjectModel(ITEM_MODEL) private readonly items: Model<Item>,
    @InjectModel(ITEM_VERSION_MODEL) private readonly versions: Model<ItemVersion>,
    private readonly outbox: Outbox,
    private readonly cache: CatalogueCacheService,
  ) {}

  async createDraft(draft: ItemContent): Promise<Item> {
    const now = new Date();
    const item: Item = {
      _id: draft.code,
      draft,
      revision: 1,
      publishedVersion: null,
      dirty: true,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.outbox.create(this.items, item, [
        {
          type: 'catalogue.item.drafted',
          data: { itemId: item._id, code: draft.code, name: draft.name, theme: draft.theme },
        },
      ]);
    } catch (error) {
      if (isDuplicateKey(error))
        throw new AppError('CATALOGUE.ITEM_CODE_TAKEN', `事项编码 ${draft.code} 已被使用`);
      throw error;
    }
    return item;
  }

  async getDraft(code: string): Promise<Item> {
    const item = await this.items.findById(code).lean<Item>();
    if (!item) throw new AppError('CATALOGUE.ITEM_NOT_FOUND', `没有找到编码为 ${code} 的服务事项`);
    return item;
  }

  /** Replaces the draft when the editor saw the latest revision; otherwise says someone else changed it first. */
  async updateDraft(code: string, revision: number, changes: Omit<ItemContent, 'code'>): Promise<Item> {
    const content: ItemContent = { ...changes, code };
    // plain updateOne: FerretDB refuses findAndModify with the projection mongoose adds for the hidden outbox fields
    const { modifiedCount } = await this.items.updateOne(
      { _id: code, revision },
      { $set: { draft: content, dirty: true, updatedAt: new Date() }, $inc: { revision: 1 } },
    );
    const updated = modifiedCount === 1 ? await this.getDraft(code) : undefined;
    if (updated) return updated;
    const current = await this.getDraft(code);
    throw new AppError(
      'COMMON.CONFLICT',
      `该事项已被他人修改（当前第 ${current.revision} 版草稿，您编辑的是第 ${revision} 版），请刷新后再改`,
    );
  }

  /**
   * Freezes the draft as the next immutable version and announces it. The version document is written first; the
   * item then moves to it together with the event. A retry after a crash between the two finds its own version
   * document (same content) and completes the move.
   */
  async publish(code: string, principal: Principal): Promise<ItemVersion> {
    const item = await this.getDraft(code);
    const checked = publishableItemSchema.safeParse(item.draft);
    if (!checked.success) {
      throw new AppError(
        'CATALOGUE.NOT_PUBLISHABLE',
        checked.error.issues[0]?.message,
        checked.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
      );
    }
    const content: ItemContent = checked.data;
    if (item.publishedVersion !== null && !item.dirty) throw new AppError('CATALOGUE.NOTHING_TO_PUBLISH');

    const version = await this.release(item, content, principal, {
      $set: { publishedVersion: (item.publishedVersion ?? 0) + 1, dirty: false },
    });
    if (!version) throw new AppError('COMMON.CONFLICT', '发布期间草稿被他人修改，请确认后重新发布');
    return version;
  }

  /**
   * A word or phrasing residents use (from the counter's 查无结果 page) joins the item's keywords as the next
   * version of what is published, announced like any publish, so every kiosk finds the item by it at once. The
   * draft gains it too, so the next publish of the draft keeps it. A draft changed meanwhile is read again.
   */
  async addKeyword(code: string, keyword: string, principal: Principal): Promise<ItemVersion> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const item = await this.getDraft(code);
      if (item.publishedVersion === null) throw new AppError('CATALOGUE.NOT_PUBLISHED');
      const published = await this.version(code, item.publishedVersion);
      const has = (words: readonly string[]) => words.some((w) => normalise(w) === normalise(keyword));
      if (has(published.content.keywords))
        throw new AppError('CATALOGUE.KEYWORD_EXISTS', `“${published.content.name}”已有说法“${keyword}”`);
      if (published.content.keywords.length >= MAX_KEYWORDS) throw new AppError('CATALOGUE.KEYWORDS_FULL');
      const content = itemContentSchema.parse({
        ...published.content,
        keywords: [...published.content.keywords, keyword],
      });
      const draft = has(item.draft.keywords)
        ? item.draft
        : { ...item.draft, keywords: [...item.draft.keywords, keyword].slice(0, MAX_KEYWORDS) };
      const version = await this.release(item, content, principal, {
        $set: {
          publishedVersion: item.publishedVersion + 1,
          draft,
          dirty: !isDeepStrictEqual(draft, content),
        },
        $inc: { revision: 1 },
      });
      if (version) return version;
    }
    throw new AppError('COMMON.CONFLICT', '该事项正在被他人修改，请稍后再试');
  }

  /**
   * Writes `content` as the item's next immutable version, then moves the item to it with `change` and the
   * published event, only from the revision read. The version document comes first: a retry after a crash between
   * the two finds its own version (same content) and completes the move. Undefined when the revision moved on.
   */
  private async release(
    item: Item,
    content: ItemContent,
    principal: Principal,
    change: { $set: Partial<Item>; $inc?: { revision: 1 } },
  ): Promise<ItemVersion | undefined> {
    const code = item._id;
    const next = (item.publishedVersion ?? 0) + 1;
    const version: ItemVersion = {
      _id: versionId(code, next),
      code,
      version: next,
      content,
      publishedAt: new Date(),
      publishedBy: principal.sub,
    };
    try {
      await this.versions.create(version);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.versions.findById(version._id).lean<ItemVersion>();
      if (!existing || !isDeepStrictEqual(existing.content, content)) throw new AppError('COMMON.CONFLICT');
      Object.assign(version, existing);
    }
    const moved = await this.outbox.update(
      this.items,
      { _id: code, revision: item.revision },
      { ...change, $set: { ...change.$set, updatedAt: version.publishedAt } },
      [
        {
          type: 'catalogue.item.published',
          data: { code, version: next, publishedAt: version.publishedAt.toISOString(), content },
        },
      ],
    );
    if (!moved) return undefined;
    this.cache.apply(version);
    return version;
  }

  async version(code: string, version: number): Promise<ItemVersion> {
    const found = await this.versions.findById(versionId(code, version)).lean<ItemVersion>();
    if (!found) throw new AppError('CATALOGUE.VERSION_NOT_FOUND', `事项 ${code} 没有第 ${version} 版`);
    return found;
  }
}
