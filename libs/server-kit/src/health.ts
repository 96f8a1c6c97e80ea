import { Controller, Get, Injectable } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { z } from 'zod';
import { ApiZodResponse } from './openapi';
import { OpsRoute } from './public-route';

/** A dependency this app cannot serve without (the database, Kafka); throws or rejects when down. */
export interface HealthProbe {
  readonly name: string;
  probe(): Promise<Record<string, unknown>>;
}

const PROBE_TIMEOUT_MS = 3000;

const probeResults = z.record(z.string(), z.object({ status: z.enum(['up', 'down']) }).loose());

/** Terminus's report when every probe is up; a probe down makes it a 503 with the error body. */
const healthReport = z.object({
  status: z.literal('ok'),
  info: probeResults.optional(),
  error: probeResults.optional(),
  details: probeResults,
});

/** Probes register themselves here from their own modules, so /health always names every dependency. */
@Injectable()
export class HealthRegistry {
  readonly probes: HealthProbe[] = [];

  register(probe: HealthProbe): void {
    this.probes.push(probe);
  }
}

@ApiTags('ops')
@OpsRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly registry: HealthRegistry,
  ) {}

  @Get()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiZodResponse(healthReport)
  check() {
    return this.health.check(
      this.registry.probes.map((p) => async () => {
        const session = this.indicators.check(p.name);
        const started = performance.now();
        try {
          const details = await withTimeout(p.probe(), PROBE_TIMEOUT_MS);
          return session.up({ ...details, latencyMs: Math.round(performance.now() - started) });
        } catch (error) {
          return session.down({ message: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
