import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { APP_CONFIG, AppError } from '@psc/server-kit';
import { catchError, type Observable } from 'rxjs';
import type { SocialorgConfig } from '../config';
import { tooLarge } from './file-rules';

/**
 * Put outside Nest's FileInterceptor: what multer refuses (a file over the limit, a second file, a stray field)
 * becomes our own refusal with a Chinese message that says what to do.
 */
@Injectable()
export class FileUploadErrorsInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<SocialorgConfig, 'FILE_MAX_BYTES'>) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof PayloadTooLargeException) throw tooLarge(this.config.FILE_MAX_BYTES);
        if (error instanceof BadRequestException)
          throw new AppError(
            'COMMON.VALIDATION_FAILED',
            '上传内容格式不正确：请以 multipart/form-data 提交，文件放在 file 字段，一次一个文件',
          );
        throw error;
      }),
    );
  }
}
