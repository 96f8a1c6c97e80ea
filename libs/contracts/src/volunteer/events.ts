import type { EventDefinition } from '../slices';

/** volunteer's topics, `volunteer.<aggregate>.v<N>`; part of TOPICS. */
export const VOLUNTEER_TOPICS = {} as const;

/** volunteer's events, `volunteer.<aggregate>.<past-tense verb>` → topic, version and data schema; part of EVENTS. */
export const VOLUNTEER_EVENTS = {} as const satisfies Record<string, EventDefinition>;
