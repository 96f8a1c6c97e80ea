import { z } from 'zod';
import type { ErrorDefinition, EventDefinition } from '../slices';
import { PARTY_BUILDING_KINDS, type PartyBuildingKind } from './organisation';

/** The organisation registry's codes, topics and events; merged into the socialorg slice one line each. */

export const ORGANISATION_ERROR_CODES = {
  'SOCIALORG.ORGANISATION_NOT_FOUND': { status: 404, message: '没有找到该社会组织' },
  'SOCIALORG.CREDIT_CODE_INVALID': { status: 400, message: '统一社会信用代码不正确，请核对后重新输入' },
  'SOCIALORG.CREDIT_CODE_MISMATCH': {
    status: 400,
    message: '统一社会信用代码的机构类别与组织类型不符',
  },
  'SOCIALORG.ORGANISATION_EXISTS': { status: 409, message: '该组织已经登记过，请勿重复登记' },
  'SOCIALORG.ORGANISATION_CHANGED': {
    status: 409,
    message: '组织信息刚被他人修改，请刷新后再操作',
  },
  'SOCIALORG.CONTACT_NOT_FOUND': { status: 404, message: '没有找到该联系人' },
  'SOCIALORG.PARTY_BUILDING_INVALID': { status: 400, message: '党组织信息不正确，请核对后再提交' },
} as const satisfies Record<string, ErrorDefinition>;

const partyBuilding = z.object({
  kind: z.enum(Object.keys(PARTY_BUILDING_KINDS) as [PartyBuildingKind, ...PartyBuildingKind[]]),
  formedAt: z.iso.date().nullable(),
  partyMembers: z.number().int().min(0),
});

/** Where the organisation belongs: identity grants accounts by it, dashboards count per street. */
const place = { orgId: z.string().min(1), centreId: z.string().min(1), streetId: z.string().min(1) };
const actor = { by: z.string().min(1), at: z.iso.datetime() };

export const socialorgOrganisationRegisteredV1 = z.object({
  ...place,
  name: z.string().min(1),
  registration: z.enum(['registered', 'community_filed']),
  creditCode: z.string().nullable(),
  type: z.string().min(1),
  partyBuilding,
  ...actor,
});

export const socialorgOrganisationProfileUpdatedV1 = z.object({
  ...place,
  name: z.string().min(1),
  ...actor,
});

/** 党组织覆盖 changed: a dashboard keeps the count per street from `from` and `to`. */
export const socialorgOrganisationPartyBuildingChangedV1 = z.object({
  ...place,
  from: partyBuilding,
  to: partyBuilding,
  reason: z.string().min(1),
  ...actor,
});

/** Names the contact and its role, never the number. */
export const socialorgOrganisationContactChangedV1 = z.object({
  ...place,
  contactId: z.string().min(1),
  role: z.string().min(1),
  change: z.enum(['added', 'removed']),
  ...actor,
});

/** The full number of a contact was shown (个人信息保护法): who, in which capacity, from where and why. */
export const socialorgOrganisationContactRevealedV1 = z.object({
  ...place,
  contactId: z.string().min(1),
  auditId: z.string().min(1),
  role: z.string().min(1),
  screen: z.enum(['kiosk', 'counter', 'portal', 'api']),
  purpose: z.string().min(1).max(100),
  ...actor,
});

export const ORGANISATION_TOPICS = { socialorgOrganisation: 'socialorg.organisation.v1' } as const;

const onTopic = <S extends z.ZodType>(schema: S) =>
  ({ topic: ORGANISATION_TOPICS.socialorgOrganisation, version: 1, schema }) as const;

export const ORGANISATION_EVENTS = {
  'socialorg.organisation.registered': onTopic(socialorgOrganisationRegisteredV1),
  'socialorg.organisation.profile-updated': onTopic(socialorgOrganisationProfileUpdatedV1),
  'socialorg.organisation.party-building-changed': onTopic(socialorgOrganisationPartyBuildingChangedV1),
  'socialorg.organisation.contact-changed': onTopic(socialorgOrganisationContactChangedV1),
  'socialorg.organisation.contact-revealed': onTopic(socialorgOrganisationContactRevealedV1),
} as const satisfies Record<string, EventDefinition>;
