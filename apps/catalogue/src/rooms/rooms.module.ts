import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CatalogueViewModule } from '../view/catalogue-view.module';
import { ROOM_BOOKING_MODEL, roomBookingSchema } from './room-booking.model';
import { RoomBookingsService } from './room-bookings.service';
import { RoomsController } from './rooms.controller';

/** 场地预约 against the centres' rooms (see RoomBookingsService for why it lives in the catalogue). */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: ROOM_BOOKING_MODEL, schema: roomBookingSchema }]),
    CatalogueViewModule,
  ],
  controllers: [RoomsController],
  providers: [RoomBookingsService],
})
export class RoomsModule {}
