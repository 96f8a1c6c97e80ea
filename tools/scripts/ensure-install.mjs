// Installs the workspace's packages when node_modules is missing or older than the lock file, so that
// `npm start` and `npm test` work on a fresh clone with nothing but Node.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export function ensureInstall() {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  // `npm install` rather than `npm ci`: it honours the lock file too, and npm 11 can leave other platforms'
  // optional packages (@swc/core-*) out of a lock, which `npm ci` then refuses as out of sync
  console.log('[setup] installing packages (npm install)…');
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureInstall();
