/** Stable error codes across services, each with the zh-CN message a person sees when the server gives none. */
export const ERROR_CODES = {
  'COMMON.VALIDATION_FAILED': { status: 400, message: '提交的内容有误，请按提示修改后再试' },
  'COMMON.NOT_FOUND': { status: 404, message: '没有找到要访问的内容' },
  'COMMON.CONFLICT': { status: 409, message: '内容已被他人修改，请刷新后再试' },
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
  'CATALOGUE.ITEM_CODE_TAKEN': { status: 409, message: '该事项编码已被使用' },
  'CATALOGUE.ITEM_NOT_FOUND': { status: 404, message: '没有找到该服务事项' },
  'CATALOGUE.VERSION_NOT_FOUND': { status: 404, message: '没有找到该事项的这个版本' },
  'CATALOGUE.NOT_PUBLISHABLE': { status: 422, message: '事项信息还不完整，不能发布' },
  'CATALOGUE.NOTHING_TO_PUBLISH': { status: 409, message: '草稿与已发布的版本相同，无需再次发布' },
  'CATALOGUE.CENTRE_NOT_FOUND': { status: 404, message: '没有找到该服务中心' },
  'IDENTITY.ID_NUMBER_INVALID': { status: 400, message: '身份证号码不正确，请核对后重新输入' },
  'IDENTITY.NAME_MISMATCH': { status: 400, message: '姓名与身份证号码不一致' },
  'IDENTITY.PHONE_REQUIRED': { status: 400, message: '首次使用请填写本人手机号码，用于接收验证码' },
  'IDENTITY.OTP_RATE_LIMITED': { status: 429, message: '获取验证码太频繁，请稍后再试' },
  'IDENTITY.OTP_WRONG': { status: 400, message: '验证码不正确，请核对短信后重新输入' },
  'IDENTITY.OTP_EXPIRED': { status: 400, message: '验证码已失效，请重新获取' },
  'IDENTITY.OTP_TOO_MANY_ATTEMPTS': { status: 400, message: '验证码错误次数过多，请重新获取验证码' },
  'IDENTITY.RESIDENT_NOT_FOUND': { status: 404, message: '没有找到该居民的信息' },
  'IDENTITY.BAD_CREDENTIALS': { status: 401, message: '用户名或密码不正确' },
  'IDENTITY.ACCOUNT_LOCKED': { status: 423, message: '账号已锁定，请稍后再试' },
  'IDENTITY.REFRESH_INVALID': { status: 401, message: '登录已过期，请重新登录' },
  'IDENTITY.REFRESH_REUSED': {
    status: 401,
    message: '登录凭据已在别处使用，为安全起见已退出登录，请重新登录',
  },
  'IDENTITY.PASSWORD_WEAK': { status: 400, message: '新密码至少 10 位，且须同时包含字母和数字' },
  'IDENTITY.PASSWORD_WRONG': { status: 400, message: '当前密码不正确' },
  'IDENTITY.USERNAME_TAKEN': { status: 409, message: '该用户名已被使用，请换一个' },
  'AFFAIRS.ITEM_NOT_AVAILABLE': { status: 404, message: '该事项尚未在本中心上线，请稍后再试或咨询工作人员' },
  'AFFAIRS.CHECKLIST_INCOMPLETE': { status: 400, message: '请逐项核对该事项的全部申请材料' },
  'AFFAIRS.CASE_NOT_FOUND': { status: 404, message: '没有找到该办件' },
  'AFFAIRS.ILLEGAL_TRANSITION': { status: 409, message: '办件当前状态下不能进行该操作' },
  'AFFAIRS.CASE_CHANGED': { status: 409, message: '该办件已被其他工作人员处理，请刷新后再操作' },
  'AFFAIRS.IDEMPOTENCY_KEY_REQUIRED': {
    status: 400,
    message: '缺少请求编号（Idempotency-Key），请刷新页面后重试',
  },
  'AFFAIRS.TICKET_NOT_FOUND': { status: 404, message: '没有找到该号码' },
  'AFFAIRS.QUEUE_EMPTY': { status: 404, message: '当前没有等候的群众' },
  'AFFAIRS.ALREADY_RATED': { status: 409, message: '该办件已评价过，每件只能评价一次' },
  'AFFAIRS.RATING_LINK_INVALID': {
    status: 404,
    message: '评价链接不正确，请核对短信中的链接，或在自助终端“我的办件”中评价',
  },
  'AFFAIRS.LOOKUP_FAILED': { status: 404, message: '办件编号或身份证号码后 6 位不正确，请核对后重试' },
  'COMMON.METHOD_NOT_ALLOWED': { status: 405, message: '该地址不支持这种请求方式' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
  correlationId?: string;
}
