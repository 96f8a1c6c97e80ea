import { formatFen } from '@psc/util';
import { z } from 'zod';
import { calendarDay } from '../common/day';

/**
 * Money in the socialorg slice is whole 分. The ceiling (100亿元) keeps every sum and every `amount × percent` of a
 * call, an agreement or a scheme well inside the integers a double holds exactly.
 */
export const MAX_FEN = 1_000_000_000_000;

/** A positive amount in 分, refused with the field's name when it is not one. */
export const fenAmount = (label: string) =>
  z
    .number({ error: `请填写${label}（以分为单位的整数）` })
    .int(`${label}须为整数分`)
    .min(1, `${label}须大于 0`)
    .max(MAX_FEN, `${label}不能超过 100 亿元`);

/** An amount in an answer: zero or more 分. */
export const fenSchema = z.number().int().min(0).max(MAX_FEN);

/** 4950000 → "49,500.00元": how a refusal names an amount. */
export const yuan = (fen: number) => `${formatFen(fen).replace(/^(-?)¥/, '$1')}元`;

/** A place that runs a call or a scheme: a district (`sz/futian`) or a street (`sz/futian/xiangmihu`). */
const SEGMENT = '[a-z0-9][a-z0-9-]{0,63}';
export const ownerScopeSchema = z
  .string({ error: '请选择主办的区或街道' })
  .regex(
    new RegExp(`^${SEGMENT}(/${SEGMENT}){1,2}$`),
    '主办单位应为区（如 sz/futian）或街道（如 sz/futian/xiangmihu）',
  );

export const OWNER_LEVELS = { district: '区级', street: '街道级' } as const;
export type OwnerLevel = keyof typeof OWNER_LEVELS;
export const ownerLevelOf = (scope: string): OwnerLevel =>
  scope.split('/').length === 2 ? 'district' : 'street';

/** A Shanghai calendar day, `YYYY-MM-DD`. */
export const daySchema = calendarDay();

/** An instant as the services write it; what comes in is normalised with `new Date(…).toISOString()`. */
export const instantSchema = z.iso.datetime({
  error: '时间格式不正确，应为 ISO 8601（如 2026-03-01T00:00:00Z）',
});

/**
 * A stored file (attachment, milestone evidence) by the id the files API gave it. Only its shape is checked here;
 * the files module answers whether it exists.
 */
export const fileIdSchema = z
  .string({ error: '请上传附件' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '附件编号格式不正确，请重新上传');

/** An identifier in a path or a body: a call, an application, an agreement, a scheme, an organisation, a person. */
export const idSchema = (label: string) =>
  z
    .string({ error: `缺少${label}` })
    .trim()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, `${label}格式不正确`);

/** A step as the record keeps it: who took it, when and why. */
export const stepRecordSchema = z.object({
  action: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  by: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
});
export type StepRecord = z.infer<typeof stepRecordSchema>;
