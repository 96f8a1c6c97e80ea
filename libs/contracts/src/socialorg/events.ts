import type { EventDefinition } from '../slices';

/** socialorg's topics, `socialorg.<aggregate>.v<N>`; part of TOPICS. */
export const SOCIALORG_TOPICS = {} as const;

/** socialorg's events, `socialorg.<aggregate>.<past-tense verb>` → topic, version and data schema; part of EVENTS. */
export const SOCIALORG_EVENTS = {} as const satisfies Record<string, EventDefinition>;
