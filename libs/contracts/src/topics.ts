/** Every topic name lives here: `<service>.<aggregate>.v<N>`. */
export const TOPICS = {
  catalogueItem: 'catalogue.item.v1',
  affairsCase: 'affairs.case.v1',
  affairsQueue: 'affairs.queue.v1',
  identityPii: 'identity.pii.v1',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/** Dead letters of one consumer group go to a topic named after the group. */
export const deadLetterTopic = (groupId: string) => `${groupId}.dlq`;
