import { Inject, Injectable } from '@nestjs/common';
import { assertScope, type Principal } from '@psc/auth';
import type { CreateSchemeRequest, SchemeView } from '@psc/contracts/socialorg';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { newId } from '../calls/call-ids';
import { ADMIN_ROLES } from '../calls/call-steps';
import type { Scheme } from './subsidy.model';
import { SubsidyRepository } from './subsidy.repository';
import { schemeView } from './subsidy-rules';

/** 奖补项目: opened with a budget by a street or district, closed when it stops taking claims. */
@Injectable()
export class SubsidySchemesService {
  constructor(
    private readonly subsidies: SubsidyRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(request: CreateSchemeRequest, principal: Principal): Promise<SchemeView> {
    assertScope(principal, request.ownerScope, ADMIN_ROLES);
    const now = this.clock();
    const startup = request.kind === 'party_branch_startup' ? request : null;
    const scheme: Scheme = {
      _id: newId('S'),
      revision: 1,
      kind: request.kind,
      name: request.name,
      ownerScope: request.ownerScope,
      budgetFen: request.budgetFen,
      gradeAmounts: request.kind === 'award_by_grade' ? request.gradeAmounts : [],
      amountFen: startup?.amountFen ?? null,
      formedFrom: startup?.formedFrom ?? null,
      formedTo: startup?.formedTo ?? null,
      branchKinds: startup?.branchKinds ?? [],
      state: 'open',
      createdAt: now,
      createdBy: principal.sub,
      ledger: [],
      history: [
        { action: 'open', from: null, to: 'open', by: principal.sub, at: now.toISOString(), reason: null },
      ],
    };
    await this.subsidies.createScheme(scheme, [
      {
        type: 'socialorg.subsidy.scheme-opened',
        data: {
          schemeId: scheme._id,
          kind: scheme.kind,
          ownerScope: scheme.ownerScope,
          name: scheme.name,
          budgetFen: scheme.budgetFen,
          by: principal.sub,
          at: now.toISOString(),
        },
      },
    ]);
    return schemeView(scheme);
  }

  async close(schemeId: string, principal: Principal): Promise<SchemeView> {
    assertScope(principal, (await this.subsidies.loadScheme(schemeId)).ownerScope, ADMIN_ROLES);
    const closed = await this.subsidies.changeScheme(schemeId, (scheme) => {
      if (scheme.state !== 'open')
        throw new AppError('SOCIALORG.SCHEME_CLOSED', '该奖补项目已截止受理，不能再截止');
      const at = this.clock().toISOString();
      return {
        set: { state: 'closed' },
        history: [{ action: 'close', from: 'open', to: 'closed', by: principal.sub, at, reason: null }],
        events: [
          {
            type: 'socialorg.subsidy.scheme-closed',
            data: { schemeId, kind: scheme.kind, ownerScope: scheme.ownerScope, by: principal.sub, at },
          },
        ],
      };
    });
    return schemeView(closed);
  }

  async list(): Promise<SchemeView[]> {
    return (await this.subsidies.allSchemes()).map(schemeView);
  }

  async get(schemeId: string): Promise<SchemeView> {
    return schemeView(await this.subsidies.loadScheme(schemeId));
  }
}
