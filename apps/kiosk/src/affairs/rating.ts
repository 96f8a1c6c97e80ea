import { BAD_RATING_MAX } from '@psc/contracts/affairs';
import { i18n } from '../i18n';

/** 非常满意 (5) first, as the five large buttons read from top to bottom. */
export const RATING_SCORES = [5, 4, 3, 2, 1] as const;
export type RatingScore = (typeof RATING_SCORES)[number];

/** Tappable remarks in place of a keyboard; the order here is the order they are written in. */
export const PRESET_COMMENTS = [
  'fast',
  'friendly',
  'oneTrip',
  'longWait',
  'unclearMaterials',
  'manyTrips',
] as const;
export type PresetComment = (typeof PRESET_COMMENTS)[number];

/** 差评: the centre calls back and must fix it within a deadline. */
export const isBadRating = (score: number): boolean => score <= BAD_RATING_MAX;

/**
 * The comment sent with a rating. It is written in Chinese whatever language the resident chose: the centre's
 * staff and the rectification read it. Nothing tapped means no comment.
 */
export function composeComment(selected: Iterable<PresetComment>): string | undefined {
  const chosen = new Set(selected);
  const parts = PRESET_COMMENTS.filter((key) => chosen.has(key)).map((key) =>
    i18n.global.t(`rating.preset.${key}`, {}, { locale: 'zh-CN' }),
  );
  return parts.length > 0 ? parts.join('；') : undefined;
}
