import { Injectable } from '@nestjs/common';
import type { OrganisationSnapshot } from '@psc/contracts/socialorg';
import { IncubationRepository } from '../incubation/incubation.repository';
import { OrganisationDirectory } from '../organisations/organisation-directory.service';

/** The registry's snapshot of an applicant, with its 孵化出壳 for the `incubation_graduated` rule. */
export interface ApplicantSnapshot extends OrganisationSnapshot {
  /** null: never incubated at a base; otherwise when its latest stay graduated, null while none has */
  incubation: { graduatedAt: string | null } | null;
}

/** What the projects ask about an organisation; an interface so the unit specs answer from a map. */
export interface ApplicantFacts {
  get(orgId: string): Promise<ApplicantSnapshot | null>;
}

/** The registry and the incubation base together: one point read of the organisation, one indexed read of its stays. */
@Injectable()
export class ApplicantDirectory implements ApplicantFacts {
  constructor(
    private readonly organisations: OrganisationDirectory,
    private readonly incubations: IncubationRepository,
  ) {}

  async get(orgId: string): Promise<ApplicantSnapshot | null> {
    const [org, stays] = await Promise.all([
      this.organisations.get(orgId),
      this.incubations.ofOrganisation(orgId),
    ]);
    if (!org) return null;
    if (stays.length === 0) return { ...org, incubation: null };
    const graduations = stays
      .flatMap((stay) => stay.history.filter((entry) => entry.to === 'graduated'))
      .map((entry) => new Date(entry.at).toISOString())
      .sort();
    return { ...org, incubation: { graduatedAt: graduations.at(-1) ?? null } };
  }
}
