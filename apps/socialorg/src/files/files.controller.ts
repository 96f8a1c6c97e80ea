import { Body, Controller, Get, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import {
  FILE_MIMES,
  fileParams,
  type FileParams,
  fileView,
  uploadFileFields,
  type UploadFileFields,
} from '@psc/contracts/socialorg';
import { ApiErrors, ApiZodResponse, inputSchema, ZodParams, ZodPipe } from '@psc/server-kit';
import { fileView as viewOf, FilesService } from './files.service';
import { FileUploadErrorsInterceptor } from './file-upload.interceptor';

/** What multer keeps of an uploaded part (memory storage: the bytes, never a local folder). */
interface UploadedPart {
  originalname: string;
  buffer: Buffer;
}

const fields = inputSchema(uploadFileFields) as { properties: object; required: string[] };
const READERS = ['org_member', 'centre_admin', 'city_admin', 'dept_reviewer', 'expert_reviewer'] as const;

@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  /** One PDF, PNG or JPEG under `file`, with its organisation and kind; its type is read from its content. */
  @Post()
  @Roles('org_member', 'centre_admin', 'city_admin')
  @UseInterceptors(FileUploadErrorsInterceptor, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    required: true,
    schema: {
      type: 'object',
      required: ['file', ...fields.required],
      properties: { file: { type: 'string', format: 'binary' }, ...fields.properties },
    },
  })
  @ApiZodResponse(fileView)
  @ApiErrors(
    'SOCIALORG.FILE_MISSING',
    'SOCIALORG.FILE_TOO_LARGE',
    'SOCIALORG.FILE_TYPE_REFUSED',
    'SOCIALORG.ORGANISATION_NOT_FOUND',
    'AUTH.OUT_OF_SCOPE',
  )
  upload(
    @Body(new ZodPipe(uploadFileFields)) body: UploadFileFields,
    @UploadedFile() part: UploadedPart | undefined,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.files.upload(body, part && { name: part.originalname, bytes: part.buffer }, principal);
  }

  @Get(':fileId')
  @Roles(...READERS)
  @ApiZodResponse(fileView)
  @ApiErrors('SOCIALORG.FILE_NOT_FOUND', 'AUTH.OUT_OF_SCOPE')
  async describe(@ZodParams(fileParams) { fileId }: FileParams, @CurrentPrincipal() principal: Principal) {
    return viewOf(await this.files.readable(fileId, principal));
  }

  /** The bytes, as stored and checked against their SHA-256 (also the ETag). */
  @Get(':fileId/content')
  @Roles(...READERS)
  @ApiResponse({
    status: 200,
    description: '文件内容',
    content: Object.fromEntries(
      FILE_MIMES.map((mime) => [mime, { schema: { type: 'string', format: 'binary' } }]),
    ),
  })
  @ApiErrors('SOCIALORG.FILE_NOT_FOUND', 'AUTH.OUT_OF_SCOPE')
  async content(@ZodParams(fileParams) { fileId }: FileParams, @CurrentPrincipal() principal: Principal) {
    const { file, bytes } = await this.files.download(fileId, principal);
    return new StreamableFile(bytes, {
      type: file.mime,
      length: file.size,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    });
  }
}
