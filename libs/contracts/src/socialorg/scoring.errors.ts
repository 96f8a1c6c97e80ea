import type { ErrorDefinition } from '../slices';

/** Expert review: assignments, conflict-of-interest declarations, score sheets and the ranking. */
export const SCORING_ERROR_CODES = {
  'SOCIALORG.REVIEW_NOT_FOUND': { status: 404, message: '您没有被指派评审该项目' },
  'SOCIALORG.REVIEW_ILLEGAL_STEP': { status: 409, message: '评审当前状态下不能进行该操作' },
  'SOCIALORG.CONFLICT_OF_INTEREST': { status: 409, message: '您与申报组织存在关联，须回避，不能评审该项目' },
  'SOCIALORG.REVIEWS_OUTSTANDING': { status: 409, message: '尚有评审专家未完成声明或评分，暂不能排名' },
} as const satisfies Record<string, ErrorDefinition>;
