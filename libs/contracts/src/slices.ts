import type { z } from 'zod';

/** One error code's HTTP status and the zh-CN message a person sees when the server gives none. */
export interface ErrorDefinition {
  status: number;
  message: string;
}

/** One event type's topic, current version and data schema. */
export interface EventDefinition {
  topic: string;
  version: number;
  schema: z.ZodType;
}

type Intersection<U> = (U extends unknown ? (slice: U) => void : never) extends (slice: infer I) => void
  ? I
  : never;

/** Every slice's entries in one object, typed as all of them together. */
export const mergeSlices = <S extends Record<string, object>>(slices: S) =>
  Object.assign({}, ...Object.values(slices)) as Intersection<S[keyof S]>;
