#!/usr/bin/env node
// Time to code (issue #18), run by scripts/bench-code.sh: from the moment
// the simulator receives an SMS (injected through its control surface) to
// the code's copy button in the order's row, for a watched order and for
// an unwatched one, at the app's real pace (30 s poll, 4 s request gap).
// The provider's own page refreshes every 30 s: 15 s on average, 30 s at
// worst, is the anchor. Host and page read the same system clock.
//
// Env: APP_URL (a relay simulating the API and serving the release build),
// TRIALS (20), BENCH_MD (file whose time-to-code section is rewritten).
import { createRequire } from 'node:module';
import fs from 'node:fs';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const APP = process.env.APP_URL;
const TRIALS = Number(process.env.TRIALS ?? 20);
const log = (...a) => console.error('[time-to-code]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

async function ctl(action, params = {}) {
  const res = await fetch(`${APP}/_sim/${action}?${new URLSearchParams(params)}`);
  return res.json();
}
async function api(params) {
  return (await fetch(`${APP}/api/rent.php?${new URLSearchParams(params)}`)).json();
}

/** One page, one order; `trials` codes injected at random moments. */
async function run(browser, watched) {
  const key = `test-ttc-${Date.now().toString(36)}-${watched ? 'w' : 'u'}`;
  await ctl('set_balance', { key, amount: 1000 });
  const created = await api({ method: 'create', apikey: key, country: 'RU', service: 'opt16', dtype: 'week', dcount: 1 });
  const id = String((Array.isArray(created.data) ? created.data[0] : created.data).id);
  // The gap the counters measure is between the app's own requests: the
  // rental made here goes a gap before them.
  await sleep(4500);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.addInitScript(([k]) => localStorage.setItem('smsrent.apikey', k), [key]);
  await page.goto(APP + '/');
  const row = page.locator(`tr.order-row[data-order-id="${id}"]`);
  await row.waitFor();
  const times = [];
  for (let i = 0; i < TRIALS; i++) {
    if (watched) {
      const start = row.getByRole('button', { name: /^Wait for a code|^Wait again/ });
      await start.click({ timeout: 10_000 }).catch(async (e) => {
        await page.screenshot({ path: '/tmp/ttc-fail.png', fullPage: true });
        throw e;
      });
    }
    await sleep(500 + Math.random() * (watched ? 4000 : 30_000));
    const code = String(100000 + Math.floor(Math.random() * 899999));
    const seen = page.evaluate((code) => new Promise((resolve) => {
      const found = () => Array.from(document.querySelectorAll('button.code-copy'))
        .some((b) => (b.textContent ?? '').replace(/\s/g, '').includes(code));
      const check = () => { if (found()) { requestAnimationFrame(() => resolve(Date.now())); return true; } return false; };
      if (check()) return;
      const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
      mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    }), code);
    const sent = Date.now();
    await ctl('inject_sms', { key, id, text: `Your Instagram code is ${code}`, sender: 'FACEBOOK' });
    const shown = await Promise.race([seen, sleep(90_000).then(() => NaN)]);
    times.push((shown - sent) / 1000);
    log(watched ? 'watched' : 'unwatched', i + 1, times.at(-1).toFixed(2), 's');
    // The code is seen: copy it, so the next trial's row starts clean.
    await row.locator('button.code-copy').click().catch(() => {});
  }
  const counters = (await ctl('counters', { key })).data;
  await ctx.close();
  return { times, counters };
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const watched = await run(browser, true);
const unwatched = await run(browser, false);
await browser.close();

const fmt = (xs) => `${pct(xs, 50).toFixed(1)} s / ${pct(xs, 95).toFixed(1)} s / ${Math.max(...xs).toFixed(1)} s`;
const gap = (c) => c.min_gap_ms;
const section = `<!-- time-to-code:start -->
Measured by \`bench/time-to-code.mjs\` (run by \`scripts/bench-code.sh\`) on ${new Date().toISOString().slice(0, 10)}: release build of the app, a relay simulating the API on
127.0.0.1, headless Chromium; the app at its real pace (orders every 30 s, 4 s between requests). ${TRIALS} trials each, an SMS
injected at a random moment; time from the simulator receiving it to the code in the row (a frame after it is in the DOM).

| order | p50 / p95 / max | baseline: the provider's page (refresh every 30 s) | target | met |
|---|---|---|---|---|
| watched ("Wait for a code") | ${fmt(watched.times)} | 15 s mean, 30 s worst | p50 ≤ 3 s, p95 ≤ 6 s | ${pct(watched.times, 50) <= 3 && pct(watched.times, 95) <= 6 ? 'yes' : '**no**'} |
| not watched (the orders poll) | ${fmt(unwatched.times)} | 15 s mean, 30 s worst | no worse than before (the poll) | — |

- Requests while watching (the simulator's per-key counters): ${JSON.stringify(watched.counters.calls ?? watched.counters)}; smallest gap between two requests of that account: ${gap(watched.counters) ?? 'see counters'} ms (configured 4000 ms).
- Trials, watched (s): ${watched.times.map((t) => t.toFixed(1)).join(', ')}.
- Trials, not watched (s): ${unwatched.times.map((t) => t.toFixed(1)).join(', ')}.
<!-- time-to-code:end -->`;
console.log(section);
if (process.env.BENCH_MD) {
  let md = fs.readFileSync(process.env.BENCH_MD, 'utf8');
  const re = /<!-- time-to-code:start -->[\s\S]*<!-- time-to-code:end -->/;
  md = re.test(md) ? md.replace(re, section) : md.replace('## App\n', `## Time to code\n\n${section}\n\n## App\n`);
  fs.writeFileSync(process.env.BENCH_MD, md);
}
