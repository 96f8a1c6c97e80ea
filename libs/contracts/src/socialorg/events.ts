import type { EventDefinition } from '../slices';
import { AGREEMENTS_EVENTS, AGREEMENTS_TOPICS } from './agreements.events';
import { CALLS_EVENTS, CALLS_TOPICS } from './calls.events';
import { FILES_EVENTS, FILES_TOPICS } from './files.registry';
import { INCUBATION_EVENTS, INCUBATION_TOPICS } from './incubation.registry';
import { LISTS_EVENTS, LISTS_TOPICS } from './lists.registry';
import { ORGANISATION_EVENTS, ORGANISATION_TOPICS } from './organisation.registry';
import { SCORING_EVENTS } from './scoring.events';
import { SUBSIDIES_EVENTS, SUBSIDIES_TOPICS } from './subsidies.events';

/** socialorg's topics, `socialorg.<aggregate>.v<N>`; part of TOPICS. */
export const SOCIALORG_TOPICS = {
  ...ORGANISATION_TOPICS,
  ...INCUBATION_TOPICS,
  ...LISTS_TOPICS,
  ...FILES_TOPICS,
  ...CALLS_TOPICS,
  ...AGREEMENTS_TOPICS,
  ...SUBSIDIES_TOPICS,
} as const;

/** socialorg's events, `socialorg.<aggregate>.<past-tense verb>` → topic, version and data schema; part of EVENTS. */
export const SOCIALORG_EVENTS = {
  ...ORGANISATION_EVENTS,
  ...INCUBATION_EVENTS,
  ...LISTS_EVENTS,
  ...FILES_EVENTS,
  ...CALLS_EVENTS,
  ...SCORING_EVENTS,
  ...AGREEMENTS_EVENTS,
  ...SUBSIDIES_EVENTS,
} as const satisfies Record<string, EventDefinition>;
