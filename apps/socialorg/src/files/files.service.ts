import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { assertScope, covers, orgsOf, type Principal } from '@psc/auth';
import type { FileKind, FileView, UploadFileFields } from '@psc/contracts/socialorg';
import { Outbox } from '@psc/messaging';
import { APP_CONFIG, AppError, CLOCK, type Clock } from '@psc/server-kit';
import type { Model } from 'mongoose';
import type { SocialorgConfig } from '../config';
import { OrganisationDirectory } from '../organisations/organisation-directory.service';
import { newId, placePath } from '../shared/place';
import { FILE_CHUNK_MODEL, FILE_MODEL, type FileChunk, type StoredFile } from './file.model';
import { CHUNK_BYTES, chunksOf, cleanName, sha256, sniffType, tooLarge } from './file-rules';

/** Whose file it is and what record it supports. */
export interface FileOwner {
  orgId: string;
  kind: FileKind;
  ref?: string | null;
}

/** What arrived: the name it came with and its bytes. */
export interface IncomingFile {
  name: string;
  bytes: Buffer;
}

// those who keep the registry of the organisation's place read its files; reviewers read what they review
const PLACE_READERS = ['centre_admin', 'city_admin', 'dept_reviewer'];
const REVIEWED_KINDS: readonly FileKind[] = ['application', 'milestone'];

export const fileView = (f: StoredFile): FileView => ({
  fileId: f._id,
  orgId: f.orgId,
  kind: f.kind,
  ref: f.ref,
  name: f.name,
  mime: f.mime,
  size: f.size,
  sha256: f.sha256,
  storedAt: f.storedAt.toISOString(),
});

/** BSON binary as the driver hands back a lean document's buffer, or plain bytes (the specs' in-memory store). */
const bytesOf = (data: Uint8Array | { buffer: Uint8Array; position: number }) =>
  data instanceof Uint8Array
    ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    : Buffer.from(data.buffer.subarray(0, data.position));

/**
 * Attachments and evidence (PDF, PNG, JPEG) stored in the database in chunks, with their SHA-256: any replica
 * reads what another stored. `put`/`describe`/`get` are for the other parts of socialorg, which decide access
 * themselves; `upload`/`download` are the routes', with the access rules of files.
 */
@Injectable()
export class FilesService {
  constructor(
    @InjectModel(FILE_MODEL) private readonly files: Model<StoredFile>,
    @InjectModel(FILE_CHUNK_MODEL) private readonly chunks: Model<FileChunk>,
    private readonly outbox: Outbox,
    private readonly directory: OrganisationDirectory,
    @Inject(APP_CONFIG) private readonly config: Pick<SocialorgConfig, 'FILE_MAX_BYTES'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Stores a file for `owner`: type by content, size within the limit; returns its description with its id. */
  async put(owner: FileOwner, file: IncomingFile, by: Principal): Promise<FileView> {
    if (file.bytes.length === 0) throw new AppError('SOCIALORG.FILE_MISSING', '文件是空的，请重新选择');
    if (file.bytes.length > this.config.FILE_MAX_BYTES) throw tooLarge(this.config.FILE_MAX_BYTES);
    const mime = await sniffType(file.bytes);
    const org = await this.directory.get(owner.orgId);
    if (!org)
      throw new AppError('SOCIALORG.ORGANISATION_NOT_FOUND', `没有找到编号为 ${owner.orgId} 的社会组织`);
    const fileId = newId('file');
    const pieces = chunksOf(file.bytes);
    // the chunks first: the description, written last with its event, is what makes the file exist
    await Promise.all(
      pieces.map((data, n) => this.chunks.create({ _id: `${fileId}:${n}`, fileId, n, data })),
    );
    const now = this.clock();
    const stored: StoredFile = {
      _id: fileId,
      orgId: owner.orgId,
      placePath: placePath(org.centreId),
      kind: owner.kind,
      ref: owner.ref ?? null,
      name: cleanName(file.name),
      mime,
      size: file.bytes.length,
      sha256: sha256(file.bytes),
      chunkSize: CHUNK_BYTES,
      chunks: pieces.length,
      storedAt: now,
      storedBy: by.sub,
    };
    await this.outbox.create(this.files, stored, [
      {
        type: 'socialorg.file.stored',
        data: {
          fileId,
          orgId: owner.orgId,
          kind: owner.kind,
          ref: stored.ref,
          mime,
          size: stored.size,
          sha256: stored.sha256,
          by: by.sub,
          at: now.toISOString(),
        },
      },
    ]);
    return fileView(stored);
  }

  async describe(fileId: string): Promise<FileView | null> {
    const stored = await this.files.findById(fileId).lean<StoredFile>();
    return stored && fileView(stored);
  }

  /** The file and its bytes, checked against the hash it was stored with. */
  async get(fileId: string): Promise<{ file: FileView; bytes: Buffer }> {
    const stored = await this.load(fileId);
    return { file: fileView(stored), bytes: await this.bytes(stored) };
  }

  /** A route's upload: the organisation's own staff, or the administrators of its place. */
  async upload(
    fields: UploadFileFields,
    file: IncomingFile | undefined,
    principal: Principal,
  ): Promise<FileView> {
    if (!file) throw new AppError('SOCIALORG.FILE_MISSING');
    if (!orgsOf(principal).includes(fields.orgId)) {
      const org = await this.directory.get(fields.orgId);
      if (!org)
        throw new AppError('SOCIALORG.ORGANISATION_NOT_FOUND', `没有找到编号为 ${fields.orgId} 的社会组织`);
      assertScope(principal, org.centreId, ['centre_admin', 'city_admin']);
    }
    return this.put(fields, file, principal);
  }

  /** A route's read of a file's description or content, by the access rules of files. */
  async readable(fileId: string, principal: Principal): Promise<StoredFile> {
    const stored = await this.load(fileId);
    if (!this.mayRead(principal, stored)) throw new AppError('AUTH.OUT_OF_SCOPE');
    return stored;
  }

  async download(fileId: string, principal: Principal): Promise<{ file: FileView; bytes: Buffer }> {
    const stored = await this.readable(fileId, principal);
    return { file: fileView(stored), bytes: await this.bytes(stored) };
  }

  private mayRead(principal: Principal, stored: StoredFile): boolean {
    if (principal.kind !== 'staff') return false;
    if (orgsOf(principal).includes(stored.orgId)) return true;
    const centre = stored.placePath[stored.placePath.length - 1];
    return principal.roles.some(
      (g) =>
        covers(g.scope, centre) &&
        (PLACE_READERS.includes(g.role) ||
          (g.role === 'expert_reviewer' && REVIEWED_KINDS.includes(stored.kind))),
    );
  }

  private async load(fileId: string): Promise<StoredFile> {
    const stored = await this.files.findById(fileId).lean<StoredFile>();
    if (!stored) throw new AppError('SOCIALORG.FILE_NOT_FOUND');
    return stored;
  }

  /** Chunk by chunk by `_id` (a list of ids with `$in` would read the whole collection on this store). */
  private async bytes(stored: StoredFile): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (let n = 0; n < stored.chunks; n++) {
      const chunk = await this.chunks.findById(`${stored._id}:${n}`).lean<FileChunk>();
      if (!chunk) throw new Error(`file ${stored._id}: chunk ${n} of ${stored.chunks} is missing`);
      parts.push(bytesOf(chunk.data));
    }
    const bytes = Buffer.concat(parts);
    if (bytes.length !== stored.size || sha256(bytes) !== stored.sha256)
      throw new Error(`file ${stored._id}: stored bytes do not match its SHA-256`);
    return bytes;
  }
}
