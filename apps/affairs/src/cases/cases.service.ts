import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { assertScope, assertSelf, type Principal } from '@psc/auth';
import type { EventData } from '@psc/contracts';
import {
  ACTION_ROLES,
  allowedActions,
  BAD_RATING_MAX,
  CASE_ACTIONS,
  CASE_STATES,
  type CaseAction,
  type CaseActionRequest,
  type CaseAlert,
  type CaseEvent,
  type CaseListQuery,
  type CaseProgress,
  type CaseView,
  decideIntake,
  type DeferredMaterials,
  IntakeChecklistError,
  type MaterialCheck,
  nextState,
  type OpenCaseRequest,
  type RateByLinkRequest,
  type RateCaseRequest,
  type RatingChannel,
} from '@psc/contracts/affairs';
import { Outbox, type PendingEvent } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { BlindIndex } from '@psc/pii';
import { APP_CONFIG, AppError, CLOCK, type Clock } from '@psc/server-kit';
import { addWorkingDays, endOfShanghaiDay, slaStatus } from '@psc/work-calendar';
import { timingSafeEqual } from 'node:crypto';
import type { Model } from 'mongoose';
import { ItemCopiesService } from '../catalogue-copy/item-copies.service';
import type { AffairsConfig } from '../config';
import { CaseNumbersService } from './case-numbers.service';
import { type Case, CASE_MODEL } from './case.model';
import { LookupGuard } from './lookup-guard';
import { promiseLate, rectificationLate } from './sla-alerts';

/** 容缺: the promised material is due within this many working days of acceptance. */
export const DEFERRED_DAYS = 5;
/** A 差评 must be answered by the centre within this many working days (Shanghai's 5-day tier). */
export const RECTIFICATION_DAYS = 5;

const roleOf = (principal: Principal, roles: readonly string[]) =>
  principal.roles.find((g) => roles.includes(g.role))?.role ?? principal.kind;

/** `affairs.case.transitioned` for a recorded entry, with the facts of the case after it. */
const transitionedData = (next: Case, entry: CaseEvent): EventData<'affairs.case.transitioned'> => ({
  caseNo: next._id,
  centreId: next.centreId,
  itemCode: next.item.code,
  itemVersion: next.item.version,
  trips: next.trips,
  action: entry.action,
  from: entry.from ?? next.state,
  to: entry.to,
  by: entry.by,
  role: entry.role,
  at: entry.at,
  reason: entry.reason,
  due: next.due,
  rating: next.rating?.score ?? null,
});

@Injectable()
export class CasesService {
  private readonly lookupIndex: BlindIndex;
  private readonly lookups = new LookupGuard();

  constructor(
    @InjectModel(CASE_MODEL) private readonly cases: Model<Case>,
    private readonly items: ItemCopiesService,
    private readonly numbers: CaseNumbersService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AffairsConfig,
  ) {
    this.lookupIndex = new BlindIndex({ PII_INDEX_KEY: config.CASE_LOOKUP_KEY });
  }

  /**
   * 一窗受理. The same idempotency key returns the case it first created, so a double tap or a retried request
   * opens one case: the unique index on the key refuses the second insert. It is not looked up first, because a
   * lookup by anything but _id scans the collection on this store; a repeat costs a case number instead.
   */
  async open(request: OpenCaseRequest, idempotencyKey: string, principal: Principal): Promise<CaseView> {
    assertScope(principal, request.centreId, ['counter_staff', 'centre_admin']);
    const copy = await this.items.current(request.itemCode);
    if (!copy) throw new AppError('AFFAIRS.ITEM_NOT_AVAILABLE', `事项 ${request.itemCode} 尚未在本中心上线`);
    const item = copy.content;
    const decision = this.decide(item.materials, request.materials);
    const now = this.clock();
    const caseNo = await this.numbers.next(now);
    const accepted = decision.outcome !== 'correcting';
    const deferred = decision.outcome === 'accepted_with_promise' ? decision.deferred.map((m) => m.name) : [];
    const missing = decision.outcome === 'correcting' ? decision.missing.map((m) => m.name) : [];
    const doc: Case = {
      _id: caseNo,
      revision: 1,
      centreId: request.centreId,
      item: {
        code: item.code,
        version: copy.version,
        name: item.name,
        mode: item.mode,
        promisedDays: item.promisedDays,
        materials: item.materials,
      },
      residentId: request.residentId,
      lookupHash: this.lookupHash(caseNo, request.idTail),
      ticketId: request.ticketId ?? null,
      idempotencyKey,
      state: accepted ? 'accepted' : 'correcting',
      openedAt: now,
      acceptedAt: accepted ? now : null,
      due: accepted ? addWorkingDays(now, item.promisedDays) : null,
      missing,
      deferred: {
        names: deferred,
        due: deferred.length > 0 ? addWorkingDays(now, DEFERRED_DAYS) : null,
        supplied: deferred.length === 0,
      },
      assignee: null,
      trips: 1,
      rating: null,
      rectification: null,
      slaAlerted: null,
      deliveredVia: null,
      history: [
        {
          action: 'open',
          from: null,
          to: accepted ? 'accepted' : 'correcting',
          by: principal.sub,
          role: roleOf(principal, ['counter_staff', 'centre_admin']),
          at: now.toISOString(),
          reason: missing.length > 0 ? `一次性告知：缺少${missing.join('、')}` : null,
        },
      ],
    };
    try {
      await this.outbox.create(this.cases, doc, [
        {
          type: 'affairs.case.opened',
          data: {
            caseNo,
            centreId: doc.centreId,
            itemCode: doc.item.code,
            itemVersion: doc.item.version,
            itemName: doc.item.name,
            trips: doc.trips,
            state: accepted ? 'accepted' : 'correcting',
            openedAt: now.toISOString(),
            openedBy: principal.sub,
            missing,
            deferred,
            promiseDue: doc.deferred.due,
            due: doc.due,
          },
        },
      ]);
    } catch (error) {
      // the same submission racing itself: the first insert won, answer with its case
      const winner = isDuplicateKey(error) ? await this.byIdempotencyKey(idempotencyKey) : null;
      if (winner) return this.view(winner);
      throw error;
    }
    return this.view(doc);
  }

  async get(caseNo: string, principal: Principal): Promise<CaseView> {
    const found = await this.load(caseNo);
    this.assertCanSee(found, principal);
    return this.view(found);
  }

  /** One staff step. `revision` is what they saw; a step someone took in between wins and they are told. */
  async act(caseNo: string, request: CaseActionRequest, principal: Principal): Promise<CaseView> {
    const current = await this.load(caseNo);
    const roles = ACTION_ROLES[request.action];
    if (request.action === 'rate')
      throw new AppError('AUTH.FORBIDDEN', '评价须由申请人在自助终端或通过短信链接完成');
    assertScope(principal, current.centreId, roles as never);
    const now = this.clock();
    const changes: Partial<Case> = {};
    let trips = current.trips;
    switch (request.action) {
      case 'supplement': {
        const decision = this.decide(current.item.materials, request.materials ?? []);
        if (decision.outcome === 'correcting')
          throw new AppError(
            'AFFAIRS.CHECKLIST_INCOMPLETE',
            `仍缺少必须提交的材料：${decision.missing
              .filter((m) => !m.deferrable)
              .map((m) => m.name)
              .join('、')}`,
          );
        const deferred = decision.deferred.map((m) => m.name);
        trips += 1;
        Object.assign(changes, {
          missing: [],
          slaAlerted: null,
          acceptedAt: now,
          due: addWorkingDays(now, current.item.promisedDays),
          deferred: {
            names: deferred,
            due: deferred.length > 0 ? addWorkingDays(now, DEFERRED_DAYS) : null,
            supplied: deferred.length === 0,
          },
        });
        break;
      }
      case 'assign':
        changes.assignee = request.assignee ?? null;
        break;
      case 'deliver':
        // picking the result up is another visit; mail, online and handing it over during the visit are not
        if (request.channel === 'window') trips += 1;
        changes.deliveredVia = request.channel ?? null;
        break;
      case 'complete':
      case 'request_correction':
      case 'refuse':
      case 'return':
        // the step itself, its reason and who took it are all the record needs
        break;
    }
    return this.transition(current, request.action, request.revision, principal, roles, now, {
      ...changes,
      trips,
      reason: request.reason ?? null,
    });
  }

  /** 好差评 by the resident who applied, signed in at a kiosk. */
  async rate(caseNo: string, request: RateCaseRequest, principal: Principal): Promise<CaseView> {
    const current = await this.load(caseNo);
    assertSelf(principal, current.residentId);
    return this.recordRating(current, request, principal, 'kiosk');
  }

  /** The case behind an SMS rating link, as progress; a wrong token says nothing about the case. */
  async ratingLink(caseNo: string, token: string): Promise<CaseProgress> {
    return this.progressOf(await this.byRatingLink(caseNo, token));
  }

  /** 好差评 from the SMS link: the token proves the resident got the text, so it stands for them. */
  async rateByLink(caseNo: string, request: RateByLinkRequest): Promise<CaseView> {
    const current = await this.byRatingLink(caseNo, request.token);
    const resident: Principal = {
      sub: current.residentId,
      kind: 'resident',
      roles: [],
      sessionId: 'sms-link',
    };
    return this.recordRating(current, request, resident, 'sms');
  }

  /** One rating per case; a 差评 opens a rectification the centre must answer by a deadline. */
  private recordRating(
    current: Case,
    request: RateCaseRequest,
    principal: Principal,
    via: RatingChannel,
  ): Promise<CaseView> {
    if (current.rating) throw new AppError('AFFAIRS.ALREADY_RATED');
    const now = this.clock();
    return this.transition(current, 'rate', current.revision, principal, ['resident'], now, {
      rating: { score: request.score, comment: request.comment ?? null, at: now, via },
      rectification:
        request.score <= BAD_RATING_MAX
          ? { due: addWorkingDays(now, RECTIFICATION_DAYS), answer: null, answeredAt: null, answeredBy: null }
          : null,
      reason: request.comment ?? null,
    });
  }

  /**
   * The 容缺 materials promised at intake have been brought (or sent). Not a step of the case, so its state stays;
   * a visit to bring them counts as a trip.
   */
  async supplyDeferred(
    caseNo: string,
    revision: number,
    inPerson: boolean,
    principal: Principal,
  ): Promise<CaseView> {
    const current = await this.load(caseNo);
    assertScope(principal, current.centreId, ['counter_staff', 'centre_admin']);
    if (revision !== current.revision) throw this.changed(current);
    if (current.deferred.supplied || current.deferred.names.length === 0)
      throw new AppError('AFFAIRS.ILLEGAL_TRANSITION', '该办件没有待补交的容缺材料');
    const now = this.clock();
    const trips = current.trips + (inPerson ? 1 : 0);
    const deferred = { ...current.deferred, supplied: true };
    const entry: CaseEvent = {
      action: 'supply_deferred',
      from: current.state,
      to: current.state,
      by: principal.sub,
      role: roleOf(principal, ['counter_staff', 'centre_admin']),
      at: now.toISOString(),
      reason: `补交容缺材料：${current.deferred.names.join('、')}`,
    };
    const next: Case = { ...current, deferred, trips };
    return this.record(current, next, { deferred, trips }, entry, [
      { type: 'affairs.case.transitioned', data: transitionedData(next, entry) },
    ]);
  }

  /** The centre administrator's answer to a 差评, recorded once, with whether it met the deadline. */
  async answerRectification(caseNo: string, answer: string, principal: Principal): Promise<CaseView> {
    const current = await this.load(caseNo);
    assertScope(principal, current.centreId, ['centre_admin']);
    const open = current.rectification;
    if (!open) throw new AppError('AFFAIRS.ILLEGAL_TRANSITION', '该办件没有需要整改的差评');
    if (open.answer) throw new AppError('AFFAIRS.ILLEGAL_TRANSITION', '该差评的整改情况已经答复过');
    const now = this.clock();
    const rectification = { ...open, answer, answeredAt: now, answeredBy: principal.sub };
    const entry: CaseEvent = {
      action: 'rectify',
      from: current.state,
      to: current.state,
      by: principal.sub,
      role: 'centre_admin',
      at: now.toISOString(),
      reason: answer,
    };
    return this.record(current, { ...current, rectification }, { rectification }, entry, [
      {
        type: 'affairs.case.rectified',
        data: {
          caseNo: current._id,
          centreId: current.centreId,
          itemCode: current.item.code,
          by: principal.sub,
          at: entry.at,
          due: open.due,
          onTime: now <= endOfShanghaiDay(open.due),
        },
      },
    ]);
  }

  /** Progress at a kiosk from the case number and the last 6 of the ID number; a wrong pair says nothing more. */
  async progress(caseNo: string, idTail: string): Promise<CaseProgress> {
    const found = await this.guardedLoad(caseNo, this.lookupHash(caseNo, idTail), (c) => c.lookupHash);
    if (!found) throw new AppError('AFFAIRS.LOOKUP_FAILED');
    return this.progressOf(found);
  }

  private async byRatingLink(caseNo: string, token: string): Promise<Case> {
    const found = await this.guardedLoad(caseNo, token, (c) => this.ratingToken(c._id));
    if (!found) throw new AppError('AFFAIRS.RATING_LINK_INVALID');
    return found;
  }

  /**
   * A case loaded for someone who proves they may see it with a secret derived from it rather than by signing in.
   * Wrong secrets are counted per case, and lookups of that case pause after a few.
   */
  private async guardedLoad(
    caseNo: string,
    presented: string,
    expectedOf: (found: Case) => string,
  ): Promise<Case | null> {
    const now = this.clock().getTime();
    if (this.lookups.blocked(caseNo, now))
      throw new AppError('COMMON.RATE_LIMITED', '查询错误次数过多，请 15 分钟后再试，或带身份证到窗口查询');
    const found = await this.cases.findById(caseNo).lean<Case>();
    const given = Buffer.from(presented);
    const expected = found && Buffer.from(expectedOf(found));
    if (!expected || expected.length !== given.length || !timingSafeEqual(expected, given)) {
      this.lookups.failed(caseNo, now);
      return null;
    }
    return found;
  }

  /** A signed-in resident's own cases, newest first, as progress (no staff names). */
  async mine(principal: Principal): Promise<CaseProgress[]> {
    const found = await this.cases
      .find({ residentId: principal.sub })
      .sort({ openedAt: -1 })
      .limit(50)
      .lean<Case[]>();
    return found.map((c) => this.progressOf(c));
  }

  private progressOf(found: Case): CaseProgress {
    return {
      caseNo: found._id,
      itemName: found.item.name,
      state: found.state,
      openedAt: new Date(found.openedAt).toISOString(),
      due: found.due,
      missing: found.missing,
      deferred: this.deferredOf(found),
      steps: found.history.map(({ action, to, at, reason }) => ({ action, to, at, reason })),
      canRate: found.state === 'delivered' && !found.rating,
    };
  }

  /** The workbench's list: one centre's cases, due soonest first. */
  async list(query: CaseListQuery, principal: Principal): Promise<CaseView[]> {
    assertScope(principal, query.centreId);
    const filter: Record<string, unknown> = { centreId: query.centreId };
    if (query.state) filter.state = query.state;
    if (query.assignee) filter['assignee.name'] = query.assignee;
    const found = await this.cases.find(filter).sort({ openedAt: -1 }).limit(500).lean<Case[]>();
    return found
      .map((c) => this.view(c))
      .filter((c) => !query.sla || c.sla === query.sla)
      .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  }

  /** The alerts standing for one centre now, most urgent first: what the workbench shows when it opens. */
  async alerts(centreId: string, principal: Principal): Promise<CaseAlert[]> {
    assertScope(principal, centreId);
    const found = await this.cases
      .find({ centreId, state: { $in: ['accepted', 'assigned', 'rated'] } })
      .lean<Case[]>();
    const standing: CaseAlert[] = [];
    for (const view of found.map((c) => this.view(c))) {
      if (view.due && (view.sla === 'due_soon' || view.sla === 'overdue'))
        standing.push({
          caseNo: view.caseNo,
          kind: view.sla,
          due: view.due,
          assignee: view.assignee?.name ?? null,
        });
      if (view.deferred.overdue && view.deferred.due)
        standing.push({
          caseNo: view.caseNo,
          kind: 'promise_overdue',
          due: view.deferred.due,
          assignee: view.assignee?.name ?? null,
        });
      if (view.rectification?.overdue)
        standing.push({
          caseNo: view.caseNo,
          kind: 'rectification_overdue',
          due: view.rectification.due,
          assignee: null,
        });
    }
    // what has passed its day first, then what is about to
    const urgency = (a: CaseAlert) => (a.kind === 'due_soon' ? 1 : 0);
    return standing.sort((a, b) => urgency(a) - urgency(b) || a.due.localeCompare(b.due));
  }

  private async transition(
    current: Case,
    action: CaseAction,
    revision: number,
    principal: Principal,
    roles: readonly string[],
    now: Date,
    changes: Partial<Case> & { reason: string | null },
  ): Promise<CaseView> {
    if (revision !== current.revision) throw this.changed(current);
    const to = nextState(current.state, action);
    if (!to) {
      const possible = allowedActions(current.state).map((a) => CASE_ACTIONS[a]);
      throw new AppError(
        'AFFAIRS.ILLEGAL_TRANSITION',
        `办件当前为“${CASE_STATES[current.state]}”，不能“${CASE_ACTIONS[action]}”` +
          (possible.length > 0 ? `；现在可以：${possible.join('、')}` : '；该办件已结束'),
        { state: current.state, allowed: allowedActions(current.state) },
      );
    }
    const { reason, ...set } = changes;
    const entry: CaseEvent = {
      action,
      from: current.state,
      to,
      by: principal.sub,
      role: roleOf(principal, roles),
      at: now.toISOString(),
      reason,
    };
    const next: Case = { ...current, ...set, state: to };
    const events: PendingEvent[] = [
      { type: 'affairs.case.transitioned', data: transitionedData(next, entry) },
    ];
    if (to === 'delivered')
      events.push({
        type: 'affairs.case.rating-invited',
        data: {
          caseNo: next._id,
          centreId: next.centreId,
          itemName: next.item.name,
          residentId: next.residentId,
          token: this.ratingToken(next._id),
        },
      });
    return this.record(current, next, { ...set, state: to }, entry, events);
  }

  /**
   * Writes one recorded step: the changes, the history entry and the events together, on the revision it was
   * decided against; a step taken by someone else in between wins and this one is refused.
   */
  private async record(
    current: Case,
    next: Case,
    set: Partial<Case>,
    entry: CaseEvent,
    events: PendingEvent[],
  ): Promise<CaseView> {
    const moved = await this.outbox.update(
      this.cases,
      { _id: current._id, revision: current.revision },
      { $set: set, $inc: { revision: 1 }, $push: { history: entry } },
      events,
    );
    if (!moved) throw this.changed(await this.load(current._id));
    return this.view({ ...next, revision: current.revision + 1, history: [...current.history, entry] });
  }

  private changed(latest: Case): AppError {
    const last = latest.history.at(-1);
    const what =
      last && last.action in CASE_ACTIONS ? `“${CASE_ACTIONS[last.action as CaseAction]}”` : '处理';
    return new AppError(
      'AFFAIRS.CASE_CHANGED',
      `该办件刚被其他工作人员${what}，现为“${CASE_STATES[latest.state]}”，请刷新后再操作`,
      { revision: latest.revision, state: latest.state },
    );
  }

  private decide(materials: Case['item']['materials'], checks: readonly MaterialCheck[]) {
    try {
      return decideIntake(materials, checks);
    } catch (error) {
      if (error instanceof IntakeChecklistError)
        throw new AppError('AFFAIRS.CHECKLIST_INCOMPLETE', error.problems[0], error.problems);
      throw error;
    }
  }

  private assertCanSee(found: Case, principal: Principal): void {
    if (principal.kind === 'resident') assertSelf(principal, found.residentId);
    else assertScope(principal, found.centreId);
  }

  private lookupHash(caseNo: string, idTail: string): string {
    return this.lookupIndex.compute(`${caseNo}:${idTail.toUpperCase()}`, 'cases.lookup');
  }

  /** 22 base64url characters (132 bits) of a keyed hash: short enough for a text, too many to guess. */
  private ratingToken(caseNo: string): string {
    return this.lookupIndex.compute(caseNo, 'cases.rating-link').slice(0, 22);
  }

  private async load(caseNo: string): Promise<Case> {
    const found = await this.cases.findById(caseNo).lean<Case>();
    if (!found) throw new AppError('AFFAIRS.CASE_NOT_FOUND', `没有找到编号为 ${caseNo} 的办件`);
    return found;
  }

  private byIdempotencyKey(key: string): Promise<Case | null> {
    return this.cases.findOne({ idempotencyKey: key }).lean<Case>();
  }

  private deferredOf(found: Case): DeferredMaterials {
    const { names, due, supplied } = found.deferred;
    return { names, due, supplied, overdue: promiseLate(found, this.clock()) };
  }

  view(found: Case): CaseView {
    const now = this.clock();
    const running = ['accepted', 'assigned'].includes(found.state) ? found.acceptedAt : null;
    return {
      caseNo: found._id,
      revision: found.revision,
      centreId: found.centreId,
      item: {
        code: found.item.code,
        version: found.item.version,
        name: found.item.name,
        promisedDays: found.item.promisedDays,
      },
      residentId: found.residentId,
      state: found.state,
      allowedActions: allowedActions(found.state).filter((a) => a !== 'rate'),
      openedAt: new Date(found.openedAt).toISOString(),
      acceptedAt: found.acceptedAt ? new Date(found.acceptedAt).toISOString() : null,
      due: found.due,
      sla: running ? slaStatus(new Date(running), found.item.promisedDays, now).state : null,
      missing: found.missing,
      deferred: this.deferredOf(found),
      assignee: found.assignee,
      deliveredVia: found.deliveredVia ?? null,
      trips: found.trips,
      rating: found.rating ? { ...found.rating, at: new Date(found.rating.at).toISOString() } : null,
      rectification: found.rectification
        ? {
            ...found.rectification,
            answeredAt: found.rectification.answeredAt
              ? new Date(found.rectification.answeredAt).toISOString()
              : null,
            overdue: rectificationLate(found, now),
          }
        : null,
      history: found.history,
    };
  }
}
