import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, Roles } from '@psc/auth';
import {
  type CallNextRequest,
  callNextRequest,
  closeTicketRequest,
  type CloseTicketRequest,
  type TakeTicketRequest,
  takeTicketRequest,
} from '@psc/contracts/affairs';
import { ApiZodBody, AppError, ZodPipe } from '@psc/server-kit';
import { QueueService } from './queue.service';

@ApiTags('queue')
@Controller('queue')
export class QueueController {
  constructor(private readonly queue: QueueService) {}

  /** 取号 needs no identity: anyone in the hall may queue. */
  @Post('tickets')
  @Public()
  @ApiZodBody(takeTicketRequest)
  take(@Body(new ZodPipe(takeTicketRequest)) body: TakeTicketRequest) {
    return this.queue.take(body);
  }

  /** Numbers and windows only, for the hall display and the kiosk: nothing about anyone. */
  @Get('board')
  @Public()
  @ApiQuery({ name: 'centreId' })
  board(@Query('centreId') centreId = '') {
    if (!centreId) throw new AppError('COMMON.VALIDATION_FAILED', '缺少服务中心');
    return this.queue.boardOf(centreId);
  }

  @Get('tickets/:ticketId')
  @Public()
  ticket(@Param('ticketId') ticketId: string) {
    return this.queue.ticket(ticketId);
  }

  @Post('call')
  @HttpCode(200)
  @Roles('counter_staff', 'centre_admin')
  @ApiZodBody(callNextRequest)
  call(@Body(new ZodPipe(callNextRequest)) body: CallNextRequest, @CurrentPrincipal() principal: Principal) {
    return this.queue.callNext(body, principal);
  }

  @Post('tickets/:ticketId/recall')
  @HttpCode(200)
  @Roles('counter_staff', 'centre_admin')
  recall(@Param('ticketId') ticketId: string, @CurrentPrincipal() principal: Principal) {
    return this.queue.recall(ticketId, principal);
  }

  @Post('tickets/:ticketId/close')
  @HttpCode(200)
  @Roles('counter_staff', 'centre_admin')
  @ApiZodBody(closeTicketRequest)
  close(
    @Param('ticketId') ticketId: string,
    @Body(new ZodPipe(closeTicketRequest)) body: CloseTicketRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queue.close(ticketId, body.outcome, principal);
  }
}
