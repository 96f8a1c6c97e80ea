import type { FileKind, FileMime } from '@psc/contracts/socialorg';
import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

/**
 * A stored file's description. Its bytes are in `file_chunks`, written first: a description exists only for a
 * file whose every chunk is stored, so a reader never meets half a file.
 */
export interface StoredFile {
  _id: string;
  orgId: string;
  /** the scopes of the organisation's community, for the staff who may read it */
  placePath: string[];
  kind: FileKind;
  ref: string | null;
  name: string;
  mime: FileMime;
  size: number;
  sha256: string;
  chunkSize: number;
  chunks: number;
  storedAt: Date;
  storedBy: string;
}

/** One piece of a file's bytes, `_id` `<file id>:<n>`: read back by `_id`, the store's one fast lookup. */
export interface FileChunk {
  _id: string;
  fileId: string;
  n: number;
  data: Buffer;
}

export const FILE_MODEL = 'StoredFile';
export const FILE_CHUNK_MODEL = 'FileChunk';

export const fileSchema = new Schema<StoredFile>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true, index: true },
    placePath: { type: [String], required: true },
    kind: { type: String, required: true },
    ref: { type: String, default: null },
    name: { type: String, required: true },
    mime: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    chunkSize: { type: Number, required: true },
    chunks: { type: Number, required: true },
    storedAt: { type: Date, required: true },
    storedBy: { type: String, required: true },
  },
  { collection: 'files', versionKey: false },
);
fileSchema.plugin(outboxPlugin);

export const fileChunkSchema = new Schema<FileChunk>(
  {
    _id: { type: String, required: true },
    fileId: { type: String, required: true },
    n: { type: Number, required: true },
    data: { type: Buffer, required: true },
  },
  { collection: 'file_chunks', versionKey: false },
);
