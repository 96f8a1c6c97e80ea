import { AFFAIRS_TOPICS } from './affairs/events';
import { CATALOGUE_TOPICS } from './catalogue/events';
import { IDENTITY_TOPICS } from './identity/events';
import { mergeSlices } from './slices';
import { SOCIALORG_TOPICS } from './socialorg/events';
import { VOLUNTEER_TOPICS } from './volunteer/events';

/** Each producing service's topics, `<service>.<aggregate>.v<N>`, from its own `<service>/events.ts`. */
export const TOPIC_SLICES = {
  catalogue: CATALOGUE_TOPICS,
  identity: IDENTITY_TOPICS,
  affairs: AFFAIRS_TOPICS,
  socialorg: SOCIALORG_TOPICS,
  volunteer: VOLUNTEER_TOPICS,
} as const;

/** Every topic name. */
export const TOPICS = mergeSlices(TOPIC_SLICES);

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/** Dead letters of one consumer group go to a topic named after the group. */
export const deadLetterTopic = (groupId: string) => `${groupId}.dlq`;
