import { Injectable } from '@nestjs/common';
import { assertOrgMember, orgsOf, type Principal } from '@psc/auth';
import type { ApplicationListQuery, ApplicationView } from '@psc/contracts/socialorg';
import { AppError } from '@psc/server-kit';
import { CallRepository } from '../calls/call.repository';
import { administers } from '../calls/call-access';
import type { Call } from '../calls/call.model';
import type { Review } from '../scoring/review.model';
import { ReviewRepository } from '../scoring/review.repository';
import { ApplicationRepository } from './application.repository';
import { readerOf } from './application-access';
import { applicationView } from './application-view';

@Injectable()
export class ApplicationQueriesService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly calls: CallRepository,
    private readonly reviews: ReviewRepository,
  ) {}

  async get(applicationId: string, principal: Principal): Promise<ApplicationView> {
    const application = await this.applications.load(applicationId);
    const call = await this.calls.load(application.callId);
    const reviews = await this.reviews.ofApplication(applicationId);
    return applicationView(application, call, reviews, readerOf(principal, application, call, reviews));
  }

  /**
   * A call's submitted applications for its administrators (`?callId=`), or an organisation's own (`?orgId=`, by
   * default the organisation the caller works for).
   */
  async list(query: ApplicationListQuery, principal: Principal): Promise<ApplicationView[]> {
    if (query.callId && !query.orgId) {
      const call = await this.calls.load(query.callId);
      if (administers(principal, call)) {
        const reviews = group(await this.reviews.ofCall(call._id));
        return (await this.applications.ofCall(call._id))
          .filter((a) => a.state !== 'draft')
          .map((a) => applicationView(a, call, reviews.get(a._id) ?? [], 'admin'));
      }
    }
    const orgId = query.orgId ?? orgsOf(principal)[0];
    if (!orgId) throw new AppError('AUTH.OUT_OF_SCOPE', '只能查看本组织的申报');
    assertOrgMember(principal, orgId);
    const own = (await this.applications.ofOrganisation(orgId)).filter(
      (a) => !query.callId || a.callId === query.callId,
    );
    const calls = new Map<string, Call>();
    const views: ApplicationView[] = [];
    for (const application of own.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())) {
      const call = calls.get(application.callId) ?? (await this.calls.load(application.callId));
      calls.set(call._id, call);
      views.push(
        applicationView(application, call, await this.reviews.ofApplication(application._id), 'organisation'),
      );
    }
    return views;
  }
}

const group = (reviews: Review[]) => {
  const byApplication = new Map<string, Review[]>();
  for (const r of reviews)
    byApplication.set(r.applicationId, [...(byApplication.get(r.applicationId) ?? []), r]);
  return byApplication;
};
