import { describe, expect, it } from 'vitest';
import { affairsReads, catalogueReads } from './reads';

describe('shared reads', () => {
  it('encode what they are given and leave out what is not', () => {
    expect(catalogueReads.item('MZ/001').path).toBe('/catalogue/items/MZ%2F001');
    expect(catalogueReads.search('低保 sq', 'sz/c-001').path).toBe(
      '/catalogue/search?q=%E4%BD%8E%E4%BF%9D+sq&centre=sz%2Fc-001',
    );
    expect(catalogueReads.search('dbsq', 'sz', 20).path).toBe('/catalogue/search?q=dbsq&centre=sz&limit=20');
    expect(catalogueReads.itemVersion('MZ-001', 3).path).toBe('/catalogue/items/MZ-001/versions/3');
    expect(affairsReads.board('sz/c-001').path).toBe('/affairs/queue/board?centreId=sz%2Fc-001');
  });
});
