import { type StaffLiveEventsOptions, useStaffLiveEvents } from '@psc/web-data';
import { useAppStore } from '../stores/app';

/** Live updates of the workbench's channels while the view is shown (see useStaffLiveEvents). */
export function useLiveEvents<C extends 'queue' | 'case'>(
  options: Omit<StaffLiveEventsOptions<C>, 'base'>,
): void {
  const app = useAppStore();
  useStaffLiveEvents({ ...options, base: () => app.config?.apiBase });
}
