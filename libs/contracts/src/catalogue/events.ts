import { z } from 'zod';

export const catalogueItemDraftedV1 = z.object({
  itemId: z.string().min(1),
  code: z.string().min(1),
  name: z.string().min(1),
  theme: z.string().min(1),
});
