import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { CallsModule } from '../calls/calls.module';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';

/** Tranche payments, each one an entry in its call's ledger. */
@Module({
  imports: [CallsModule, AgreementsModule],
  controllers: [PaymentsController],
  providers: [PaymentsService],
})
export class PaymentsModule {}
