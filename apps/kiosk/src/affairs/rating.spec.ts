import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { composeComment, isBadRating, RATING_SCORES } from './rating';

describe('rating at the kiosk', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN';
  });

  it('offers the five grades from 非常满意 down, and calls the lower two 差评', () => {
    expect(RATING_SCORES).toEqual([5, 4, 3, 2, 1]);
    expect(RATING_SCORES.filter(isBadRating)).toEqual([2, 1]);
  });

  it('joins the tapped remarks in a fixed order, whatever order they were tapped in', () => {
    expect(composeComment([])).toBeUndefined();
    expect(composeComment(['longWait'])).toBe('等待时间长');
    expect(composeComment(['unclearMaterials', 'fast', 'longWait'])).toBe(
      '办事快；等待时间长；材料要求不清楚',
    );
  });

  it('writes the comment in Chinese for the centre even when the resident reads English', () => {
    i18n.global.locale.value = 'en';
    expect(composeComment(['friendly', 'manyTrips'])).toBe('服务态度好；来回跑了多次');
  });
});
