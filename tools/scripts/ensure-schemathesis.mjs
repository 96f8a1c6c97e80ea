// The contract fuzzer (apps/e2e/src/contract) drives Schemathesis from PyPI. It is installed into a virtualenv of
// the project's own, under the git-ignored stack cache, so a fresh machine needs nothing but Python 3.10+ with venv and pip.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// pinned: a new release may add checks or change what they accept, and the suite must say the same thing twice
export const SCHEMATHESIS_VERSION = '4.32.5';

const root = path.resolve(import.meta.dirname, '../..');
const venv = path.join(root, `.stack/cache/schemathesis-${SCHEMATHESIS_VERSION}`);
const executable = path.join(venv, 'bin/st');

/**
 * [major, minor] of a Python interpreter, or undefined when it does not run.
 * @param {string} command
 * @returns {number[] | undefined}
 */
const versionOf = (command) => {
  const probe = spawnSync(command, ['-c', 'import sys; print(*sys.version_info[:2])'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim().split(' ').map(Number) : undefined;
};

// CPython 3.11 can fail inside Hypothesis's deep recursion ("AST constructor recursion depth mismatch"), so the
// newest interpreter wins: those on PATH and those pyenv keeps beside the active one
const candidates = () => {
  const pyenv = path.join(process.env.PYENV_ROOT ?? path.join(os.homedir(), '.pyenv'), 'versions');
  const kept = existsSync(pyenv) ? readdirSync(pyenv).map((v) => path.join(pyenv, v, 'bin/python3')) : [];
  return ['python3.13', 'python3.12', 'python3', ...kept];
};

const newestPython = () =>
  candidates()
    .flatMap((command) => {
      const version = versionOf(command);
      return version && (version[0] > 3 || (version[0] === 3 && version[1] >= 10))
        ? [{ command, version }]
        : [];
    })
    .sort((a, b) => b.version[0] - a.version[0] || b.version[1] - a.version[1])[0]?.command;

/** Returns the path of the `st` command, installing Schemathesis first when it is missing. */
export function ensureSchemathesis() {
  if (existsSync(executable)) return executable;
  const python = newestPython();
  if (!python) throw new Error('the contract fuzzer needs Python 3.10 or newer (python3) with venv and pip');
  console.log(`[setup] installing schemathesis ${SCHEMATHESIS_VERSION} into ${path.relative(root, venv)}`);
  execFileSync(python, ['-m', 'venv', venv], { stdio: 'inherit' });
  execFileSync(
    path.join(venv, 'bin/pip'),
    ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`],
    { stdio: 'inherit' },
  );
  return executable;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureSchemathesis());
