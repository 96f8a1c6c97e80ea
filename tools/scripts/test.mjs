// `npm test`: installs what is missing, then the format check (prettier), lint + type-check (nx, cached), unit
// tests, and the integration and browser suites against a throwaway stack on free ports (or MONGODB_URI /
// KAFKA_BROKERS when both are set).
// Ends with one "N passed, N failed" line over every suite.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureInstall } from './ensure-install.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const reports = path.join(root, 'tmp/test-reports');
mkdirSync(reports, { recursive: true });
ensureInstall();
const { ensureSystemPackages } = await import('../stack/stack.mjs');
await ensureSystemPackages({ browser: true });

/** @param {string} command @param {string[]} args @returns {Promise<number>} the exit code */
const run = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NX_TUI: 'false' },
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });

const totals = { passed: 0, failed: 0, skipped: 0 };
/** @type {string[]} */
const failures = [];

/** @param {string} name @param {string} config */
async function vitest(name, config) {
  const output = path.join(reports, `${name}.json`);
  const code = await run('npx', [
    'vitest',
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${output}`,
  ]);
  try {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    if (code !== 0 && report.numFailedTests === 0) {
      totals.failed += 1; // a suite that could not run (setup error) counts as a failure
      failures.push(`${name} (exit ${code}, no failed test reported)`);
    } else if (code !== 0) failures.push(name);
  } catch {
    totals.failed += 1;
    failures.push(`${name} (no report)`);
  }
}

/** @type {[string, () => Promise<number>][]} */
const steps = [
  // a file prettier would change fails the run; `npm run format` fixes it
  ['format check', () => run('npx', ['prettier', '--check', '--cache', '.'])],
  [
    'lint and type-check',
    () => run('npx', ['nx', 'run-many', '-t', 'lint', 'typecheck', '--outputStyle=static']),
  ],
  ['build', () => run('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'])],
  // docs/api against the built apps; `npm run docs:api` regenerates them
  ['api documents', () => run('node', ['tools/docs/generate.mjs', '--check'])],
];
for (const [name, step] of steps) {
  const code = await step();
  if (code !== 0) {
    failures.push(name);
    totals.failed += 1;
  }
}
await vitest('unit', 'vitest.config.mts');
await vitest('integration', 'vitest.int.config.mts');

console.log(failures.length ? `\nfailed: ${failures.join(', ')}` : '\nevery suite passed');
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
