/** The store refused an insert or upsert because a unique index already holds the value (MongoDB code 11000). */
export const isDuplicateKey = (error: unknown): boolean =>
  (error as { code?: number } | null)?.code === 11000;
