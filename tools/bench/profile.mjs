// CPU profiles of running apps (see profile-hook.cjs) and a plain-text summary: where the busy time goes, by
// package (self time, and time with the package anywhere on the stack) and by function.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, sleep } from './lib.mjs';

export const PROFILE_HOOK = path.join(path.dirname(fileURLToPath(import.meta.url)), 'profile-hook.cjs');

/** @import { Profiler, Runtime } from 'node:inspector' */
/** @typedef {{ name: string, profile: Profiler.Profile }} AppProfile */

/**
 * Profiles each app (started with the hook, in working directory dir) while fn runs.
 * @param {{ name: string, pid: number | undefined }[]} apps
 * @param {string} dir
 * @param {() => Promise<unknown>} fn
 * @returns {Promise<AppProfile[]>}
 */
export async function collectProfiles(apps, dir, fn) {
  const flag = path.join(dir, 'profile-on');
  /** @param {{ pid: number | undefined }} app */
  const file = (app) => path.join(dir, `${app.pid}.cpuprofile`);
  for (const a of apps) fs.rmSync(file(a), { force: true });
  fs.writeFileSync(flag, '');
  await sleep(300);
  try {
    await fn();
  } finally {
    fs.rmSync(flag, { force: true });
  }
  const out = [];
  for (const a of apps) {
    for (let i = 0; i < 100 && !fs.existsSync(file(a)); i++) await sleep(100);
    out.push({ name: a.name, profile: JSON.parse(fs.readFileSync(file(a), 'utf8')) });
  }
  return out;
}

/**
 * node_modules/<pkg>, node:<module>, the app's own code (apps/x, libs/y), or a V8 pseudo-frame: (garbage collector).
 * @param {Runtime.CallFrame} frame
 */
function origin({ url, functionName }) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 14).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:'))
    return url.startsWith('node:internal/') ? `node:internal/${url.split('/')[1]}` : url;
  const own = /\/((?:apps|libs)\/[^/]+)\//.exec(url);
  return own ? own[1] : url;
}

/** @param {string} o */
const isLib = (o) => !o.startsWith('(') && !o.startsWith('node:');

/**
 * Where the busy samples went: by origin of the leaf frame (self time); "charged" gives node's own code and native
 * calls to the nearest package or app frame that called them (http-proxy's socket writes count as http-proxy), and
 * what no package called (the HTTP server parsing a request, timers) stays node's.
 * @param {AppProfile} appProfile
 */
export function summarizeProfile({ name, profile }, top = 12) {
  // looked up with a parent that the root lacks
  /** @type {Map<number | undefined, Profiler.ProfileNode>} */
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** @type {Map<string, number>} */
  const self = new Map();
  /** @type {Map<string, number>} */
  const charged = new Map();
  /** @type {Map<string, number>} */
  const fns = new Map();
  /** @param {Map<string, number>} m @param {string} k */
  const add = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
  let busy = 0;
  let idle = 0;
  // V8 always records samples, each naming a node of the profile
  for (const id of profile.samples ?? []) {
    const node = /** @type {Profiler.ProfileNode} */ (nodes.get(id));
    const o = origin(node.callFrame);
    if (o === '(idle)') {
      idle++;
      continue;
    }
    busy++;
    add(self, o);
    let owner = o;
    for (
      let n = /** @type {Profiler.ProfileNode | undefined} */ (node);
      n && !isLib(owner);
      n = nodes.get(parent.get(n.id))
    )
      if (isLib(origin(n.callFrame))) owner = origin(n.callFrame);
    add(charged, owner);
    const f = node.callFrame;
    add(fns, `${f.functionName || '(anonymous)'} ${o}${f.url ? `:${f.lineNumber + 1}` : ''}`);
  }
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  /** @param {number} n */
  const pct = (n) => `${fmt(Math.round((n / busy) * 1000) / 10)} %`;
  /** @param {Map<string, number>} m */
  const list = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, n]) => `${k} ${pct(n)}`)
      .join(', ');
  return [
    `${name} CPU profile: ${fmt(seconds, ' s')}, busy in ${fmt(Math.round((busy / (busy + idle)) * 100))} % of samples; shares are of the busy ones`,
    `  charged to the package that called: ${list(charged)}`,
    `  self time by origin: ${list(self)}`,
    `  hottest functions (self): ${list(fns)}`,
  ].join('\n');
}
