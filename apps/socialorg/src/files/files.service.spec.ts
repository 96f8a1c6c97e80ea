import { expectAppError, staff } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import {
  centreAdmin,
  memberOf,
  NOT_A_PDF,
  otherAdmin,
  PDF,
  socialorgWorld,
} from '../../test/socialorg-world';
import { CHUNK_BYTES, cleanName, sha256 } from './file-rules';

// a PNG signature and header, then enough bytes to span three chunks
const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.alloc(CHUNK_BYTES * 2 + 1000, 7),
]);

describe('FilesService', () => {
  it('stores a file in chunks with its SHA-256, and gives the same bytes back', async () => {
    const world = socialorgWorld(undefined, 2 * 1024 * 1024);
    const { orgId } = await world.registered();
    const stored = await world.files.put(
      { orgId, kind: 'milestone', ref: 'report:r-1' },
      { name: 'C:\\fakepath\\活动照片.png', bytes: PNG },
      memberOf(orgId),
    );
    expect(stored).toMatchObject({
      orgId,
      kind: 'milestone',
      ref: 'report:r-1',
      name: '活动照片.png',
      mime: 'image/png',
      size: PNG.length,
      sha256: sha256(PNG),
    });
    expect(world.chunkStore.docs.size).toBe(3);
    const { file, bytes } = await world.files.get(stored.fileId);
    expect([file, bytes.equals(PNG)]).toEqual([stored, true]);
    expect(world.outbox.dataOf('socialorg.file.stored')).toEqual([
      expect.objectContaining({ fileId: stored.fileId, sha256: stored.sha256 }),
    ]);
  });

  it('judges the type by the content, not the name, and refuses what is too large or empty', async () => {
    const world = socialorgWorld(undefined, 64 * 1024);
    const { orgId } = await world.registered();
    const owner = { orgId, kind: 'application' as const };
    const refused = await expectAppError(
      world.files.put(owner, { name: '申报书.pdf', bytes: NOT_A_PDF }, centreAdmin),
      'SOCIALORG.FILE_TYPE_REFUSED',
    );
    expect(refused.status).toBe(415);
    const large = await expectAppError(
      world.files.put(owner, { name: 'a.png', bytes: PNG }, centreAdmin),
      'SOCIALORG.FILE_TOO_LARGE',
    );
    expect([large.status, large.message]).toEqual([413, '文件超过 64 KB，请压缩后再上传']);
    await expectAppError(
      world.files.put(owner, { name: 'a.pdf', bytes: Buffer.alloc(0) }, centreAdmin),
      'SOCIALORG.FILE_MISSING',
    );
    expect((await world.files.put(owner, { name: 'scan.bin', bytes: PDF }, centreAdmin)).mime).toBe(
      'application/pdf',
    );
    expect(world.fileStore.docs.size).toBe(1);
  });

  it('refuses bytes that no longer match their hash', async () => {
    const world = socialorgWorld();
    const { orgId } = await world.registered();
    const stored = await world.files.put(
      { orgId, kind: 'organisation' },
      { name: 'a.pdf', bytes: PDF },
      centreAdmin,
    );
    (world.chunkStore.docs.get(`${stored.fileId}:0`) as unknown as { data: Buffer }).data =
      Buffer.from('%PDF-1.4 altered');
    await expect(world.files.get(stored.fileId)).rejects.toThrow('do not match its SHA-256');
  });

  it("lets the organisation, its place's staff and reviewers of applications read a file, and nobody else", async () => {
    const world = socialorgWorld();
    const { orgId } = await world.registered();
    const application = await world.files.upload(
      { orgId, kind: 'application' },
      { name: 'a.pdf', bytes: PDF },
      memberOf(orgId),
    );
    const incubation = await world.files.upload(
      { orgId, kind: 'incubation' },
      { name: 'b.pdf', bytes: PDF },
      memberOf(orgId),
    );
    const expert = staff('expert_reviewer', 'sz/futian');
    for (const who of [memberOf(orgId), centreAdmin, staff('dept_reviewer', 'sz/futian'), expert])
      expect((await world.files.download(application.fileId, who)).bytes.equals(PDF)).toBe(true);
    for (const who of [memberOf('org-other'), otherAdmin, staff('expert_reviewer', 'sz/nanshan')])
      await expectAppError(world.files.readable(application.fileId, who), 'AUTH.OUT_OF_SCOPE');
    await expectAppError(world.files.readable(incubation.fileId, expert), 'AUTH.OUT_OF_SCOPE');
    await expectAppError(
      world.files.upload(
        { orgId, kind: 'application' },
        { name: 'c.pdf', bytes: PDF },
        memberOf('org-other'),
      ),
      'AUTH.OUT_OF_SCOPE',
    );
    await expectAppError(
      world.files.upload({ orgId, kind: 'application' }, undefined, memberOf(orgId)),
      'SOCIALORG.FILE_MISSING',
    );
  });

  it('keeps a name fit for a download header', () => {
    expect(cleanName('../../etc/"passwd"\u0007')).toBe('passwd');
    expect(cleanName('   ')).toBe('未命名文件');
  });
});
