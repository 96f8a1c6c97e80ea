import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { VolunteersModule } from '../volunteers/volunteers.module';
import { PartyController } from './party.controller';
import { PartyService } from './party.service';

@Module({
  imports: [VolunteersModule, LedgerModule],
  controllers: [PartyController],
  providers: [PartyService],
})
export class PartyModule {}
