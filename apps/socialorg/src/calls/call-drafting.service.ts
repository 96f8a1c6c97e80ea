import { Inject, Injectable } from '@nestjs/common';
import { assertScope, type Principal } from '@psc/auth';
import type { CallView, CreateCallRequest, UpdateCallRequest } from '@psc/contracts/socialorg';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import type { Call } from './call.model';
import { CallRepository } from './call.repository';
import { newId } from './call-ids';
import { ADMIN_ROLES, assertCallAdmin, illegalCallStep, type Raised } from './call-steps';
import { callView } from './call-view';

/** The terms of a call as its administrator writes them; instants are kept as dates. */
const termsOf = ({ opensAt, closesAt, ...rest }: CreateCallRequest) => ({
  ...rest,
  opensAt: new Date(opensAt),
  closesAt: new Date(closesAt),
});

const drafted = (call: Call, by: string, at: Date): Raised<'socialorg.call.drafted'> => ({
  type: 'socialorg.call.drafted',
  data: {
    callId: call._id,
    kind: call.kind,
    ownerScope: call.ownerScope,
    title: call.title,
    budgetFen: call.budgetFen,
    by,
    at: at.toISOString(),
  },
});

/** 申报指南 drafts: written and rewritten by the administrators of the street or district that runs the call. */
@Injectable()
export class CallDraftingService {
  constructor(
    private readonly calls: CallRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(request: CreateCallRequest, principal: Principal): Promise<CallView> {
    assertScope(principal, request.ownerScope, ADMIN_ROLES);
    const now = this.clock();
    const call: Call = {
      _id: newId('C'),
      revision: 1,
      ...termsOf(request),
      state: 'draft',
      createdAt: now,
      createdBy: principal.sub,
      ranking: null,
      publicity: null,
      objections: [],
      awards: [],
      ledger: [],
      history: [
        { action: 'draft', from: null, to: 'draft', by: principal.sub, at: now.toISOString(), reason: null },
      ],
    };
    await this.calls.create(call, [drafted(call, principal.sub, now)]);
    return callView(call, principal, true);
  }

  /** Replaces a draft whole, on the revision its editor saw; a published call's terms are what applicants relied on. */
  async update(callId: string, request: UpdateCallRequest, principal: Principal): Promise<CallView> {
    assertCallAdmin(principal, await this.calls.load(callId));
    assertScope(principal, request.ownerScope, ADMIN_ROLES);
    const { revision, ...terms } = request;
    const updated = await this.calls.change(callId, (call) => {
      if (call.state !== 'draft')
        throw illegalCallStep(call, 'open', '申报指南已发布，不能再修改；如需调整请撤销后重新发布');
      if (call.revision !== revision)
        throw new AppError(
          'SOCIALORG.CALL_CHANGED',
          `该草稿已被他人修改（当前第 ${call.revision} 版，您编辑的是第 ${revision} 版），请刷新后再改`,
        );
      const next = { ...call, ...termsOf(terms) };
      return { set: termsOf(terms), events: [drafted(next, principal.sub, this.clock())] };
    });
    return callView(updated, principal, true);
  }
}
