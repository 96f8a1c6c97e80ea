import type { ErrorDefinition } from '../slices';

/** volunteer's error codes, `VOLUNTEER.<CODE>`, each with the zh-CN message a person sees; part of ERROR_CODES. */
export const VOLUNTEER_ERROR_CODES = {
  'VOLUNTEER.NOT_REGISTERED': { status: 404, message: '您还没有登记为志愿者，请先在“志愿服务”中登记' },
  'VOLUNTEER.ALREADY_REGISTERED': { status: 409, message: '您已经登记为志愿者' },
  'VOLUNTEER.VOLUNTEER_NOT_FOUND': { status: 404, message: '没有找到该志愿者' },
  'VOLUNTEER.TEAM_NOT_FOUND': { status: 404, message: '没有找到该志愿服务队' },
  'VOLUNTEER.ACTIVITY_NOT_FOUND': { status: 404, message: '没有找到该志愿活动' },
  'VOLUNTEER.CODE_NOT_FOUND': {
    status: 404,
    message: '活动码不正确，或不在签到时间内（活动开始前 30 分钟至结束后 2 小时）',
  },
  'VOLUNTEER.ACTIVITY_TIME_INVALID': { status: 400, message: '活动结束时间须晚于开始时间，且不超过 24 小时' },
  'VOLUNTEER.ACTIVITY_CLOSED': { status: 409, message: '该活动已结束报名' },
  'VOLUNTEER.ALREADY_SIGNED_UP': { status: 409, message: '您已报名该活动' },
  'VOLUNTEER.NOT_SIGNED_UP': { status: 409, message: '您没有报名该活动，或仍在候补名单中' },
  'VOLUNTEER.ATTENDANCE_STATE': { status: 409, message: '当前签到状态下不能进行该操作' },
  'VOLUNTEER.ALREADY_APPROVED': { status: 409, message: '该时长已审核入账' },
  'VOLUNTEER.ENTRY_NOT_FOUND': { status: 404, message: '没有找到该条时长记录' },
  'VOLUNTEER.ENTRY_NOT_POSTED': { status: 409, message: '该时长记录正在入账，请稍后再试' },
  'VOLUNTEER.ENTRY_ALREADY_REVERSED': { status: 409, message: '该时长记录已被冲正' },
  'VOLUNTEER.CORRECTION_NOT_FOUND': { status: 404, message: '没有找到该更正申请' },
  'VOLUNTEER.CORRECTION_ANSWERED': { status: 409, message: '该更正申请已答复' },
  'VOLUNTEER.CORRECTION_PENDING': { status: 409, message: '该时长记录已有待答复的更正申请' },
  'VOLUNTEER.CERTIFICATE_NOT_FOUND': { status: 404, message: '没有找到该志愿服务记录证明' },
  'VOLUNTEER.CERTIFICATE_STATE': { status: 409, message: '该证明当前状态下不能进行该操作' },
  'VOLUNTEER.CERTIFICATE_NOT_GENUINE': {
    status: 404,
    message: '该证明未通过核验：签名不符或证明不存在，可能是伪造或被篡改的证明',
  },
  'VOLUNTEER.WISH_NOT_FOUND': { status: 404, message: '没有找到该微心愿' },
  'VOLUNTEER.WISH_TEXT_REFUSED': { status: 400, message: '心愿内容不符合要求' },
  'VOLUNTEER.WISH_STATE': { status: 409, message: '该微心愿当前状态下不能进行该操作' },
  'VOLUNTEER.NOT_PARTY_MEMBER': { status: 409, message: '您尚未登记为在职党员' },
} as const satisfies Record<string, ErrorDefinition>;
