import {
  allowedNeedActions,
  type ListsBoard,
  type NeedView,
  type ProjectView,
  type ResourceView,
} from '@psc/contracts/socialorg';
import type { Need, Project, Resource } from './list.model';
import { waitingDays } from './need-steps';

export const needView = (need: Need, now: Date): NeedView => ({
  needId: need._id,
  revision: need.revision,
  centreId: need.centreId,
  title: need.title,
  detail: need.detail,
  category: need.category,
  postedBy: need.postedBy,
  postedAt: need.postedAt.toISOString(),
  state: need.state,
  match: need.match && {
    kind: need.match.kind,
    id: need.match.id,
    title: need.match.title,
    note: need.match.note,
    at: need.match.at.toISOString(),
  },
  waitingDays: waitingDays(need, now),
  allowedActions: allowedNeedActions(need.state),
});

const matchedTo = (needs: readonly Need[], kind: 'resource' | 'project', id: string) =>
  needs.filter((n) => n.state === 'matched' && n.match?.kind === kind && n.match.id === id).length;

export const resourceView = (r: Resource, needs: readonly Need[]): ResourceView => ({
  resourceId: r._id,
  centreId: r.centreId,
  unit: r.unit,
  kind: r.kind,
  title: r.title,
  detail: r.detail,
  partyMembers: r.partyMembers,
  offeredAt: r.offeredAt.toISOString(),
  matchedNeeds: matchedTo(needs, 'resource', r._id),
});

export const projectView = (p: Project, needs: readonly Need[]): ProjectView => ({
  projectId: p._id,
  centreId: p.centreId,
  title: p.title,
  detail: p.detail,
  source: p.source,
  ref: p.ref,
  listedAt: p.listedAt.toISOString(),
  matchedNeeds: matchedTo(needs, 'project', p._id),
});

const STATE_ORDER = { open: 0, matched: 1, closed: 2 } as const;

/**
 * The three lists of a place: open needs first, the longest waiting at the top (what nobody has taken up, and for
 * how long), then matched and closed ones, newest first; each resource and project with the needs matched to it.
 */
export function listsBoard(
  scope: string,
  needs: readonly Need[],
  resources: readonly Resource[],
  projects: readonly Project[],
  now: Date,
): ListsBoard {
  const ordered = [...needs].sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      (a.state === 'open'
        ? a.openSince.getTime() - b.openSince.getTime()
        : b.postedAt.getTime() - a.postedAt.getTime()),
  );
  const views = ordered.map((n) => needView(n, now));
  const open = views.filter((n) => n.state === 'open');
  return {
    scope,
    needs: views,
    resources: resources.map((r) => resourceView(r, needs)),
    projects: projects.map((p) => projectView(p, needs)),
    summary: {
      open: open.length,
      matched: views.filter((n) => n.state === 'matched').length,
      closed: views.filter((n) => n.state === 'closed').length,
      oldestOpenDays: open.length > 0 ? Math.max(...open.map((n) => n.waitingDays ?? 0)) : null,
    },
  };
}
