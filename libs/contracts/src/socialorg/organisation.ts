import { z } from 'zod';
import { calendarDay } from '../common/day';
import { trimmedText } from '../common/text';

// Field helpers every socialorg part uses, so the portal's forms and the service refuse the same input in the same
// words.

/** An instant as the service writes it (`toISOString()`). */
export const instant = z.iso.datetime();

const SEGMENT = '[a-z0-9][a-z0-9-]{0,63}';

/** A place of the scope tree (`city/district/street/centre`) of `depths` segments, as @psc/auth spells it. */
export const placeId = (label: string, depths: readonly number[]) => {
  const [low, high] = [Math.min(...depths), Math.max(...depths)];
  return z
    .string({ error: `请选择${label}` })
    .regex(
      new RegExp(`^${SEGMENT}(/${SEGMENT}){${low - 1},${high - 1}}$`),
      `${label}应为管辖范围路径（如 sz/futian/xiangmihu/c-001）`,
    );
};

/** The community 党群服务中心 an organisation, a need or a resource belongs to. */
export const centreId = placeId('所属社区（党群服务中心）', [4]);

/** An id this service handed out: lower-case letters, digits and -, so it is also a scope segment. */
export const entityId = (label: string) =>
  z.string({ error: `缺少${label}` }).regex(/^[a-z0-9][a-z0-9-]{2,63}$/, `${label}格式不正确`);

/** The street a centre lies in: its scope path minus the last segment. */
export const streetOf = (centre: string) => centre.split('/').slice(0, 3).join('/');

/** How the organisation exists in law: 登记 at 民政 (with a 统一社会信用代码) or 备案 at its community. */
export const REGISTRATIONS = { registered: '民政登记', community_filed: '社区备案' } as const;
export type Registration = keyof typeof REGISTRATIONS;

/**
 * The kinds of social organisation; the registered ones carry the 机构类别 of their credit code (GB 32100:
 * 5 = 民政, then 1 社会团体, 2 民办非企业单位, 3 基金会). A 社区社会组织 may be registered (51/52) or only filed.
 */
export const ORG_TYPES = {
  social_group: '社会团体',
  service_agency: '社会服务机构（民办非企业单位）',
  foundation: '基金会',
  community_group: '社区社会组织',
} as const;
export type OrgType = keyof typeof ORG_TYPES;
const ORG_TYPE_CODES = Object.keys(ORG_TYPES) as [OrgType, ...OrgType[]];

/** The 机构类别 (first two characters of the credit code) each registered type may carry. */
export const CREDIT_CATEGORIES: Readonly<Record<OrgType, readonly string[]>> = {
  social_group: ['51'],
  service_agency: ['52'],
  foundation: ['53'],
  community_group: ['51', '52'],
};

export const SERVICE_FIELDS = {
  elderly: '养老服务',
  disability: '助残服务',
  children: '儿童与青少年',
  family: '家庭与妇女',
  community: '社区治理',
  culture: '文体活动',
  health: '健康与心理',
  legal: '法律服务',
  employment: '就业帮扶',
  environment: '环境保护',
  charity: '慈善救助',
  volunteer: '志愿服务',
} as const;
export type ServiceField = keyof typeof SERVICE_FIELDS;
const SERVICE_FIELD_CODES = Object.keys(SERVICE_FIELDS) as [ServiceField, ...ServiceField[]];

/** 党组织覆盖: what party organisation the organisation has (or shares, 联合党支部). */
export const PARTY_BUILDING_KINDS = {
  branch: '党支部',
  joint_branch: '联合党支部',
  group: '党小组',
  none: '无党组织',
} as const;
export type PartyBuildingKind = keyof typeof PARTY_BUILDING_KINDS;

/** 党章第三十条: three or more full party members form a branch of their own. */
export const BRANCH_MIN_MEMBERS = 3;

export const CONTACT_ROLES = {
  leader: '负责人',
  contact: '联系人',
  finance: '财务人员',
  party_liaison: '党建联络员',
} as const;
export type ContactRole = keyof typeof CONTACT_ROLES;

const creditCodeField = z
  .string({ error: '请填写统一社会信用代码' })
  .transform((v) => v.normalize('NFKC').replace(/\s/g, '').toUpperCase())
  // the check character is checked by the service (validateCreditCode), which says what is wrong
  .pipe(
    z
      .string()
      .regex(
        /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/,
        '统一社会信用代码应为18位数字或大写字母（不使用 I、O、Z、S、V）',
      ),
  );

const memberCount = (min: number, message: string) =>
  z.number({ error: '请填写正式党员人数' }).int('党员人数应为整数').min(min, message).max(9999);

const formedAt = calendarDay('党组织成立日期');

/** The party organisation as declared: a branch needs three members, a group or a joint branch one. */
export const partyBuildingInput = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('branch'),
      formedAt,
      partyMembers: memberCount(BRANCH_MIN_MEMBERS, '成立党支部须有正式党员 3 名以上（党章第三十条）'),
    }),
    z.object({
      kind: z.enum(['joint_branch', 'group']),
      formedAt,
      partyMembers: memberCount(1, '联合党支部、党小组须有本组织正式党员'),
    }),
    z.object({ kind: z.literal('none'), partyMembers: memberCount(0, '党员人数不能为负') }),
  ],
  { error: '请选择党组织覆盖情况' },
);
export type PartyBuildingInput = z.infer<typeof partyBuildingInput>;

const profileShape = {
  name: trimmedText('组织名称', 2, 60),
  type: z.enum(ORG_TYPE_CODES, { error: '请选择组织类型' }),
  fields: z
    .array(z.enum(SERVICE_FIELD_CODES, { error: '服务领域不正确' }), { error: '请选择服务领域' })
    .min(1, '请至少选择一个服务领域')
    .max(SERVICE_FIELD_CODES.length),
  address: trimmedText('办公地址', 4, 120),
  foundedOn: calendarDay('成立日期'),
  description: trimmedText('组织简介', 0, 1000).default(''),
  partyBuilding: partyBuildingInput.default({ kind: 'none', partyMembers: 0 }),
};

/** 登记 (with its credit code) or 社区备案 (with the community's 备案编号, no credit code). */
export const registerOrganisationRequest = z.discriminatedUnion(
  'registration',
  [
    z.object({
      registration: z.literal('registered'),
      creditCode: creditCodeField,
      centreId,
      ...profileShape,
    }),
    z.object({
      registration: z.literal('community_filed'),
      filingNo: trimmedText('备案编号', 4, 40),
      centreId,
      ...profileShape,
      type: z.literal('community_group', { error: '社区备案的只能是社区社会组织' }),
    }),
  ],
  { error: '请选择登记或社区备案' },
);
export type RegisterOrganisationRequest = z.infer<typeof registerOrganisationRequest>;

/** Name, fields, address and introduction as the organisation now has them; `revision` is what the editor saw. */
export const updateProfileRequest = z.object({
  revision: z.number({ error: '缺少版本号，请刷新后再操作' }).int().min(1),
  name: profileShape.name,
  fields: profileShape.fields,
  address: profileShape.address,
  description: profileShape.description,
});
export type UpdateProfileRequest = z.infer<typeof updateProfileRequest>;

export const addContactRequest = z.object({
  name: trimmedText('联系人姓名', 2, 20),
  role: z.enum(Object.keys(CONTACT_ROLES) as [ContactRole, ...ContactRole[]], { error: '请选择联系人身份' }),
  phone: z
    .string({ error: '请填写联系电话' })
    .transform((v) => v.normalize('NFKC').trim())
    .pipe(z.string().regex(/^1[3-9]\d{9}$/, '请输入正确的 11 位手机号码')),
});
export type AddContactRequest = z.infer<typeof addContactRequest>;

/** A change of party organisation is recorded with why (成立、撤销、调整), and who made it. */
export const changePartyBuildingRequest = z.object({
  revision: z.number({ error: '缺少版本号，请刷新后再操作' }).int().min(1),
  partyBuilding: partyBuildingInput,
  reason: trimmedText('变更说明', 2, 200),
});
export type ChangePartyBuildingRequest = z.infer<typeof changePartyBuildingRequest>;

export const organisationListQuery = z.object({
  /** a street, community or district the caller covers */
  scope: placeId('查询范围', [1, 2, 3, 4]),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuery>;

export const orgParams = z.object({ orgId: entityId('组织编号') });
export type OrgParams = z.infer<typeof orgParams>;

export const contactParams = orgParams.extend({ contactId: entityId('联系人编号') });
export type ContactParams = z.infer<typeof contactParams>;

const partyBuildingView = z.object({
  kind: z.enum(Object.keys(PARTY_BUILDING_KINDS) as [PartyBuildingKind, ...PartyBuildingKind[]]),
  formedAt: z.string().nullable(),
  partyMembers: z.number().int(),
});
export type PartyBuildingView = z.infer<typeof partyBuildingView>;

export const contactView = z.object({
  contactId: z.string(),
  name: z.string(),
  role: z.string(),
  /** masked (`138****5678`); the full number is a separate, audited read */
  phone: z.string(),
  addedAt: instant,
});
export type ContactView = z.infer<typeof contactView>;

/** One recorded change of the organisation: who, when, what and why. */
export const organisationEntry = z.object({
  action: z.string(),
  by: z.string(),
  role: z.string(),
  at: instant,
  reason: z.string().nullable(),
});
export type OrganisationEntry = z.infer<typeof organisationEntry>;

export const organisationView = z.object({
  orgId: z.string(),
  revision: z.number().int(),
  name: z.string(),
  registration: z.enum(['registered', 'community_filed']),
  creditCode: z.string().nullable(),
  filingNo: z.string().nullable(),
  type: z.enum(ORG_TYPE_CODES),
  fields: z.array(z.enum(SERVICE_FIELD_CODES)),
  address: z.string(),
  foundedOn: z.string(),
  description: z.string(),
  centreId: z.string(),
  streetId: z.string(),
  contacts: z.array(contactView),
  partyBuilding: partyBuildingView,
  registeredAt: instant,
  history: z.array(organisationEntry),
});
export type OrganisationView = z.infer<typeof organisationView>;

export const organisationSummary = organisationView.pick({
  orgId: true,
  name: true,
  registration: true,
  type: true,
  centreId: true,
  streetId: true,
  partyBuilding: true,
});
export type OrganisationSummary = z.infer<typeof organisationSummary>;

/** The full number of one contact; the read is on the organisation's access record. */
export const contactPhoneView = z.object({ contactId: z.string(), phone: z.string() });
export type ContactPhoneView = z.infer<typeof contactPhoneView>;

/**
 * What other parts of socialorg know of an organisation (the calls, applications and subsidies code against it):
 * `creditCode` is null for an organisation only filed at its community; `streetId` is its street's scope path.
 */
export interface OrganisationSnapshot {
  orgId: string;
  name: string;
  creditCode: string | null;
  centreId: string;
  streetId: string;
  registration: Registration;
  partyBuilding: { kind: PartyBuildingKind; formedAt: string | null };
}
