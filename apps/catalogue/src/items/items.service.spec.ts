import { type ItemContent, itemContentSchema } from '@psc/contracts/catalogue';
import type { Outbox } from '@psc/messaging';
import { AppError } from '@psc/server-kit';
import { staff } from '@psc/testing/unit';
import type { Model } from 'mongoose';
import { describe, expect, it, vi } from 'vitest';
import type { CatalogueCacheService } from '../view/catalogue-cache.service';
import type { Item, ItemVersion } from './item.model';
import { ItemsService } from './items.service';

const complete: ItemContent = itemContentSchema.parse({
  code: 'MZ-001',
  name: '最低生活保障申请',
  theme: 'civil-assistance',
  summary: '为家庭人均收入低于当地低保标准的居民提供基本生活保障。',
  department: '区民政局',
  legalBasis: ['《社会救助暂行办法》第九条'],
  conditions: ['本市户籍且家庭人均收入低于低保标准'],
  materials: [{ name: '居民身份证', form: 'original_and_copy', copies: 1, deferrable: false }],
  legalDays: 30,
  promisedDays: 15,
  delivery: ['window'],
});

const admin = staff('city_admin', 'sz', { sub: 'city-1' });

const lean = <T>(value: T) => ({ lean: vi.fn().mockResolvedValue(value) });

function newService(item: Partial<Item> | null, versions: Partial<Model<ItemVersion>> = {}) {
  const stored: Item | null = item && {
    _id: 'MZ-001',
    draft: complete,
    revision: 3,
    publishedVersion: null,
    dirty: true,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...item,
  };
  const items = {
    findById: vi.fn().mockReturnValue(lean(stored)),
    updateOne: vi.fn().mockResolvedValue({ modifiedCount: 0 }),
  };
  const outbox = { create: vi.fn().mockResolvedValue([]), update: vi.fn().mockResolvedValue(stored) };
  const cache = { apply: vi.fn() };
  const versionModel = { create: vi.fn().mockResolvedValue({}), findById: vi.fn(), ...versions };
  const sut = new ItemsService(
    items as unknown as Model<Item>,
    versionModel as unknown as Model<ItemVersion>,
    outbox as unknown as Outbox,
    cache as unknown as CatalogueCacheService,
  );
  return { sut, items, outbox, cache, versionModel };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('should fail'),
    (e: unknown) => e as AppError,
  );

describe('ItemsService', () => {
  it('writes a draft together with its drafted event, keyed by its code', async () => {
    const { sut, outbox } = newService(null);
    const item = await sut.createDraft(complete);
    expect(item).toMatchObject({ _id: 'MZ-001', revision: 1, publishedVersion: null, dirty: true });
    expect(outbox.create).toHaveBeenCalledWith(expect.anything(), item, [
      {
        type: 'catalogue.item.drafted',
        data: { itemId: 'MZ-001', code: 'MZ-001', name: '最低生活保障申请', theme: 'civil-assistance' },
      },
    ]);
  });

  it('turns a duplicate code into a 409 that names the code', async () => {
    const { sut, outbox } = newService(null);
    outbox.create.mockRejectedValue(Object.assign(new Error('dup'), { code: 11000 }));
    const error = await failure(sut.createDraft(complete));
    expect(error).toMatchObject({ code: 'CATALOGUE.ITEM_CODE_TAKEN', status: 409 });
    expect(error.message).toContain('MZ-001');
  });

  it('refuses to publish an item without materials, saying what to fix', async () => {
    const { sut, versionModel } = newService({ draft: { ...complete, materials: [] } });
    const error = await failure(sut.publish('MZ-001', admin));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'CATALOGUE.NOT_PUBLISHABLE', status: 422 });
    expect(error.message).toBe('没有申请材料的事项不能发布，请至少列出一项材料');
    expect(versionModel.create).not.toHaveBeenCalled();
  });

  it('publishes the next immutable version with its event, and only from the revision it checked', async () => {
    const { sut, versionModel, outbox, cache } = newService({ publishedVersion: 2 });
    const version = await sut.publish('MZ-001', admin);
    expect(version).toMatchObject({ _id: 'MZ-001@3', version: 3, content: complete, publishedBy: 'city-1' });
    expect(versionModel.create).toHaveBeenCalledWith(version);
    expect(outbox.update).toHaveBeenCalledWith(
      expect.anything(),
      { _id: 'MZ-001', revision: 3 },
      { $set: { publishedVersion: 3, dirty: false, updatedAt: version.publishedAt } },
      [
        {
          type: 'catalogue.item.published',
          data: {
            code: 'MZ-001',
            version: 3,
            publishedAt: version.publishedAt.toISOString(),
            content: complete,
          },
        },
      ],
    );
    expect(cache.apply).toHaveBeenCalledWith(version);
  });

  it('has nothing to publish when the draft equals the published version', async () => {
    const { sut } = newService({ publishedVersion: 1, dirty: false });
    expect(await failure(sut.publish('MZ-001', admin))).toMatchObject({
      code: 'CATALOGUE.NOTHING_TO_PUBLISH',
    });
  });

  it('completes a publish that died after writing its version, but not over different content', async () => {
    const dup = Object.assign(new Error('dup'), { code: 11000 });
    const same = newService(
      { publishedVersion: 1 },
      {
        create: vi.fn().mockRejectedValue(dup),
        findById: vi.fn().mockReturnValue(lean({ _id: 'MZ-001@2', version: 2, content: complete })),
      },
    );
    expect(await same.sut.publish('MZ-001', admin)).toMatchObject({ version: 2 });
    expect(same.outbox.update).toHaveBeenCalled();

    const other = newService(
      { publishedVersion: 1 },
      {
        create: vi.fn().mockRejectedValue(dup),
        findById: vi
          .fn()
          .mockReturnValue(lean({ _id: 'MZ-001@2', version: 2, content: { ...complete, name: '别的' } })),
      },
    );
    expect(await failure(other.sut.publish('MZ-001', admin))).toMatchObject({ code: 'COMMON.CONFLICT' });
    expect(other.outbox.update).not.toHaveBeenCalled();
  });

  it('tells the second of two editors that the draft changed under them', async () => {
    const { sut } = newService({ revision: 5 });
    const error = await failure(sut.updateDraft('MZ-001', 4, complete));
    expect(error).toMatchObject({ code: 'COMMON.CONFLICT', status: 409 });
    expect(error.message).toContain('第 5 版');
  });

  describe('adding a residents’ phrasing', () => {
    const counter = staff('counter_staff', 'sz/futian/xiangmihu/c-001', { sub: 'staff-7' });
    const published = (content: ItemContent) =>
      lean({
        _id: 'MZ-001@2',
        code: 'MZ-001',
        version: 2,
        content,
        publishedAt: new Date(),
        publishedBy: 'x',
      });

    it('publishes the next version with the keyword, and the draft keeps it', async () => {
      const { sut, versionModel, outbox, cache } = newService(
        { publishedVersion: 2, dirty: false },
        { findById: vi.fn().mockReturnValue(published(complete)) },
      );
      const version = await sut.addKeyword('MZ-001', '家里穷', counter);
      expect(version).toMatchObject({ _id: 'MZ-001@3', version: 3, publishedBy: 'staff-7' });
      expect(version.content.keywords).toEqual(['家里穷']);
      expect(versionModel.create).toHaveBeenCalledWith(version);
      const [, filter, update, events] = outbox.update.mock.calls[0] as [
        unknown,
        unknown,
        { $set: Item },
        unknown[],
      ];
      expect(filter).toEqual({ _id: 'MZ-001', revision: 3 });
      expect(update.$set).toMatchObject({
        publishedVersion: 3,
        dirty: false,
        draft: { keywords: ['家里穷'] },
      });
      expect(events).toMatchObject([{ type: 'catalogue.item.published', data: { version: 3 } }]);
      expect(cache.apply).toHaveBeenCalledWith(version);
    });

    it('refuses a keyword the item has (as normalised), and an item never published', async () => {
      const { sut } = newService(
        { publishedVersion: 2 },
        { findById: vi.fn().mockReturnValue(published({ ...complete, keywords: ['低保'] })) },
      );
      expect(await failure(sut.addKeyword('MZ-001', ' 低 保 ', counter))).toMatchObject({
        code: 'CATALOGUE.KEYWORD_EXISTS',
        status: 409,
      });
      const never = newService({ publishedVersion: null });
      expect(await failure(never.sut.addKeyword('MZ-001', '低保', counter))).toMatchObject({
        code: 'CATALOGUE.NOT_PUBLISHED',
      });
    });

    it('reads the item again when its draft changed meanwhile, and gives up with a 409 after three tries', async () => {
      const { sut, outbox } = newService(
        { publishedVersion: 2 },
        { findById: vi.fn().mockReturnValue(published(complete)) },
      );
      outbox.update.mockResolvedValue(null);
      expect(await failure(sut.addKeyword('MZ-001', '家里穷', counter))).toMatchObject({
        code: 'COMMON.CONFLICT',
      });
      expect(outbox.update).toHaveBeenCalledTimes(3);
    });
  });

  it('answers 404 for an unknown item and an unknown version', async () => {
    const { sut } = newService(null, { findById: vi.fn().mockReturnValue(lean(null)) });
    expect(await failure(sut.getDraft('NOPE'))).toMatchObject({
      code: 'CATALOGUE.ITEM_NOT_FOUND',
      status: 404,
    });
    expect(await failure(sut.version('MZ-001', 9))).toMatchObject({ code: 'CATALOGUE.VERSION_NOT_FOUND' });
  });
});
