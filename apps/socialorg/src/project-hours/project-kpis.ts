import { HOUR_UNITS, type Kpi, type ProjectVolunteerHoursView } from '@psc/contracts/socialorg';
import type { Milestone } from '../agreements/agreement.model';

type KpiProgress = ProjectVolunteerHoursView['kpis'][number];

const hourUnits: readonly string[] = HOUR_UNITS;

/**
 * Each KPI of the application with how far it has got: an hour KPI by the volunteer minutes credited to the project
 * (in hours, two decimals), any other by the latest milestone report that stated it.
 */
export function kpiProgress(
  kpis: readonly Kpi[],
  milestones: readonly Milestone[],
  minutes: number,
): KpiProgress[] {
  const reports = milestones
    .flatMap((m) => (m.report ? [m.report] : []))
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  return kpis.map(({ name, target, unit }) => {
    if (hourUnits.includes(unit.trim().toLowerCase()))
      return {
        name,
        target,
        unit,
        actual: Math.round((minutes / 60) * 100) / 100,
        source: 'volunteer_hours',
      };
    const reported = reports.flatMap((r) => r.kpis.filter((k) => k.name === name)).at(-1);
    return reported
      ? { name, target, unit, actual: reported.actual, source: 'milestone_report' }
      : { name, target, unit, actual: null, source: 'none' };
  });
}
