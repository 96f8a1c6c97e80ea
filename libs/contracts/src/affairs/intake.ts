import type { Material } from '../catalogue/item';

/** What the window found for one material of the item's list. */
export interface MaterialCheck {
  name: string;
  provided: boolean;
}

export type IntakeDecision =
  /** every material is there */
  | { outcome: 'accepted'; deferred: [] }
  /** only materials the item allows to follow later are missing: 容缺受理 on the applicant's signed promise */
  | { outcome: 'accepted_with_promise'; deferred: Material[] }
  /** a required material is missing: the case waits in 补正 and the resident gets one notice listing all of it */
  | { outcome: 'correcting'; missing: Material[] };

export class IntakeChecklistError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('；'));
  }
}

/**
 * Decides an intake from the item version's material list and what the window ticked. The checklist must name every
 * material of that version exactly once, so a material cannot be skipped by leaving it out.
 */
export function decideIntake(
  materials: readonly Material[],
  checks: readonly MaterialCheck[],
): IntakeDecision {
  const byName = new Map(checks.map((c) => [c.name, c]));
  const problems: string[] = [];
  if (byName.size !== checks.length) problems.push('材料清单中有重复的材料');
  for (const m of materials) if (!byName.has(m.name)) problems.push(`请确认材料“${m.name}”是否已提供`);
  const known = new Set(materials.map((m) => m.name));
  for (const c of checks) if (!known.has(c.name)) problems.push(`“${c.name}”不是该事项要求的材料`);
  if (problems.length > 0) throw new IntakeChecklistError(problems);

  const missing = materials.filter((m) => byName.get(m.name)?.provided !== true);
  if (missing.some((m) => !m.deferrable)) return { outcome: 'correcting', missing };
  if (missing.length > 0) return { outcome: 'accepted_with_promise', deferred: missing };
  return { outcome: 'accepted', deferred: [] };
}
