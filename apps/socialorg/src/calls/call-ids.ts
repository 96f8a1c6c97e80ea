import { randomUUID } from 'node:crypto';

/** `C-3F9A1B2C4D5E`: an id people can read out, random enough that concurrent creations never meet. */
export const newId = (prefix: string): string =>
  `${prefix}-${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`;
