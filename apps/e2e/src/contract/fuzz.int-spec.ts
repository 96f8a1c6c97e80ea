import { execFileSync, spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '@psc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SERVICE_NAMES, type ServiceName } from '@psc/service-registry';
import { SystemWorld } from '../world';

// The budget per operation keeps the suite to a couple of minutes on two cores; FUZZ_EXAMPLES raises it for a
// deeper run by hand, FUZZ_SEED explores elsewhere (the default seed makes a failure repeatable).
const EXAMPLES = process.env.FUZZ_EXAMPLES ?? '12';
const SEED = process.env.FUZZ_SEED ?? '19';
// the budget bounds the requests, not the time: a machine shared with other work takes longer
const PER_SERVICE_TIMEOUT_MS = 600_000;
// every service the registry names, the gateway included
const SERVICES = SERVICE_NAMES;

const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'negative_data_rejection',
  'positive_data_acceptance',
  'missing_required_header',
  'unsupported_method',
  'allow_header_conformance',
];

// The event stream answers a valid request with a response that never ends, by design; the gateway test covers it.
const EXCLUDED_PATHS: Partial<Record<ServiceName, string[]>> = {
  gateway: ['/api/events/stream'],
};

interface RunOutcome {
  code: number | null;
  output: string;
}

function runSchemathesis(args: string[]): Promise<RunOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(args[0], args.slice(1), { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/**
 * Every backend service's own OpenAPI document, fuzzed by Schemathesis as a city administrator: no server error, and
 * every answer (errors included) has a status, content type, headers and body the document lists, valid input is
 * accepted and invalid input refused. A finding here means the code and its document disagree.
 */
describe('contract: each service answers as its OpenAPI document says', () => {
  const world = new SystemWorld(inject('stack'));
  let st = '';
  const reports = path.join(repoRoot, 'tmp/contract-fuzz');

  beforeAll(async () => {
    st = execFileSync(process.execPath, [path.join(repoRoot, 'tools/scripts/ensure-schemathesis.mjs')], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .at(-1)!;
    await rm(reports, { recursive: true, force: true });
    await mkdir(reports, { recursive: true });
    await world.startAll(undefined, { catalogue: { SEED_CATALOGUE: 'true' } });
  });
  afterAll(() => world.dispose());

  it.each(SERVICES)(
    '%s',
    async (service) => {
      const app = world.apps[service]!;
      const junit = path.join(reports, `${service}.xml`);
      const { code, output } = await runSchemathesis([
        st,
        '--config-file',
        path.join(import.meta.dirname, 'schemathesis.toml'),
        'run',
        `${app.url}/openapi.json`,
        '--url',
        app.url,
        '--header',
        // a fresh token per service: a deep run outlasts one token's lifetime
        `Authorization: Bearer ${await world.tokenFor('city_admin')}`,
        '--checks',
        CHECKS.join(','),
        '--phases',
        'examples,coverage,fuzzing',
        '--max-examples',
        EXAMPLES,
        '--seed',
        SEED,
        '--generation-database',
        'none',
        '--workers',
        '2',
        '--request-timeout',
        '10',
        '--report',
        'junit',
        '--report-junit-path',
        junit,
        '--no-color',
        ...(EXCLUDED_PATHS[service] ?? []).flatMap((p) => ['--exclude-path', p]),
      ]);
      // what was sent, for the record of a run: "N generated, N passed" (or the failures found)
      process.stdout.write(
        `[contract] ${service}: ${/\d+ generated[^\n]*/.exec(output)?.[0] ?? 'no summary'}\n`,
      );
      const tested = (await readFile(junit, 'utf8').catch(() => '')).match(/<testcase /g)?.length ?? 0;
      // a document that lost its operations would pass with nothing tested
      expect(tested, `${service}: operations tested\n${output}`).toBeGreaterThan(0);
      expect(code, `${service}: schemathesis found what the document does not say\n${output}`).toBe(0);
    },
    PER_SERVICE_TIMEOUT_MS,
  );
});
