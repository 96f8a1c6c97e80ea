import { z } from 'zod';
import { THEME_CODES } from '../catalogue/item';
import {
  ACTIONS_NEEDING_REASON,
  CASE_ACTIONS,
  CASE_STATE_CODES,
  type CaseAction,
  type CaseState,
} from './case';

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

export interface TicketView {
  ticketId: string;
  centreId: string;
  number: string;
  theme: string;
  /** `expired`: left waiting or called on an earlier day; tickets hold for the day they were taken */
  state: 'waiting' | 'called' | 'served' | 'no_show' | 'expired';
  issuedAt: string;
  calledAt: string | null;
  window: string | null;
  /** people before this ticket in its queue (waiting tickets only) */
  waitingAhead: number;
  estimateMinutes: number;
}

export interface QueueBoard {
  centreId: string;
  day: string;
  waiting: { theme: string; count: number; estimateMinutes: number }[];
  /** the latest calls, newest first, for the hall display */
  calling: { number: string; window: string; calledAt: string }[];
}

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
      })
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
export type RatingChannel = 'kiosk' | 'sms';

export type SlaState = 'on_track' | 'due_soon' | 'overdue';

export interface CaseEvent {
  /** `open` at intake, `supply_deferred` for 容缺 materials brought, `rectify` for the answer to a 差评, else the step */
  action: CaseAction | 'open' | 'supply_deferred' | 'rectify';
  from: CaseState | null;
  to: CaseState;
  by: string;
  role: string;
  at: string;
  reason: string | null;
}

/** Materials accepted on promise (容缺): due by `due`; `overdue` once that day ended with them not brought. */
export interface DeferredMaterials {
  names: string[];
  due: string | null;
  supplied: boolean;
  overdue: boolean;
}

/** A case as staff see it. No personal data beyond the resident's id: names and numbers stay in identity. */
export interface CaseView {
  caseNo: string;
  revision: number;
  centreId: string;
  item: { code: string; version: number; name: string; promisedDays: number };
  residentId: string;
  state: CaseState;
  allowedActions: CaseAction[];
  openedAt: string;
  acceptedAt: string | null;
  due: string | null;
  sla: SlaState | null;
  missing: string[];
  deferred: DeferredMaterials;
  assignee: { kind: 'department' | 'proxy'; name: string } | null;
  deliveredVia: 'window' | 'mail' | 'online' | 'onsite' | null;
  trips: number;
  rating: { score: number; comment: string | null; at: string; via: RatingChannel } | null;
  rectification: { due: string; answer: string | null; answeredAt: string | null; overdue: boolean } | null;
  history: CaseEvent[];
}

/** What a resident sees at a kiosk with the case number and the last 6 of their ID number: no staff, no names. */
export interface CaseProgress {
  caseNo: string;
  itemName: string;
  state: CaseState;
  openedAt: string;
  due: string | null;
  missing: string[];
  deferred: DeferredMaterials;
  steps: { action: CaseEvent['action']; to: CaseState; at: string; reason: string | null }[];
  canRate: boolean;
}

/**
 * A time limit that stands for a centre: a running case near (`due_soon`) or past (`overdue`) its due day, a 差评
 * left unanswered past its deadline, or 容缺 materials not brought by the promised day. The workbench shows them on
 * opening and then as they are raised.
 */
export interface CaseAlert {
  caseNo: string;
  kind: 'due_soon' | 'overdue' | 'rectification_overdue' | 'promise_overdue';
  due: string;
  assignee: string | null;
}

export const caseListQuery = z.object({
  centreId: scopeId('服务中心'),
  state: z.enum(CASE_STATE_CODES, { error: '办件状态不正确' }).optional(),
  sla: z.enum(['on_track', 'due_soon', 'overdue'], { error: '时限状态不正确' }).optional(),
  assignee: z.string().trim().max(60).optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const caseAlertsQuery = caseListQuery.pick({ centreId: true });
export type CaseAlertsQuery = z.infer<typeof caseAlertsQuery>;
