import { decideIntake, type IntakeDecision } from '@psc/contracts/affairs';
import type { Material } from '@psc/contracts/catalogue';

export type IntakeSummary = IntakeDecision & {
  /** how many of the item's materials are ticked */
  provided: number;
  total: number;
};

/**
 * What submitting the checklist now would do: the same `decideIntake` the affairs service runs, so the button and
 * the summary never promise an outcome the server then changes.
 */
export function summariseIntake(
  materials: readonly Material[],
  provided: Readonly<Record<string, boolean>>,
): IntakeSummary {
  const checks = materials.map((m) => ({ name: m.name, provided: provided[m.name] === true }));
  return {
    ...decideIntake(materials, checks),
    provided: checks.filter((c) => c.provided).length,
    total: materials.length,
  };
}
