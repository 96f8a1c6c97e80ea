import type { Principal } from '@psc/auth';
import {
  CREDIT_CATEGORIES,
  ORG_TYPES,
  type OrganisationEntry,
  PARTY_BUILDING_KINDS,
  type PartyBuildingInput,
  type RegisterOrganisationRequest,
} from '@psc/contracts/socialorg';
import { AppError } from '@psc/server-kit';
import { validateCreditCode } from '@psc/util';
import { actingRole } from '../shared/place';
import type { Organisation, StoredPartyBuilding } from './organisation.model';

/** Roles that keep the registry of a place; the organisation's own staff maintain their profile and contacts. */
export const REGISTRY_ADMINS = ['centre_admin', 'city_admin'] as const;
/** Besides those, the district's 民政 reviewers read the registry. */
export const REGISTRY_READERS = ['centre_admin', 'city_admin', 'dept_reviewer'] as const;

/** Context of a contact number's ciphertext: bound to the organisation, so it cannot be moved to another. */
export const phoneContext = (orgId: string) => `organisations.contacts.phone:${orgId}`;

/**
 * The credit code's check character and its 机构类别 (a 社会服务机构 is 52…), or the 备案编号 of a filed one; the
 * result is the key that keeps the same organisation from being entered twice.
 */
export function identityOf(request: RegisterOrganisationRequest): {
  creditCode: string | null;
  filingNo: string | null;
  uniqueKey: string;
} {
  if (request.registration === 'community_filed')
    return {
      creditCode: null,
      filingNo: request.filingNo,
      uniqueKey: `filed:${request.centreId}:${request.filingNo}`,
    };
  const checked = validateCreditCode(request.creditCode);
  if (!checked.ok)
    throw new AppError('SOCIALORG.CREDIT_CODE_INVALID', checked.message, { field: 'creditCode' });
  const allowed = CREDIT_CATEGORIES[request.type];
  if (!allowed.includes(checked.category))
    throw new AppError(
      'SOCIALORG.CREDIT_CODE_MISMATCH',
      `统一社会信用代码前两位为“${checked.category}”，与“${ORG_TYPES[request.type]}”不符：` +
        `民政登记的${ORG_TYPES[request.type]}应以 ${allowed.join(' 或 ')} 开头`,
      { field: 'creditCode', category: checked.category, allowed },
    );
  return { creditCode: checked.value, filingNo: null, uniqueKey: `cc:${checked.value}` };
}

/** A founding date or a party organisation's date cannot lie after today. */
export function assertNotFuture(day: string, today: string, what: string): void {
  if (day > today)
    throw new AppError('COMMON.VALIDATION_FAILED', `${what}不能晚于今天（${today}）`, [
      { field: what, message: `${what}不能晚于今天` },
    ]);
}

/** The declared party organisation as stored, its date checked against today and the founding date. */
export function partyBuildingOf(
  input: PartyBuildingInput,
  today: string,
  foundedOn: string,
): StoredPartyBuilding {
  if (input.kind === 'none') return { kind: 'none', formedAt: null, partyMembers: input.partyMembers };
  if (input.formedAt > today)
    throw new AppError('SOCIALORG.PARTY_BUILDING_INVALID', `党组织成立日期不能晚于今天（${today}）`);
  if (input.formedAt < foundedOn)
    throw new AppError(
      'SOCIALORG.PARTY_BUILDING_INVALID',
      `党组织成立日期不能早于组织成立日期（${foundedOn}）`,
    );
  return { kind: input.kind, formedAt: input.formedAt, partyMembers: input.partyMembers };
}

/** A change that changes nothing is refused: the record of changes would say something happened. */
export function assertPartyBuildingChanged(from: StoredPartyBuilding, to: StoredPartyBuilding): void {
  if (from.kind === to.kind && from.formedAt === to.formedAt && from.partyMembers === to.partyMembers)
    throw new AppError(
      'SOCIALORG.PARTY_BUILDING_INVALID',
      `党组织信息与当前登记的相同（${PARTY_BUILDING_KINDS[from.kind]}），无需变更`,
    );
}

/** One recorded change: who, in which role, when and why. */
export const entry = (
  action: string,
  principal: Principal,
  roles: readonly string[],
  now: Date,
  reason: string | null = null,
): OrganisationEntry => ({
  action,
  by: principal.sub,
  role: actingRole(principal, roles),
  at: now.toISOString(),
  reason,
});

/** Someone changed the organisation since the caller read it. */
export const organisationChanged = (latest: Organisation) =>
  new AppError('SOCIALORG.ORGANISATION_CHANGED', undefined, { revision: latest.revision });
