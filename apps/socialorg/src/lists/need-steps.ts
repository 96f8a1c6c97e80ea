import type { Principal } from '@psc/auth';
import {
  allowedNeedActions,
  NEED_ACTIONS,
  NEED_STATES,
  NEED_TRANSITIONS,
  type NeedAction,
} from '@psc/contracts/socialorg';
import { AppError } from '@psc/server-kit';
import { shanghaiDay } from '@psc/util';
import { actingRole, daysBetween } from '../shared/place';
import type { Raised } from '../shared/raised';
import type { Need, NeedEntry } from './list.model';

/** Those who keep a community's lists: its administrators (a street's cover its communities) and the city's. */
export const LIST_KEEPERS = ['centre_admin', 'city_admin'] as const;

export interface NeedStep {
  set: Partial<Need>;
  entry: NeedEntry;
  events: Raised[];
}

/** Calendar days (Shanghai) a need has stood open, or null once somebody took it up or it was closed. */
export const waitingDays = (need: Need, now: Date): number | null =>
  need.state === 'open' ? daysBetween(shanghaiDay(need.openSince), shanghaiDay(now)) : null;

export const needChanged = (latest: Need) =>
  new AppError(
    'SOCIALORG.NEED_CHANGED',
    `该需求刚被他人处理，现为“${NEED_STATES[latest.state]}”，请刷新后再操作`,
    { revision: latest.revision, state: latest.state },
  );

/** One step of a need; a step its state does not allow is a 409 naming what is possible now. */
export function needStep(
  current: Need,
  action: NeedAction,
  revision: number,
  principal: Principal,
  now: Date,
  changes: Partial<Need>,
  reason: string | null,
): NeedStep {
  if (revision !== current.revision) throw needChanged(current);
  const to = NEED_TRANSITIONS[current.state][action];
  if (!to) {
    const possible = allowedNeedActions(current.state).map((a) => NEED_ACTIONS[a]);
    throw new AppError(
      'SOCIALORG.NEED_ILLEGAL_STEP',
      `该需求当前为“${NEED_STATES[current.state]}”，不能“${NEED_ACTIONS[action]}”；现在可以：${possible.join('、')}`,
      { state: current.state, allowed: allowedNeedActions(current.state) },
    );
  }
  const entry: NeedEntry = {
    action,
    from: current.state,
    to,
    by: principal.sub,
    role: actingRole(principal, LIST_KEEPERS),
    at: now.toISOString(),
    reason,
  };
  const set: Partial<Need> = { ...changes, state: to, ...(to === 'open' && { openSince: now, match: null }) };
  const match = changes.match ?? null;
  return {
    set,
    entry,
    events: [
      {
        type: 'socialorg.need.transitioned',
        data: {
          needId: current._id,
          centreId: current.centreId,
          action,
          from: current.state,
          to,
          target: match && { kind: match.kind, id: match.id },
          waitedDays: waitingDays(current, now) ?? 0,
          reason,
          by: principal.sub,
          at: entry.at,
        },
      },
    ],
  };
}
