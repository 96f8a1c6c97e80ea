import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SESSION_REVOCATION } from '@psc/auth';
import { SESSION_MODEL, sessionSchema } from './session.model';
import { SessionsService } from './sessions.service';

// global so that the AuthGuard (registered inside AuthModule) can find SESSION_REVOCATION
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: SESSION_MODEL, schema: sessionSchema }])],
  providers: [SessionsService, { provide: SESSION_REVOCATION, useExisting: SessionsService }],
  exports: [SessionsService, SESSION_REVOCATION],
})
export class SessionsModule {}
