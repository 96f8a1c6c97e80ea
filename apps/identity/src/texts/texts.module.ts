import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit/audit.module';
import { ResidentsModule } from '../residents/residents.module';
import { OWED_TEXT_MODEL, owedTextSchema } from './owed-text.model';
import { OwedTextsService } from './owed-texts.service';
import { RatingInvitationsConsumer } from './rating-invitations.consumer';

/** Texts other services ask identity to send a resident: identity alone holds their phone numbers. */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: OWED_TEXT_MODEL, schema: owedTextSchema }]),
    AuditModule,
    ResidentsModule,
  ],
  controllers: [RatingInvitationsConsumer],
  providers: [OwedTextsService],
})
export class TextsModule {}
