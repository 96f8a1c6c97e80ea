import type { CaseView } from '@psc/contracts/affairs';
import { describe, expect, it } from 'vitest';
import { actionsFor, hasAnyRole, rolesOf, SECTION_ROLES, workbenchCentre } from './access';

const user = (...roles: [string, string][]) => ({
  username: 'u',
  displayName: 'U',
  roles: roles.map(([role, scope]) => ({ role, scope })),
});
const centre = 'sz/futian/xiangmihu/c-001';

describe('what a member of staff may do', () => {
  const accepted: Pick<CaseView, 'allowedActions'> = {
    allowedActions: ['assign', 'complete', 'request_correction', 'refuse'],
  };

  it('offers the window every step the state allows except a department’s', () => {
    expect(actionsFor(accepted, ['counter_staff'])).toEqual([
      'assign',
      'complete',
      'request_correction',
      'refuse',
    ]);
    expect(
      actionsFor({ allowedActions: ['complete', 'request_correction', 'return'] }, ['counter_staff']),
    ).toEqual(['complete', 'request_correction']);
  });

  it('lets a department reviewer decide but not assign, refuse or deliver', () => {
    expect(actionsFor(accepted, ['dept_reviewer'])).toEqual(['complete', 'request_correction']);
    expect(actionsFor({ allowedActions: ['deliver'] }, ['dept_reviewer'])).toEqual([]);
    expect(actionsFor({ allowedActions: ['complete', 'return'] }, ['dept_reviewer'])).toEqual([
      'complete',
      'return',
    ]);
  });

  it('never offers staff the resident’s rating, and nothing to a city administrator', () => {
    expect(actionsFor({ allowedActions: ['rate'] }, ['counter_staff', 'centre_admin'])).toEqual([]);
    expect(actionsFor(accepted, ['city_admin'])).toEqual([]);
  });

  it('opens the sections by role', () => {
    const counter = rolesOf(user(['counter_staff', centre]));
    expect(hasAnyRole(counter, SECTION_ROLES.queue)).toBe(true);
    expect(hasAnyRole(counter, SECTION_ROLES.inbox)).toBe(false);
    expect(hasAnyRole(rolesOf(user(['dept_reviewer', 'sz/futian'])), SECTION_ROLES.intake)).toBe(false);
    expect(hasAnyRole(rolesOf(undefined), SECTION_ROLES.cases)).toBe(false);
  });
});

describe('the centre the workbench shows', () => {
  it('is the centre a grant names', () => {
    expect(workbenchCentre(user(['counter_staff', centre]), 'sz/other/x/c-009')).toBe(centre);
  });

  it('is the gateway’s centre for a district or city grant', () => {
    expect(workbenchCentre(user(['dept_reviewer', 'sz/futian']), centre)).toBe(centre);
    expect(workbenchCentre(undefined, centre)).toBe(centre);
  });
});
