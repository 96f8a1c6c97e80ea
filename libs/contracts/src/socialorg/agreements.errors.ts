import type { ErrorDefinition } from '../slices';

/** Project agreements, milestones, tranche payments, and the ledger every amount goes through. */
export const AGREEMENTS_ERROR_CODES = {
  'SOCIALORG.AGREEMENT_NOT_FOUND': { status: 404, message: '没有找到该项目协议' },
  'SOCIALORG.AGREEMENT_ILLEGAL_STEP': { status: 409, message: '项目协议当前状态下不能进行该操作' },
  'SOCIALORG.AGREEMENT_CHANGED': { status: 409, message: '该项目协议刚被他人处理，请刷新后再操作' },
  'SOCIALORG.MILESTONE_NOT_FOUND': { status: 404, message: '没有找到该项目节点' },
  'SOCIALORG.MILESTONE_ILLEGAL_STEP': { status: 409, message: '项目节点当前状态下不能进行该操作' },
  'SOCIALORG.TRANCHE_NOT_FOUND': { status: 404, message: '协议中没有这一笔款项' },
  'SOCIALORG.TRANCHE_NOT_PAYABLE': { status: 409, message: '该笔款项的拨付条件尚未满足' },
  'SOCIALORG.CONTRACT_EXCEEDS_AWARD': { status: 409, message: '协议金额不能超过立项金额' },
  'SOCIALORG.OVER_BUDGET': { status: 409, message: '金额超出剩余预算' },
  'SOCIALORG.PAYMENT_EXCEEDS': { status: 409, message: '拨付金额超出尚未拨付的金额' },
  'SOCIALORG.FUNDS_CLOSED': { status: 409, message: '该项目的资金已结清或已释放，不能再拨付' },
} as const satisfies Record<string, ErrorDefinition>;
