import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@psc/auth';
import { type RuntimeConfig, runtimeConfigSchema } from '@psc/contracts/ui';
import { ApiZodResponse } from '@psc/server-kit';
import type { GatewayConfig } from '../config';

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/** Read by every UI at boot (conventions §3.5): one build, configured where it is deployed. */
@ApiTags('ui')
@Controller()
export class RuntimeConfigController {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  @Public()
  @Get('config.json')
  @Header('cache-control', 'no-cache')
  @ApiZodResponse(runtimeConfigSchema)
  runtimeConfig(): RuntimeConfig {
    return {
      apiBase: '/api',
      kioskIdleSeconds: this.config.KIOSK_IDLE_SECONDS,
      centreId: this.config.KIOSK_CENTRE_ID,
      devMode: this.config.NODE_ENV !== 'production',
    };
  }
}
