import { Inject, Injectable } from '@nestjs/common';
import { assertOrgMember, assertScope, covers, orgsOf, type Principal } from '@psc/auth';
import type { ClaimDecisionRequest, ClaimListQuery, ClaimRequest, ClaimView } from '@psc/contracts/socialorg';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { ADMIN_ROLES } from '../calls/call-steps';
import { ApplicantDirectory, type ApplicantFacts } from '../calls/applicant-directory.service';
import type { Claim, Scheme } from './subsidy.model';
import { SubsidyRepository } from './subsidy.repository';
import { claimIdOf, claimStep, claimView, entitlement, grantFunds, payFunds } from './subsidy-rules';

// the request schema requires both for `pay`; this keeps the type honest
const paymentOf = ({ voucher, paidOn }: ClaimDecisionRequest) => {
  if (!voucher || !paidOn) throw new AppError('COMMON.VALIDATION_FAILED', '拨付须填写凭证号和拨付日期');
  return { voucher, paidOn };
};

const administers = (principal: Principal, scheme: Scheme) =>
  principal.roles.some((g) => ADMIN_ROLES.includes(g.role) && covers(g.scope, scheme.ownerScope));

/**
 * 申领 by an organisation's staff, checked against the organisation as the registry has it; 核准 commits the
 * amount from the scheme's budget and 拨付 pays it, both in the scheme's ledger first and on the claim after, so
 * a step retried after a crash between the two completes without moving money twice.
 */
@Injectable()
export class SubsidyClaimsService {
  constructor(
    private readonly subsidies: SubsidyRepository,
    @Inject(ApplicantDirectory) private readonly directory: ApplicantFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async claim(request: ClaimRequest, principal: Principal): Promise<ClaimView> {
    assertOrgMember(principal, request.orgId);
    const scheme = await this.subsidies.loadScheme(request.schemeId);
    if (scheme.state !== 'open') throw new AppError('SOCIALORG.SCHEME_CLOSED');
    const org = await this.directory.get(request.orgId);
    if (!org)
      throw new AppError('SOCIALORG.ORGANISATION_NOT_FOUND', `没有找到编号为 ${request.orgId} 的社会组织`);
    const { amountFen, basis } = entitlement(scheme, org, request.grade);
    const now = this.clock();
    const claim: Claim = {
      _id: claimIdOf(scheme, org.orgId),
      revision: 1,
      schemeId: scheme._id,
      kind: scheme.kind,
      orgId: org.orgId,
      orgName: org.name,
      streetId: org.streetId,
      grade: request.grade ?? null,
      amountFen,
      state: 'claimed',
      basis,
      evidence: request.evidence,
      payment: null,
      claimedAt: now,
      claimedBy: principal.sub,
      history: [
        {
          action: 'claim',
          from: null,
          to: 'claimed',
          by: principal.sub,
          at: now.toISOString(),
          reason: basis,
        },
      ],
    };
    await this.subsidies.createClaim(claim, [
      {
        type: 'socialorg.subsidy.claimed',
        data: {
          schemeId: scheme._id,
          kind: scheme.kind,
          ownerScope: scheme.ownerScope,
          claimId: claim._id,
          orgId: org.orgId,
          streetId: org.streetId,
          amountFen,
          at: now.toISOString(),
        },
      },
    ]);
    return claimView(claim, false);
  }

  async decide(claimId: string, request: ClaimDecisionRequest, principal: Principal): Promise<ClaimView> {
    const claim = await this.subsidies.loadClaim(claimId);
    const scheme = await this.subsidies.loadScheme(claim.schemeId);
    assertScope(principal, scheme.ownerScope, ADMIN_ROLES);
    const now = this.clock();
    const { to, record } = claimStep(claim, request.action, principal, now, request.reason ?? null);
    if (request.action === 'reject') {
      const rejected = await this.subsidies.recordClaim(claim, {
        set: { state: to },
        history: [record],
        events: [
          {
            type: 'socialorg.subsidy.rejected',
            data: {
              schemeId: scheme._id,
              kind: scheme.kind,
              ownerScope: scheme.ownerScope,
              claimId,
              orgId: claim.orgId,
              reason: request.reason ?? '',
              by: principal.sub,
              at: record.at,
            },
          },
        ],
      });
      return claimView(rejected, true);
    }
    const payment = request.action === 'pay' ? paymentOf(request) : null;
    await this.subsidies.changeScheme(scheme._id, (current) =>
      payment
        ? payFunds(current, claim, payment, principal, now)
        : grantFunds(current, claim, principal, now),
    );
    const written = await this.subsidies.recordClaim(claim, {
      set: payment ? { state: to, payment } : { state: to },
      history: [record],
      events: [],
    });
    return claimView(written, true);
  }

  async get(claimId: string, principal: Principal): Promise<ClaimView> {
    const claim = await this.subsidies.loadClaim(claimId);
    const scheme = await this.subsidies.loadScheme(claim.schemeId);
    const admin = administers(principal, scheme);
    if (!admin) assertOrgMember(principal, claim.orgId);
    return claimView(claim, admin);
  }

  /** A scheme's claims for its administrators (`?schemeId=`), or an organisation's own. */
  async list(query: ClaimListQuery, principal: Principal): Promise<ClaimView[]> {
    if (query.schemeId && !query.orgId) {
      const scheme = await this.subsidies.loadScheme(query.schemeId);
      if (administers(principal, scheme))
        return (await this.subsidies.claimsOfScheme(scheme._id)).map((c) => claimView(c, true));
    }
    const orgId = query.orgId ?? orgsOf(principal)[0];
    if (!orgId) throw new AppError('AUTH.OUT_OF_SCOPE', '只能查看本组织的奖补申领');
    assertOrgMember(principal, orgId);
    return (await this.subsidies.claimsOfOrganisation(orgId))
      .filter((c) => !query.schemeId || c.schemeId === query.schemeId)
      .map((c) => claimView(c, false));
  }
}
