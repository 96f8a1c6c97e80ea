import { z } from 'zod';

export * from './funding-basics';
export * from './calls';
export * from './applications';
export * from './scoring';
export * from './agreements';
export * from './subsidies';

/** `GET /api/socialorg/about`: which service answers. */
export const socialorgAboutSchema = z.object({ service: z.literal('socialorg') });
export type SocialorgAbout = z.infer<typeof socialorgAboutSchema>;
