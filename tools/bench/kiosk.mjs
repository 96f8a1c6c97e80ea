#!/usr/bin/env node
// Kiosk bench: (a) the initial JavaScript of the built kiosk (entry chunk and what it imports statically), gzip-sized
// against the budget, lazy chunks listed apart; (b) cold loads in Chromium, each in a fresh context (empty cache),
// until the home screen is interactive. Prints the figures next to the targets; never asserts.
//
//   node tools/bench/kiosk.mjs
//
// Settings (environment): BENCH_LOADS (10 cold loads, after one that is not counted), BENCH_SKIP_BUILD (1: use the
// dist/web/kiosk and dist/server that are there), BENCH_DIST, CHROMIUM_PATH (/usr/bin/chromium), MONGODB_URI +
// KAFKA_BROKERS (an external stack: the apps get their own namespace and databases).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { cpuDelta, cpuSnapshot, fmt, percentile, table } from './lib.mjs';
import {
  buildServer,
  machineBusyPercent,
  machineCpu,
  machineLine,
  num,
  REPO_ROOT,
  runBuild,
  runMain,
  Session,
  skipBuild,
  skipServerBuild,
  startSystem,
} from './system.mjs';

/** What the home screen shows once it can be used; the home screen is being reworked, so change it here. */
export const HOME_READY_SELECTOR = '[data-test=identify]';
/** No request in flight and no long task for this long after the home screen shows: the page has settled. */
const QUIET_MS = 500;

const CONFIG = Object.freeze({ loads: num('BENCH_LOADS', 10) });
const TARGETS = Object.freeze({ initialJsGzipKb: 200, interactiveMs: 1500 });
const KIOSK_DIST = path.join(REPO_ROOT, 'dist/web/kiosk');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** @param {number} bytes */
const kb = (bytes) => Math.round(bytes / 100) / 10; // kB = 1,000 bytes, as Vite prints them

const session = new Session('kiosk');
const { step } = session;

// ---------------------------------------------------------------------------------------------
// (a) bundle

/** Chunks a chunk imports statically (`import…from"./x.js"`, `import"./x.js"`); `import("./x.js")` is lazy. */
/** @param {string} code */
const staticImports = (code) =>
  [...code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]);

export function bundleFigures(dir = KIOSK_DIST) {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  /** @param {string | undefined} url */
  const local = (url = '') => path.join(dir, url.replace(new RegExp(`^/${path.basename(dir)}/`), ''));
  /** @param {string} tag @param {string} name */
  const attr = (tag, name) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = html.match(/<(?:script|link)\b[^>]*>/g) ?? [];
  const entries = tags
    .filter((t) => /^<script\b/.test(t) && /type="module"/.test(t) && attr(t, 'src'))
    .map((t) => local(attr(t, 'src')));
  const preloads = tags.filter((t) => /rel="modulepreload"/.test(t)).map((t) => local(attr(t, 'href')));
  const css = tags.filter((t) => /rel="stylesheet"/.test(t)).map((t) => local(attr(t, 'href')));
  // the entry, what index.html preloads, and everything they import statically, transitively
  /** @type {Set<string>} */
  const initial = new Set();
  const queue = [...entries, ...preloads];
  while (queue.length) {
    const file = /** @type {string} */ (queue.shift());
    if (initial.has(file)) continue;
    initial.add(file);
    const code = fs.readFileSync(file, 'utf8');
    queue.push(...staticImports(code).map((name) => path.join(path.dirname(file), name)));
  }
  const assets = path.join(dir, 'assets');
  const lazy = fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(assets, f))
    .filter((f) => !initial.has(f));
  /** @param {string} file */
  const sized = (file) => {
    const raw = fs.readFileSync(file);
    return { file: path.relative(dir, file), bytes: raw.length, gzip: zlib.gzipSync(raw).length };
  };
  /** @param {{ gzip: number }[]} files */
  const sum = (files) => files.reduce((n, f) => n + f.gzip, 0);
  const initialJs = [...initial].map(sized);
  return {
    initialJs,
    initialJsGzip: sum(initialJs),
    css: css.map(sized),
    lazy: lazy.map(sized).sort((a, b) => b.gzip - a.gzip),
  };
}

// ---------------------------------------------------------------------------------------------
// (b) cold load

/** @typedef {{ lcp: number | null, longTasks: number[], homeAt: number | null }} PageMarks */
/** @typedef {Window & typeof globalThis & { __bench: PageMarks }} BenchWindow */

/**
 * Runs in the page before its own scripts: records paints, long tasks, and when the home screen first shows.
 * @param {string} selector
 */
function instrument(selector) {
  /** @type {PageMarks} */
  const m = { lcp: null, longTasks: [], homeAt: null };
  /** @type {BenchWindow} */ (window).__bench = m;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) m.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) m.longTasks.push(e.startTime + e.duration);
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    if (m.homeAt !== null) return;
    const el = document.querySelector(selector);
    if (el && el.checkVisibility() && el.getBoundingClientRect().height > 0) m.homeAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
}

/** @import { Browser, Page, Request } from 'playwright-core' */

/** A live event stream never finishes: it does not count as a request in flight. @param {Request} req */
const streaming = (req) => req.resourceType() === 'eventsource' || req.url().includes('/api/events/stream');

/**
 * Resolves once no request (but event streams) has been in flight for QUIET_MS.
 * @param {Page} page
 * @param {Set<Request>} inflight
 * @param {() => number} lastActivity
 */
async function networkQuiet(page, inflight, lastActivity, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (inflight.size > 0 || Date.now() - lastActivity() < QUIET_MS) {
    if (Date.now() > deadline) throw new Error(`requests still in flight after ${timeoutMs} ms`);
    await page.waitForTimeout(50);
  }
}

/** @param {Browser} browser @param {string} url */
async function coldLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    /** @type {Set<Request>} */
    const inflight = new Set();
    let last = Date.now();
    page.on('request', (req) => {
      if (!streaming(req)) inflight.add(req);
      last = Date.now();
    });
    /** @param {Request} req */
    const finished = (req) => {
      inflight.delete(req);
      last = Date.now();
    };
    page.on('requestfinished', finished);
    page.on('requestfailed', finished);
    await page.addInitScript(instrument, HOME_READY_SELECTOR);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector(HOME_READY_SELECTOR, { state: 'visible', timeout: 30_000 });
    // settled: no request in flight for QUIET_MS (what the home screen fetched has arrived), then no long task in
    // the last QUIET_MS
    await networkQuiet(page, inflight, () => last);
    await page.waitForFunction(
      (quiet) =>
        performance.now() - Math.max(0, .../** @type {BenchWindow} */ (window).__bench.longTasks) > quiet,
      QUIET_MS,
      { polling: 50 },
    );
    const m = await page.evaluate(() => {
      const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
      const resources = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'));
      const b = /** @type {BenchWindow} */ (window).__bench;
      return {
        homeAt: b.homeAt,
        lastResponseEnd: Math.max(nav.responseEnd, ...resources.map((r) => r.responseEnd)),
        lastLongTaskEnd: Math.max(0, ...b.longTasks),
        longTasks: b.longTasks.length,
        ttfb: nav.responseStart,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        lcp: b.lcp,
        requests: resources.length + 1,
        transferBytes: resources.reduce((n, r) => n + r.transferSize, nav.transferSize),
      };
    });
    // interactive: the home screen is there and painted, what it fetched has arrived, and the main thread is done
    // with the work that led to it
    // a missing mark (null) counts as 0, as Math.max takes it
    const interactive = Math.max(
      m.homeAt ?? 0,
      m.fcp ?? 0,
      m.domContentLoaded,
      m.lastResponseEnd,
      m.lastLongTaskEnd,
    );
    return { ...m, interactive, errors };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function kioskBench() {
  console.log(`kiosk bench — ${machineLine()}`);
  const webBuild = skipBuild(path.join(KIOSK_DIST, 'index.html'))
    ? null
    : runBuild(session, 'npx', ['nx', 'build', 'kiosk', '--outputStyle=static']);
  // (a) needs only the kiosk build; the stack, the server build and the apps start meanwhile
  const system = startSystem(session, {
    builds: [
      ...(skipServerBuild() ? [] : [() => buildServer(session)]),
      ...(webBuild ? [() => webBuild] : []),
    ],
  });
  system.catch(() => {}); // awaited below: it fails too if a build does, once everything it started has settled
  const built = await (webBuild ?? Promise.resolve()).then(
    () => true,
    () => false,
  );
  const measuredBundle = built ? bundleFigures() : null;
  if (measuredBundle)
    step(
      `initial JS ${kb(measuredBundle.initialJsGzip)} kB gzip in ${measuredBundle.initialJs.length} files`,
    );
  const { app, cpuRoots } = await system;
  // the system fails to start when the kiosk build fails, so from here on there are bundle figures
  const bundle = /** @type {ReturnType<typeof bundleFigures>} */ (measuredBundle);

  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `no Chromium at ${CHROMIUM}: apt-get install chromium (npm test does), or set CHROMIUM_PATH`,
    );
  const url = `${app.gateway.url}/kiosk/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // the session closes it at teardown; Playwright's own Ctrl-C handler would exit before the stack is stopped
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  session.onTeardown('close Chromium', () => browser.close(), 10_000);
  const loadBefore = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  step(`cold loads of ${url}: 1 not counted, then ${CONFIG.loads}…`);
  const first = await coldLoad(browser, url);
  /** @type {Awaited<ReturnType<typeof coldLoad>>[]} */
  const loads = [];
  // this process's tree holds Chromium, the apps and the stack; Chromium's share is what the others leave of it
  const roots = { ...cpuRoots, tree: process.pid };
  const s0 = cpuSnapshot(roots);
  const m0 = machineCpu();
  for (let i = 0; i < CONFIG.loads; i++) {
    session.checkAbort();
    loads.push(await coldLoad(browser, url));
  }
  const { tree, ...cpu } = cpuDelta(s0, cpuSnapshot(roots));
  /** @param {number[]} values */
  const sum = (values) => values.reduce((a, b) => a + b, 0);
  const busy = machineBusyPercent(m0, machineCpu());
  const chromiumShare = tree - sum(Object.values(cpu));
  const others = Math.max(0, busy - tree);

  // print
  /** @typedef {'interactive' | 'homeAt' | 'lastResponseEnd' | 'ttfb' | 'fcp' | 'lcp' | 'domContentLoaded' | 'load' | 'lastLongTaskEnd' | 'requests' | 'transferBytes'} LoadFigure */
  /** @param {LoadFigure} key */
  const stat = (key) => {
    const values = loads.map((l) => l[key]).filter((v) => v !== null && v !== undefined);
    const sorted = [...values].sort((a, b) => a - b);
    return { p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9), max: sorted.at(-1) };
  };
  /** @param {number | null | undefined} v */
  const ms = (v) => (v === null || v === undefined ? 'n/a' : fmt(Math.round(v), ' ms'));
  const interactive = stat('interactive');
  const transferred = stat('transferBytes').p50;
  const bundleRows = [
    ['initial JavaScript', 'raw', 'gzip'],
    ...bundle.initialJs.map((f) => [f.file, `${kb(f.bytes)} kB`, `${kb(f.gzip)} kB`]),
    [
      'total',
      `${kb(bundle.initialJs.reduce((n, f) => n + f.bytes, 0))} kB`,
      `${kb(bundle.initialJsGzip)} kB`,
    ],
  ];
  const lazyRows = [
    ['lazy JavaScript (loaded on demand) and initial CSS', 'raw', 'gzip'],
    ...[...bundle.lazy, ...bundle.css].map((f) => [f.file, `${kb(f.bytes)} kB`, `${kb(f.gzip)} kB`]),
  ];
  const loadRows = [
    ['cold load (ms after navigation start)', 'median', 'p90', 'max'],
    .../** @type {[string, LoadFigure][]} */ ([
      ['interactive (home shown, data in, main thread settled)', 'interactive'],
      ['home screen shown', 'homeAt'],
      ['last response (page, scripts, config, data)', 'lastResponseEnd'],
      ['time to first byte', 'ttfb'],
      ['first contentful paint', 'fcp'],
      ['largest contentful paint', 'lcp'],
      ['DOMContentLoaded', 'domContentLoaded'],
      ['load', 'load'],
      ['end of the last long task (0: none)', 'lastLongTaskEnd'],
    ]).map(([label, key]) => {
      const s = stat(key);
      return [label, ms(s.p50), ms(s.p90), ms(s.max)];
    }),
  ];
  const errors = loads.flatMap((l) => l.errors);
  /** @param {boolean} ok */
  const verdict = (ok) => (ok ? 'ok' : 'MISSED');
  console.log(
    [
      '',
      `kiosk bench — ${machineLine()}; load average before the loads ${loadBefore}`,
      `Chromium ${browser.version()} headless, ${CONFIG.loads} cold loads (new context each: empty cache) of ${url}, 1920×1080, no throttling; ` +
        `home screen = ${HOME_READY_SELECTOR} visible`,
      '',
      table(bundleRows),
      `initial JS gzip ${kb(bundle.initialJsGzip)} kB against the ${TARGETS.initialJsGzipKb} kB budget: ${verdict(kb(bundle.initialJsGzip) <= TARGETS.initialJsGzipKb)}` +
        ' (gzip at zlib level 6; kB = 1,000 bytes)',
      '',
      table(lazyRows),
      '',
      table(loadRows),
      `interactive: median ${ms(interactive.p50)}, p90 ${ms(interactive.p90)} against ${fmt(TARGETS.interactiveMs, ' ms')}: ` +
        `${verdict(interactive.p90 !== null && interactive.p90 <= TARGETS.interactiveMs)} (judged on p90)`,
      `each load, interactive: ${loads.map((l) => Math.round(l.interactive)).join(' ')} ms; the one not counted: ${ms(first.interactive)}`,
      `per load: ${fmt(stat('requests').p50)} requests, ${fmt(transferred === null ? null : kb(transferred))} kB transferred (median), ` +
        `long tasks per load ${loads.map((l) => l.longTasks).join(' ')}`,
      `CPU during the loads (100 % = one core of ${os.cpus().length}): machine ${busy} %: Chromium ${chromiumShare} %, gateway ${cpu.gateway} %, ` +
        `catalogue ${cpu.catalogue} %, this bench ${cpu.bench} %, other processes on the machine ${others} %`,
      `page errors: ${errors.length ? errors.slice(0, 5).join(' | ') : 'none'}`,
    ].join('\n'),
  );
}

export const runKioskBench = () => session.run(kioskBench);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  runMain(session, kioskBench);
