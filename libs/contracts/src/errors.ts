/** Stable error codes across services, each with the zh-CN message a person sees when the server gives none. */
export const ERROR_CODES = {
  'COMMON.VALIDATION_FAILED': { status: 400, message: '提交的内容有误，请按提示修改后再试' },
  'COMMON.NOT_FOUND': { status: 404, message: '没有找到要访问的内容' },
  'COMMON.CONFLICT': { status: 409, message: '内容已被他人修改，请刷新后再试' },
  'COMMON.PAYLOAD_TOO_LARGE': { status: 413, message: '提交的内容太大' },
  'COMMON.RATE_LIMITED': { status: 429, message: '操作太频繁，请稍后再试' },
  'COMMON.INTERNAL': { status: 500, message: '系统开小差了，请稍后再试；如仍有问题请联系工作人员' },
  'COMMON.UNAVAILABLE': { status: 503, message: '服务暂时不可用，请稍后再试' },
  'CATALOGUE.ITEM_CODE_TAKEN': { status: 409, message: '该事项编码已被使用' },
  'CATALOGUE.ITEM_NOT_FOUND': { status: 404, message: '没有找到该服务事项' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
  correlationId?: string;
}
