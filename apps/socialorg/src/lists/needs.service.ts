import { Inject, Injectable } from '@nestjs/common';
import { assertScope, type Principal } from '@psc/auth';
import { type NeedView, type PostNeedRequest, RESIDENT_OPEN_NEEDS_MAX } from '@psc/contracts/socialorg';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { actingRole, newId, placePath } from '../shared/place';
import type { Need } from './list.model';
import { ListsRepository } from './lists.repository';
import { needView } from './lists-view';

/** Staff who take a need down for a resident: the community's window and its administrators. */
const NEED_TAKERS = ['counter_staff', 'centre_admin', 'city_admin'] as const;

/** 需求清单: a resident posts a need at the kiosk after identifying; staff may post one for a resident. */
@Injectable()
export class NeedsService {
  constructor(
    private readonly lists: ListsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async post(request: PostNeedRequest, principal: Principal): Promise<NeedView> {
    const byResident = principal.kind === 'resident';
    if (byResident) {
      // a kiosk is in one community, but the resident names theirs; a few waiting needs each keep the list honest
      const waiting = await this.lists.openNeedsOf(principal.sub);
      if (waiting.length >= RESIDENT_OPEN_NEEDS_MAX)
        throw new AppError(
          'SOCIALORG.NEEDS_LIMIT',
          `您已有 ${waiting.length} 条需求正在等待对接，请等对接后再提交新的需求，或请工作人员协助`,
        );
    } else assertScope(principal, request.centreId, NEED_TAKERS);
    const now = this.clock();
    const need: Need = {
      _id: newId('need'),
      revision: 1,
      centreId: request.centreId,
      placePath: placePath(request.centreId),
      title: request.title,
      detail: request.detail,
      category: request.category,
      postedBy: byResident ? 'resident' : 'staff',
      posterId: principal.sub,
      postedAt: now,
      state: 'open',
      openSince: now,
      match: null,
      history: [
        {
          action: 'post',
          from: null,
          to: 'open',
          by: principal.sub,
          role: byResident ? 'resident' : actingRole(principal, NEED_TAKERS),
          at: now.toISOString(),
          reason: null,
        },
      ],
    };
    await this.lists.postNeed(need, [
      {
        type: 'socialorg.need.posted',
        data: {
          needId: need._id,
          centreId: need.centreId,
          category: need.category,
          postedBy: need.postedBy,
          by: principal.sub,
          at: now.toISOString(),
        },
      },
    ]);
    return needView(need, now);
  }

  /** A resident's own needs, newest first, with how long the waiting ones have waited. */
  async mine(principal: Principal): Promise<NeedView[]> {
    const now = this.clock();
    return (await this.lists.needsOf(principal.sub)).map((n) => needView(n, now));
  }
}
