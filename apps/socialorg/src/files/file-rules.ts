import { FILE_MIMES, type FileMime } from '@psc/contracts/socialorg';
import { AppError } from '@psc/server-kit';
import { fileTypeFromBuffer } from 'file-type';
import { createHash } from 'node:crypto';

/** GridFS's chunk size: small enough for any document limit, large enough that a file is a few reads. */
export const CHUNK_BYTES = 255 * 1024;

const MB = 1024 * 1024;
const sizeText = (bytes: number) =>
  bytes >= MB ? `${(bytes / MB).toFixed(bytes % MB ? 1 : 0)} MB` : `${Math.ceil(bytes / 1024)} KB`;

export const tooLarge = (limit: number) =>
  new AppError('SOCIALORG.FILE_TOO_LARGE', `文件超过 ${sizeText(limit)}，请压缩后再上传`, { limit });

/** The type the content says it is, by its signature; a name or a declared type is never believed. */
export async function sniffType(bytes: Buffer): Promise<FileMime> {
  const detected = await fileTypeFromBuffer(bytes);
  const mime = detected?.mime as FileMime | undefined;
  if (!mime || !FILE_MIMES.includes(mime))
    throw new AppError('SOCIALORG.FILE_TYPE_REFUSED', undefined, { detected: detected?.mime ?? null });
  return mime;
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The bytes in pieces of `CHUNK_BYTES`, in order. */
export function chunksOf(bytes: Buffer, size = CHUNK_BYTES): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
}

/**
 * A name to keep: the last path segment, control characters and quotes removed (it goes into a download's
 * Content-Disposition), at most 120 characters.
 */
export function cleanName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).at(-1) ?? '';
  const cleaned = Array.from(base.replace(/[\p{Cc}"]/gu, '').trim())
    .slice(-120)
    .join('');
  return cleaned || '未命名文件';
}
