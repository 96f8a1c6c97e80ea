import { buildEvent, type EventData } from '@psc/contracts';
import { Effects } from '@psc/messaging';
import type { Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { Milestone } from '../agreements/agreement.model';
import { ProjectHoursConsumer } from './project-hours.consumer';
import { kpiProgress } from './project-kpis';

const entry = (overrides: Partial<EventData<'volunteer.hours.credited'>> = {}) => ({
  entryId: 'e-1',
  volunteerId: 'v-1',
  kind: 'credit' as const,
  minutes: 90,
  source: 'attendance' as const,
  sourceRef: 'act-1',
  activityId: 'act-1',
  centreId: 'sz/futian/xiangmihu/c-001',
  teamId: null,
  projectId: 'agr-1',
  servedOn: '2026-12-03',
  approvedBy: 'u-organiser',
  reason: null,
  reverses: null,
  at: '2026-12-03T08:00:00.000Z',
  ...overrides,
});

describe('project hours consumer', () => {
  const sut = new ProjectHoursConsumer({
    collection: { name: 'project_hours' },
  } as unknown as Model<never> as never);
  const effectsOf = (type: 'volunteer.hours.credited' | 'volunteer.hours.reversed', data = entry()) => {
    const event = buildEvent(type, data.entryId, data, 'volunteer');
    const effects = new Effects(event.id);
    if (type === 'volunteer.hours.credited') sut.credited(event as never, effects);
    else sut.reversed(event as never, effects);
    return effects.list.map((e) => ({
      collection: e.collection,
      id: e.id,
      update: e.update,
      eventIds: e.eventIds,
    }));
  };

  it('adds a credited entry of a project to that project, keyed by the event so a replay is refused', () => {
    const [effect] = effectsOf('volunteer.hours.credited');
    expect(effect).toMatchObject({
      collection: 'project_hours',
      id: 'agr-1',
      update: {
        $inc: { minutes: 90, entries: 1 },
        $set: { updatedAt: new Date('2026-12-03T08:00:00.000Z') },
      },
    });
    expect(effect.eventIds).toHaveLength(1);
  });

  it('takes a reversal off the project it was credited to', () => {
    const reversal = entry({ entryId: 'e-2', minutes: -90, source: 'correction', reverses: 'e-1' });
    expect(effectsOf('volunteer.hours.reversed', reversal)[0].update).toMatchObject({
      $inc: { minutes: -90, entries: -1 },
    });
  });

  it('leaves hours outside any project alone', () => {
    expect(effectsOf('volunteer.hours.credited', entry({ projectId: null }))).toEqual([]);
  });
});

describe('KPI progress', () => {
  const report = (at: string, kpis: { name: string; actual: number }[]): Milestone => ({
    key: at,
    name: '节点',
    dueOn: '2026-12-31',
    state: 'accepted',
    report: { summary: '完成', evidence: ['f'], kpis, by: 'u', at: new Date(at) },
    decision: null,
  });
  const kpis = [
    { name: '志愿服务时长', target: 200, unit: '小时' },
    { name: '探访人次', target: 1200, unit: '人次' },
    { name: '培训场次', target: 4, unit: '场' },
  ];

  it('counts volunteer minutes as hours towards an hour KPI, the latest report towards the others', () => {
    const milestones = [
      report('2026-11-01T00:00:00Z', [{ name: '探访人次', actual: 700 }]),
      report('2026-10-01T00:00:00Z', [{ name: '探访人次', actual: 300 }]),
    ];
    expect(kpiProgress(kpis, milestones, 125)).toEqual([
      { ...kpis[0], actual: 2.08, source: 'volunteer_hours' },
      { ...kpis[1], actual: 700, source: 'milestone_report' },
      { ...kpis[2], actual: null, source: 'none' },
    ]);
  });
});
