import { Injectable } from '@nestjs/common';
import type { Principal } from '@psc/auth';
import type { CallListQuery, CallView, PublicityView } from '@psc/contracts/socialorg';
import { AppError } from '@psc/server-kit';
import type { Call } from './call.model';
import { CallRepository } from './call.repository';
import { administers } from './call-access';
import { callView, publicityView } from './call-view';

/** Calls as each reader may see them: drafts only by their administrators, the rest by everyone signed in. */
@Injectable()
export class CallQueriesService {
  constructor(private readonly calls: CallRepository) {}

  async get(callId: string, principal: Principal): Promise<CallView> {
    const call = await this.calls.load(callId);
    const admin = administers(principal, call);
    if (!admin && call.state === 'draft') throw new AppError('AUTH.OUT_OF_SCOPE', '该申报指南尚未发布');
    return callView(call, principal, admin);
  }

  /** Newest first; calls are few (hundreds a year), so visibility and kind are filtered here. */
  async list(query: CallListQuery, principal: Principal): Promise<CallView[]> {
    const visible = (call: Call) => administers(principal, call) || call.state !== 'draft';
    return (await this.calls.list(query.state))
      .filter((call) => visible(call) && (!query.kind || call.kind === query.kind))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((call) => callView(call, principal, administers(principal, call)));
  }

  /** The 公示, for anyone: it is a public notice. */
  async publicity(callId: string): Promise<PublicityView> {
    const view = publicityView(await this.calls.load(callId));
    if (!view) throw new AppError('SOCIALORG.CALL_NOT_FOUND', '该申报指南尚未公示');
    return view;
  }
}
