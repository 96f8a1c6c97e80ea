import type { ErrorDefinition } from '../slices';

/** Codes any service may answer with: bad input, limits, and tokens and roles (`@psc/auth`). */
export const COMMON_ERROR_CODES = {
  'COMMON.VALIDATION_FAILED': { status: 400, message: '提交的内容有误，请按提示修改后再试' },
  'COMMON.NOT_FOUND': { status: 404, message: '没有找到要访问的内容' },
  'COMMON.CONFLICT': { status: 409, message: '内容已被他人修改，请刷新后再试' },
  'COMMON.METHOD_NOT_ALLOWED': { status: 405, message: '该地址不支持这种请求方式' },
  'COMMON.PAYLOAD_TOO_LARGE': { status: 413, message: '提交的内容太大' },
  'COMMON.RATE_LIMITED': { status: 429, message: '操作太频繁，请稍后再试' },
  'COMMON.INTERNAL': { status: 500, message: '系统开小差了，请稍后再试；如仍有问题请联系工作人员' },
  'COMMON.UNAVAILABLE': { status: 503, message: '服务暂时不可用，请稍后再试' },
  'AUTH.TOKEN_MISSING': { status: 401, message: '请先登录' },
  'AUTH.TOKEN_INVALID': { status: 401, message: '登录已失效，请重新登录' },
  'AUTH.TOKEN_EXPIRED': { status: 401, message: '登录已失效，请重新登录' },
  'AUTH.KIOSK_SESSION_MISMATCH': { status: 401, message: '自助终端会话已结束，请重新核验身份' },
  'AUTH.FORBIDDEN': { status: 403, message: '您没有权限进行此操作' },
  'AUTH.OUT_OF_SCOPE': { status: 403, message: '该数据不在您的管辖范围内' },
  'AUTH.NOT_OWN_RECORD': { status: 403, message: '只能查看本人的记录' },
  'AUTH.SESSION_ENDED': { status: 401, message: '会话已结束，请重新登录或重新核验身份' },
} as const satisfies Record<string, ErrorDefinition>;
