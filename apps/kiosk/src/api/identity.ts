import type { RequestResidentOtpRequest } from '@psc/contracts/identity';
import { api } from './client';

export interface OtpChallenge {
  challengeId: string;
  maskedPhone: string;
  expiresAt: string;
}

export interface ResidentSession {
  accessToken: string;
  expiresAt: string;
  resident: { id: string; name: string; idNumber: string };
}

export interface AccessLogEntry {
  at: string;
  actor: { id: string; kind: string; role: string };
  screen: 'kiosk' | 'counter' | 'portal' | 'api';
  purpose: string;
  fields: string[];
  action: 'read' | 'create' | 'update';
  revealed: boolean;
}

export const requestOtp = (request: RequestResidentOtpRequest) =>
  api().post<OtpChallenge>('/identity/residents/otp', request);

export const createSession = (challengeId: string, code: string, kioskSession: string) =>
  api().post<ResidentSession>('/identity/residents/session', { challengeId, code, kioskSession });

export const logout = () => api().post<void>('/identity/residents/logout');

export const accessLog = () => api().get<AccessLogEntry[]>('/identity/residents/me/access-log');
