import { orgGrant, type Principal } from '@psc/auth';
import type {
  ApplicationView,
  CallView,
  CreateApplicationRequest,
  CreateCallRequest,
  FileKind,
  FileView,
  SignAgreementRequest,
} from '@psc/contracts/socialorg';
import { fakeModel, fakeOutbox, manualClock, staff, staffWith } from '@psc/testing/unit';
import type { Model } from 'mongoose';
import type { Agreement } from '../src/agreements/agreement.model';
import { AgreementRepository } from '../src/agreements/agreement.repository';
import { AgreementQueriesService } from '../src/agreements/agreement-queries.service';
import { AgreementSigningService } from '../src/agreements/agreement-signing.service';
import { AgreementStepsService } from '../src/agreements/agreement-steps.service';
import { MilestonesService } from '../src/agreements/milestones.service';
import type { Application } from '../src/applications/application.model';
import { ApplicationRepository } from '../src/applications/application.repository';
import { ApplicationDraftingService } from '../src/applications/application-drafting.service';
import { ApplicationQueriesService } from '../src/applications/application-queries.service';
import { ApplicationStepsService } from '../src/applications/application-steps.service';
import { EligibilityService } from '../src/applications/eligibility.service';
import type { Call } from '../src/calls/call.model';
import { CallRepository } from '../src/calls/call.repository';
import { CallDraftingService } from '../src/calls/call-drafting.service';
import { CallObjectionsService } from '../src/calls/call-objections.service';
import { CallQueriesService } from '../src/calls/call-queries.service';
import { CallStepsService } from '../src/calls/call-steps.service';
import { OwnFiles } from '../src/calls/own-files.service';
import type { ApplicantSnapshot } from '../src/calls/applicant-directory.service';
import { PaymentsService } from '../src/payments/payments.service';
import type { Review } from '../src/scoring/review.model';
import { ReviewRepository } from '../src/scoring/review.repository';
import { ReviewQueriesService } from '../src/scoring/review-queries.service';
import { ReviewerAssignmentService } from '../src/scoring/reviewer-assignment.service';
import { ReviewingService } from '../src/scoring/reviewing.service';
import { ScoringStepsService } from '../src/scoring/scoring-steps.service';
import type { Claim, Scheme } from '../src/subsidies/subsidy.model';
import { SubsidyRepository } from '../src/subsidies/subsidy.repository';
import { SubsidyClaimsService } from '../src/subsidies/subsidy-claims.service';
import { SubsidySchemesService } from '../src/subsidies/subsidy-schemes.service';

/** The projects' services over one in-memory store, outbox, clock and organisation directory, as the specs share them. */

export const STREET = 'sz/futian/xiangmihu';
export const OTHER_STREET = 'sz/nanshan/shekou';

/** 街道 administrator of 香蜜湖街道, and one of another street */
export const admin = staff('centre_admin', STREET);
export const otherAdmin = staff('centre_admin', OTHER_STREET);
export const cityAdmin = staff('city_admin');

/** A member of an organisation's staff. */
export const member = (orgId: string, overrides: Partial<Principal> = {}): Principal =>
  staffWith([orgGrant(orgId)], { sub: `staff-of-${orgId}`, ...overrides });

/** Expert reviewer `n` (expert01 …), over the whole city. */
export const expert = (n: number, extra: Principal['roles'] = []): Principal =>
  staffWith([{ role: 'expert_reviewer', scope: 'sz' }, ...extra], { sub: `expert0${n}` });

export const organisation = (
  orgId: string,
  overrides: Partial<ApplicantSnapshot> = {},
): ApplicantSnapshot => ({
  orgId,
  name: `${orgId} 社工服务中心`,
  creditCode: '51440300MJL000001X',
  centreId: `${STREET}/c-001`,
  streetId: STREET,
  registration: 'registered',
  partyBuilding: { kind: 'branch', formedAt: '2026-01-15' },
  incubation: null,
  ...overrides,
});

const DAY = 86_400_000;

/** Monday 2 March 2026, 10:00 in Shanghai, unless a spec starts elsewhere. */
export function projectsWorld(start = '2026-03-02T02:00:00Z') {
  const clock = manualClock(start);
  const outbox = fakeOutbox('socialorg');
  const stores = {
    calls: fakeModel<Call>(),
    applications: fakeModel<Application>([], ['orgSlot']),
    reviews: fakeModel<Review>(),
    agreements: fakeModel<Agreement>(),
    schemes: fakeModel<Scheme>(),
    claims: fakeModel<Claim>(),
  };
  const model = <T>(store: unknown) => store as Model<T>;
  const orgs = new Map<string, ApplicantSnapshot>();
  const directory = { get: (orgId: string) => Promise.resolve(orgs.get(orgId) ?? null) };
  const files = new Map<string, FileView>();
  const ownFiles = new OwnFiles({ describe: (fileId: string) => Promise.resolve(files.get(fileId) ?? null) });
  /** A file in the store, as if `orgId`'s staff had uploaded it for `kind`. */
  const stored = (fileId: string, orgId: string, kind: FileKind) =>
    files.set(fileId, {
      fileId,
      orgId,
      kind,
      ref: null,
      name: `${fileId}.pdf`,
      mime: 'application/pdf',
      size: 1,
      sha256: '0'.repeat(64),
      storedAt: clock().toISOString(),
    });

  const calls = new CallRepository(model<Call>(stores.calls), outbox);
  const applications = new ApplicationRepository(model<Application>(stores.applications), outbox);
  const reviews = new ReviewRepository(model<Review>(stores.reviews), outbox);
  const agreements = new AgreementRepository(model<Agreement>(stores.agreements), outbox);
  const subsidies = new SubsidyRepository(model<Scheme>(stores.schemes), model<Claim>(stores.claims), outbox);

  const services = {
    drafting: new CallDraftingService(calls, clock),
    steps: new CallStepsService(calls, clock),
    objections: new CallObjectionsService(calls, clock),
    callQueries: new CallQueriesService(calls),
    applying: new ApplicationDraftingService(applications, calls, directory, ownFiles, clock),
    applicationSteps: new ApplicationStepsService(applications, calls, directory, clock),
    applicationQueries: new ApplicationQueriesService(applications, calls, reviews),
    eligibility: new EligibilityService(applications, calls, directory, clock),
    scoring: new ScoringStepsService(calls, applications, reviews, clock),
    assignment: new ReviewerAssignmentService(reviews, applications, calls, clock),
    reviewing: new ReviewingService(reviews, calls, clock),
    reviewQueries: new ReviewQueriesService(reviews, applications, calls),
    signing: new AgreementSigningService(agreements, applications, calls, clock),
    milestones: new MilestonesService(agreements, calls, ownFiles, clock),
    agreementSteps: new AgreementStepsService(agreements, calls, clock),
    agreementQueries: new AgreementQueriesService(agreements, calls),
    payments: new PaymentsService(agreements, calls, clock),
    schemes: new SubsidySchemesService(subsidies, clock),
    claims: new SubsidyClaimsService(subsidies, directory, clock),
  };

  /** 公益创投 of 香蜜湖街道: 100万元, applications for ten days, a 5-working-day 公示, mean of at least 2 sheets. */
  const callRequest = (overrides: Partial<CreateCallRequest> = {}): CreateCallRequest => ({
    kind: 'venture_philanthropy',
    title: '2026年香蜜湖街道公益创投',
    description: '',
    ownerScope: STREET,
    budgetFen: 100_000_000,
    opensAt: clock().toISOString(),
    closesAt: new Date(clock().getTime() + 10 * DAY).toISOString(),
    publicityDays: 5,
    passMark: 60,
    aggregation: 'mean',
    minReviewers: 2,
    criteria: [
      { key: 'need', name: '需求分析', weight: 30, description: '' },
      { key: 'design', name: '项目设计', weight: 40, description: '' },
      { key: 'budget', name: '预算合理性', weight: 30, description: '' },
    ],
    tieBreak: [{ kind: 'criterion', key: 'design' }, { kind: 'earlier_submission' }],
    eligibility: [{ kind: 'in_area' }],
    ...overrides,
  });

  const openCall = async (overrides: Partial<CreateCallRequest> = {}): Promise<CallView> => {
    const draft = await services.drafting.create(callRequest(overrides), admin);
    return services.steps.act(draft.callId, { action: 'open' }, admin);
  };

  /** An application of `orgId` (registered in the directory if it is not yet), drafted and submitted. */
  const apply = async (
    callId: string,
    orgId: string,
    overrides: Partial<CreateApplicationRequest> = {},
  ): Promise<ApplicationView> => {
    if (!orgs.has(orgId)) orgs.set(orgId, organisation(orgId));
    const requestFen = overrides.requestFen ?? 20_000_000;
    const draft = await services.applying.create(
      {
        callId,
        orgId,
        title: `${orgId} 长者关爱项目`,
        summary: '为辖区独居长者提供探访、助餐和健康讲座服务。',
        field: '养老服务',
        requestFen,
        budgetLines: [
          { item: '人员经费', amountFen: requestFen - 5_000_000, note: '' },
          { item: '活动物料', amountFen: 5_000_000, note: '' },
        ],
        targets: ['服务独居长者 100 人'],
        kpis: [{ name: '探访人次', target: 1200, unit: '人次' }],
        attachments: [],
        ...overrides,
      },
      member(orgId),
    );
    return services.applicationSteps.act(
      draft.applicationId,
      { action: 'submit', revision: draft.revision },
      member(orgId),
    );
  };

  /** Past the call's closing time, closed and checked for eligibility. */
  const closeAndCheck = async (call: CallView) => {
    clock.set(new Date(new Date(call.closesAt).getTime() + 1000));
    await services.steps.act(call.callId, { action: 'close' }, admin);
    return services.eligibility.run(call.callId, admin);
  };

  /** Each application scored by experts `reviewers`, all three criteria at `share` of their weight (0–1). */
  const review = async (applicationId: string, reviewers: number[], share: (n: number) => number) => {
    for (const n of reviewers) {
      await services.reviewing.declare(applicationId, { conflict: false, statement: '' }, expert(n));
      const s = share(n);
      await services.reviewing.submit(
        applicationId,
        { scores: { need: round1(30 * s), design: round1(40 * s), budget: round1(30 * s) }, comment: '' },
        expert(n),
      );
    }
  };

  /**
   * A call taken through to the award: the applications of `orgs` (with their requests), two reviewers each
   * scoring `shares[i]` of every weight, ranked, publicised, past the 公示, awarded.
   */
  const awarded = async (
    requests: Record<string, number>,
    shares: number[],
    callOverrides: Partial<CreateCallRequest> = {},
  ) => {
    const call = await openCall(callOverrides);
    const applied: ApplicationView[] = [];
    for (const [orgId, requestFen] of Object.entries(requests))
      applied.push(await apply(call.callId, orgId, { requestFen }));
    await closeAndCheck(call);
    for (const a of applied)
      await services.assignment.assign(a.applicationId, { reviewers: ['expert01', 'expert02'] }, admin);
    await services.scoring.startScoring(call.callId, admin);
    for (const [i, a] of applied.entries()) await review(a.applicationId, [1, 2], () => shares[i]);
    await services.scoring.rank(call.callId, admin);
    const publicised = await services.steps.act(call.callId, { action: 'publicise' }, admin);
    clock.set(new Date(new Date(publicised.publicity!.endsAt).getTime() + 1000));
    const done = await services.steps.act(call.callId, { action: 'award' }, admin);
    return { call: done, applications: applied };
  };

  /** 30/40/30: on signing, on the mid-term milestone's acceptance, on a passing evaluation. */
  const agreementRequest = (
    applicationId: string,
    contractedFen: number,
    overrides: Partial<SignAgreementRequest> = {},
  ): SignAgreementRequest => ({
    applicationId,
    contractedFen,
    signedOn: '2026-04-01',
    endsOn: '2026-12-31',
    milestones: [
      { key: 'midterm', name: '中期评估', dueOn: '2026-07-31' },
      { key: 'final', name: '结项报告', dueOn: '2026-12-15' },
    ],
    split: 'percent',
    tranches: [
      { releaseOn: 'signing', milestone: null, percent: 30, amountFen: null },
      { releaseOn: 'milestone', milestone: 'midterm', percent: 40, amountFen: null },
      { releaseOn: 'evaluation', milestone: null, percent: 30, amountFen: null },
    ],
    ...overrides,
  });

  const callDoc = (callId: string) => stores.calls.docs.get(callId) as unknown as Call;
  const agreementDoc = (agreementId: string) =>
    stores.agreements.docs.get(agreementId) as unknown as Agreement | undefined;

  return {
    clock,
    outbox,
    stores,
    orgs,
    stored,
    repos: { calls, applications, reviews, agreements, subsidies },
    ...services,
    callRequest,
    openCall,
    apply,
    closeAndCheck,
    review,
    awarded,
    agreementRequest,
    callDoc,
    agreementDoc,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export type ProjectsWorld = ReturnType<typeof projectsWorld>;
