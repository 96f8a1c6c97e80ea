import type { ErrorDefinition } from '../slices';

/** 以奖代补 and the party-branch start-up fund. */
export const SUBSIDIES_ERROR_CODES = {
  'SOCIALORG.SCHEME_NOT_FOUND': { status: 404, message: '没有找到该奖补项目' },
  'SOCIALORG.SCHEME_CLOSED': { status: 409, message: '该奖补项目已截止受理' },
  'SOCIALORG.CLAIM_NOT_FOUND': { status: 404, message: '没有找到该奖补申领' },
  'SOCIALORG.CLAIM_ILLEGAL_STEP': { status: 409, message: '奖补申领当前状态下不能进行该操作' },
  'SOCIALORG.NOT_ELIGIBLE': { status: 409, message: '不符合申领条件' },
  'SOCIALORG.ALREADY_CLAIMED': { status: 409, message: '该组织已申领过，不能重复申领' },
} as const satisfies Record<string, ErrorDefinition>;
