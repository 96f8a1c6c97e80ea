import type { OrganisationSummary, OrganisationView } from '@psc/contracts/socialorg';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../../shell/api';

/** The organisations the signed-in member of staff works for (one, almost always). */
export const useMyOrganisationStore = defineStore('my-organisation', () => {
  const organisations = ref<OrganisationView[]>();
  const current = computed(() => organisations.value?.[0]);

  async function load(): Promise<void> {
    organisations.value = await api.get<OrganisationView[]>('/socialorg/organisations/mine');
  }

  return { organisations, current, load };
});

/** Party-building coverage of a set of organisations: how many have a party organisation of any kind. */
export function partyCoverage(rows: readonly Pick<OrganisationSummary, 'partyBuilding'>[]) {
  const covered = rows.filter((r) => r.partyBuilding.kind !== 'none').length;
  return {
    covered,
    total: rows.length,
    percent: rows.length ? Math.round((covered * 100) / rows.length) : 0,
  };
}

/** The organisations registered in the administrator's place, for the registry list. */
export const useRegistryStore = defineStore('organisation-registry', () => {
  const rows = ref<OrganisationSummary[]>([]);
  const coverage = computed(() => partyCoverage(rows.value));

  async function load(scope: string): Promise<void> {
    rows.value = await api.get<OrganisationSummary[]>(
      `/socialorg/organisations?scope=${encodeURIComponent(scope)}`,
    );
  }

  return { rows, coverage, load };
});
