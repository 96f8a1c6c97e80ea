import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { type AuthRequest, Public, TokenVerifier } from '@psc/auth';
import { ApiErrors, AppError, ZodQuery } from '@psc/server-kit';
import type { Response } from 'express';
import { decodeJwt } from 'jose';
import { z } from 'zod';
import { CHANNELS, type Channel, isChannel, protectedChannels } from './channels';
import { PushService } from './push.service';

// what a screen's socket may hold unsent before it counts as stuck
const MAX_PENDING_BYTES = 1024 * 1024;

const streamQuery = z.object({
  channels: z
    .string({ error: '请指定要订阅的频道' })
    .meta({ description: `comma-separated: ${Object.keys(CHANNELS).join(', ')}`, example: 'catalogue,queue' })
    .transform((value) => [...new Set(value.split(',').map((c) => c.trim()))])
    .pipe(
      z
        .array(z.string().refine(isChannel, { error: '没有这个频道' }))
        .min(1, { error: '请指定要订阅的频道' }),
    ),
  access_token: z.string().min(1).optional(),
});

@ApiTags('push')
@Controller('api/events')
export class PushController {
  constructor(
    private readonly push: PushService,
    private readonly verifier: TokenVerifier,
  ) {}

  /**
   * Server-sent events for screens. Public because the catalogue channel is; the other channels are checked here,
   * since the guard cannot know which ones were asked for. EventSource cannot send an Authorization header, so this
   * route alone also takes the access token as `?access_token=` (short-lived; kept out of the logs by server-kit).
   */
  @Public()
  @Get('stream')
  @ApiProduces('text/event-stream')
  @ApiErrors('AUTH.TOKEN_MISSING', 'AUTH.TOKEN_INVALID', 'AUTH.TOKEN_EXPIRED', 'AUTH.FORBIDDEN')
  async stream(
    @ZodQuery(streamQuery) query: z.infer<typeof streamQuery>,
    @Req() req: AuthRequest,
    @Res() res: Response,
  ): Promise<void> {
    const { channels } = query;
    const expiresAt = await this.authorise(channels, req, query.access_token);

    res.status(200).set({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no', // nginx would otherwise hold events back in its buffer
    });
    res.flushHeaders();
    const lastEventId = req.headers['last-event-id'];
    const disconnect = this.push.hub.connect(
      {
        channels: new Set(channels),
        send: (frame) => {
          res.write(frame);
          return res.writableLength < MAX_PENDING_BYTES;
        },
        close: () => res.end(),
      },
      typeof lastEventId === 'string' ? lastEventId : undefined,
    );
    // a stream must not outlive the token that opened it; the screen reconnects with a fresh one and replays
    const expiry =
      expiresAt === undefined ? undefined : setTimeout(() => res.end(), Math.max(0, expiresAt - Date.now()));
    res.on('close', () => {
      disconnect();
      clearTimeout(expiry);
    });
  }

  /** Refuses unless every protected channel asked for is open to the caller; returns when the token expires. */
  private async authorise(
    channels: Channel[],
    req: AuthRequest,
    queryToken: string | undefined,
  ): Promise<number | undefined> {
    const needed = protectedChannels(channels);
    if (needed.length === 0) return undefined;
    // the guard has verified a header token already (kiosk-session binding included)
    const headerToken = req.principal && /^Bearer +(\S+)/i.exec(req.headers.authorization ?? '')?.[1];
    const token = headerToken ?? queryToken;
    const principal = req.principal ?? (await this.verifier.verify(queryToken));
    for (const { roles } of needed) {
      if (!principal.roles.some((grant) => roles.includes(grant.role))) throw new AppError('AUTH.FORBIDDEN');
    }
    const exp = token === undefined ? undefined : decodeJwt(token).exp;
    return exp === undefined ? undefined : exp * 1000;
  }
}
