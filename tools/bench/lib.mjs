// Small helpers shared by the benches: clocks, percentiles, /proc readings, Prometheus text, HTTP, tables.
// Plain Node ESM, no dependencies.

import fs from 'node:fs';
import http from 'node:http';

/** @param {number} ms @returns {Promise<void>} */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Wall clock in epoch milliseconds with sub-millisecond resolution (comparable with Date.now() of other processes). */
export const now = () => performance.timeOrigin + performance.now();

/** @param {number[]} sorted @param {number} q */
export function percentile(sorted, q) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/**
 * count, p50, p99, max and mean of a list of milliseconds, rounded for print.
 * @param {number[]} values
 * @returns {{ n: number, p50: number | null, p99: number | null, max: number | null, mean: number | null }}
 */
export function summarize(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { n: 0, p50: null, p99: null, max: null, mean: null };
  /** @param {number} v */
  const r = (v) => Math.round(v * 10) / 10;
  return {
    n: sorted.length,
    p50: r(/** @type {number} */ (percentile(sorted, 0.5))),
    p99: r(/** @type {number} */ (percentile(sorted, 0.99))),
    max: r(sorted[sorted.length - 1]),
    mean: r(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

/** per second, or null for no time @param {number} count @param {number} ms */
export const rate = (count, ms) => (ms > 0 ? Math.round((count / ms) * 1000 * 10) / 10 : null);

// ---------------------------------------------------------------------------------------------
// /proc

const CLK_TCK = 100; // Linux USER_HZ; every mainstream kernel build uses 100

/** @param {number} pid */
export function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/** @param {number | string} pid */
function readStat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // rest[0] is field 3 (state): ppid is field 4, utime 14, stime 15
    return { ppid: Number(rest[1]), cpuMs: ((Number(rest[11]) + Number(rest[12])) * 1000) / CLK_TCK };
  } catch {
    return null;
  }
}

/** @typedef {{ at: number, cpu: Record<string, number> }} CpuSnapshot */

/**
 * CPU milliseconds used so far by each named process tree ({name: rootPid}); children are summed in (PostgreSQL backends).
 * @param {Record<string, number | null | undefined>} roots
 * @returns {CpuSnapshot}
 */
export function cpuSnapshot(roots) {
  const stats = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = readStat(entry);
    if (s) stats.set(Number(entry), s);
  }
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const [pid, s] of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  /** @type {Record<string, number>} */
  const out = {};
  for (const [name, root] of Object.entries(roots)) {
    if (!root || !stats.has(root)) continue;
    let total = 0;
    const stack = [root];
    while (stack.length) {
      const pid = /** @type {number} */ (stack.pop());
      total += stats.get(pid)?.cpuMs ?? 0;
      stack.push(...(children.get(pid) ?? []));
    }
    out[name] = total;
  }
  const self = process.cpuUsage();
  out.bench = (self.user + self.system) / 1000;
  return { at: performance.now(), cpu: out };
}

/**
 * Share of one core each process tree used between two snapshots, in percent (200 % = both cores of this machine).
 * @param {CpuSnapshot} before
 * @param {CpuSnapshot} after
 */
export function cpuDelta(before, after) {
  const wall = after.at - before.at;
  /** @type {Record<string, number>} */
  const out = {};
  for (const [name, ms] of Object.entries(after.cpu)) {
    if (before.cpu[name] === undefined) continue;
    out[name] = Math.round(((ms - before.cpu[name]) / wall) * 100);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Prometheus text exposition

/** @typedef {{ name: string, labels: Record<string, string>, value: number }} PromRow */

/** @param {string} text */
export function parseProm(text) {
  /** @type {PromRow[]} */
  const rows = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    /** @type {Record<string, string>} */
    const labels = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    rows.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return rows;
}

/** @param {PromRow[]} rows @param {string} name @param {Record<string, string>} [match] */
export const promSum = (rows, name, match = {}) =>
  rows
    .filter((r) => r.name === name && Object.entries(match).every(([k, v]) => r.labels[k] === v))
    .reduce((a, r) => a + r.value, 0);

/**
 * Histogram difference between two scrapes: count, mean and bucket-bound p50/p99 (upper bucket bounds).
 * @param {PromRow[]} before
 * @param {PromRow[]} after
 * @param {string} name
 * @param {Record<string, string>} [match]
 * @returns {{ count: number | null, mean: number | null, p50Bucket: number | '>max' | null, p99Bucket: number | '>max' | null, buckets: Record<string, number> }}
 */
export function histogramDelta(before, after, name, match = {}, scale = 1) {
  if (after.length === 0) return { count: null, mean: null, p50Bucket: null, p99Bucket: null, buckets: {} }; // not scraped
  const count = promSum(after, `${name}_count`, match) - promSum(before, `${name}_count`, match);
  const sum = promSum(after, `${name}_sum`, match) - promSum(before, `${name}_sum`, match);
  const bounds = [...new Set(after.filter((r) => r.name === `${name}_bucket`).map((r) => r.labels.le))];
  const cumulative = bounds
    .map((le) => ({
      le: le === '+Inf' ? Infinity : Number(le),
      n:
        promSum(after, `${name}_bucket`, { ...match, le }) -
        promSum(before, `${name}_bucket`, { ...match, le }),
    }))
    .sort((a, b) => a.le - b.le);
  /** @param {number} q */
  const bound = (q) => {
    const hit = cumulative.find((b) => b.n >= q * count);
    return hit ? (hit.le === Infinity ? '>max' : hit.le * scale) : null;
  };
  return {
    count,
    mean: count ? Math.round((sum / count) * scale * 10) / 10 : null,
    p50Bucket: count ? bound(0.5) : null,
    p99Bucket: count ? bound(0.99) : null,
    buckets: Object.fromEntries(
      cumulative.map((b, i) => [
        b.le === Infinity ? '+Inf' : String(b.le * scale),
        b.n - (i ? cumulative[i - 1].n : 0),
      ]),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP

/** the load's connections; health and metrics go through their own, so a saturated load pool cannot block them */
export const loadAgent = new http.Agent({ keepAlive: true, maxSockets: 512 });
export const controlAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/**
 * One request on a keep-alive agent (the control agent unless told); resolves {status, body}, never rejects.
 * @param {string} url
 * @param {{ method?: string, body?: unknown, timeoutMs?: number, agent?: http.Agent, headers?: http.OutgoingHttpHeaders }} [options]
 * @returns {Promise<{ status: number, body: string }>} status 0 when there was no answer
 */
export function request(
  url,
  { method = 'GET', body, timeoutMs = 30_000, agent = controlAgent, headers = {} } = {},
) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          ...headers,
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
        },
        timeout: timeoutMs,
      },
      (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', (e) => resolve({ status: 0, body: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, body: e.message }));
    req.end(payload);
  });
}

// ---------------------------------------------------------------------------------------------
// printing

/**
 * Plain fixed-width table: rows of arrays of cells, the first row is the header.
 * @param {unknown[][]} rows
 */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  /** @param {unknown[]} r */
  const line = (r) =>
    r
      .map((c, i) => String(c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** @param {unknown} v @param {string} [unit] */
export const fmt = (v, unit = '') =>
  v === null || v === undefined || Number.isNaN(v)
    ? 'n/a'
    : `${typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 1 }) : v}${unit}`;
