import type { ChangePasswordRequest } from '@psc/contracts/identity';
import { api } from './client';

export interface DevSms {
  id: string;
  to: string;
  text: string;
  sentAt: string;
}

export const changePassword = (request: ChangePasswordRequest) =>
  api.post<void>('/identity/auth/password', request);

/** Development only: what the log SMS provider "sent", so a tester can read the code shown to a resident. */
export const devSms = () => api.get<DevSms[]>('/identity/dev/sms');
