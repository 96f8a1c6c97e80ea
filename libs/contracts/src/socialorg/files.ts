import { z } from 'zod';
import { entityId, instant } from './organisation';

/** What a stored file belongs to: its organisation, and the record it supports. */
export const FILE_KINDS = {
  organisation: '组织资料',
  incubation: '入驻申请材料',
  application: '项目申报附件',
  milestone: '节点报告佐证',
} as const;
export type FileKind = keyof typeof FILE_KINDS;
const FILE_KIND_CODES = Object.keys(FILE_KINDS) as [FileKind, ...FileKind[]];

/** The types accepted, recognised by their first bytes (never by the name the file came with). */
export const FILE_TYPES = {
  'application/pdf': 'PDF',
  'image/png': 'PNG 图片',
  'image/jpeg': 'JPEG 图片',
} as const;
export type FileMime = keyof typeof FILE_TYPES;
export const FILE_MIMES = Object.keys(FILE_TYPES) as [FileMime, ...FileMime[]];

/** Default size limit of one file (the service's FILE_MAX_BYTES setting may lower or raise it). */
export const DEFAULT_FILE_MAX_BYTES = 8 * 1024 * 1024;

/** The form fields sent with the file (`multipart/form-data`, the file under `file`). */
export const uploadFileFields = z.object({
  orgId: entityId('组织编号'),
  kind: z.enum(FILE_KIND_CODES, { error: '请选择材料类别' }),
  /** the record the file supports, e.g. an application or a milestone report id; absent before it exists */
  ref: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{3,80}$/, '关联记录编号只能由字母、数字和 : _ - 组成')
    .optional(),
});
export type UploadFileFields = z.infer<typeof uploadFileFields>;

export const fileParams = z.object({ fileId: entityId('文件编号') });
export type FileParams = z.infer<typeof fileParams>;

export const fileView = z.object({
  fileId: z.string(),
  orgId: z.string(),
  kind: z.enum(FILE_KIND_CODES),
  ref: z.string().nullable(),
  name: z.string(),
  mime: z.enum(FILE_MIMES),
  size: z.number().int(),
  /** hex SHA-256 of the content, checked again on every read */
  sha256: z.string(),
  storedAt: instant,
});
export type FileView = z.infer<typeof fileView>;
