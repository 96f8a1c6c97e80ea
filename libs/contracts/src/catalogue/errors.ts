import type { ErrorDefinition } from '../slices';

export const CATALOGUE_ERROR_CODES = {
  'CATALOGUE.ITEM_CODE_TAKEN': { status: 409, message: '该事项编码已被使用' },
  'CATALOGUE.ITEM_NOT_FOUND': { status: 404, message: '没有找到该服务事项' },
  'CATALOGUE.VERSION_NOT_FOUND': { status: 404, message: '没有找到该事项的这个版本' },
  'CATALOGUE.NOT_PUBLISHABLE': { status: 422, message: '事项信息还不完整，不能发布' },
  'CATALOGUE.NOTHING_TO_PUBLISH': { status: 409, message: '草稿与已发布的版本相同，无需再次发布' },
  'CATALOGUE.CENTRE_NOT_FOUND': { status: 404, message: '没有找到该服务中心' },
} as const satisfies Record<string, ErrorDefinition>;
