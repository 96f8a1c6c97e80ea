import { Injectable } from '@nestjs/common';
import { assertOrgMember, orgsOf, type Principal } from '@psc/auth';
import type { AgreementListQuery, AgreementView } from '@psc/contracts/socialorg';
import { AppError } from '@psc/server-kit';
import type { Call } from '../calls/call.model';
import { CallRepository } from '../calls/call.repository';
import { assertCallAdmin } from '../calls/call-steps';
import type { Agreement } from './agreement.model';
import { AgreementRepository } from './agreement.repository';
import { assertMayRead } from './agreement-access';
import { agreementView } from './agreement-terms';

@Injectable()
export class AgreementQueriesService {
  constructor(
    private readonly agreements: AgreementRepository,
    private readonly calls: CallRepository,
  ) {}

  async get(agreementId: string, principal: Principal): Promise<AgreementView> {
    const agreement = await this.agreements.load(agreementId);
    const call = await this.calls.load(agreement.callId);
    assertMayRead(principal, agreement, call);
    return agreementView(agreement, call);
  }

  /** A call's agreements for its administrators (`?callId=`), or an organisation's own (`?orgId=`). */
  async list(query: AgreementListQuery, principal: Principal): Promise<AgreementView[]> {
    let found: Agreement[];
    if (query.callId && !query.orgId) {
      assertCallAdmin(principal, await this.calls.load(query.callId));
      found = await this.agreements.ofCall(query.callId);
    } else {
      const orgId = query.orgId ?? orgsOf(principal)[0];
      if (!orgId) throw new AppError('AUTH.OUT_OF_SCOPE', '只能查看本组织的项目协议');
      assertOrgMember(principal, orgId);
      found = (await this.agreements.ofOrganisation(orgId)).filter(
        (a) => !query.callId || a.callId === query.callId,
      );
    }
    const calls = new Map<string, Call>();
    const views: AgreementView[] = [];
    for (const agreement of found.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())) {
      const call = calls.get(agreement.callId) ?? (await this.calls.load(agreement.callId));
      calls.set(call._id, call);
      views.push(agreementView(agreement, call));
    }
    return views;
  }
}
