import type {
  ChangePasswordRequest,
  CounterResidentLookupRequest,
  CounterResidentLookupResponse,
} from '@psc/contracts/identity';
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

/** 一窗受理 step 1: find the applicant by ID number and name, or register them (then the phone is needed). */
export const lookupResident = (request: CounterResidentLookupRequest) =>
  api.post<CounterResidentLookupResponse>('/identity/residents/lookup', request);
