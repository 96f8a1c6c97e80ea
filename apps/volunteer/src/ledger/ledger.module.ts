import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { VolunteersModule } from '../volunteers/volunteers.module';
import {
  BALANCE_MODEL,
  balanceSchema,
  POSTING_MODEL,
  postingSchema,
  STAR_MARK_MODEL,
  starMarkSchema,
} from './balance.model';
import { CORRECTION_MODEL, correctionSchema } from './correction.model';
import { CorrectionsService } from './corrections.service';
import { HoursConsumer } from './hours.consumer';
import { HoursController } from './hours.controller';
import { HoursService } from './hours.service';
import { LEDGER_ENTRY_MODEL, ledgerEntrySchema } from './ledger-entry.model';
import { LedgerService } from './ledger.service';
import { ProxyCreditService } from './proxy-credit.service';
import { RECONCILIATION_MODEL, reconciliationSchema } from './reconciliation.model';
import { ReconciliationService } from './reconciliation.service';
import { StarsService } from './stars.service';

@Module({
  imports: [
    VolunteersModule,
    MongooseModule.forFeature([
      { name: LEDGER_ENTRY_MODEL, schema: ledgerEntrySchema },
      { name: BALANCE_MODEL, schema: balanceSchema },
      { name: POSTING_MODEL, schema: postingSchema },
      { name: STAR_MARK_MODEL, schema: starMarkSchema },
      { name: CORRECTION_MODEL, schema: correctionSchema },
      { name: RECONCILIATION_MODEL, schema: reconciliationSchema },
    ]),
  ],
  controllers: [HoursController, HoursConsumer],
  providers: [
    LedgerService,
    StarsService,
    ReconciliationService,
    HoursService,
    CorrectionsService,
    ProxyCreditService,
  ],
  exports: [LedgerService],
})
export class LedgerModule {}
