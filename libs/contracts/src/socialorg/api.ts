import { z } from 'zod';

/** `GET /api/socialorg/about`: which service answers. */
export const socialorgAboutSchema = z.object({ service: z.literal('socialorg') });
export type SocialorgAbout = z.infer<typeof socialorgAboutSchema>;
