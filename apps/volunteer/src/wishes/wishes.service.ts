import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { assertScope, type Principal } from '@psc/auth';
import {
  ageInDays,
  type FulfilWishRequest,
  type PostWishRequest,
  type WishListQuery,
  wishTextProblem,
  type WishView,
} from '@psc/contracts/volunteer';
import { Outbox } from '@psc/messaging';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { shanghaiDay } from '@psc/util';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { LedgerService } from '../ledger/ledger.service';
import { CENTRE_ROLES, residentOf } from '../shared/access';
import { VolunteersService } from '../volunteers/volunteers.service';
import { type Wish, WISH_MODEL, type WishState } from './wish.model';

const STAFF = [...CENTRE_ROLES, 'counter_staff'] as const;

/** 微心愿: post → approve → claim → fulfil → confirm, and then the claimer's hours. */
@Injectable()
export class WishesService {
  constructor(
    @InjectModel(WISH_MODEL) private readonly wishes: Model<Wish>,
    private readonly volunteers: VolunteersService,
    private readonly ledger: LedgerService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private view(w: Wish): WishView {
    // a claimed wish has found its helper and stops ageing on the board
    const until = w.claimedAt ?? this.clock();
    return {
      wishId: w._id,
      centreId: w.centreId,
      text: w.text,
      state: w.state,
      postedAt: w.postedAt.toISOString(),
      ageDays: ageInDays(w.postedAt, until),
      claimerId: w.claimerId,
      minutes: w.minutes,
      rejectReason: w.rejectReason,
    };
  }

  private async load(wishId: string): Promise<Wish> {
    const found = await this.wishes.findById(wishId).lean<Wish>();
    if (!found) throw new AppError('VOLUNTEER.WISH_NOT_FOUND');
    return found;
  }

  async post(body: PostWishRequest, principal: Principal): Promise<WishView> {
    const residentId = residentOf(principal);
    const text = body.text.trim();
    const problem = wishTextProblem(text);
    if (problem)
      throw new AppError('VOLUNTEER.WISH_TEXT_REFUSED', problem, [{ field: 'text', message: problem }]);
    const wish: Wish = {
      _id: randomUUID(),
      centreId: body.centreId,
      residentId,
      text,
      state: 'pending',
      postedAt: this.clock(),
      claimerId: null,
      claimedAt: null,
      minutes: null,
      note: null,
      rejectReason: null,
    };
    await this.outbox.create(this.wishes, wish, [this.changed(wish, residentId)]);
    return this.view(wish);
  }

  approve(wishId: string, principal: Principal) {
    return this.move(wishId, 'pending', principal, () => ({ state: 'open' }), 'staff');
  }

  reject(wishId: string, reason: string, principal: Principal) {
    return this.move(
      wishId,
      'pending',
      principal,
      () => ({ state: 'rejected', rejectReason: reason }),
      'staff',
    );
  }

  /** A volunteer (a 在职党员 too) takes it on; the first claim wins. */
  async claim(wishId: string, principal: Principal): Promise<WishView> {
    const volunteer = await this.volunteers.self(principal);
    return this.move(wishId, 'open', principal, () => ({
      state: 'claimed',
      claimerId: volunteer._id,
      claimedAt: this.clock(),
    }));
  }

  async fulfil(wishId: string, body: FulfilWishRequest, principal: Principal): Promise<WishView> {
    const wish = await this.load(wishId);
    if (wish.claimerId !== residentOf(principal))
      throw new AppError('AUTH.NOT_OWN_RECORD', '只有认领人可以登记完成');
    return this.move(wishId, 'claimed', principal, () => ({
      state: 'fulfilled',
      minutes: body.minutes,
      note: body.note,
    }));
  }

  /** The resident who posted it (at the kiosk), or staff for them, confirms; the claimer's hours follow. */
  async confirm(wishId: string, principal: Principal): Promise<WishView> {
    const wish = await this.load(wishId);
    if (principal.kind === 'resident') {
      if (wish.residentId !== principal.sub)
        throw new AppError('AUTH.NOT_OWN_RECORD', '只有发布心愿的居民可以确认');
    } else {
      assertScope(principal, wish.centreId, STAFF);
    }
    if (wish.state === 'confirmed') return this.view(wish);
    if (wish.state !== 'fulfilled' || !wish.claimerId || wish.minutes === null)
      throw new AppError('VOLUNTEER.WISH_STATE', '心愿尚未登记完成，不能确认');
    const now = this.clock();
    const claimer = await this.volunteers.load(wish.claimerId);
    await this.ledger.post({
      _id: `wish:${wish._id}`,
      volunteerId: claimer._id,
      kind: 'credit',
      minutes: wish.minutes,
      source: 'wish',
      sourceRef: wish._id,
      activityId: null,
      activityTitle: `微心愿：${wish.text.slice(0, 20)}`,
      category: null,
      centreId: wish.centreId,
      teamId: null,
      projectId: null,
      servedOn: shanghaiDay(now),
      approvedBy: principal.sub,
      reason: null,
      reverses: null,
      at: now,
    });
    return this.move(wishId, 'fulfilled', principal, () => ({ state: 'confirmed' }));
  }

  /** Staff see every state; anyone signed in sees the board of open wishes, oldest first. */
  async list(query: WishListQuery, principal: Principal): Promise<WishView[]> {
    const state = query.state ?? 'open';
    if (state !== 'open') assertScope(principal, query.centreId, STAFF);
    const found = await this.wishes.find({ centreId: query.centreId }).lean<Wish[]>();
    return found
      .filter((w) => w.state === state)
      .sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime())
      .map((w) => this.view(w));
  }

  async mine(principal: Principal): Promise<WishView[]> {
    const id = residentOf(principal);
    const [posted, claimed] = await Promise.all([
      this.wishes.find({ residentId: id }).lean<Wish[]>(),
      this.wishes.find({ claimerId: id }).lean<Wish[]>(),
    ]);
    const all = new Map([...posted, ...claimed].map((w) => [w._id, w]));
    return [...all.values()].map((w) => this.view(w));
  }

  private async move(
    wishId: string,
    from: WishState,
    principal: Principal,
    change: () => Partial<Wish>,
    who: 'staff' | 'any' = 'any',
  ): Promise<WishView> {
    const wish = await this.load(wishId);
    if (who === 'staff') assertScope(principal, wish.centreId, STAFF);
    if (wish.state !== from) throw new AppError('VOLUNTEER.WISH_STATE');
    const set = change();
    const moved = await this.outbox.update(this.wishes, { _id: wishId, state: from }, { $set: set }, [
      this.changed({ ...wish, ...set }, principal.sub),
    ]);
    if (!moved) throw new AppError('VOLUNTEER.WISH_STATE', '该心愿刚被他人处理，请刷新后再试');
    return this.view(moved);
  }

  private changed(wish: Wish, by: string) {
    return {
      type: 'volunteer.wish.changed' as const,
      data: {
        wishId: wish._id,
        centreId: wish.centreId,
        state: wish.state,
        claimerId: wish.claimerId,
        by,
        at: this.clock().toISOString(),
      },
    };
  }
}
