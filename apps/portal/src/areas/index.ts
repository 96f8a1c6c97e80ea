import { agreements } from './agreements/routes';
import type { PortalArea } from './area';
import { calls } from './calls/routes';
import { dashboard } from './dashboard/routes';
import { incubation } from './incubation/routes';
import { lists } from './lists/routes';
import { organisation } from './organisation/routes';
import { organiser } from './organiser/routes';
import { reviews } from './reviews/routes';
import { volunteer } from './volunteer/routes';

/** Every area of the portal: a new one is a folder with its routes.ts and one line here. */
export const AREAS: readonly PortalArea[] = [
  organisation,
  incubation,
  calls,
  agreements,
  reviews,
  lists,
  organiser,
  volunteer,
  dashboard,
];
