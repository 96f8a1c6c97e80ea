import type { CaseProgress, TicketView } from '@psc/contracts/affairs';
import type { ThemeCode } from '@psc/contracts/catalogue';
import { affairsReads } from '@psc/web-data';
import { api } from './client';

const enc = encodeURIComponent;

/** 取号 needs nobody's identity: the ticket is public, and so is what the hall display shows. */
export const takeTicket = (centreId: string, theme: ThemeCode) =>
  api().post<TicketView>('/affairs/queue/tickets', { centreId, theme });

export const fetchTicket = (ticketId: string) => api().get(affairsReads.ticket(ticketId));

export const fetchBoard = (centreId: string) => api().get(affairsReads.board(centreId));

/** Anyone holding the case number and the last 6 of the applicant's ID number; a wrong pair is a plain 404. */
export const fetchProgress = (caseNo: string, idTail: string) =>
  api().get<CaseProgress>(
    `/affairs/cases/${enc(caseNo)}/progress?${new URLSearchParams({ idTail }).toString()}`,
  );

/** The signed-in resident's own cases, newest first. */
export const fetchMyCases = () => api().get<CaseProgress[]>('/affairs/cases/mine');

// a case takes one rating, so a repeated one cannot count twice: while the services are away the client sends it
// again by itself, calling `onRetry` before each attempt
const rated = (onRetry?: () => void) => ({ idempotent: true, onRetry });

export const rateCase = (caseNo: string, score: number, comment?: string, onRetry?: () => void) =>
  api().post<unknown>(
    `/affairs/cases/${enc(caseNo)}/rating`,
    { score, ...(comment && { comment }) },
    {},
    rated(onRetry),
  );

/** The case behind the rating link texted on delivery; the link's token stands in for signing in. */
export const fetchRatingLink = (caseNo: string, token: string) =>
  api().get<CaseProgress>(
    `/affairs/cases/${enc(caseNo)}/rating-link?${new URLSearchParams({ t: token }).toString()}`,
  );

export const rateByLink = (
  caseNo: string,
  token: string,
  score: number,
  comment?: string,
  onRetry?: () => void,
) =>
  api().post<unknown>(
    `/affairs/cases/${enc(caseNo)}/rating-link`,
    { token, score, ...(comment && { comment }) },
    {},
    rated(onRetry),
  );
