/**
 * What the projects need to know about an organisation, and where they ask for it. The organisation registry
 * (apps/socialorg/src/organisations/, `OrganisationsModule`) provides `OrganisationDirectory`; until it is on this
 * branch, `InterimOrganisationDirectory` answers from a collection that system tests seed (see its file), and the
 * merge points ORGANISATION_DIRECTORY at the registry's provider.
 */
export interface OrganisationSnapshot {
  orgId: string;
  name: string;
  creditCode: string;
  centreId: string;
  /** the street the organisation belongs to, as a place scope (`sz/futian/xiangmihu`) */
  streetId: string;
  registration: 'registered' | 'community_filed';
  partyBuilding: { kind: 'branch' | 'joint_branch' | 'group' | 'none'; formedAt: string | null };
  /** 孵化出壳: not in the registry's snapshot yet; without it the `incubation_graduated` rule fails, saying so */
  incubation?: { graduatedAt: string | null };
}

export interface OrganisationDirectory {
  get(orgId: string): Promise<OrganisationSnapshot | null>;
}

export const ORGANISATION_DIRECTORY = Symbol('ORGANISATION_DIRECTORY');
