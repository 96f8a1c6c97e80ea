import type { ErrorDefinition } from '../slices';

export const AFFAIRS_ERROR_CODES = {
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
} as const satisfies Record<string, ErrorDefinition>;
