import { Inject, Injectable } from '@nestjs/common';
import { assertScope, type Principal } from '@psc/auth';
import type { MatchNeedRequest, NeedStepRequest, NeedView } from '@psc/contracts/socialorg';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { ListsRepository } from './lists.repository';
import { needView } from './lists-view';
import { LIST_KEEPERS, needStep } from './need-steps';

/** Staff match a need to a resource or a project, close it, or reopen it when a match falls through. */
@Injectable()
export class NeedStepsService {
  constructor(
    private readonly lists: ListsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async match(needId: string, request: MatchNeedRequest, principal: Principal): Promise<NeedView> {
    const current = await this.lists.loadNeed(needId);
    assertScope(principal, current.centreId, LIST_KEEPERS);
    const target = await this.target(request.target);
    // the keeper must cover what they match to as well: no reaching into another street's resources
    assertScope(principal, target.centreId, LIST_KEEPERS);
    const now = this.clock();
    const match = { ...request.target, title: target.title, note: request.note, by: principal.sub, at: now };
    const step = needStep(
      current,
      'match',
      request.revision,
      principal,
      now,
      { match },
      request.note || null,
    );
    return needView(await this.lists.recordNeed(current, step), now);
  }

  async step(needId: string, request: NeedStepRequest, principal: Principal): Promise<NeedView> {
    const current = await this.lists.loadNeed(needId);
    assertScope(principal, current.centreId, LIST_KEEPERS);
    const now = this.clock();
    const step = needStep(current, request.action, request.revision, principal, now, {}, request.reason);
    return needView(await this.lists.recordNeed(current, step), now);
  }

  private async target({
    kind,
    id,
  }: MatchNeedRequest['target']): Promise<{ centreId: string; title: string }> {
    const found = kind === 'resource' ? await this.lists.findResource(id) : await this.lists.findProject(id);
    if (!found)
      throw new AppError(
        kind === 'resource' ? 'SOCIALORG.RESOURCE_NOT_FOUND' : 'SOCIALORG.PROJECT_NOT_FOUND',
      );
    return found;
  }
}
