// Issue #21's visit figures, in headless Chromium (playwright-core from
// e2e/node_modules), run by scripts/bench-visits.sh, which builds and serves
// the app and the hello world:
//
// - Throttled first visit: Chromium's network emulation as a slow 4G phone
//   (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up; the CPU as it is),
//   cold cache: navigation -> first orders row painted, in demo mode and with
//   a key, against the transfer floor (the bytes Chromium fetched by then,
//   at 1.6 Mbit/s) and against the hello world's first visit, throttled
//   alike.
// - Return visit (also with the API answering 1.5 s late): after a first visit (the service worker installed and in
//   control, the orders list cached), a new navigation in the same profile:
//   navigation -> first orders row painted, and whether it came before the
//   orders request; against the hello world's return visit from the HTTP
//   cache (it has no service worker).
//
// Writes its section of BENCHMARKS.md between <!-- visits:start --> and
// <!-- visits:end -->.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const env = process.env;
const RUNS = Number(env.BENCH_RUNS ?? 5);
// SLOW: the same build behind a relay that answers the API 1.5 s late, so a
// return visit's first row shows whether it came from the cached list.
const APP = env.APP_URL, HELLO = env.HELLO_URL, SLOW = env.SLOW_URL;
// BASE: an earlier build (BASE_LABEL), for the throttled first visits.
const BASE = env.BASE_URL, BASE_LABEL = env.BASE_LABEL ?? 'base';
const DOWN = (1.6 * 1e6) / 8, UP = (750 * 1e3) / 8, RTT = 150; // bytes/s, bytes/s, ms
const ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const log = (...a) => console.error('[visits]', ...a);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

async function newKey(base, orders) {
  const key = `bench-visits-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await fetch(`${base}/_sim/config?world_orders=${orders}&world_sms_per_order=0`);
  await fetch(`${base}/_sim/balance?key=${key}`);
  return key;
}

// When the first `tr.order-row` is in the DOM, and the first moment after
// the next frame (ms since navigation start).
function rowMarks() {
  const b = (window.__bench = { firstRow: null, firstRowPaint: null });
  const rows = document.getElementsByClassName('order-row');
  new MutationObserver((_, mo) => {
    if (rows.length > 0) {
      b.firstRow = performance.now();
      requestAnimationFrame(() => setTimeout(() => { b.firstRowPaint = performance.now(); }, 0));
      mo.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** One profile: `first` navigations' figures, then (with `again`) a return visit's. */
async function visit(url, { key, throttle, again }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smsrent-visits-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    if (key) {
      await page.addInitScript((k) => {
        if (location.protocol === 'http:' && !localStorage.getItem('smsrent.apikey')) localStorage.setItem('smsrent.apikey', k);
      }, key);
    }
    await page.addInitScript(rowMarks);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (throttle) {
      await cdp.send('Network.emulateNetworkConditions',
        { offline: false, latency: RTT, downloadThroughput: DOWN, uploadThroughput: UP });
    }
    let bytes = 0, count = 0, counting = true;
    // Only what crossed the network: not what the service worker answered.
    const seen = new Set();
    cdp.on('Network.responseReceived', (e) => { if (!e.response.fromServiceWorker) seen.add(e.requestId); });
    cdp.on('Network.loadingFinished', (e) => {
      if (counting && seen.has(e.requestId)) { bytes += e.encodedDataLength; count += 1; }
    });
    // Demo mode's worker fetches its glue and wasm itself, which the page's
    // DevTools session does not see (they are throttled alike: checked with
    // 3 s of added latency); Playwright reports them with their sizes.
    const pending = [];
    context.on('requestfinished', (r) => {
      if (!counting || !/\/demo(_bg\.wasm|\.js)$/.test(new URL(r.url()).pathname)) return;
      pending.push((async () => {
        const [sizes, response] = await Promise.all([r.sizes(), r.response()]).catch(() => []);
        if (sizes && !response?.fromServiceWorker()) {
          bytes += sizes.responseBodySize + sizes.responseHeadersSize; count += 1;
        }
      })());
    });
    const measure = async () => {
      await page.waitForFunction(() => window.__bench?.firstRowPaint != null, null, { timeout: 120_000 });
      return page.evaluate(() => {
        const res = performance.getEntriesByType('resource');
        const orders = res.find((e) => e.name.includes('method=orders'));
        return { ms: window.__bench.firstRowPaint, dom: window.__bench.firstRow,
          ordersStart: orders?.startTime ?? null, ordersEnd: orders?.responseEnd ?? null };
      });
    };
    await page.goto(url);
    const first = await measure();
    counting = false;
    await Promise.all(pending.splice(0));
    const out = { first: { ...first, bytes, count } };
    if (again) {
      // Let the worker install and take control, and the list be cached.
      if (await page.evaluate(() => 'serviceWorker' in navigator && !!navigator.serviceWorker.getRegistration)) {
        await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r && navigator.serviceWorker.ready));
      }
      await page.waitForTimeout(1500);
      await page.goto('about:blank');
      bytes = 0; count = 0; counting = true; seen.clear();
      await page.goto(url);
      const back = await measure();
      counting = false;
      await Promise.all(pending.splice(0));
      const controlled = await page.evaluate(() => !!navigator.serviceWorker?.controller);
      out.again = { ...back, bytes, count, controlled };
    }
    out.problems = problems;
    return out;
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const ms = (x) => `${Math.round(x)} ms`;

async function main() {
  const r = { throttled: {}, back: {} };
  const demo = null, withKey = await newKey(APP, 100), slowKey = await newKey(SLOW, 100);
  const baseKey = BASE ? await newKey(BASE, 100) : null;
  // Warm the relays (not measured).
  await visit(`${APP}/`, { key: withKey }); await visit(`${HELLO}/`, {});
  for (const [label, key] of [['demo', demo], ['key', withKey]]) {
    r.throttled[label] = [];
    for (let i = 0; i < RUNS; i++) r.throttled[label].push((await visit(`${APP}/`, { key, throttle: true })).first);
    log('throttled', label, r.throttled[label].map((x) => Math.round(x.ms)));
  }
  if (BASE) {
    for (const [label, key] of [['baseDemo', demo], ['baseKey', baseKey]]) {
      r.throttled[label] = [];
      for (let i = 0; i < RUNS; i++) r.throttled[label].push((await visit(`${BASE}/`, { key, throttle: true })).first);
      log('throttled', label, r.throttled[label].map((x) => Math.round(x.ms)));
    }
  }
  r.throttled.hello = [];
  for (let i = 0; i < RUNS; i++) r.throttled.hello.push((await visit(`${HELLO}/`, { throttle: true })).first);
  for (const [label, url, key] of [['key', APP, withKey], ['slow', SLOW, slowKey], ['demo', APP, null], ['hello', HELLO, null]]) {
    r.back[label] = [];
    for (let i = 0; i < RUNS; i++) {
      const v = await visit(`${url}/`, { key, again: true });
      if (v.problems.length) log(label, 'page problems', v.problems.slice(0, 3));
      r.back[label].push(v.again);
    }
    log('return', label, r.back[label].map((x) => Math.round(x.ms)));
  }

  const rows = [];
  const hello = median(r.throttled.hello.map((x) => x.ms));
  for (const label of ['demo', 'key']) {
    const runs = r.throttled[label];
    const t = median(runs.map((x) => x.ms));
    const b = median(runs.map((x) => x.bytes));
    const floor = (b / DOWN) * 1000;
    rows.push(`| Throttled first visit, ${label === 'demo' ? 'demo mode' : 'with a key'}: navigation → first orders row painted | ${ms(t)} | transfer floor ${ms(floor)} (${kb(b)} fetched by then, ${median(runs.map((x) => x.count))} responses); hello world ${ms(hello)} | ${(t / floor).toFixed(2)} × floor; ${(t / hello).toFixed(2)} × hello | ≤ 1.3 × floor | ${t / floor <= 1.3 ? 'yes' : '**no**'} |`);
    rows.push(`| … its transfer as Chromium fetched it (brotli, every request until the first row) | ${kb(b)} | — | — | ≤ 400 KB | ${b <= 400_000 ? 'yes' : '**no**'} |`);
    const base = r.throttled[label === 'demo' ? 'baseDemo' : 'baseKey'];
    if (base) {
      const bt = median(base.map((x) => x.ms)), bb = median(base.map((x) => x.bytes));
      rows.push(`| … the same visit to ${BASE_LABEL}'s build (before #21's diet) | ${ms(bt)}, ${kb(bb)} | — | now ${(t / bt).toFixed(2)} × that | — | — |`);
    }
  }
  const helloBack = median(r.back.hello.map((x) => x.ms));
  for (const label of ['key', 'slow', 'demo']) {
    const runs = r.back[label];
    const t = median(runs.map((x) => x.ms));
    const before = runs.filter((x) => x.ordersStart === null || x.dom < x.ordersStart).length;
    const beforeAnswer = runs.filter((x) => x.ordersEnd === null || x.dom < x.ordersEnd).length;
    const ctl = runs.filter((x) => x.controlled).length;
    const how = label === 'demo' ? '' : `; rows in the DOM before the orders request was sent in ${before}/${runs.length}, before its answer in ${beforeAnswer}/${runs.length}`;
    const name = { key: 'with a key', slow: 'with a key, the API answering 1.5 s late', demo: 'demo mode' }[label];
    rows.push(`| Return visit, ${name} (worker in control in ${ctl}/${runs.length}${how}) | ${ms(t)} | hello world from the HTTP cache ${ms(helloBack)} | ${(t / helloBack).toFixed(2)} | ≤ 1.5 | ${t / helloBack <= 1.5 ? 'yes' : '**no**'} |`);
  }
  const netBack = median(r.back.key.map((x) => x.bytes));
  const section = `Measured ${new Date().toISOString().slice(0, 10)} by \`scripts/bench-visits.sh\`: headless Chromium on this 2-core machine, release builds of the app and the hello world (bench/hello), each served by \`smsrent-relay --simulate\` on loopback; medians of ${RUNS} runs, each in a fresh profile. Throttling: Chromium's network emulation (CDP), ${RTT} ms added per request, 1.6 Mbit/s down, 750 kbit/s up; the CPU is not slowed. A key's account holds 100 orders.

| figure | app | baseline | ratio | target | met |
|---|---|---|---|---|---|
${rows.join('\n')}

- Runs, throttled (ms): demo ${r.throttled.demo.map((x) => Math.round(x.ms)).join(', ')}; key ${r.throttled.key.map((x) => Math.round(x.ms)).join(', ')}; hello ${r.throttled.hello.map((x) => Math.round(x.ms)).join(', ')}${BASE ? `; ${BASE_LABEL} demo ${r.throttled.baseDemo.map((x) => Math.round(x.ms)).join(', ')}; ${BASE_LABEL} key ${r.throttled.baseKey.map((x) => Math.round(x.ms)).join(', ')}` : ''}.
- Runs, return (ms): key ${r.back.key.map((x) => Math.round(x.ms)).join(', ')}; key, API 1.5 s late ${r.back.slow.map((x) => Math.round(x.ms)).join(', ')}; demo ${r.back.demo.map((x) => Math.round(x.ms)).join(', ')}; hello ${r.back.hello.map((x) => Math.round(x.ms)).join(', ')}. On a return visit with a key the network carried ${kb(netBack)} until the first row (median; the rest came from the worker's cache).`;
  if (env.BENCH_MD) {
    const text = fs.readFileSync(env.BENCH_MD, 'utf8');
    const re = /(<!-- visits:start -->\n)[\s\S]*?(<!-- visits:end -->)/;
    if (!re.test(text)) throw new Error(`no visits markers in ${env.BENCH_MD}`);
    fs.writeFileSync(env.BENCH_MD, text.replace(re, (_, a, b) => `${a}${section}\n${b}`));
  }
  console.log(section);
}

main().catch((e) => { console.error(e); process.exit(1); });
