import type { ErrorDefinition } from '../slices';

export const CATALOGUE_ERROR_CODES = {
  'CATALOGUE.ITEM_CODE_TAKEN': { status: 409, message: '该事项编码已被使用' },
  'CATALOGUE.ITEM_NOT_FOUND': { status: 404, message: '没有找到该服务事项' },
  'CATALOGUE.VERSION_NOT_FOUND': { status: 404, message: '没有找到该事项的这个版本' },
  'CATALOGUE.NOT_PUBLISHABLE': { status: 422, message: '事项信息还不完整，不能发布' },
  'CATALOGUE.NOTHING_TO_PUBLISH': { status: 409, message: '草稿与已发布的版本相同，无需再次发布' },
  'CATALOGUE.CENTRE_NOT_FOUND': { status: 404, message: '没有找到该服务中心' },
  'CATALOGUE.NOT_PUBLISHED': { status: 409, message: '该事项尚未发布，请先发布后再添加说法' },
  'CATALOGUE.KEYWORD_EXISTS': { status: 409, message: '该事项已有这个说法' },
  'CATALOGUE.KEYWORDS_FULL': { status: 422, message: '该事项的说法已达上限，请先在事项编辑中整理' },
  'CATALOGUE.ROOM_NOT_FOUND': { status: 404, message: '没有找到该场地' },
  'CATALOGUE.ROOM_NOT_BOOKABLE': { status: 422, message: '该场地不对外预约，请到服务台咨询' },
  'CATALOGUE.SLOT_INVALID': { status: 422, message: '该时段不可预约，请选择开放时间内的其他时段' },
  'CATALOGUE.SLOT_TAKEN': { status: 409, message: '该时段刚刚已被约满，请选择其他时段' },
  'CATALOGUE.ALREADY_BOOKED': { status: 409, message: '您已预约了这个时段' },
  'CATALOGUE.BOOKING_LIMIT': { status: 409, message: '本周预约次数已达上限' },
  'CATALOGUE.GROUP_NOT_ALLOWED': { status: 422, message: '该场地按座位预约，只能个人预约' },
  'CATALOGUE.TOO_MANY_ATTENDEES': { status: 422, message: '人数超过了场地容量' },
  'CATALOGUE.BOOKING_NOT_FOUND': { status: 404, message: '没有找到该预约' },
  'CATALOGUE.BOOKING_CLOSED': { status: 409, message: '该预约已取消或已登记到场情况' },
  'CATALOGUE.TOO_EARLY': { status: 409, message: '时段开始后才能登记到场情况' },
} as const satisfies Record<string, ErrorDefinition>;
