import { z } from 'zod';
import type { ErrorDefinition, EventDefinition } from '../slices';
import { INCUBATION_STATE_CODES } from './incubation';

/** The incubation base's codes, topics and events (its rooms' bookings travel on their own topic). */

export const INCUBATION_ERROR_CODES = {
  'SOCIALORG.INCUBATION_NOT_FOUND': { status: 404, message: '没有找到该入驻申请' },
  'SOCIALORG.INCUBATION_ILLEGAL_STEP': { status: 409, message: '入驻申请当前状态下不能进行该操作' },
  'SOCIALORG.INCUBATION_CHANGED': { status: 409, message: '该入驻申请刚被他人处理，请刷新后再操作' },
  'SOCIALORG.INCUBATION_ACTIVE': {
    status: 409,
    message: '该组织已有一份在审或在孵的入驻申请，结束后才能再次申请',
  },
  'SOCIALORG.ASSESSMENT_NOT_PASSED': { status: 409, message: '中期评估未达到合格分数，不能出壳' },
  'SOCIALORG.INCUBATION_INVALID': { status: 400, message: '提交的孵化信息不符合要求，请按提示修改' },
  'SOCIALORG.ROOM_TAKEN': { status: 409, message: '该场地在所选时段已被预订，请换一个时段' },
  'SOCIALORG.BOOKING_INVALID': { status: 400, message: '预订时间不符合要求，请按提示修改' },
  'SOCIALORG.BOOKING_NOT_FOUND': { status: 404, message: '没有找到该场地预订' },
} as const satisfies Record<string, ErrorDefinition>;

const state = z.enum(INCUBATION_STATE_CODES);
const facts = { incubationId: z.string().min(1), orgId: z.string().min(1), baseId: z.string().min(1) };
const actor = { by: z.string().min(1), at: z.iso.datetime() };

export const socialorgIncubationAppliedV1 = z.object({ ...facts, needs: z.array(z.string()), ...actor });

export const socialorgIncubationTransitionedV1 = z.object({
  ...facts,
  action: z.string().min(1),
  from: state,
  to: state,
  role: z.string().min(1),
  reason: z.string().nullable(),
  ...actor,
});

export const socialorgIncubationAssessedV1 = z.object({
  ...facts,
  scores: z.record(z.string(), z.number().int().min(0)),
  total: z.number().int().min(0).max(100),
  passed: z.boolean(),
  ...actor,
});

export const socialorgIncubationMentorAssignedV1 = z.object({
  ...facts,
  mentor: z.string().min(1),
  affiliation: z.string().min(1),
  ...actor,
});

export const socialorgIncubationTrainingRecordedV1 = z.object({
  ...facts,
  title: z.string().min(1),
  on: z.iso.date(),
  hours: z.number().positive(),
  ...actor,
});

const booking = {
  bookingId: z.string().min(1),
  centreId: z.string().min(1),
  room: z.string().min(1),
  incubationId: z.string().min(1),
  orgId: z.string().min(1),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
};

export const socialorgRoomBookedV1 = z.object({ ...booking, purpose: z.string().min(1), ...actor });
export const socialorgRoomReleasedV1 = z.object({ ...booking, reason: z.string().min(1), ...actor });

export const INCUBATION_TOPICS = {
  socialorgIncubation: 'socialorg.incubation.v1',
  socialorgRoom: 'socialorg.room.v1',
} as const;

const incubation = <S extends z.ZodType>(schema: S) =>
  ({ topic: INCUBATION_TOPICS.socialorgIncubation, version: 1, schema }) as const;
const room = <S extends z.ZodType>(schema: S) =>
  ({ topic: INCUBATION_TOPICS.socialorgRoom, version: 1, schema }) as const;

export const INCUBATION_EVENTS = {
  'socialorg.incubation.applied': incubation(socialorgIncubationAppliedV1),
  'socialorg.incubation.transitioned': incubation(socialorgIncubationTransitionedV1),
  'socialorg.incubation.assessed': incubation(socialorgIncubationAssessedV1),
  'socialorg.incubation.mentor-assigned': incubation(socialorgIncubationMentorAssignedV1),
  'socialorg.incubation.training-recorded': incubation(socialorgIncubationTrainingRecordedV1),
  'socialorg.room.booked': room(socialorgRoomBookedV1),
  'socialorg.room.released': room(socialorgRoomReleasedV1),
} as const satisfies Record<string, EventDefinition>;
