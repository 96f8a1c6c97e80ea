import { z } from 'zod';
import type { ErrorDefinition, EventDefinition } from '../slices';

/** The three lists' codes, topics and events. */

export const LISTS_ERROR_CODES = {
  'SOCIALORG.NEED_NOT_FOUND': { status: 404, message: '没有找到该需求' },
  'SOCIALORG.NEED_ILLEGAL_STEP': { status: 409, message: '该需求当前状态下不能进行该操作' },
  'SOCIALORG.NEED_CHANGED': { status: 409, message: '该需求刚被他人处理，请刷新后再操作' },
  'SOCIALORG.NEEDS_LIMIT': { status: 409, message: '您已有多条需求正在等待对接，请等对接后再提交新的需求' },
  'SOCIALORG.RESOURCE_NOT_FOUND': { status: 404, message: '没有找到该资源' },
  'SOCIALORG.PROJECT_NOT_FOUND': { status: 404, message: '没有找到该项目' },
  'SOCIALORG.PROJECT_LISTED': { status: 409, message: '该项目已在项目清单中' },
  'SOCIALORG.LIST_ENTRY_INVALID': { status: 400, message: '提交的清单内容不符合要求，请按提示修改' },
} as const satisfies Record<string, ErrorDefinition>;

const actor = { by: z.string().min(1), at: z.iso.datetime() };

export const socialorgNeedPostedV1 = z.object({
  needId: z.string().min(1),
  centreId: z.string().min(1),
  category: z.string().min(1),
  postedBy: z.enum(['resident', 'staff']),
  ...actor,
});

/** A need changed state; `waitedDays` is how long it stood open before this step (the board's figure). */
export const socialorgNeedTransitionedV1 = z.object({
  needId: z.string().min(1),
  centreId: z.string().min(1),
  action: z.enum(['match', 'close', 'reopen']),
  from: z.enum(['open', 'matched', 'closed']),
  to: z.enum(['open', 'matched', 'closed']),
  target: z.object({ kind: z.enum(['resource', 'project']), id: z.string().min(1) }).nullable(),
  waitedDays: z.number().int().min(0),
  reason: z.string().nullable(),
  ...actor,
});

export const socialorgResourceOfferedV1 = z.object({
  resourceId: z.string().min(1),
  centreId: z.string().min(1),
  unit: z.string().min(1),
  kind: z.string().min(1),
  /** 双报到 party members the unit sends */
  partyMembers: z.number().int().min(0),
  ...actor,
});

export const socialorgProjectListedV1 = z.object({
  projectId: z.string().min(1),
  centreId: z.string().min(1),
  source: z.string().min(1),
  ref: z.string().nullable(),
  ...actor,
});

export const LISTS_TOPICS = {
  socialorgNeed: 'socialorg.need.v1',
  socialorgResource: 'socialorg.resource.v1',
  socialorgProject: 'socialorg.project.v1',
} as const;

export const LISTS_EVENTS = {
  'socialorg.need.posted': { topic: LISTS_TOPICS.socialorgNeed, version: 1, schema: socialorgNeedPostedV1 },
  'socialorg.need.transitioned': {
    topic: LISTS_TOPICS.socialorgNeed,
    version: 1,
    schema: socialorgNeedTransitionedV1,
  },
  'socialorg.resource.offered': {
    topic: LISTS_TOPICS.socialorgResource,
    version: 1,
    schema: socialorgResourceOfferedV1,
  },
  'socialorg.project.listed': {
    topic: LISTS_TOPICS.socialorgProject,
    version: 1,
    schema: socialorgProjectListedV1,
  },
} as const satisfies Record<string, EventDefinition>;
