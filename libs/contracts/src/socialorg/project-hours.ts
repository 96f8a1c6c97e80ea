import { z } from 'zod';

/** Units a KPI can be stated in for volunteer hours to count towards it. */
export const HOUR_UNITS = ['小时', '时', '工时', 'h'] as const;

/**
 * A purchased-service project's volunteer hours, as the volunteer service credited them to its activities (reversals
 * subtract), and the application's KPIs with their progress: hour KPIs from those hours, the others from the latest
 * milestone report that stated them.
 */
export const projectVolunteerHoursView = z.object({
  agreementId: z.string(),
  minutes: z.number().int(),
  entries: z.number().int(),
  kpis: z.array(
    z.object({
      name: z.string(),
      target: z.number(),
      unit: z.string(),
      actual: z.number().nullable(),
      source: z.enum(['volunteer_hours', 'milestone_report', 'none']),
    }),
  ),
});
export type ProjectVolunteerHoursView = z.infer<typeof projectVolunteerHoursView>;
