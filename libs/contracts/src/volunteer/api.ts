import { z } from 'zod';
import { calendarDay } from '../common/day';
import { ACTIVITY_CATEGORY_CODES, ROUNDING_MINUTES, WISH_TEXT_MAX } from './rules';

/**
 * The volunteer service's HTTP shapes (`/api/volunteer/…`), for the kiosk (a resident token with its kiosk session),
 * the portal (residents who volunteer, organisers, community secretaries, units) and the public verification page.
 */

/** `GET /api/volunteer/about`: which service answers. */
export const volunteerAboutSchema = z.object({ service: z.literal('volunteer') });
export type VolunteerAbout = z.infer<typeof volunteerAboutSchema>;

const instant = z.iso.datetime();
const dayString = calendarDay();
const scopeId = (label: string) =>
  z
    .string({ error: `缺少${label}` })
    .trim()
    .min(1, `缺少${label}`)
    .max(200, `${label}过长`);
const refId = (label: string) =>
  z
    .string({ error: `缺少${label}` })
    .trim()
    .min(1, `缺少${label}`)
    .max(100, `${label}过长`)
    .regex(/^[\w.:|/-]+$/, `${label}格式不正确`);
const skills = z
  .array(z.string().trim().min(1, '技能不能为空').max(20, '每项技能最多 20 个字'), {
    error: '技能格式不正确',
  })
  .max(10, '最多填写 10 项技能')
  .default([]);
const reason = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(2, `请填写${label}`)
    .max(300, `${label}最多 300 个字`);
const minutes = z
  .number({ error: '请填写时长（分钟）' })
  .int('时长须为整数分钟')
  .min(0, '时长不能为负数')
  .max(24 * 60, '单次时长不超过 24 小时');
const year = z.coerce
  .number({ error: '请填写年份' })
  .int('年份格式不正确')
  .min(2000, '年份格式不正确')
  .max(2100, '年份格式不正确');
const month = z.string({ error: '请填写月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const sixDigitCode = z
  .string({ error: '请输入 6 位活动码' })
  .trim()
  .regex(/^\d{6}$/, '活动码为 6 位数字');

export const idParams = z.object({ id: refId('编号') });
export type IdParams = z.infer<typeof idParams>;

// —— volunteers, party members, teams ——

/** A resident signed in (at a kiosk or the portal) registers: the name is their real name, kept encrypted. */
export const registerVolunteerRequest = z.object({
  name: z
    .string({ error: '请填写真实姓名' })
    .trim()
    .min(2, '请填写真实姓名')
    .max(30, '姓名最多 30 个字')
    .regex(/^[\u3400-\u9fff\u00b7A-Za-z ]+$/, '姓名只能包含汉字、字母和“·”'),
  centreId: scopeId('所属服务中心'),
  skills,
  partyMember: z.boolean().default(false),
});
export type RegisterVolunteerRequest = z.infer<typeof registerVolunteerRequest>;

export const partyReportSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  communityId: z.string(),
  reportedOn: z.string(),
});

/** What lists show of a volunteer: the name masked; the full name only through the audited reveal. */
export const volunteerView = z.object({
  volunteerId: z.string(),
  maskedName: z.string(),
  centreId: z.string(),
  skills: z.array(z.string()),
  partyMember: z.boolean(),
  partyReport: partyReportSchema.nullable(),
  teamIds: z.array(z.string()),
  registeredAt: instant,
});
export type VolunteerView = z.infer<typeof volunteerView>;

export const volunteerListQuery = z.object({ centreId: scopeId('服务中心') });
export type VolunteerListQuery = z.infer<typeof volunteerListQuery>;

export const revealNameRequest = z.object({ purpose: reason('查看用途') });
export type RevealNameRequest = z.infer<typeof revealNameRequest>;
export const revealedName = z.object({ volunteerId: z.string(), name: z.string() });
export type RevealedName = z.infer<typeof revealedName>;

/** 双报到: a 在职党员 reports to the community where they live, from their employer unit. */
export const partyReportRequest = z.object({
  unitId: refId('工作单位编号'),
  unitName: z
    .string({ error: '请填写工作单位' })
    .trim()
    .min(2, '请填写工作单位')
    .max(60, '单位名称最多 60 个字'),
  communityId: scopeId('报到社区'),
  reportedOn: dayString,
});
export type PartyReportRequest = z.infer<typeof partyReportRequest>;

export const fiveOnesSchema = z.object({
  partyLife: z.number().int(),
  talk: z.number().int(),
  survey: z.number().int(),
  wish: z.number().int(),
  serviceDay: z.number().int(),
});

/** One member's "五个一" year as the community secretary and the employer unit see it. */
export const yearlyRecord = z.object({
  volunteerId: z.string(),
  maskedName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  communityId: z.string(),
  reportedOn: z.string(),
  year: z.number().int(),
  counts: fiveOnesSchema,
  creditMinutes: z.number().int(),
  met: z.boolean(),
});
export type YearlyRecord = z.infer<typeof yearlyRecord>;

export const communityMembersQuery = z.object({ communityId: scopeId('社区'), year });
export type CommunityMembersQuery = z.infer<typeof communityMembersQuery>;
export const unitRecordsQuery = z.object({ year });
export type UnitRecordsQuery = z.infer<typeof unitRecordsQuery>;

/** A team belongs to a centre or to a social organisation (`owner` says which, `ownerId` names it). */
export const createTeamRequest = z.object({
  name: z.string({ error: '请填写服务队名称' }).trim().min(2, '请填写服务队名称').max(40, '名称最多 40 个字'),
  leaderId: refId('队长'),
  owner: z.enum(['centre', 'org'], { error: '请选择服务队属于服务中心还是社会组织' }),
  ownerId: scopeId('所属服务中心或社会组织'),
});
export type CreateTeamRequest = z.infer<typeof createTeamRequest>;
export const joinTeamRequest = z.object({ volunteerId: refId('志愿者') });
export type JoinTeamRequest = z.infer<typeof joinTeamRequest>;
export const teamView = z.object({
  teamId: z.string(),
  name: z.string(),
  leaderId: z.string(),
  centreId: z.string().nullable(),
  orgId: z.string().nullable(),
  members: z.number().int(),
});
export type TeamView = z.infer<typeof teamView>;
export const teamListQuery = z.object({ centreId: scopeId('服务中心') });
export type TeamListQuery = z.infer<typeof teamListQuery>;

// —— activities ——

export const publishActivityRequest = z.object({
  title: z.string({ error: '请填写活动名称' }).trim().min(2, '请填写活动名称').max(60, '名称最多 60 个字'),
  description: z.string().trim().max(1000, '活动说明最多 1000 个字').default(''),
  centreId: scopeId('服务中心'),
  /** set when a social organisation organises it; its staff then manage it */
  orgId: refId('社会组织').optional(),
  organiserName: z.string({ error: '请填写组织单位' }).trim().min(2, '请填写组织单位').max(60),
  place: z.string({ error: '请填写活动地点' }).trim().min(2, '请填写活动地点').max(100),
  startsAt: z.iso.datetime({ error: '开始时间格式不正确' }),
  endsAt: z.iso.datetime({ error: '结束时间格式不正确' }),
  capacity: z
    .number({ error: '请填写招募人数' })
    .int()
    .min(1, '招募人数至少 1 人')
    .max(1000, '招募人数最多 1000 人'),
  skills,
  category: z.enum(ACTIVITY_CATEGORY_CODES, { error: '活动类别不正确' }).default('service'),
  teamId: refId('志愿服务队').optional(),
  projectId: refId('购买服务项目').optional(),
});
export type PublishActivityRequest = z.infer<typeof publishActivityRequest>;

/** What anyone sees of an activity (the kiosk's list is public); `code` only for its organisers. */
export const activityView = z.object({
  activityId: z.string(),
  title: z.string(),
  description: z.string(),
  centreId: z.string(),
  orgId: z.string().nullable(),
  organiserName: z.string(),
  place: z.string(),
  startsAt: instant,
  endsAt: instant,
  capacity: z.number().int(),
  confirmed: z.number().int(),
  waiting: z.number().int(),
  skills: z.array(z.string()),
  category: z.enum(ACTIVITY_CATEGORY_CODES),
  teamId: z.string().nullable(),
  projectId: z.string().nullable(),
  approved: z.boolean(),
});
export type ActivityView = z.infer<typeof activityView>;

/** The organiser's view adds the 6-digit check-in code and the QR's content (`PSCVOL:<code>`). */
export const organiserActivityView = activityView.extend({ code: z.string(), qrText: z.string() });
export type OrganiserActivityView = z.infer<typeof organiserActivityView>;

export const activityListQuery = z.object({
  centreId: scopeId('服务中心'),
  /** a Shanghai day; activities that end on or after it (today when absent) */
  from: dayString.optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;

export const attendanceState = z.enum(['signed_up', 'checked_in', 'checked_out', 'approved']);

/** One volunteer on one activity: the sign-up, then the attendance. */
export const signupView = z.object({
  activityId: z.string(),
  volunteerId: z.string(),
  maskedName: z.string(),
  state: z.enum(['confirmed', 'waiting', 'cancelled']),
  waitingPosition: z.number().int().nullable(),
  attendance: attendanceState,
  checkedInAt: instant.nullable(),
  checkedOutAt: instant.nullable(),
  /** set when the organiser closed what the volunteer forgot */
  closedBy: z.string().nullable(),
  closeReason: z.string().nullable(),
  minutes: z.number().int().nullable(),
});
export type SignupView = z.infer<typeof signupView>;

/** At the kiosk: the code typed or read from the activity's QR code. */
export const kioskAttendanceRequest = z.object({ code: sixDigitCode });
export type KioskAttendanceRequest = z.infer<typeof kioskAttendanceRequest>;

export const volunteerParams = z.object({ id: refId('活动编号'), volunteerId: refId('志愿者') });
export type VolunteerParams = z.infer<typeof volunteerParams>;

/** The organiser records a check-in or check-out, e.g. for a volunteer without a phone; `at` defaults to now. */
export const organiserAttendanceRequest = z.object({
  step: z.enum(['check_in', 'check_out'], { error: '请选择签到或签退' }),
  at: z.iso.datetime({ error: '时间格式不正确' }).optional(),
});
export type OrganiserAttendanceRequest = z.infer<typeof organiserAttendanceRequest>;

/** Late check-out: the organiser closes what a volunteer forgot, with the end time they state; recorded. */
export const closeAttendanceRequest = z.object({
  endedAt: z.iso.datetime({ error: '请填写实际结束时间' }),
  reason: reason('补签退原因'),
});
export type CloseAttendanceRequest = z.infer<typeof closeAttendanceRequest>;

/** Approves the checked-out attendances (all of them, or those listed): each becomes one ledger entry. */
export const approveActivityRequest = z.object({
  volunteerIds: z.array(refId('志愿者')).max(1000).optional(),
});
export type ApproveActivityRequest = z.infer<typeof approveActivityRequest>;
export const approvalResult = z.object({
  approved: z.number().int(),
  /** still checked in or not yet checked out: to be closed first */
  open: z.number().int(),
});
export type ApprovalResult = z.infer<typeof approvalResult>;

// —— hours ——

export const ledgerEntryView = z.object({
  entryId: z.string(),
  volunteerId: z.string(),
  kind: z.enum(['credit', 'honour']),
  minutes: z.number().int(),
  source: z.enum(['attendance', 'wish', 'proxy', 'honour', 'correction']),
  sourceRef: z.string(),
  activityId: z.string().nullable(),
  activityTitle: z.string().nullable(),
  centreId: z.string(),
  servedOn: z.string(),
  approvedBy: z.string(),
  reason: z.string().nullable(),
  reverses: z.string().nullable(),
  at: instant,
});
export type LedgerEntryView = z.infer<typeof ledgerEntryView>;

export const balanceView = z.object({
  creditMinutes: z.number().int(),
  honourMinutes: z.number().int(),
  entries: z.number().int(),
});
export type BalanceView = z.infer<typeof balanceView>;

export const myHoursView = z.object({
  volunteerId: z.string(),
  total: balanceView,
  thisYear: balanceView,
  star: z.object({
    level: z.number().int(),
    name: z.string().nullable(),
    minutesToNext: z.number().int().nullable(),
    /** the highest level ever reached (an event was raised for each) */
    highest: z.number().int(),
  }),
  entries: z.array(ledgerEntryView),
});
export type MyHoursView = z.infer<typeof myHoursView>;

export const periodQuery = z.object({
  period: z.union([month, z.string().regex(/^\d{4}$/, '年份格式应为 YYYY')]).optional(),
});
export type PeriodQuery = z.infer<typeof periodQuery>;

export const centreReportQuery = z.object({ month });
export type CentreReportQuery = z.infer<typeof centreReportQuery>;
export const centreReport = z.object({
  centreId: z.string(),
  month: z.string(),
  total: balanceView,
  volunteers: z.array(balanceView.extend({ volunteerId: z.string() })),
});
export type CentreReport = z.infer<typeof centreReport>;

export const honourRequest = z.object({
  volunteerId: refId('志愿者'),
  centreId: scopeId('服务中心'),
  minutes: minutes.min(1, '荣誉时长至少 1 分钟'),
  servedOn: dayString,
  reason: reason('添加荣誉时长的理由'),
});
export type HonourRequest = z.infer<typeof honourRequest>;

export const correctionRequest = z.object({
  entryId: refId('时长记录'),
  minutesClaimed: minutes,
  reason: reason('更正理由'),
});
export type CorrectionRequest = z.infer<typeof correctionRequest>;

/** Accepted: the entry is reversed and `minutes` (the verified time) credited; refused: the reply says why. */
export const correctionAnswer = z.discriminatedUnion(
  'accepted',
  [
    z.object({ accepted: z.literal(true), minutes, reply: reason('答复意见') }),
    z.object({ accepted: z.literal(false), reply: reason('答复意见') }),
  ],
  { error: '请选择同意或不同意更正' },
);
export type CorrectionAnswer = z.infer<typeof correctionAnswer>;

export const correctionView = z.object({
  requestId: z.string(),
  entryId: z.string(),
  volunteerId: z.string(),
  centreId: z.string(),
  minutesRecorded: z.number().int(),
  minutesClaimed: z.number().int(),
  reason: z.string(),
  state: z.enum(['pending', 'accepted', 'refused']),
  reply: z.string().nullable(),
  answeredBy: z.string().nullable(),
  requestedAt: instant,
  answeredAt: instant.nullable(),
});
export type CorrectionView = z.infer<typeof correctionView>;
export const correctionListQuery = z.object({ centreId: scopeId('服务中心') });
export type CorrectionListQuery = z.infer<typeof correctionListQuery>;

export const reconciliationView = z.object({
  runId: z.string(),
  at: instant,
  entries: z.number().int(),
  counters: z.number().int(),
  ok: z.boolean(),
  mismatches: z.array(
    z.object({ key: z.string(), field: z.string(), counter: z.number(), entries: z.number() }),
  ),
});
export type ReconciliationView = z.infer<typeof reconciliationView>;

// —— 志愿服务记录证明 ——

export const applyCertificateRequest = z.object({
  centreId: scopeId('开具证明的服务中心'),
  purpose: z.string().trim().max(100, '用途最多 100 个字').default(''),
});
export type ApplyCertificateRequest = z.infer<typeof applyCertificateRequest>;
export const acceptCertificateRequest = z.object({
  /** the seal text: the organisation that certifies (谁记录谁证明) */
  issuerName: z
    .string({ error: '请填写出具证明的组织名称' })
    .trim()
    .min(2, '请填写出具证明的组织名称')
    .max(60),
});
export type AcceptCertificateRequest = z.infer<typeof acceptCertificateRequest>;

const certificateHours = z.object({
  totalMinutes: z.number().int(),
  creditMinutes: z.number().int(),
  honourMinutes: z.number().int(),
  byYear: z.array(
    z.object({ year: z.string(), creditMinutes: z.number().int(), honourMinutes: z.number().int() }),
  ),
  byActivity: z.array(
    z.object({ activityId: z.string(), title: z.string(), servedOn: z.string(), minutes: z.number().int() }),
  ),
});

export const certificateView = z.object({
  certificateId: z.string(),
  volunteerId: z.string(),
  centreId: z.string(),
  purpose: z.string(),
  state: z.enum(['applied', 'accepted', 'issued']),
  issuerName: z.string().nullable(),
  appliedAt: instant,
  acceptedAt: instant.nullable(),
  issuedAt: instant.nullable(),
  /** what the certificate states, once issued */
  hours: certificateHours.nullable(),
});
export type CertificateView = z.infer<typeof certificateView>;
export const certificateListQuery = z.object({ centreId: scopeId('服务中心') });
export type CertificateListQuery = z.infer<typeof certificateListQuery>;

/** The A4 print view: a full HTML page with the QR code to the verification page. */
/** The printable A4 certificate: a PDF (base64), and the address its QR code opens. */
export const certificatePrint = z.object({
  certificateId: z.string(),
  pdf: z.base64(),
  verifyUrl: z.string(),
});
export type CertificatePrint = z.infer<typeof certificatePrint>;

/** The token the QR code carries (a compact JWS, Ed25519). */
export const verifyCertificateQuery = z.object({
  t: z
    .string({ error: '缺少证明的核验码' })
    .trim()
    .min(20, '证明的核验码不完整')
    .max(4000, '证明的核验码过长'),
});
export type VerifyCertificateQuery = z.infer<typeof verifyCertificateQuery>;

/** What the public verification page shows: what the certificate itself states, nothing more. */
export const certificateVerification = z.object({
  genuine: z.literal(true),
  certificateId: z.string(),
  name: z.string(),
  issuerName: z.string(),
  issuedAt: instant,
  totalMinutes: z.number().int(),
  creditMinutes: z.number().int(),
  honourMinutes: z.number().int(),
});
export type CertificateVerification = z.infer<typeof certificateVerification>;

// —— 微心愿 ——

export const postWishRequest = z.object({
  centreId: scopeId('服务中心'),
  text: z.string({ error: '请填写心愿内容' }).max(WISH_TEXT_MAX * 2, `心愿内容最多 ${WISH_TEXT_MAX} 个字`),
});
export type PostWishRequest = z.infer<typeof postWishRequest>;

export const wishState = z.enum(['pending', 'open', 'rejected', 'claimed', 'fulfilled', 'confirmed']);
export const wishView = z.object({
  wishId: z.string(),
  centreId: z.string(),
  text: z.string(),
  state: wishState,
  postedAt: instant,
  /** whole days since it was posted (claimed wishes stop ageing) */
  ageDays: z.number().int(),
  claimerId: z.string().nullable(),
  minutes: z.number().int().nullable(),
  rejectReason: z.string().nullable(),
});
export type WishView = z.infer<typeof wishView>;
export const wishListQuery = z.object({ centreId: scopeId('服务中心'), state: wishState.optional() });
export type WishListQuery = z.infer<typeof wishListQuery>;
export const rejectWishRequest = z.object({ reason: reason('不予发布的原因') });
export type RejectWishRequest = z.infer<typeof rejectWishRequest>;
export const fulfilWishRequest = z.object({
  minutes: minutes.min(ROUNDING_MINUTES, `服务时长至少 ${ROUNDING_MINUTES} 分钟`),
  note: z.string().trim().max(200, '说明最多 200 个字').default(''),
});
export type FulfilWishRequest = z.infer<typeof fulfilWishRequest>;
