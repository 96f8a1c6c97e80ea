import type { ErrorDefinition } from '../slices';

/** Calls for proposals, their 公示 and objections, and the applications made to them. */
export const CALLS_ERROR_CODES = {
  'SOCIALORG.CALL_NOT_FOUND': { status: 404, message: '没有找到该申报指南' },
  'SOCIALORG.CALL_ILLEGAL_STEP': { status: 409, message: '申报指南当前状态下不能进行该操作' },
  'SOCIALORG.CALL_CHANGED': { status: 409, message: '该申报指南刚被他人修改，请刷新后再操作' },
  'SOCIALORG.CALL_NOT_OPEN': { status: 409, message: '该申报指南当前不在申报期内' },
  'SOCIALORG.PUBLICITY_RUNNING': { status: 409, message: '公示期尚未结束，不能确定立项' },
  'SOCIALORG.OBJECTIONS_UNANSWERED': { status: 409, message: '公示期内的异议尚未全部答复，不能确定立项' },
  'SOCIALORG.OBJECTION_NOT_FOUND': { status: 404, message: '没有找到该异议' },
  'SOCIALORG.OBJECTION_WINDOW_CLOSED': { status: 409, message: '不在公示期内，不能提出异议' },
  'SOCIALORG.OBJECTION_ANSWERED': { status: 409, message: '该异议已经答复过' },
  'SOCIALORG.AWARD_NOT_FOUND': { status: 404, message: '该项目没有立项' },
  'SOCIALORG.AWARD_CONTRACTED': {
    status: 409,
    message: '该项目已签订协议，不能取消立项；如需停止请终止协议',
  },
  'SOCIALORG.APPLICATION_NOT_FOUND': { status: 404, message: '没有找到该申报' },
  'SOCIALORG.APPLICATION_ILLEGAL_STEP': { status: 409, message: '申报当前状态下不能进行该操作' },
  'SOCIALORG.APPLICATION_CHANGED': { status: 409, message: '该申报刚被修改过，请刷新后再操作' },
  'SOCIALORG.ALREADY_APPLIED': { status: 409, message: '本组织已申报过该指南，每个组织限报一个项目' },
  'SOCIALORG.ORGANISATION_NOT_FOUND': { status: 404, message: '没有找到该社会组织，请先完成组织登记' },
} as const satisfies Record<string, ErrorDefinition>;
