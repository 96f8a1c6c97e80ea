import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { LedgerModule } from '../ledger/ledger.module';
import { VolunteersModule } from '../volunteers/volunteers.module';
import { WISH_MODEL, wishSchema } from './wish.model';
import { WishesController } from './wishes.controller';
import { WishesService } from './wishes.service';

@Module({
  imports: [
    VolunteersModule,
    LedgerModule,
    MongooseModule.forFeature([{ name: WISH_MODEL, schema: wishSchema }]),
  ],
  controllers: [WishesController],
  providers: [WishesService],
})
export class WishesModule {}
