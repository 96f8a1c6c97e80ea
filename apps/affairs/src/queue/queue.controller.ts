import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, Roles } from '@psc/auth';
import {
  type CallNextRequest,
  callNextRequest,
  closeTicketRequest,
  type CloseTicketRequest,
  queueBoard,
  type QueueBoardQuery,
  queueBoardQuery,
  type TakeTicketRequest,
  takeTicketRequest,
  ticketView,
} from '@psc/contracts/affairs';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodPipe, ZodQuery } from '@psc/server-kit';
import { QueueService } from './queue.service';

@ApiTags('queue')
@Controller('queue')
export class QueueController {
  constructor(private readonly queue: QueueService) {}

  /** 取号 needs no identity: anyone in the hall may queue. */
  @Post('tickets')
  @Public()
  @ApiZodBody(takeTicketRequest)
  @ApiZodResponse(ticketView)
  take(@Body(new ZodPipe(takeTicketRequest)) body: TakeTicketRequest) {
    return this.queue.take(body);
  }

  /** Numbers and windows only, for the hall display and the kiosk: nothing about anyone. */
  @Get('board')
  @Public()
  @ApiZodResponse(queueBoard)
  board(@ZodQuery(queueBoardQuery) { centreId }: QueueBoardQuery) {
    return this.queue.boardOf(centreId);
  }

  @Get('tickets/:ticketId')
  @Public()
  @ApiZodResponse(ticketView)
  @ApiErrors('AFFAIRS.TICKET_NOT_FOUND')
  ticket(@Param('ticketId') ticketId: string) {
    return this.queue.ticket(ticketId);
  }

  @Post('call')
  @HttpCode(200)
  @Roles('counter_staff', 'centre_admin')
  @ApiZodBody(callNextRequest)
  @ApiZodResponse(ticketView)
  @ApiErrors('AUTH.OUT_OF_SCOPE', 'AFFAIRS.QUEUE_EMPTY')
  call(@Body(new ZodPipe(callNextRequest)) body: CallNextRequest, @CurrentPrincipal() principal: Principal) {
    return this.queue.callNext(body, principal);
  }

  @Post('tickets/:ticketId/recall')
  @HttpCode(200)
  @Roles('counter_staff', 'centre_admin')
  @ApiZodResponse(ticketView)
  @ApiErrors('AFFAIRS.TICKET_NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'AFFAIRS.ILLEGAL_TRANSITION')
  recall(@Param('ticketId') ticketId: string, @CurrentPrincipal() principal: Principal) {
    return this.queue.recall(ticketId, principal);
  }

  @Post('tickets/:ticketId/close')
  @HttpCode(200)
  @Roles('counter_staff', 'centre_admin')
  @ApiZodBody(closeTicketRequest)
  @ApiZodResponse(ticketView)
  @ApiErrors('AFFAIRS.TICKET_NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'AFFAIRS.ILLEGAL_TRANSITION')
  close(
    @Param('ticketId') ticketId: string,
    @Body(new ZodPipe(closeTicketRequest)) body: CloseTicketRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queue.close(ticketId, body.outcome, principal);
  }
}
