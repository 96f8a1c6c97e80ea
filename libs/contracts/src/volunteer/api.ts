import { z } from 'zod';

/** `GET /api/volunteer/about`: which service answers. */
export const volunteerAboutSchema = z.object({ service: z.literal('volunteer') });
export type VolunteerAbout = z.infer<typeof volunteerAboutSchema>;
