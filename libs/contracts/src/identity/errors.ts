import type { ErrorDefinition } from '../slices';

export const IDENTITY_ERROR_CODES = {
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
} as const satisfies Record<string, ErrorDefinition>;
