import type { Principal } from '@psc/auth';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  type ApplicationAction,
  applicationAllowedActions,
  applicationNextState,
  type EligibilityResult,
  type EligibilityRule,
  PARTY_BUILDING_KINDS,
  REGISTRATIONS,
  type StepRecord,
  yuan,
} from '@psc/contracts/socialorg';
import { AppError } from '@psc/server-kit';
import type { Call } from '../calls/call.model';
import type { Raised } from '../calls/call-steps';
import type { ApplicantSnapshot } from '../calls/applicant-directory.service';
import type { Application } from './application.model';

/** What one step changes on an application, written in one conditional write on its revision. */
export interface ApplicationChange {
  set: Partial<Application>;
  history: StepRecord[];
  events: Raised[];
}

export function illegalApplicationStep(
  application: Application,
  action: ApplicationAction,
  why?: string,
): AppError {
  const possible = applicationAllowedActions(application.state).map((a) => APPLICATION_ACTIONS[a]);
  return new AppError(
    'SOCIALORG.APPLICATION_ILLEGAL_STEP',
    why ??
      `申报当前为“${APPLICATION_STATES[application.state]}”，不能“${APPLICATION_ACTIONS[action]}”` +
        (possible.length > 0 ? `；现在可以：${possible.join('、')}` : ''),
    { state: application.state, allowed: applicationAllowedActions(application.state) },
  );
}

export function assertRevision(application: Application, revision: number): void {
  if (application.revision !== revision)
    throw new AppError(
      'SOCIALORG.APPLICATION_CHANGED',
      `该申报已被修改（当前第 ${application.revision} 版，您看到的是第 ${revision} 版），请刷新后再操作`,
      { revision: application.revision },
    );
}

/** One transition of the application's state machine; a step it does not allow is a 409 naming what is possible. */
export function applicationStep(
  application: Application,
  action: ApplicationAction,
  by: Principal,
  now: Date,
  extra: { set?: Partial<Application>; events?: Raised[]; reason?: string | null } = {},
): ApplicationChange {
  const to = applicationNextState(application.state, action);
  if (!to) throw illegalApplicationStep(application, action);
  return {
    set: { ...extra.set, state: to },
    history: [
      {
        action,
        from: application.state,
        to,
        by: by.sub,
        at: now.toISOString(),
        reason: extra.reason ?? null,
      },
    ],
    events: extra.events ?? [],
  };
}

const label = <K extends string>(labels: Record<K, string>, keys: readonly K[]) =>
  keys.map((k) => `“${labels[k]}”`).join('或');

function checkRule(
  rule: EligibilityRule,
  call: Pick<Call, 'ownerScope'>,
  application: Pick<Application, 'requestFen' | 'field'>,
  org: ApplicantSnapshot,
): EligibilityResult {
  const result = (passed: boolean, reason: string): EligibilityResult => ({
    rule: rule.kind,
    passed,
    reason,
  });
  switch (rule.kind) {
    case 'registration': {
      const kind = `登记类型为“${REGISTRATIONS[org.registration]}”`;
      return rule.accepted.includes(org.registration)
        ? result(true, `${kind}，符合要求`)
        : result(false, `${kind}，本次申报要求${label(REGISTRATIONS, rule.accepted)}`);
    }
    case 'party_building': {
      const kind = org.partyBuilding.kind;
      if (kind !== 'none' && rule.accepted.includes(kind))
        return result(true, `已建立${PARTY_BUILDING_KINDS[kind]}，符合要求`);
      return result(
        false,
        (kind === 'none' ? '尚未建立党组织' : `党组织类型为“${PARTY_BUILDING_KINDS[kind]}”`) +
          `，本次申报要求已建立${label(PARTY_BUILDING_KINDS, rule.accepted)}`,
      );
    }
    case 'incubation_graduated': {
      const graduatedAt = org.incubation?.graduatedAt;
      if (graduatedAt) return result(true, `已于 ${graduatedAt.slice(0, 10)} 孵化出壳`);
      return result(
        false,
        org.incubation ? '尚未孵化出壳，本次申报要求已出壳' : '未入驻过孵化基地，本次申报要求已孵化出壳',
      );
    }
    case 'in_area': {
      const inside = org.streetId === call.ownerScope || org.streetId.startsWith(`${call.ownerScope}/`);
      return inside
        ? result(true, '组织所在街道在本次申报范围内')
        : result(false, `组织所在街道（${org.streetId}）不在本次申报范围（${call.ownerScope}）内`);
    }
    case 'field_of_service':
      if (rule.fields.includes(application.field))
        return result(true, `服务领域“${application.field}”符合要求`);
      return result(
        false,
        (application.field ? `服务领域“${application.field}”不在本次申报范围内` : '未填写服务领域') +
          `，本次申报限：${rule.fields.join('、')}`,
      );
    case 'max_request':
      return application.requestFen <= rule.maxFen
        ? result(true, `申请金额 ${yuan(application.requestFen)} 未超过上限 ${yuan(rule.maxFen)}`)
        : result(false, `申请金额 ${yuan(application.requestFen)} 超过单个项目上限 ${yuan(rule.maxFen)}`);
  }
}

/** Every rule of the call checked against the organisation as the registry has it now, each with its reason. */
export function checkEligibility(
  call: Pick<Call, 'eligibility' | 'ownerScope'>,
  application: Pick<Application, 'requestFen' | 'field'>,
  org: ApplicantSnapshot | null,
): EligibilityResult[] {
  if (!org)
    return call.eligibility.map((rule) => ({
      rule: rule.kind,
      passed: false,
      reason: '没有找到该组织的登记信息',
    }));
  return call.eligibility.map((rule) => checkRule(rule, call, application, org));
}

/** 资格审查 of a submitted application: it passes when every rule does; the reasons are kept with it. */
export function eligibilityStep(
  application: Application,
  call: Call,
  org: ApplicantSnapshot | null,
  by: Principal,
  now: Date,
): ApplicationChange {
  const results = checkEligibility(call, application, org);
  const failed = results.filter((r) => !r.passed);
  const passed = org !== null && failed.length === 0;
  return applicationStep(application, passed ? 'pass' : 'fail', by, now, {
    set: { eligibility: { passed, checkedAt: now, checkedBy: by.sub, results } },
    reason: passed ? null : (org ? failed.map((r) => r.reason) : ['没有找到该组织的登记信息']).join('；'),
    events: [
      {
        type: 'socialorg.application.eligibility-checked',
        data: {
          applicationId: application._id,
          callId: application.callId,
          orgId: application.orgId,
          passed,
          failed: failed.map((r) => r.rule),
          by: by.sub,
          at: now.toISOString(),
        },
      },
    ],
  });
}
