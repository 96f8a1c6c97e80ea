import { z } from 'zod';
import { THEME_CODES } from '../catalogue/item';
import {
  ACTIONS_NEEDING_REASON,
  CASE_ACTIONS,
  CASE_STATE_CODES,
  type CaseAction,
  caseStateSchema,
} from './case';

/** An instant as the services write it (`toISOString()`). */
const instant = z.iso.datetime();
/** A Shanghai calendar day or a due instant, as the case records hold it. */
const day = z.string();
const caseActionSchema = z.enum(Object.keys(CASE_ACTIONS) as [CaseAction, ...CaseAction[]]);

const scopeId = (label: string) =>
  z
    .string({ error: `缺少${label}` })
    .trim()
    .min(1, `缺少${label}`)
    .max(200);

/** 取号 at a kiosk: the resident picks a theme; no identity is needed to queue. */
export const takeTicketRequest = z.object({
  centreId: scopeId('服务中心'),
  theme: z.enum(THEME_CODES, { error: '请选择要办理的业务类别' }),
});
export type TakeTicketRequest = z.infer<typeof takeTicketRequest>;

export const callNextRequest = z.object({
  centreId: scopeId('服务中心'),
  window: z
    .string({ error: '请填写窗口号' })
    .trim()
    .regex(/^[0-9A-Za-z]{1,4}$/, '窗口号为 1–4 位字母或数字'),
  /** the themes this window serves; empty means any */
  themes: z
    .array(z.enum(THEME_CODES, { error: '业务类别不正确' }))
    .max(THEME_CODES.length)
    .default([]),
});
export type CallNextRequest = z.infer<typeof callNextRequest>;

export const closeTicketRequest = z.object({
  outcome: z.enum(['served', 'no_show'], { error: '请选择已办理或过号' }),
});
export type CloseTicketRequest = z.infer<typeof closeTicketRequest>;

export const ticketView = z.object({
  ticketId: z.string(),
  centreId: z.string(),
  number: z.string(),
  theme: z.string(),
  /** `expired`: left waiting or called on an earlier day; tickets hold for the day they were taken */
  state: z.enum(['waiting', 'called', 'served', 'no_show', 'expired']),
  issuedAt: instant,
  calledAt: instant.nullable(),
  window: z.string().nullable(),
  /** people before this ticket in its queue (waiting tickets only) */
  waitingAhead: z.number().int().min(0),
  estimateMinutes: z.number().min(0),
});
export type TicketView = z.infer<typeof ticketView>;

export const queueBoard = z.object({
  centreId: z.string(),
  day: z.string(),
  waiting: z.array(z.object({ theme: z.string(), count: z.number().int(), estimateMinutes: z.number() })),
  /** the latest calls, newest first, for the hall display */
  calling: z.array(z.object({ number: z.string(), window: z.string(), calledAt: instant })),
});
export type QueueBoard = z.infer<typeof queueBoard>;

export const queueBoardQuery = z.object({ centreId: scopeId('服务中心') });
export type QueueBoardQuery = z.infer<typeof queueBoardQuery>;

/** 一窗受理: the applicant identified through the identity service, and every material of the item ticked. */
export const openCaseRequest = z.object({
  centreId: scopeId('服务中心'),
  itemCode: z.string({ error: '请选择办理事项' }).trim().min(1, '请选择办理事项').max(32),
  residentId: z.string({ error: '请先核验申请人身份' }).min(1, '请先核验申请人身份').max(64),
  /** last 6 characters of the ID number: residents look a case up with its number and these */
  idTail: z
    .string({ error: '缺少身份证号码后 6 位' })
    .trim()
    .toUpperCase()
    .regex(/^\d{5}[\dX]$/, '身份证号码后 6 位格式不正确'),
  ticketId: z.string().max(64).optional(),
  materials: z
    .array(z.object({ name: z.string().trim().min(1).max(80), provided: z.boolean() }), {
      error: '请逐项核对申请材料',
    })
    .max(40),
});
export type OpenCaseRequest = z.infer<typeof openCaseRequest>;

const reason = z.string().trim().max(500, '原因最多 500 个字').optional();

/** One step of a case. `revision` is what the member of staff saw: someone else's step in between wins. */
export const caseActionRequest = z
  .object({
    action: z.enum(Object.keys(CASE_ACTIONS) as [CaseAction], { error: '不支持的办件操作' }),
    revision: z.number({ error: '缺少办件版本号，请刷新后再操作' }).int().min(1),
    reason,
    /** supplement: the materials brought back, all of the item's list ticked again */
    materials: z
      .array(z.object({ name: z.string().trim().min(1).max(80), provided: z.boolean() }))
      .max(40)
      .optional(),
    /** assign: the department inbox or the proxy (代办员, possibly a volunteer) taking the case */
    assignee: z
      .object({
        kind: z.enum(['department', 'proxy'], { error: '请选择分办给部门还是代办员' }),
        name: z.string().trim().min(1, '请填写承办部门或代办员').max(60),
        /** a proxy who is a registered volunteer (their resident id): completing the case credits their hours */
        volunteerId: z.string().trim().min(1).max(64).optional(),
      })
      .optional(),
    /** complete: the minutes a volunteer proxy spent on the case, credited to them by the volunteer service */
    proxyMinutes: z
      .number({ error: '请填写代办员的服务时长（分钟）' })
      .int('服务时长须为整数分钟')
      .min(1, '服务时长至少 1 分钟')
      .max(24 * 60, '服务时长不超过 24 小时')
      .optional(),
    /** deliver: how the result reached the resident; only 窗口领取 is another trip */
    channel: z.enum(['window', 'mail', 'online', 'onsite'], { error: '请选择送达方式' }).optional(),
  })
  .superRefine((body, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (ACTIONS_NEEDING_REASON.includes(body.action) && !body.reason)
      need('reason', `“${CASE_ACTIONS[body.action]}”须写明原因，申请人会看到`);
    if (body.action === 'supplement' && !body.materials) need('materials', '请逐项核对补交的材料');
    if (body.action === 'assign' && !body.assignee) need('assignee', '请选择承办部门或代办员');
    if (body.action === 'deliver' && !body.channel) need('channel', '请选择送达方式');
  });
export type CaseActionRequest = z.infer<typeof caseActionRequest>;

export const rateCaseRequest = z.object({
  score: z.number({ error: '请选择评价等级' }).int().min(1, '评价等级为 1–5').max(5, '评价等级为 1–5'),
  comment: z.string().trim().max(300, '评价内容最多 300 个字').optional(),
});
export type RateCaseRequest = z.infer<typeof rateCaseRequest>;

/** 好差评 from the link texted on delivery: the link's token stands in for signing in. */
export const rateByLinkRequest = rateCaseRequest.extend({
  token: z
    .string({ error: '缺少评价链接的校验码' })
    .trim()
    .min(16, '评价链接不完整，请从短信中重新打开')
    .max(64),
});
export type RateByLinkRequest = z.infer<typeof rateByLinkRequest>;

export const supplyDeferredRequest = z.object({
  revision: z.number({ error: '缺少办件版本号，请刷新后再操作' }).int().min(1),
  /** brought to the window (a trip) rather than sent */
  inPerson: z.boolean({ error: '请说明材料是现场补交还是邮寄/网上补交' }),
});
export type SupplyDeferredRequest = z.infer<typeof supplyDeferredRequest>;

export const answerRectificationRequest = z.object({
  answer: z.string({ error: '请填写整改情况' }).trim().min(5, '整改情况至少 5 个字').max(1000),
});
export type AnswerRectificationRequest = z.infer<typeof answerRectificationRequest>;

/** where a rating was given: at a kiosk signed in, or from the SMS link sent on delivery */
export const ratingChannel = z.enum(['kiosk', 'sms']);
export type RatingChannel = z.infer<typeof ratingChannel>;

export const slaState = z.enum(['on_track', 'due_soon', 'overdue']);
export type SlaState = z.infer<typeof slaState>;

export const caseEvent = z.object({
  /** `open` at intake, `supply_deferred` for 容缺 materials brought, `rectify` for the answer to a 差评, else the step */
  action: z.union([caseActionSchema, z.enum(['open', 'supply_deferred', 'rectify'])]),
  from: caseStateSchema.nullable(),
  to: caseStateSchema,
  by: z.string(),
  role: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
});
export type CaseEvent = z.infer<typeof caseEvent>;

/** Materials accepted on promise (容缺): due by `due`; `overdue` once that day ended with them not brought. */
export const deferredMaterials = z.object({
  names: z.array(z.string()),
  due: day.nullable(),
  supplied: z.boolean(),
  overdue: z.boolean(),
});
export type DeferredMaterials = z.infer<typeof deferredMaterials>;

/** A case as staff see it. No personal data beyond the resident's id: names and numbers stay in identity. */
export const caseView = z.object({
  caseNo: z.string(),
  revision: z.number().int().min(1),
  centreId: z.string(),
  item: z.object({ code: z.string(), version: z.number().int(), name: z.string(), promisedDays: z.number() }),
  residentId: z.string(),
  state: caseStateSchema,
  allowedActions: z.array(caseActionSchema),
  openedAt: instant,
  acceptedAt: instant.nullable(),
  due: day.nullable(),
  sla: slaState.nullable(),
  missing: z.array(z.string()),
  deferred: deferredMaterials,
  assignee: z
    .object({ kind: z.enum(['department', 'proxy']), name: z.string(), volunteerId: z.string().optional() })
    .nullable(),
  deliveredVia: z.enum(['window', 'mail', 'online', 'onsite']).nullable(),
  trips: z.number().int().min(0),
  rating: z
    .object({ score: z.number().int(), comment: z.string().nullable(), at: instant, via: ratingChannel })
    .nullable(),
  rectification: z
    .object({ due: day, answer: z.string().nullable(), answeredAt: instant.nullable(), overdue: z.boolean() })
    .nullable(),
  history: z.array(caseEvent),
});
export type CaseView = z.infer<typeof caseView>;

/** What a resident sees at a kiosk with the case number and the last 6 of their ID number: no staff, no names. */
export const caseProgress = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  state: caseStateSchema,
  openedAt: instant,
  due: day.nullable(),
  missing: z.array(z.string()),
  deferred: deferredMaterials,
  steps: z.array(caseEvent.pick({ action: true, to: true, at: true, reason: true })),
  canRate: z.boolean(),
});
export type CaseProgress = z.infer<typeof caseProgress>;

/**
 * A time limit that stands for a centre: a running case near (`due_soon`) or past (`overdue`) its due day, a 差评
 * left unanswered past its deadline, or 容缺 materials not brought by the promised day. The workbench shows them on
 * opening and then as they are raised.
 */
export const caseAlert = z.object({
  caseNo: z.string(),
  kind: z.enum(['due_soon', 'overdue', 'rectification_overdue', 'promise_overdue']),
  due: day,
  assignee: z.string().nullable(),
});
export type CaseAlert = z.infer<typeof caseAlert>;

export const caseListQuery = z.object({
  centreId: scopeId('服务中心'),
  state: z.enum(CASE_STATE_CODES, { error: '办件状态不正确' }).optional(),
  sla: z.enum(slaState.options, { error: '时限状态不正确' }).optional(),
  assignee: z.string().trim().max(60).optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const caseAlertsQuery = caseListQuery.pick({ centreId: true });
export type CaseAlertsQuery = z.infer<typeof caseAlertsQuery>;

/** `Idempotency-Key` (made by the workbench once per intake form) turns a double submission into one case. */
export const openCaseHeaders = z.object({
  'Idempotency-Key': z
    .string({ error: '缺少请求编号（Idempotency-Key），请刷新页面后重试' })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号（Idempotency-Key）应为 8–64 位字母、数字、_ 或 -'),
});
export type OpenCaseHeaders = z.infer<typeof openCaseHeaders>;

/** Progress by case number and the last 6 characters of the applicant's ID number (kiosk, the notice's QR code). */
export const caseProgressQuery = z.object({
  idTail: z
    .string({ error: '请输入身份证号码后 6 位' })
    .trim()
    .toUpperCase()
    .regex(/^\d{5}[\dXx]$/, '身份证号码后 6 位格式不正确'),
});
export type CaseProgressQuery = z.infer<typeof caseProgressQuery>;

/** The rating link's token, texted on delivery. */
export const ratingLinkQuery = z.object({
  t: z.string({ error: '缺少评价链接的校验码' }).trim().min(16, '评价链接不完整，请从短信中重新打开').max(64),
});
export type RatingLinkQuery = z.infer<typeof ratingLinkQuery>;
