import { Inject, Injectable } from '@nestjs/common';
import { FILE_KINDS, type FileKind } from '@psc/contracts/socialorg';
import { AppError } from '@psc/server-kit';
import { FilesService } from '../files/files.service';

/** What the projects ask of the file store; an interface so the unit specs answer from a map. */
export type FileDescriptions = Pick<FilesService, 'describe'>;

/** Attachments and evidence name files in the store: each must be the organisation's own, uploaded for this use. */
@Injectable()
export class OwnFiles {
  constructor(@Inject(FilesService) private readonly files: FileDescriptions) {}

  async assertOwn(fileIds: readonly string[], orgId: string, kind: FileKind, field: string): Promise<void> {
    for (const fileId of fileIds) {
      const file = await this.files.describe(fileId);
      if (!file || file.orgId !== orgId || file.kind !== kind)
        throw new AppError('COMMON.VALIDATION_FAILED', `文件 ${fileId} 不是本组织上传的${FILE_KINDS[kind]}`, [
          { field, message: `文件 ${fileId} 不可用，请重新上传` },
        ]);
    }
  }
}
