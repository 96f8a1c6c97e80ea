import { z } from 'zod';
import type { ErrorDefinition, EventDefinition } from '../slices';
import { FILE_MIMES } from './files';

/** The file store's codes, topic and event. */

export const FILES_ERROR_CODES = {
  'SOCIALORG.FILE_NOT_FOUND': { status: 404, message: '没有找到该文件' },
  'SOCIALORG.FILE_MISSING': { status: 400, message: '请选择要上传的文件' },
  'SOCIALORG.FILE_TOO_LARGE': { status: 413, message: '文件太大，请压缩后再上传' },
  'SOCIALORG.FILE_TYPE_REFUSED': {
    status: 415,
    message: '只能上传 PDF、PNG 或 JPEG 文件（按文件内容判断，改扩展名无效）',
  },
} as const satisfies Record<string, ErrorDefinition>;

export const socialorgFileStoredV1 = z.object({
  fileId: z.string().min(1),
  orgId: z.string().min(1),
  kind: z.string().min(1),
  ref: z.string().nullable(),
  mime: z.enum(FILE_MIMES),
  size: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  by: z.string().min(1),
  at: z.iso.datetime(),
});

export const FILES_TOPICS = { socialorgFile: 'socialorg.file.v1' } as const;

export const FILES_EVENTS = {
  'socialorg.file.stored': { topic: FILES_TOPICS.socialorgFile, version: 1, schema: socialorgFileStoredV1 },
} as const satisfies Record<string, EventDefinition>;
