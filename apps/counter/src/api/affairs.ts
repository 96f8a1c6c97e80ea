import type {
  CallNextRequest,
  CaseActionRequest,
  CaseAlert,
  CaseListQuery,
  CaseView,
  OpenCaseRequest,
  TicketView,
} from '@psc/contracts/affairs';
import { affairsReads } from '@psc/web-data';
import { api } from './client';

const ticketPath = (ticketId: string) => `/affairs/queue/tickets/${encodeURIComponent(ticketId)}`;
const casePath = (caseNo: string) => `/affairs/cases/${encodeURIComponent(caseNo)}`;

/** Calls the next ticket of these themes; the server counts this window's current ticket as served. */
export const callNext = (request: CallNextRequest) => api.post<TicketView>('/affairs/queue/call', request);
export const recallTicket = (ticketId: string) => api.post<TicketView>(`${ticketPath(ticketId)}/recall`);
export const closeTicket = (ticketId: string, outcome: 'served' | 'no_show') =>
  api.post<TicketView>(`${ticketPath(ticketId)}/close`, { outcome });
export const fetchTicket = (ticketId: string) => api.get(affairsReads.ticket(ticketId));
export const fetchBoard = (centreId: string) => api.get(affairsReads.board(centreId));

/**
 * `key` is made once per intake form, so a retry or a double click opens one case; while the services are away the
 * client retries with it by itself, calling `onRetry` before each attempt.
 */
export const openCase = (request: OpenCaseRequest, key: string, onRetry?: () => void) =>
  api.post<CaseView>('/affairs/cases', request, { 'idempotency-key': key }, { onRetry });

export function listCases(filter: CaseListQuery): Promise<CaseView[]> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
  return api.get<CaseView[]>(`/affairs/cases?${params.toString()}`);
}

/** The time-limit alerts standing for a centre now. */
export const fetchAlerts = (centreId: string) =>
  api.get<CaseAlert[]>(`/affairs/cases/alerts?${new URLSearchParams({ centreId }).toString()}`);

export const fetchCase = (caseNo: string) => api.get<CaseView>(casePath(caseNo));
export const actOnCase = (caseNo: string, request: CaseActionRequest) =>
  api.post<CaseView>(`${casePath(caseNo)}/actions`, request);
export const supplyDeferred = (caseNo: string, revision: number, inPerson: boolean) =>
  api.post<CaseView>(`${casePath(caseNo)}/deferred`, { revision, inPerson });
export const answerRectification = (caseNo: string, answer: string) =>
  api.post<CaseView>(`${casePath(caseNo)}/rectification`, { answer });
