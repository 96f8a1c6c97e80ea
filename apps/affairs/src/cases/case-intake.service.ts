import { Inject, Injectable } from '@nestjs/common';
import { assertScope, type Principal } from '@psc/auth';
import type { CaseView, OpenCaseRequest } from '@psc/contracts/affairs';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { ItemCopiesService } from '../catalogue-copy/item-copies.service';
import { CaseNumbersService } from './case-numbers.service';
import { CaseRepository } from './case.repository';
import { checkMaterials, intakeCase, WINDOW_ROLES } from './case-intake';
import { CaseSecrets } from './case-secrets';
import { caseView } from './case-view';

/** 一窗受理: a case opened at the window against the item version this centre has now. */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly items: ItemCopiesService,
    private readonly numbers: CaseNumbersService,
    private readonly secrets: CaseSecrets,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `idempotencyKey` is made once per intake form: submitting it again answers with the case it opened. */
  async open(request: OpenCaseRequest, idempotencyKey: string, principal: Principal): Promise<CaseView> {
    assertScope(principal, request.centreId, WINDOW_ROLES);
    const copy = await this.items.current(request.itemCode);
    if (!copy) throw new AppError('AFFAIRS.ITEM_NOT_AVAILABLE', `事项 ${request.itemCode} 尚未在本中心上线`);
    // the checklist is checked before a case number is taken, so a wrong one costs none
    const decision = checkMaterials(copy.content.materials, request.materials);
    const now = this.clock();
    const caseNo = await this.numbers.next(now);
    const { doc, opened } = intakeCase({
      caseNo,
      request,
      item: copy.content,
      itemVersion: copy.version,
      decision,
      lookupHash: this.secrets.lookupHash(caseNo, request.idTail),
      idempotencyKey,
      principal,
      now,
    });
    return caseView(await this.cases.open(doc, opened), this.clock());
  }
}
