import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG } from '@psc/server-kit';
import type { SocialorgConfig } from '../config';
import { OrganisationsModule } from '../organisations/organisations.module';
import { FILE_CHUNK_MODEL, FILE_MODEL, fileChunkSchema, fileSchema } from './file.model';
import { FileUploadErrorsInterceptor } from './file-upload.interceptor';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';

/** Files in the database. Other parts import this module for `FilesService` (put, describe, get). */
@Module({
  imports: [
    OrganisationsModule,
    MongooseModule.forFeature([
      { name: FILE_MODEL, schema: fileSchema },
      { name: FILE_CHUNK_MODEL, schema: fileChunkSchema },
    ]),
    // no `dest`: multer keeps the upload in memory, and the bytes go to the database, never to a local folder
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: SocialorgConfig) => ({
        limits: { fileSize: config.FILE_MAX_BYTES, files: 1, fields: 10, fieldSize: 1024 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [FilesController],
  providers: [FilesService, FileUploadErrorsInterceptor],
  exports: [FilesService],
})
export class FilesModule {}
