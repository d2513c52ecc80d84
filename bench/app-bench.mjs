#!/usr/bin/env node
// The app benchmark of issue #8, run by scripts/bench-app.sh (which builds
// everything and starts the relays this script is pointed at). Headless
// Debian Chromium through playwright-core (from e2e/node_modules, never a
// downloaded browser), against the relay's simulate mode on loopback.
//
// Figures, each next to its baseline, medians over BENCH_RUNS runs:
//   size       first-visit transfer, gzip: wasm + js + css + index (app, hello)
//   first      navigation -> first orders row painted, 100 orders (app / hello)
//   render     orders answer received -> 1,000 / 5,000 rows painted (app / plain JS)
//   mutations  DOM mutations of a poll returning the same 1,000 orders, and of
//              one where one order changed (MutationObserver)
//   memory     JS heap and wasm memory after 24 simulated hours of polling vs
//              after the first minute (Playwright's fake clock drives the app's
//              timers; the simulator's clock is advanced in step)
//   discipline request discipline over 10 simulated minutes, 50 orders, three
//              receiving SMS (simulator's per-key counters + in-flight requests
//              seen by the browser)
//
// Env: APP_URL HELLO_URL PLAIN_URL DISC_URL (relay origins), APP_DIST
// HELLO_DIST (built dirs), PLAIN_DIR (the plain page's served dir, where the
// orders JSON is saved), BASE_URL (optional: an earlier build's relay, whose
// render is measured in the same runs), BENCH_MD (file whose app-bench section is rewritten),
// BENCH_RUNS (5), BENCH_ONLY (comma list of the figures above), MEM_ORDERS
// (1000), MEM_HOURS (24), MEM_RUNS (1), DISC_MINUTES (10), DISC_SCALE (1:
// real time; N runs the app's poll and gap N times faster), DISC_LATENCY_MS
// (the DISC_URL relay's --latency-ms, for the report), RESULTS_JSON (written;
// with BENCH_MERGE=1 also read, so that a BENCH_ONLY run keeps the others).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const env = process.env;
const RUNS = Number(env.BENCH_RUNS ?? 5);
const ONLY = new Set((env.BENCH_ONLY ?? 'size,first,render,mutations,memory,discipline').split(',').map((s) => s.trim()));
const APP = env.APP_URL, HELLO = env.HELLO_URL, PLAIN = env.PLAIN_URL, DISC = env.DISC_URL, BASE = env.BASE_URL;
const MEM_ORDERS = Number(env.MEM_ORDERS ?? 1000);
const MEM_HOURS = Number(env.MEM_HOURS ?? 24);
const MEM_RUNS = Number(env.MEM_RUNS ?? 1);
const DISC_MINUTES = Number(env.DISC_MINUTES ?? 10);
const DISC_SCALE = Number(env.DISC_SCALE ?? 1);
const DISC_LATENCY_MS = Number(env.DISC_LATENCY_MS ?? 0);
const POLL_MS = 30_000, MIN_GAP_MS = 4_000; // the app's defaults (src/store/orders.rs, rentapi::schedule)

const log = (...a) => console.error('[app-bench]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

// ---------------------------------------------------------------- simulator

async function ctl(base, action, params = {}) {
  const res = await fetch(`${base}/_sim/${action}?${new URLSearchParams(params)}`);
  const body = await res.json();
  if (!res.ok || body.status !== 1) throw new Error(`control ${action}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** A `bench…` key holding `orders` generated orders with `sms` SMS each. */
async function benchKey(base, name, orders, sms = 0) {
  const key = `bench-${name}-${uniq()}`;
  await ctl(base, 'config', { world_orders: orders, world_sms_per_order: sms });
  await ctl(base, 'balance', { key }); // opens (and fills) the account now, not during a measurement
  return key;
}

const keyCounters = async (base, key) => (await ctl(base, 'counters', { key })).data;

// ---------------------------------------------------------------- browser

const ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
let browser;

/** A fresh context (cold cache, empty storage); with `key`, the app starts with it saved. */
async function freshPage(key, extra = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (/panicked at|Content Security Policy/.test(m.text())) problems.push(m.text()); });
  if (key) {
    await page.addInitScript(([k, ls]) => {
      if (!sessionStorage.getItem('bench-init')) {
        localStorage.setItem('smsrent.apikey', k);
        for (const [n, v] of Object.entries(ls)) localStorage.setItem(n, String(v));
        sessionStorage.setItem('bench-init', '1');
      }
    }, [key, extra]);
  }
  return { context, page, problems };
}

// Marks, in ms since navigation start (performance.now()), when the first
// `tr.order-row` and when `want` of them are in the DOM, and the first
// moment after the next frame (rows styled, laid out and painted).
function rowMarks(want) {
  const b = (window.__bench = { want, firstRow: null, firstRowPaint: null, allRows: null, allRowsPaint: null });
  const rows = document.getElementsByClassName('order-row');
  const mark = (k) => {
    b[k] = performance.now();
    requestAnimationFrame(() => setTimeout(() => { b[`${k}Paint`] = performance.now(); }, 0));
  };
  new MutationObserver((_, mo) => {
    if (b.firstRow === null && rows.length > 0) mark('firstRow');
    if (want && b.allRows === null && rows.length >= want) mark('allRows');
    if (b.firstRow !== null && (!want || b.allRows !== null)) mo.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

const waitMark = (page, name, timeout = 180_000) =>
  page.waitForFunction((n) => window.__bench && window.__bench[n] !== null, name, { timeout });

async function close(ctx, label) {
  if (ctx.problems.length) log(`${label}: page problems:`, ctx.problems.slice(0, 5));
  await ctx.context.close();
  return ctx.problems;
}

// ---------------------------------------------------------------- size

/** Bytes on the wire for `url` with Accept-Encoding: gzip (the body as sent, not decoded). */
function gzipBytes(url) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      let n = 0;
      res.on('data', (c) => { n += c.length; });
      res.on('end', () => (res.statusCode === 200 ? resolve({ bytes: n, encoding: res.headers['content-encoding'] ?? 'identity' })
        : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
    }).on('error', reject);
  });
}

/** Demo mode's worker: fetched once demo mode starts, not with the page. */
const DEMO_WORKER = new Set(['demo-worker.js', 'demo.js', 'demo_bg.wasm']);

/** index.html, the wasm, the wasm-bindgen js and the css Trunk wrote into `dist`. */
function shellFiles(dist) {
  const names = fs.readdirSync(dist);
  const pick = (re) => names.filter((n) => re.test(n) && n !== 'sw.js' && !DEMO_WORKER.has(n));
  return ['index.html', ...pick(/\.wasm$/), ...pick(/\.js$/), ...pick(/\.css$/)];
}

/** Sizes of a wasm file's code and data sections, in bytes. */
function wasmSections(file) {
  const b = fs.readFileSync(file);
  const leb = (i) => { let r = 0, s = 0, x; do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return [r, i]; };
  const out = { raw: b.length, code: 0, data: 0 };
  for (let i = 8; i < b.length;) {
    const id = b[i];
    const [size, j] = leb(i + 1);
    if (id === 10) out.code = size;
    if (id === 11) out.data = size;
    i = j + size;
  }
  return out;
}

async function measureSize(base, dist) {
  const files = {};
  for (const f of shellFiles(dist)) files[f] = await gzipBytes(`${base}/${f}`);
  const total = Object.values(files).reduce((a, f) => a + f.bytes, 0);
  const wasm = shellFiles(dist).find((f) => f.endsWith('.wasm'));
  return { files, total, wasm: wasmSections(path.join(dist, wasm)) };
}

/** What Chromium really fetched on a first visit (any encoding, every request), for the notes. */
async function firstVisitWire(base, key) {
  const ctx = await freshPage(key);
  const cdp = await ctx.context.newCDPSession(ctx.page);
  await cdp.send('Network.enable');
  const got = new Map();
  cdp.on('Network.responseReceived', (e) => got.set(e.requestId, { url: e.response.url, enc: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] }));
  let bytes = 0, count = 0;
  cdp.on('Network.loadingFinished', (e) => { if (got.has(e.requestId)) { bytes += e.encodedDataLength; count += 1; } });
  await ctx.page.addInitScript(rowMarks, 0);
  await ctx.page.goto(`${base}/`);
  await waitMark(ctx.page, 'firstRowPaint');
  await sleep(1500); // the service worker's precache, icons
  const encodings = [...new Set([...got.values()].map((g) => g.enc).filter(Boolean))];
  await close(ctx, 'wire');
  return { bytes, count, encodings };
}

// ---------------------------------------------------------------- first row

async function firstRow(url, key) {
  const ctx = await freshPage(key);
  await ctx.page.addInitScript(rowMarks, 0);
  await ctx.page.addInitScript(() => addEventListener('TrunkApplicationStarted', () => { window.__started = performance.now(); }));
  await ctx.page.goto(url);
  await waitMark(ctx.page, 'firstRowPaint');
  const b = await ctx.page.evaluate(() => {
    const res = performance.getEntriesByType('resource');
    const orders = res.find((e) => e.name.includes('method=orders'));
    const wasm = res.find((e) => e.name.endsWith('.wasm') && !e.name.endsWith('/demo_bg.wasm'));
    return { ...window.__bench, started: window.__started ?? null, wasmEnd: wasm?.responseEnd ?? null,
      ordersStart: orders?.startTime ?? null, ordersEnd: orders?.responseEnd ?? null,
      before: res.filter((e) => e.name.includes('/api/') && (!orders || e.startTime < orders.startTime)).map((e) => new URL(e.name).searchParams.get('method')) };
  });
  const problems = await close(ctx, url);
  return { ms: b.firstRowPaint, dom: b.firstRow, started: b.started, wasmEnd: b.wasmEnd, ordersStart: b.ordersStart, ordersEnd: b.ordersEnd, before: b.before, problems: problems.length };
}

// ---------------------------------------------------------------- render

/** Answer received (Resource Timing responseEnd of `resource`) -> `n` rows in the DOM, and painted. */
async function render(url, key, n, resource) {
  const ctx = await freshPage(key);
  await ctx.page.addInitScript(rowMarks, n);
  await ctx.page.goto(url);
  await waitMark(ctx.page, 'allRowsPaint');
  const r = await ctx.page.evaluate((res) => {
    const e = performance.getEntriesByType('resource').find((x) => x.name.includes(res));
    return { ...window.__bench, responseEnd: e ? e.responseEnd : null, requestStart: e ? e.startTime : null };
  }, resource);
  const problems = await close(ctx, url);
  if (r.responseEnd === null) throw new Error(`${url}: no resource entry for ${resource}`);
  return { paint: r.allRowsPaint - r.responseEnd, dom: r.allRows - r.responseEnd, fromNav: r.allRowsPaint, problems: problems.length };
}

// ---------------------------------------------------------------- mutations

// Every mutation, with when it happened and where: inside an order row
// (`row:<id>`), in the list's table itself (`table`), in "updated N s ago"
// (`updated`), or elsewhere (`other:<element>`).
function recordMutations() {
  const all = (window.__muts = []);
  const where = (node) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    if (!el) return 'other:?';
    const row = el.closest('tbody.order');
    if (row) return `row:${row.dataset.orderId}`;
    if (el.closest('.updated')) return 'updated';
    if (el.closest('table.orders-table')) return 'table';
    const named = el.closest('[class]') ?? el;
    return `other:${named.tagName.toLowerCase()}.${[...named.classList].join('.')}`;
  };
  const start = () => new MutationObserver((recs) => {
    const t = performance.now();
    for (const r of recs) all.push([t, where(r.target), r.type, r.attributeName ?? '']);
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
}

/** The orders requests so far: [startTime, responseEnd] in page time. */
const ordersRequests = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .filter((e) => e.name.includes('method=orders')).map((e) => [e.startTime, e.responseEnd]));

async function waitOrdersRequests(page, n, timeout = 60_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const reqs = await ordersRequests(page);
    if (reqs.length >= n && reqs[n - 1][1] > 0) return reqs;
    if (Date.now() > until) throw new Error(`waited for ${n} orders requests, saw ${reqs.length}`);
    await sleep(100);
  }
}

/**
 * The mutations of poll number `k` (1-based over all orders requests): from
 * 1 s after the previous answer to 1 s after this one, the whole
 * cycle (the Refresh button's loading state included). Null if a wall-clock
 * minute starts inside the window or in the second before it (countdowns
 * then change by themselves).
 */
async function pollMutations(page, k) {
  const reqs = await waitOrdersRequests(page, k);
  await sleep(1200);
  return page.evaluate(([from, to]) => {
    // The app's minute turns on its 1 s ticker, up to a second after the
    // wall-clock minute: a window starting in that second is skipped too.
    const wall = (t) => performance.timeOrigin + t;
    if (Math.floor((wall(from) - 1000) / 60_000) !== Math.floor(wall(to) / 60_000)) return null;
    const groups = {};
    for (const [t, w] of window.__muts) if (t > from && t <= to) groups[w] = (groups[w] ?? 0) + 1;
    return groups;
  }, [reqs[k - 2][1] + 1000, reqs[k - 1][1] + 1000]);
}

function summarise(groups) {
  let rows = 0, table = 0, updated = 0, other = 0;
  const rowIds = new Set(), others = {};
  for (const [w, n] of Object.entries(groups)) {
    if (w.startsWith('row:')) { rows += n; rowIds.add(w.slice(4)); }
    else if (w === 'table') table += n;
    else if (w === 'updated') updated += n;
    else { other += n; others[w.slice(6)] = n; }
  }
  return { rows, rowIds: [...rowIds], table, updated, other, others };
}

async function mutationsRun(key) {
  const POLL = 4000; // a poll every 4 s (the default gap) instead of 30 s, so a run takes seconds
  const ctx = await freshPage(key, { 'smsrent.poll_ms': POLL });
  await ctx.page.addInitScript(rowMarks, 1000);
  await ctx.page.addInitScript(recordMutations);
  await ctx.page.goto(`${APP}/`);
  await waitMark(ctx.page, 'allRowsPaint', 120_000);
  // Same list: the first clean poll after the one that followed the load
  // (checked: the simulator's answer before and after that poll is the same).
  const list = async () => (await fetch(`${APP}/api/rent.php?method=orders&apikey=${key}`)).text();
  let same = null;
  for (let k = 3; same === null && k < 15; k++) {
    const before = await list();
    same = await pollMutations(ctx.page, k);
    if (before !== (await list())) same = null; // the simulator's list changed after all: take the next poll
  }
  // One order changes: a "not active" row is set to "activating" in the simulator.
  const ids = await ctx.page.evaluate(() => [...document.querySelectorAll('tbody.order .state.not-active')].map((e) => e.closest('tbody.order').dataset.orderId));
  if (ids.length < 5) throw new Error('too few not-active orders to change');
  let one = null, id;
  for (let tries = 0; one === null && tries < 5; tries++) {
    id = ids[tries * 7]; // another order on each try (a window with a new minute in it does not count)
    const before = (await ordersRequests(ctx.page)).length;
    await ctl(APP, 'set_state', { key, id, state: 2 });
    one = await pollMutations(ctx.page, before + 1);
  }
  const problems = await close(ctx, 'mutations');
  if (same === null || one === null) throw new Error('no poll window without a minute boundary');
  return { same: summarise(same), one: { ...summarise(one), changed: id }, problems: problems.length };
}

// ---------------------------------------------------------------- memory

async function memoryRun(key) {
  const ctx = await freshPage(key);
  const { page } = ctx;
  let wasmReady = false;
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; });
  });
  await page.addInitScript(rowMarks, MEM_ORDERS);
  await page.clock.install({ time: Date.now() });
  await page.goto(`${APP}/`);
  await waitMark(page, 'allRows', 180_000);
  wasmReady = await page.evaluate(() => !!window.__wasm?.memory);
  let fakeNow = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(fakeNow + 1000);
  fakeNow += 1000;
  const cdp = await ctx.context.newCDPSession(page);
  let polls = (await keyCounters(APP, key)).calls.orders ?? 0;
  let simAdvanced = 0;
  // One poll: run the app's clock 30 s (its ticker fires each second), then
  // 1 s at a time until the simulator has seen the request; wait for the
  // answer to reach the page and be applied (its microtasks, a real moment
  // later). Simulator time moves too. (Not the Refresh button: it reflects
  // a person's request only, never a background poll.)
  const poll = async () => {
    const answered = page.waitForResponse((r) => r.url().includes('method=orders'), { timeout: 60_000 });
    let step = POLL_MS;
    for (let i = 0; ; i++) {
      await ctl(APP, 'advance', { secs: Math.round(step / 1000) });
      simAdvanced += step / 1000;
      await page.clock.runFor(step);
      fakeNow += step;
      const seen = (await keyCounters(APP, key)).calls.orders ?? 0;
      if (seen > polls) { polls = seen; break; }
      if (i > 40) throw new Error('the app stopped polling');
      step = 1000;
    }
    await (await answered).finished();
    await sleep(20);
  };
  const sample = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? null);
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const rows = await page.evaluate(() => document.getElementsByClassName('order-row').length);
    return { heap: heap.usedSize, wasm, nodes, rows };
  };
  const started = Date.now();
  await poll(); await poll(); // the first minute
  const first = await sample();
  const total = Math.round((MEM_HOURS * 3600) / (POLL_MS / 1000));
  const curve = [];
  for (let i = 2; i < total; i++) {
    await poll();
    if (i % 720 === 0) { curve.push({ hour: i / 120, ...(await sample()) }); log(`memory: ${i / 120} h`, JSON.stringify(curve.at(-1))); }
  }
  const last = await sample();
  const problems = await close(ctx, 'memory');
  return { first, last, curve, polls: total, simHours: simAdvanced / 3600, realSecs: (Date.now() - started) / 1000, wasmReady, problems: problems.length };
}

// ---------------------------------------------------------------- discipline

async function disciplineRun() {
  const scale = DISC_SCALE;
  const poll = POLL_MS / scale, gap = MIN_GAP_MS / scale;
  const key = await benchKey(DISC, 'disc', 50, 0);
  const extra = scale === 1 ? {} : { 'smsrent.poll_ms': poll, 'smsrent.min_gap_ms': gap };
  const ctx = await freshPage(key, extra);
  const { page } = ctx;
  const inFlight = new Map();
  let maxSame = 0, maxAny = 0, any = 0;
  const waiters = [];
  const isApi = (r) => r.url().includes('/api/rent.php');
  page.on('request', (r) => {
    if (!isApi(r)) return;
    const n = (inFlight.get(r.url()) ?? 0) + 1;
    inFlight.set(r.url(), n);
    any += 1;
    maxSame = Math.max(maxSame, n); maxAny = Math.max(maxAny, any);
    for (const w of waiters) w(r.url());
  });
  const done = (r) => { if (isApi(r)) { inFlight.set(r.url(), inFlight.get(r.url()) - 1); any -= 1; } };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  const smsRequest = (id, timeout) => new Promise((resolve, reject) => {
    const w = (u) => {
      const q = new URL(u).searchParams;
      if (q.get('method') === 'sms' && q.get('id') === id) { waiters.splice(waiters.indexOf(w), 1); resolve(u); }
    };
    waiters.push(w);
    setTimeout(() => reject(new Error(`no sms request for #${id} within ${timeout} ms`)), timeout);
  });
  await page.addInitScript(rowMarks, 50);
  const t0 = Date.now();
  await page.goto(`${DISC}/`);
  await waitMark(page, 'allRowsPaint', 60_000);
  const ids = await page.evaluate(() => [...document.querySelectorAll('tbody.order')].map((t) => t.dataset.orderId));
  const [A, B, C, D] = [ids[3], ids[17], ids[31], ids[44]];
  const at = async (simSecs) => { const wait = t0 + (simSecs * 1000) / scale - Date.now(); if (wait > 0) await sleep(wait); };
  const toggle = (id) => page.click(`tbody.order[data-order-id="${id}"] button.sms-toggle`);
  const injected = [], opened = [];
  const inject = async (id) => { await ctl(DISC, 'inject_sms', { key, id, text: `Your code is ${100000 + Number(id) % 900000}` }); injected.push(id); };
  // A: new SMS; the panel is opened while the app's own fetch of it is in flight.
  await at(60); await inject(A);
  await smsRequest(A, 2 * poll + 4 * gap + 10_000);
  await toggle(A); opened.push(A);
  await at(200); await inject(B);
  await at(300); await toggle(D); opened.push(D);
  await at(420); await inject(C);
  await at(DISC_MINUTES * 60);
  const realSecs = (Date.now() - t0) / 1000;
  const c = await keyCounters(DISC, key);
  const problems = await close(ctx, 'discipline');
  const durMs = realSecs * 1000;
  return {
    scale, poll, gap, latency: DISC_LATENCY_MS, realSecs, injected, opened,
    calls: c.calls, total: c.total, smsByOrder: c.sms_by_order,
    minGap: c.min_gap_ms, minGapByMethod: c.min_gap_by_method_ms,
    ordersMax: 1 + Math.floor(durMs / poll), maxSame, maxAny, problems: problems.length,
  };
}

// ---------------------------------------------------------------- report

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (x) => `${x.toFixed(x < 100 ? 1 : 0)} ms`;
const yes = (ok) => (ok ? 'yes' : '**no**');
const pct = (a, b) => `${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(1)} %`;

function chromiumVersion() {
  try { return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return browser?.version() ?? '?'; }
}

function report(r) {
  const out = [];
  const today = new Date().toISOString().slice(0, 10);
  out.push(`Measured by \`scripts/bench-app.sh\` on ${today}: ${os.cpus().length} cores (${os.arch()}), ${r.chromium}`,
    `headless through playwright-core ${r.playwright}; app, hello world and relay in release builds, each page served`,
    `by \`smsrent-relay --simulate --control --serve DIR\` on 127.0.0.1 (gzip/brotli by the relay).`,
    `Medians of ${RUNS} runs (each in a fresh browser context: cold cache, empty storage) unless a row says otherwise.`);
  if (r.load) {
    const l = Object.values(r.load).flat();
    out.push(`The machine was not idle: its 1-minute load average ranged ${Math.min(...l).toFixed(1)}–${Math.max(...l).toFixed(1)} at the phase boundaries (${Object.entries(r.load).map(([p, v]) => `${p} ${v.map((x) => x.toFixed(1)).join('/')}`).join(', ')}) on ${os.cpus().length} cores, so the timings carry the noise of whatever else ran; compare ratios, and rerun on a quiet machine for absolute times.`);
  }
  out.push('');
  out.push('| figure | app | baseline | ratio | target | met |', '|---|---|---|---|---|---|');
  const row = (...cells) => out.push(`| ${cells.join(' | ')} |`);
  const notes = [];
  if (r.size) {
    const { app, hello } = r.size;
    row('First visit transfer, gzip: index + wasm + js + css', kb(app.total), `hello world ${kb(hello.total)}`,
      `${(app.total / hello.total).toFixed(2)}×`, '≤ 200 KB in total', yes(app.total <= 200 * 1024));
    const parts = (s) => Object.entries(s.files).map(([f, v]) => `${f.replace(/-[0-9a-f]{8,}/, '-…')} ${kb(v.bytes)}`).join(', ');
    const w = (x) => `${kb(x.wasm.raw)} uncompressed (code ${kb(x.wasm.code)}, data ${kb(x.wasm.data)})`;
    notes.push(`Why the app is over its size target: its wasm after \`wasm-opt -Oz\` is ${w(app)}, the hello world's ${w(hello)}. The data are mostly strings (four language tables, and, until #21, the in-page simulator's catalogue and texts for demo mode); most of the code, by the symbol names of the build before \`wasm-bindgen\` and \`wasm-opt\`, is Leptos's generic view and reactive code (\`tachys\`, \`reactive_graph\` and the \`core\`/\`alloc\` instances they pull in) instantiated once per component and view shape, which the one-view hello world hardly has; the app's own crates are a small part of it. The files are sent as the build precompressed them (Zopfli for gzip, brotli 11), not compressed per request. Splitting the wasm would not meet 200 KB either: the app's shell alone, with no screen at all, is 275 KB (see "What splitting the wasm could buy at most" below); \`--cfg erase_components\` (tried: see "Toward the first-visit targets" below) takes off only 8 % and slows rendering. Meeting the target takes a view layer other than Leptos: a design matter, not a measurement one.`);
    notes.push(`Transfer: each file fetched with \`Accept-Encoding: gzip\` from the relay and counted as sent. App: ${parts(app)}. Hello: ${parts(hello)}.` +
      (r.wire ? ` What Chromium itself transferred on a first visit of the app (it asks for brotli too: ${r.wire.encodings.join(', ') || 'identity'}), every request included (manifest, icons, \`sw.js\` and the service worker's precache, API calls): ${kb(r.wire.bytes)} in ${r.wire.count} responses.` : ''));
  }
  if (r.first) {
    const a = median(r.first.app.map((x) => x.ms)), h = median(r.first.hello.map((x) => x.ms));
    row('Navigation → first orders row painted, 100 orders', ms(a), `hello world (one row) ${ms(h)}`, `${(a / h).toFixed(2)}`, '≤ 1.5', yes(a / h <= 1.5));
    const med = (k) => median(r.first.app.map((x) => x[k] ?? NaN));
    const helloStarted = median(r.first.hello.map((x) => x.started ?? NaN));
    notes.push(`Where the app's time goes (medians, ms after navigation start): wasm downloaded ${med('wasmEnd').toFixed(0)}, app started (Trunk's \`TrunkApplicationStarted\`) ${med('started').toFixed(0)} (hello world: ${helloStarted.toFixed(0)}), orders request sent ${med('ordersStart').toFixed(0)}${r.first.app[0].before?.length ? ` (after ${r.first.app[0].before.join(', ')})` : ' (the first API request)'}, answered ${med('ordersEnd').toFixed(0)}, first row in the DOM ${med('dom').toFixed(0)}, painted ${med('ms').toFixed(0)}.`);
    notes.push(`First row: \`performance.now()\` (0 = navigation start) at the first moment after the next frame once a \`tr.order-row\` is in the DOM; the app needs its orders answer first (one request through its queue and the simulator), the hello world renders its row at once. Runs, app: ${r.first.app.map((x) => x.ms.toFixed(0)).join(', ')} ms; hello: ${r.first.hello.map((x) => x.ms.toFixed(0)).join(', ')} ms.`);
  }
  if (r.render) {
    for (const n of Object.keys(r.render)) {
      const a = median(r.render[n].app.map((x) => x.paint)), p = median(r.render[n].plain.map((x) => x.paint));
      const target = n === '1000' ? '≤ 2' : '— (reported)';
      row(`Render ${Number(n).toLocaleString('en')} orders: answer received → all rows painted`, ms(a), `plain JS template string ${ms(p)}`,
        `${(a / p).toFixed(2)}`, target, n === '1000' ? yes(a / p <= 2) : '—');
    }
    const detail = Object.entries(r.render).map(([n, v]) => `${n}: app DOM ready ${ms(median(v.app.map((x) => x.dom)))} after the answer (painted ${ms(median(v.app.map((x) => x.paint)))}), plain ${ms(median(v.plain.map((x) => x.dom)))} (${ms(median(v.plain.map((x) => x.paint)))}); from navigation start, app ${ms(median(v.app.map((x) => x.fromNav)))}, plain ${ms(median(v.plain.map((x) => x.fromNav)))}`).join('; ');
    const based = Object.entries(r.render).filter(([, v]) => v.base);
    if (based.length) notes.push(`Render, the earlier build ${env.BASE_REV ?? '(BASE_URL)'} in the same runs: ${based.map(([n, v]) => `${n}: painted ${ms(median(v.base.map((x) => x.paint)))} after the answer, this build ${ms(median(v.app.map((x) => x.paint)))} (${(median(v.app.map((x) => x.paint)) / median(v.base.map((x) => x.paint))).toFixed(2)}×)`).join('; ')}.`);
    notes.push(`Render: from the orders answer's Resource Timing \`responseEnd\` (so neither the request queue's gap nor the simulator's time counts) to the first moment after the next frame once all rows are in the DOM; the app's time includes reading and decoding the JSON, a signal per order and each row's reactive bindings (kept few: a row writes its words once per language, the app has one clipboard and one live region, events are delegated; the localStorage cache is written after the paint), the plain page's \`JSON.parse\`, a sort and one \`insertAdjacentHTML\` of the same rows (same cells, classes and stylesheet, texts escaped). ${detail}.`);
  }
  if (r.mutations) {
    const m = r.mutations;
    const sameRows = median(m.map((x) => x.same.rows + x.same.table)), sameOther = median(m.map((x) => x.same.other));
    row('Poll returning the same 1,000 orders: DOM mutations in the list', `${sameRows}`, '—', '—', '0', yes(sameRows === 0));
    row('… and outside the list, besides "updated N s ago"', `${sameOther}`, '—', '—', '0', yes(sameOther === 0));
    const oneOut = median(m.map((x) => x.one.rowIds.filter((id) => id !== x.one.changed).length + x.one.table));
    const oneIn = median(m.map((x) => x.one.rows));
    row('Poll where one order changed: mutations inside that row / in other rows or the table', `${oneIn} / ${oneOut}`, '—', '—', 'only inside that row', yes(oneOut === 0 && oneIn > 0));
    const others = {};
    for (const x of m) for (const [w, n] of Object.entries({ ...x.same.others })) others[w] = Math.max(others[w] ?? 0, n);
    notes.push(`Mutations: a MutationObserver on \`<body>\` (child lists, attributes, text) over one whole poll cycle, from 1 s after the previous answer to 1 s after this one, with \`smsrent.poll_ms\` = 4000 so a run takes seconds; windows in which a wall-clock minute starts, or that start within a second of one (the app's minute turns on its 1 s ticker), are skipped (the countdowns change then by themselves). "Updated N s ago" changed ${median(m.map((x) => x.same.updated))} times per cycle (allowed).` +
      (Object.keys(others).length ? ` Outside the list, every poll (same list or not) changes: ${Object.entries(others).map(([w, n]) => `\`${w}\` ${n}`).join(', ')} (the Refresh button is disabled and reads "Refreshing…" while any refresh, background polls included, is under way).` : '') +
      ` The one-order poll sets a "not active" order to "activating" in the simulator just before the poll. The "same" poll's list is checked identical in the simulator before and after it (a fresh account per run, its clock moved 5 minutes on so that no order changes state by itself).`);
  }
  if (r.memory) {
    const runs = r.memory;
    const heapG = median(runs.map((x) => (x.last.heap - x.first.heap) / x.first.heap));
    const wasmG = median(runs.map((x) => (x.last.wasm - x.first.wasm) / x.first.wasm));
    const x = runs[0];
    row(`JS heap after ${MEM_HOURS} simulated hours of polling (${x.polls} polls, ${MEM_ORDERS} orders)`, kb(median(runs.map((y) => y.last.heap))), `after the first minute ${kb(median(runs.map((y) => y.first.heap)))}`, `${heapG >= 0 ? '+' : ''}${(heapG * 100).toFixed(2)} %`, '< 5 % growth', yes(heapG < 0.05));
    row(`wasm memory after ${MEM_HOURS} simulated hours`, kb(median(runs.map((y) => y.last.wasm))), `after the first minute ${kb(median(runs.map((y) => y.first.wasm)))}`, `${wasmG >= 0 ? '+' : ''}${(wasmG * 100).toFixed(2)} %`, '< 5 % growth', yes(wasmG < 0.05));
    const each = runs.map((y) => `${pct(y.last.heap, y.first.heap)} / ${pct(y.last.wasm, y.first.wasm)}`).join(', ');
    notes.push(`Memory: ${runs.length} run(s), growth per run (heap / wasm): ${each}; the table gives medians. Playwright's fake clock (\`page.clock\`) drives the app's timers (its 1 s ticker, the queue's gap, \`Date.now()\`), 30 s at a time, and the simulator's clock is advanced by the same amount; each poll is a real request to the relay and its answer is applied before the clock moves on. Heap = V8's used size after two forced collections (CDP); wasm = the linear memory's size (it never shrinks: a high-water mark). DOM: ${x.first.nodes} → ${x.last.nodes} elements, ${x.first.rows} → ${x.last.rows} rows (orders run out over the simulated day). Along the way (heap / wasm): ${x.curve.map((c) => `${c.hour} h ${kb(c.heap)} / ${kb(c.wasm)}`).join(', ')}${x.curve.length ? `; from ${x.curve[0].hour} h to the end the heap changed ${pct(x.last.heap, x.curve[0].heap)} and the wasm memory ${pct(x.last.wasm, x.curve[0].wasm)}: the growth against the first minute happened early and then stopped, a warm-up rather than a trend` : ''}. ${x.polls} polls took ${x.realSecs.toFixed(0)} s of real time.`);
  }
  if (r.discipline) {
    const d = r.discipline;
    const orders = d.calls.orders ?? 0;
    const ordersGap = d.minGapByMethod.orders ?? null;
    const smsIds = Object.keys(d.smsByOrder);
    const allowed = new Set([...d.injected, ...d.opened]);
    const onlyAllowed = smsIds.every((id) => allowed.has(id)) && d.injected.every((id) => smsIds.includes(id));
    const unit = d.scale === 1 ? '' : ` (÷${d.scale})`;
    const mins = `${DISC_MINUTES} simulated minutes`;
    row(`Orders polls in ${mins}, 50 orders`, `${orders}, closest two ${ordersGap === null ? '—' : `${(ordersGap / 1000).toFixed(1)} s`}`, `every ${d.poll / 1000} s${unit}: at most ${d.ordersMax}`, '—', 'every 30 s and no more', yes(orders <= d.ordersMax && (ordersGap === null || ordersGap >= d.poll)));
    row('SMS reads, by order', smsIds.map((id) => `#${id}×${d.smsByOrder[id]}`).join(', ') || 'none', `new SMS: ${d.injected.map((i) => `#${i}`).join(', ')}; opened: ${d.opened.map((i) => `#${i}`).join(', ')}`, '—', 'only those', yes(onlyAllowed));
    row('Identical reads in flight at once (most)', `${d.maxSame} (any requests: ${d.maxAny})`, '—', '—', 'never two', yes(d.maxSame <= 1));
    row('Smallest gap between two requests', d.minGap === null ? '—' : `${d.minGap} ms`, `configured minimum ${d.gap} ms${unit}`, '—', 'no gap under it', yes(d.minGap === null || d.minGap >= d.gap - 25));
    notes.push(`Discipline: one run of ${d.realSecs.toFixed(0)} s real time${d.scale === 1 ? ' (the app at its real settings: poll 30 s, gap 4 s)' : `, the app ${d.scale}× faster through \`smsrent.poll_ms\` and \`smsrent.min_gap_ms\`, so every time limit is divided by ${d.scale}`}; the relay answers after ${d.latency} ms so requests overlap if the app lets them. Counts and gaps come from the simulator's per-key counters (host time, at arrival; 25 ms allowed for loopback jitter), in-flight requests from the browser's own request events. Script: SMS injected into #${d.injected[0]} at 1 min (its panel opened the moment the app's own fetch of it started), #${d.injected[1]} at 3 min 20 s, #${d.injected[2]} at 7 min; #${d.opened[1]}'s panel opened at 5 min. All requests: ${Object.entries(d.calls).map(([m, n]) => `${m} ${n}`).join(', ')}.`);
  }
  const builds = Object.entries(r.builds ?? {}).filter(([p]) => r[p] && p !== 'end');
  if (new Set(builds.map(([, b]) => b)).size > 1) {
    const by = {};
    for (const [p, b] of builds) (by[b] ??= []).push(p);
    notes.push(`Not all figures come from the same build of the app (others were changing it while this ran; \`BENCH_MERGE\` kept earlier figures): ${Object.entries(by).map(([b, ps]) => `${ps.join(', ')} from \`${b}\``).join('; ')}.`);
  }
  out.push('', ...notes.map((n) => `- ${n}`));
  out.push('', `Rerun: \`scripts/bench-app.sh\` (\`BENCH_RUNS\`, \`BENCH_ONLY\`, \`MEM_ORDERS\`, \`MEM_HOURS\`, \`DISC_SCALE\` and more in its header). It is a benchmark, not a test: \`scripts/test.sh\` does not run it.`);
  return out.join('\n');
}

function writeSection(file, body) {
  const start = '<!-- app-bench:start -->', end = '<!-- app-bench:end -->';
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const block = `${start}\n${body}\n${end}`;
  const i = text.indexOf(start), j = text.indexOf(end);
  if (i >= 0 && j > i) text = text.slice(0, i) + block + text.slice(j + end.length);
  else text = `${text.replace(/\n*$/, '')}\n\n## App\n\n${block}\n`;
  fs.writeFileSync(file, text);
}

// ---------------------------------------------------------------- main

async function main() {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  // BENCH_MERGE=1: keep the figures of the last full run (RESULTS_JSON) that this run does not measure.
  const earlier = env.BENCH_MERGE && env.RESULTS_JSON && fs.existsSync(env.RESULTS_JSON) ? JSON.parse(fs.readFileSync(env.RESULTS_JSON, 'utf8')) : {};
  const r = { ...earlier, load: { ...(earlier.load ?? {}) }, chromium: chromiumVersion(), playwright: require('playwright-core/package.json').version };
  try {
    const seen = new Set();
    const appWasm = env.APP_DIST ? shellFiles(env.APP_DIST).find((f) => f.endsWith('.wasm')) : undefined;
    r.builds = { ...(earlier.builds ?? {}) };
    const load = () => {
      r.load[phase] = [...(seen.has(phase) ? r.load[phase] : []), os.loadavg()[0]];
      if (phase !== 'end') r.builds[phase] = appWasm;
      seen.add(phase);
    };
    let phase = 'size';
    if (ONLY.has('size')) {
      load();
      log('size');
      r.size = { app: await measureSize(APP, env.APP_DIST), hello: await measureSize(HELLO, env.HELLO_DIST) };
      r.wire = await firstVisitWire(APP, await benchKey(APP, 'wire', 100));
    }
    if (ONLY.has('first')) {
      phase = 'first'; load();
      const key = await benchKey(APP, 'first', 100);
      r.first = { app: [], hello: [] };
      await firstRow(`${HELLO}/`); await firstRow(`${APP}/`, key); // warm the relays, not measured
      for (let i = 0; i < RUNS; i++) {
        const order = i % 2 ? ['hello', 'app'] : ['app', 'hello'];
        for (const which of order) {
          r.first[which].push(which === 'app' ? await firstRow(`${APP}/`, key) : await firstRow(`${HELLO}/`));
        }
        log(`first row, run ${i + 1}:`, r.first.app.at(-1).ms.toFixed(0), r.first.hello.at(-1).ms.toFixed(0));
      }
    }
    if (ONLY.has('render')) {
      phase = 'render'; load();
      r.render = {};
      for (const n of [1000, 5000]) {
        const key = await benchKey(APP, `render${n}`, n);
        const json = await (await fetch(`${APP}/api/rent.php?method=orders&apikey=${key}`)).text();
        fs.writeFileSync(path.join(env.PLAIN_DIR, `orders-${n}.json`), json);
        r.render[n] = { app: [], plain: [] };
        // BASE_URL: an earlier build, measured in the same runs, in turn.
        const baseKey = BASE ? await benchKey(BASE, `render${n}`, n) : null;
        if (BASE) r.render[n].base = [];
        for (let i = 0; i < RUNS; i++) {
          r.render[n].app.push(await render(`${APP}/`, key, n, 'method=orders'));
          if (BASE) r.render[n].base.push(await render(`${BASE}/`, baseKey, n, 'method=orders'));
          r.render[n].plain.push(await render(`${PLAIN}/?n=${n}`, null, n, `orders-${n}.json`));
          log(`render ${n}, run ${i + 1}:`, r.render[n].app.at(-1).paint.toFixed(0), BASE ? `base ${r.render[n].base.at(-1).paint.toFixed(0)}` : '', r.render[n].plain.at(-1).paint.toFixed(0));
        }
      }
    }
    if (ONLY.has('mutations')) {
      phase = 'mutations'; load();
      r.mutations = [];
      for (let i = 0; i < RUNS; i++) {
        // A new account each run, settled: a third of the generated orders
        // are activating or active and change state within a minute by
        // themselves; the simulator's clock is moved past that.
        const key = await benchKey(APP, 'mut', 1000);
        await ctl(APP, 'advance', { secs: 300 });
        r.mutations.push(await mutationsRun(key));
        log(`mutations, run ${i + 1}:`, JSON.stringify(r.mutations.at(-1)));
      }
    }
    if (ONLY.has('memory')) {
      phase = 'memory'; load();
      r.memory = [];
      for (let i = 0; i < MEM_RUNS; i++) {
        r.memory.push(await memoryRun(await benchKey(APP, 'mem', MEM_ORDERS)));
        log(`memory, run ${i + 1}:`, JSON.stringify({ ...r.memory.at(-1), curve: undefined }));
      }
    }
    if (ONLY.has('discipline')) {
      phase = 'discipline'; load();
      log(`discipline (${DISC_MINUTES} simulated minutes, ${(DISC_MINUTES * 60) / DISC_SCALE} s real)`);
      r.discipline = await disciplineRun();
      log('discipline:', JSON.stringify(r.discipline));
    }
    if (seen.size) { phase = 'end'; load(); }
  } finally {
    await browser.close();
  }
  if (env.RESULTS_JSON) fs.writeFileSync(env.RESULTS_JSON, JSON.stringify(r, null, 2));
  const section = report(r);
  if (env.BENCH_MD) writeSection(env.BENCH_MD, section);
  console.log(section);
}

main().catch((e) => { console.error(e); process.exit(1); });
