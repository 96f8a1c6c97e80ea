import type { CaseView, TicketView } from '@psc/contracts/affairs';
import type { CounterResidentLookupRequest, CounterResidentLookupResponse } from '@psc/contracts/identity';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import * as affairs from '../api/affairs';
import type { CatalogueItem } from '@psc/web-data';
import { fetchItem } from '../api/catalogue';
import { lookupResident } from '../api/identity';
import { summariseIntake } from '../cases/intake';

/**
 * One intake (一窗受理) from identifying the applicant to the opened case. Held in a store so that a look at the
 * queue panel in between loses nothing; `key` is made once per form and sent with every submission of it, so a
 * retry or a double click cannot open a second case.
 */
export const useIntakeStore = defineStore('intake', () => {
  const ticket = ref<TicketView | null>(null);
  const applicant = ref<CounterResidentLookupResponse>();
  const item = ref<CatalogueItem>();
  const provided = ref<Record<string, boolean>>({});
  const key = ref(crypto.randomUUID());
  const opened = ref<CaseView>();

  const summary = computed(() => item.value && summariseIntake(item.value.materials, provided.value));

  function start(forTicket: TicketView | null = null): void {
    ticket.value = forTicket;
    applicant.value = undefined;
    item.value = undefined;
    provided.value = {};
    opened.value = undefined;
    key.value = crypto.randomUUID();
  }

  async function identify(request: CounterResidentLookupRequest): Promise<void> {
    applicant.value = await lookupResident(request);
  }

  async function chooseItem(code: string): Promise<void> {
    item.value = await fetchItem(code);
    provided.value = Object.fromEntries(item.value.materials.map((m) => [m.name, false]));
  }

  /** `onRetry`: the services are away and the same submission is being sent again; the form stays as it is. */
  async function submit(centreId: string, onRetry?: () => void): Promise<void> {
    if (!applicant.value || !item.value) return;
    opened.value = await affairs.openCase(
      {
        centreId,
        itemCode: item.value.code,
        residentId: applicant.value.residentId,
        idTail: applicant.value.idTail,
        ticketId: ticket.value?.ticketId,
        materials: item.value.materials.map((m) => ({
          name: m.name,
          provided: provided.value[m.name] === true,
        })),
      },
      key.value,
      onRetry,
    );
  }

  return { ticket, applicant, item, provided, key, opened, summary, start, identify, chooseItem, submit };
});
