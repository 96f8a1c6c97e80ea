import { isMobilePhone } from '@psc/util';
import { z } from 'zod';

const chars = (value: string) => Array.from(value).length;

// The ID number's own check (validateIdNumber) runs in the service, which answers IDENTITY.ID_NUMBER_INVALID with
// its reason; the schema only keeps absurd input out.
const idNumberField = z
  .string({ error: '请输入身份证号码' })
  .trim()
  .min(1, '请输入身份证号码')
  .max(40, '身份证号码应为18位');

const residentNameField = z
  .string({ error: '请输入姓名' })
  .transform((v) => v.normalize('NFKC').trim())
  .refine((v) => chars(v) >= 2 && chars(v) <= 20, '姓名应为 2–20 个字')
  // the document states the rule the refinement checks (in characters, as JSON Schema counts them)
  .meta({ minLength: 2, maxLength: 20 });

/** Empty means not given. */
const phoneField = z
  .string()
  .transform((v) => v.normalize('NFKC').trim())
  .refine((v) => v === '' || isMobilePhone(v), '请输入正确的 11 位手机号码')
  .optional();

/** Kiosk step 1. */
export const requestResidentOtpRequest = z.object({
  idNumber: idNumberField,
  name: residentNameField,
  phone: phoneField,
  kioskId: z
    .string({ error: '缺少终端编号' })
    .regex(/^[A-Za-z0-9._-]{1,64}$/, '终端编号只能由字母、数字和 . _ - 组成'),
});
export type RequestResidentOtpRequest = z.infer<typeof requestResidentOtpRequest>;

/**
 * The counter (一窗受理) identifies an applicant from the ID card in hand: found by ID number and name, or registered
 * when new (then the phone is required). A phone given for a known resident replaces the stored one.
 */
export const counterResidentLookupRequest = z.object({
  idNumber: idNumberField,
  name: residentNameField,
  phone: phoneField,
});
export type CounterResidentLookupRequest = z.infer<typeof counterResidentLookupRequest>;

export const counterResidentLookupResponse = z.object({
  residentId: z.string(),
  /** registered by this call */
  created: z.boolean(),
  /** the stored phone was replaced by the one given */
  phoneUpdated: z.boolean(),
  /** masked, as everywhere outside the identity service */
  name: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  /** last 6 characters of the ID number, for the "case number + last 6 digits" progress lookup */
  idTail: z.string().length(6),
});
export type CounterResidentLookupResponse = z.infer<typeof counterResidentLookupResponse>;

export const createResidentSessionRequest = z.object({
  challengeId: z.string({ error: '请先获取验证码' }).min(1, '请先获取验证码').max(64),
  code: z
    .string({ error: '请输入验证码' })
    .trim()
    .regex(/^\d{6}$/, '验证码为 6 位数字'),
  kioskSession: z.string({ error: '缺少自助终端会话' }).min(1, '缺少自助终端会话').max(128),
});
export type CreateResidentSessionRequest = z.infer<typeof createResidentSessionRequest>;

export const staffLoginRequest = z.object({
  username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(64),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(200),
});
export type StaffLoginRequest = z.infer<typeof staffLoginRequest>;

export const refreshRequest = z.object({
  refreshToken: z.string({ error: '缺少刷新凭据' }).min(1, '缺少刷新凭据').max(200),
});
export type RefreshRequest = z.infer<typeof refreshRequest>;

export const changePasswordRequest = z.object({
  currentPassword: z.string({ error: '请输入当前密码' }).min(1, '请输入当前密码').max(200),
  newPassword: z.string({ error: '请输入新密码' }).max(200, '新密码最多 200 位'),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

/** The staff of places (centres, streets, districts, the city): the ones who see residents' cases. */
export const PLACE_STAFF_ROLES = ['counter_staff', 'dept_reviewer', 'centre_admin', 'city_admin'] as const;

/**
 * Roles a staff account may hold. `org_member` is held over `org/<orgId>` (a social organisation's own staff,
 * who sign in to the portal); every other role over a place of the scope tree.
 */
export const STAFF_ROLES = [...PLACE_STAFF_ROLES, 'org_member', 'expert_reviewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const SCOPE_SEGMENT = '[a-z0-9][a-z0-9-]{0,63}';
const scopeMessage = '管辖范围应为 1–4 段小写字母、数字或 -，以 / 分隔（市/区/街道/中心）';

/** A role over a place (@psc/auth's scope rule: city/district/street/centre), or org_member over `org/<orgId>`. */
const staffGrant = z.discriminatedUnion(
  'role',
  [
    z.object({
      role: z.literal('org_member'),
      scope: z
        .string({ error: '请选择社会组织' })
        .regex(new RegExp(`^org/${SCOPE_SEGMENT}$`), '社会组织工作人员的范围应为 org/<组织编号>'),
    }),
    z.object({
      role: z.enum(STAFF_ROLES.filter((r) => r !== 'org_member') as [Exclude<StaffRole, 'org_member'>], {
        error: '角色不正确',
      }),
      scope: z
        .string({ error: '请选择管辖范围' })
        .regex(new RegExp(`^${SCOPE_SEGMENT}(/${SCOPE_SEGMENT}){0,3}$`), scopeMessage),
    }),
  ],
  { error: '角色不正确' },
);

export const createAccountRequest = z.object({
  username: z
    .string({ error: '请输入用户名' })
    .trim()
    .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为 3–32 位小写字母、数字或 _ . -，以字母开头'),
  displayName: z
    .string({ error: '请输入姓名' })
    .trim()
    .refine((v) => chars(v) >= 2 && chars(v) <= 40, '姓名应为 2–40 个字')
    .meta({ minLength: 2, maxLength: 40 }),
  password: z.string({ error: '请输入初始密码' }).max(200),
  roles: z.array(staffGrant).min(1, '请至少分配一个角色'),
});
export type CreateAccountRequest = z.infer<typeof createAccountRequest>;

const instant = z.iso.datetime();

/** Fields a centre or city administrator may ask to see in full (`?reveal=idNumber`); masked otherwise. */
export const residentViewQuery = z.object({
  reveal: z.enum(['idNumber'], { error: '只支持显示完整的身份证号码（reveal=idNumber）' }).optional(),
});
export type ResidentViewQuery = z.infer<typeof residentViewQuery>;

export const residentView = z.object({
  id: z.string(),
  name: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  registeredAt: instant,
});
export type ResidentView = z.infer<typeof residentView>;

export const requestResidentOtpResponse = z.object({
  challengeId: z.string(),
  maskedPhone: z.string(),
  expiresAt: instant,
});
export type RequestResidentOtpResponse = z.infer<typeof requestResidentOtpResponse>;

export const createResidentSessionResponse = z.object({
  accessToken: z.string(),
  expiresAt: instant,
  resident: z.object({ id: z.string(), name: z.string(), idNumber: z.string() }),
});
export type CreateResidentSessionResponse = z.infer<typeof createResidentSessionResponse>;

export const accessLogEntry = z.object({
  at: instant,
  actor: z.object({ id: z.string(), kind: z.enum(['staff', 'resident', 'system']), role: z.string() }),
  action: z.enum(['read', 'create', 'update']),
  fields: z.array(z.string()),
  revealed: z.array(z.string()),
  screen: z.enum(['kiosk', 'counter', 'portal', 'api']),
  purpose: z.string(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntry>;

export const staffUserView = z.object({
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.object({ role: z.enum(STAFF_ROLES), scope: z.string() })),
});
export type StaffUserView = z.infer<typeof staffUserView>;

export const staffAccountView = staffUserView.extend({ id: z.string() });
export type StaffAccountView = z.infer<typeof staffAccountView>;

export const staffTokensResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int().positive(),
  user: staffUserView,
});
export type StaffTokensResponse = z.infer<typeof staffTokensResponse>;

/** The local SMS log of development (`SMS_PROVIDER=log`), newest first. */
export const devSmsMessage = z.object({ id: z.string(), to: z.string(), text: z.string(), sentAt: instant });
export type DevSmsMessage = z.infer<typeof devSmsMessage>;
