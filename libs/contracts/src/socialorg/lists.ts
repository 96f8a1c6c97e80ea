import { z } from 'zod';
import { personalDataProblem } from '../common/personal-data';
import { trimmedText } from '../common/text';
import { centreId, entityId, instant, placeId } from './organisation';

/**
 * 三张清单 (需求清单 / 资源清单 / 项目清单): residents' needs, what units in the area offer (共建单位, with the
 * 双报到 party members they send), and projects; staff match a need to a resource or a project.
 */

export const NEED_CATEGORIES = {
  elderly: '养老助老',
  disability: '助残帮扶',
  children: '儿童托管与课业辅导',
  health: '健康义诊',
  legal: '法律咨询',
  environment: '环境整治',
  culture: '文体活动',
  employment: '就业帮扶',
  repair: '便民维修',
  other: '其他',
} as const;
export type NeedCategory = keyof typeof NEED_CATEGORIES;

export const NEED_STATES = { open: '待对接', matched: '已对接', closed: '已关闭' } as const;
export type NeedState = keyof typeof NEED_STATES;

export const NEED_ACTIONS = { match: '对接', close: '关闭', reopen: '重新开放' } as const;
export type NeedAction = keyof typeof NEED_ACTIONS;

/** from → action → to; a need that was matched may be reopened when the match falls through. */
export const NEED_TRANSITIONS: Readonly<Record<NeedState, Partial<Record<NeedAction, NeedState>>>> = {
  open: { match: 'matched', close: 'closed' },
  matched: { reopen: 'open', close: 'closed' },
  closed: { reopen: 'open' },
};

export const allowedNeedActions = (state: NeedState): NeedAction[] =>
  Object.keys(NEED_TRANSITIONS[state]) as NeedAction[];

/** A resident may have this many needs waiting at once; staff post for them beyond that. */
export const RESIDENT_OPEN_NEEDS_MAX = 3;

export const RESOURCE_KINDS = {
  venue: '场地',
  funds: '资金',
  volunteers: '人员与志愿服务',
  goods: '物资',
  expertise: '专业服务',
  other: '其他',
} as const;
export type ResourceKind = keyof typeof RESOURCE_KINDS;

export const PROJECT_SOURCES = {
  purchased_service: '政府购买服务',
  venture: '公益创投',
  micro: '民生微实事',
  co_building: '共建项目',
  other: '其他',
} as const;
export type ProjectSource = keyof typeof PROJECT_SOURCES;

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const revision = z.number({ error: '缺少版本号，请刷新后再操作' }).int().min(1);

/** A need, posted by a resident at the kiosk (after identifying) or by staff for a resident. */
export const postNeedRequest = z
  .object({
    centreId,
    title: trimmedText('需求标题', 2, 40),
    detail: trimmedText('需求描述', 0, 500).default(''),
    category: z.enum(keys(NEED_CATEGORIES), { error: '请选择需求类别' }),
  })
  // the list is shown on boards, so numbers that reach a person are refused here, at the kiosk and at the service alike
  .superRefine((need, ctx) => {
    for (const [field, label] of [
      ['title', '需求标题'],
      ['detail', '需求描述'],
    ] as const) {
      const problem = personalDataProblem(need[field], label);
      if (problem) ctx.addIssue({ code: 'custom', path: [field], message: problem });
    }
  });
export type PostNeedRequest = z.infer<typeof postNeedRequest>;

export const offerResourceRequest = z.object({
  centreId,
  unit: trimmedText('共建单位名称', 2, 60),
  kind: z.enum(keys(RESOURCE_KINDS), { error: '请选择资源类型' }),
  title: trimmedText('资源名称', 2, 40),
  detail: trimmedText('资源说明', 0, 500).default(''),
  /** 双报到: the unit's serving party members who report to this community; names may follow the count */
  partyMembers: z.object({
    count: z.number({ error: '请填写报到党员人数' }).int('人数应为整数').min(0, '人数不能为负').max(9999),
    names: z
      .array(trimmedText('党员姓名', 2, 20))
      .max(100, '姓名最多列 100 个')
      .default([]),
  }),
});
export type OfferResourceRequest = z.infer<typeof offerResourceRequest>;

/**
 * A project entry. `ref` is a free reference to where the project is run (a purchased-service call or contract,
 * e.g. `agreement:<id>`); one reference is listed once.
 */
export const listProjectRequest = z.object({
  centreId,
  title: trimmedText('项目名称', 2, 60),
  detail: trimmedText('项目简介', 0, 500).default(''),
  source: z.enum(keys(PROJECT_SOURCES), { error: '请选择项目来源' }),
  ref: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9:_-]{3,80}$/, '项目引用只能由字母、数字和 : _ - 组成')
    .nullable()
    .default(null),
});
export type ListProjectRequest = z.infer<typeof listProjectRequest>;

export const matchNeedRequest = z.object({
  revision,
  target: z.object({
    kind: z.enum(['resource', 'project'], { error: '请选择对接资源还是项目' }),
    id: entityId('对接对象编号'),
  }),
  note: trimmedText('对接说明', 0, 200).default(''),
});
export type MatchNeedRequest = z.infer<typeof matchNeedRequest>;

export const needStepRequest = z.object({
  action: z.enum(['close', 'reopen'], { error: '不支持的操作' }),
  revision,
  reason: trimmedText('原因', 2, 200),
});
export type NeedStepRequest = z.infer<typeof needStepRequest>;

export const needParams = z.object({ needId: entityId('需求编号') });
export type NeedParams = z.infer<typeof needParams>;

export const listsBoardQuery = z.object({ scope: placeId('查看范围', [1, 2, 3, 4]) });
export type ListsBoardQuery = z.infer<typeof listsBoardQuery>;

export const needView = z.object({
  needId: z.string(),
  revision: z.number().int(),
  centreId: z.string(),
  title: z.string(),
  detail: z.string(),
  category: z.enum(keys(NEED_CATEGORIES)),
  postedBy: z.enum(['resident', 'staff']),
  postedAt: instant,
  state: z.enum(keys(NEED_STATES)),
  match: z
    .object({
      kind: z.enum(['resource', 'project']),
      id: z.string(),
      title: z.string(),
      note: z.string(),
      at: instant,
    })
    .nullable(),
  /** calendar days since it was posted, while nobody has taken it up */
  waitingDays: z.number().int().nullable(),
  allowedActions: z.array(z.enum(keys(NEED_ACTIONS))),
});
export type NeedView = z.infer<typeof needView>;

export const resourceView = z.object({
  resourceId: z.string(),
  centreId: z.string(),
  unit: z.string(),
  kind: z.enum(keys(RESOURCE_KINDS)),
  title: z.string(),
  detail: z.string(),
  partyMembers: z.object({ count: z.number().int(), names: z.array(z.string()) }),
  offeredAt: instant,
  /** needs matched to it so far */
  matchedNeeds: z.number().int(),
});
export type ResourceView = z.infer<typeof resourceView>;

export const projectView = z.object({
  projectId: z.string(),
  centreId: z.string(),
  title: z.string(),
  detail: z.string(),
  source: z.enum(keys(PROJECT_SOURCES)),
  ref: z.string().nullable(),
  listedAt: instant,
  matchedNeeds: z.number().int(),
});
export type ProjectView = z.infer<typeof projectView>;

export const listsBoard = z.object({
  scope: z.string(),
  needs: z.array(needView),
  resources: z.array(resourceView),
  projects: z.array(projectView),
  summary: z.object({
    open: z.number().int(),
    matched: z.number().int(),
    closed: z.number().int(),
    /** the longest any open need has waited, in days; null with none open */
    oldestOpenDays: z.number().int().nullable(),
  }),
});
export type ListsBoard = z.infer<typeof listsBoard>;
