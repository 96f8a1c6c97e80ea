import { z } from 'zod';

export const createItemDraftRequest = z.object({
  code: z
    .string({ error: '请填写事项编码' })
    .trim()
    .regex(/^[A-Z0-9-]{3,32}$/, '事项编码只能由大写字母、数字和连字符组成，长度 3–32'),
  name: z
    .string({ error: '请填写事项名称' })
    .trim()
    .min(2, '事项名称至少 2 个字')
    .max(60, '事项名称最多 60 个字'),
  theme: z.string({ error: '请选择主题' }).trim().min(2, '请选择主题'),
});
export type CreateItemDraftRequest = z.infer<typeof createItemDraftRequest>;
