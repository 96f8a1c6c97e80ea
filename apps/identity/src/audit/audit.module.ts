import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditService } from './audit.service';
import { PII_AUDIT_MODEL, piiAuditSchema } from './pii-audit.model';

@Module({
  imports: [MongooseModule.forFeature([{ name: PII_AUDIT_MODEL, schema: piiAuditSchema }])],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
