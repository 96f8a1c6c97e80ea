import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { QueueController } from './queue.controller';
import { QueueService } from './queue.service';
import { TICKET_MODEL, ticketSchema } from './ticket.model';

@Module({
  imports: [MongooseModule.forFeature([{ name: TICKET_MODEL, schema: ticketSchema }])],
  controllers: [QueueController],
  providers: [QueueService],
})
export class QueueModule {}
