import { Inject, Injectable } from '@nestjs/common';
import { assertScope, type Principal } from '@psc/auth';
import type { ListsBoard } from '@psc/contracts/socialorg';
import { CLOCK, type Clock } from '@psc/server-kit';
import { ListsRepository } from './lists.repository';
import { listsBoard } from './lists-view';
import { LIST_KEEPERS } from './need-steps';

/** The board of a community, street or district: what is unmatched, and for how long. */
@Injectable()
export class ListsBoardService {
  constructor(
    private readonly lists: ListsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async board(scope: string, principal: Principal): Promise<ListsBoard> {
    assertScope(principal, scope, LIST_KEEPERS);
    const { needs, resources, projects } = await this.lists.inPlace(scope);
    return listsBoard(scope, needs, resources, projects, this.clock());
  }
}
