import { Controller, Get, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { z } from 'zod';
import { AppError } from './app-error';
import { ApiZodResponse } from './openapi';
import { OUTAGE_TEXT, outageOf } from './outage';
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
  async check() {
    try {
      return await this.probeAll();
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Terminus's report goes out as the details of the usual refusal, which names every part that is down
      const report = error.getResponse() as z.infer<typeof healthReport>;
      const down = Object.keys(report.error ?? {}).join('、');
      throw new AppError('COMMON.UNAVAILABLE', `服务暂时不可用：${down} 无法连接`, report);
    }
  }

  private probeAll() {
    return this.health.check(
      this.registry.probes.map((p) => async () => {
        const session = this.indicators.check(p.name);
        const started = performance.now();
        try {
          const details = await withTimeout(p.probe(), PROBE_TIMEOUT_MS);
          return session.up({ ...details, latencyMs: Math.round(performance.now() - started) });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          // FerretDB answering while its PostgreSQL is gone is named as such, not as the database server itself
          const outage = outageOf(error);
          return outage
            ? session.down({ part: outage.part, message: `${OUTAGE_TEXT[outage.part]}: ${message}` })
            : session.down({ message });
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
