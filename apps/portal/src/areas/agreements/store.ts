import type {
  AgreementView,
  MilestoneDecisionRequest,
  MilestoneReportRequest,
  PaymentRequest,
} from '@psc/contracts/socialorg';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../../shell/api';

/** Agreements as their reader may see them: an organisation its own, an administrator those of their place. */
export const useAgreementsStore = defineStore('agreements', () => {
  const agreements = ref<AgreementView[]>([]);

  async function load(orgId?: string): Promise<void> {
    const query = orgId ? `?orgId=${encodeURIComponent(orgId)}` : '';
    agreements.value = await api.get<AgreementView[]>(`/socialorg/agreements${query}`);
  }

  // every step answers the agreement as it now stands, which replaces the row
  function replace(updated: AgreementView): void {
    agreements.value = agreements.value.map((a) => (a.agreementId === updated.agreementId ? updated : a));
  }

  async function report(agreementId: string, key: string, request: MilestoneReportRequest): Promise<void> {
    replace(
      await api.post<AgreementView>(`/socialorg/agreements/${agreementId}/milestones/${key}/report`, request),
    );
  }

  async function decide(agreementId: string, key: string, request: MilestoneDecisionRequest): Promise<void> {
    replace(
      await api.post<AgreementView>(
        `/socialorg/agreements/${agreementId}/milestones/${key}/decision`,
        request,
      ),
    );
  }

  async function pay(agreementId: string, request: PaymentRequest): Promise<void> {
    replace(await api.post<AgreementView>(`/socialorg/agreements/${agreementId}/payments`, request));
  }

  return { agreements, load, report, decide, pay };
});
