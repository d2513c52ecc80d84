#!/usr/bin/env node
// The SMS memory (issue #19), run by scripts/bench-history.sh: with 1,000,
// 10,000 and 50,000 SMS stored in the browser (IndexedDB, the app's own
// format), how long the History screen takes to load them, how long a
// search takes from the keystroke to the hits on screen (p50, p95 over a
// set of queries in four scripts), how much storage they use, and how long
// a poll's SMS take to be stored (the app's own timing, in demo mode).
//
// Env: APP_URL (a relay simulating the API and serving the release build),
// SIZES (1000,10000,50000), BENCH_MD (file whose history section is
// rewritten), BENCH_SIZES_MD (a line about the wasm, from the shell script).
import { createRequire } from 'node:module';
import fs from 'node:fs';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const APP = process.env.APP_URL;
const SIZES = (process.env.SIZES ?? '1000,10000,50000').split(',').map(Number);
const log = (...a) => console.error('[history]', ...a);
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

// What a busy renter's inbox holds: many countries, services and scripts.
const COUNTRIES = [['RU', '+7', 10], ['KZ', '+7', 10], ['UA', '+380', 9], ['DE', '+49', 11], ['GB', '+44', 10],
  ['US', '+1', 10], ['CN', '+86', 11], ['ID', '+62', 11], ['BR', '+55', 11], ['IN', '+91', 10], ['NL', '+31', 9], ['AT', '+43', 12]];
const SERVICES = ['Telegram', 'WhatsApp', 'Google', 'Instagram', 'Facebook', 'VK', 'Alipay', 'WeChat', 'Microsoft',
  'Amazon', 'TikTok', 'Uber', 'Tinder', 'Discord', 'Yandex', 'OpenAI'];
const TEXTS = [
  (c, s) => `Your ${s} code is ${c}. Do not share it with anyone.`,
  (c, s) => `${c} is your ${s} verification code.`,
  (c) => `Ваш код подтверждения: ${c}. Никому его не сообщайте.`,
  (c, s) => `Код для входа в ${s}: ${c}`,
  (c) => `【验证码】您的验证码是 ${c}，5分钟内有效，请勿泄露。`,
  (c) => `您的驗證碼為 ${c}，請於10分鐘內輸入。`,
  (c, s) => `${s}: Ihr Bestätigungscode lautet ${c}.`,
  () => 'Welcome! Your account has been created. Reply STOP to unsubscribe.',
];

/** `n` entries as the app stores them (see src/store/memory/db.rs). */
function entries(n, seed = 1) {
  let x = seed;
  const rnd = (k) => { x = (x * 1103515245 + 12345) % 2147483648; return x % k; };
  const now = Date.now();
  const out = [];
  const orders = Math.max(1, Math.floor(n / 4));
  for (let i = 0; i < n; i++) {
    const order = 100000 + rnd(orders);
    const [country, cc, len] = COUNTRIES[order % COUNTRIES.length];
    let digits = String(order * 7919 + 1234567);
    while (digits.length < len) digits += String(order % 10);
    const number = `${cc} ${digits.slice(0, len)}`;
    const service = SERVICES[order % SERVICES.length];
    const code = String(100000 + rnd(899999));
    const kind = rnd(TEXTS.length);
    const text = TEXTS[kind](code, service);
    const at = new Date(now - rnd(80 * 86400) * 1000);
    const e = {
      id: `${order}:${Math.floor(at / 1000)}:${i.toString(16).padStart(16, '0')}`,
      order, number, service, scode: `opt${order % 90}`, own: rnd(10) > 0, country,
      sender: rnd(3) ? service : `+${1000 + rnd(9000)}`, text, at: at.toISOString(),
      code: kind === TEXTS.length - 1 ? null : code,
    };
    out.push({ id: e.id, t: at.getTime(), n: number.replace(/\D/g, ''), j: JSON.stringify(e) });
  }
  return out;
}

const QUERIES = ['telegram', 'код', '验证码', '驗證碼', 'bestätigungscode', 'whatsapp code', 'amazon',
  '+7 9', '4821', 'welcome', 'nothing-like-this', 'OpenAI 12', 'yandex вход', 'google', 'STOP'];

async function seed(page, rows) {
  await page.evaluate(async (rows) => {
    const db = await new Promise((ok, no) => {
      const r = indexedDB.open('smsrent.history.demo', 1);
      r.onupgradeneeded = () => {
        const d = r.result;
        const sms = d.createObjectStore('sms', { keyPath: 'id' });
        sms.createIndex('t', 't');
        sms.createIndex('n', 'n');
        d.createObjectStore('orders', { keyPath: 'id' });
        d.createObjectStore('meta', { keyPath: 'id' });
      };
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    for (let i = 0; i < rows.length; i += 5000) {
      await new Promise((ok, no) => {
        const tx = db.transaction('sms', 'readwrite');
        for (const row of rows.slice(i, i + 5000)) tx.objectStore('sms').put(row);
        tx.oncomplete = ok;
        tx.onerror = () => no(tx.error);
      });
    }
    db.close();
  }, rows);
}

const usage = (page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

async function measure(browser, n) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  // Seeded while the app shows its settings (which open the memory), then
  // the History screen is opened afresh: a new visit reads what is stored.
  await page.goto(`${APP}/settings`);
  await page.getByTestId('history-stored').filter({ hasText: 'SMS stored' }).waitFor();
  const before = await usage(page);
  const rows = entries(n);
  await seed(page, rows);
  const after = await usage(page);
  await page.goto(`${APP}/history`);
  const count = page.getByTestId('history-count');
  await count.waitFor({ timeout: 120_000 });
  // (Demo orders' own SMS may join the seeded ones as the app reads them.)
  await page.waitForFunction((n) => parseInt(document.querySelector('[data-testid=history-count]')?.textContent ?? '0', 10) >= n, n, { timeout: 120_000 });
  const load = await page.evaluate(() => performance.getEntriesByName('smsrent-memory-load').at(-1)?.duration ?? NaN);
  const shown = [];
  const core = [];
  // Three rounds of every query, each from the empty box.
  for (let round = 0; round < 3; round++) {
    for (const q of QUERIES) {
      for (const text of [q, '']) {
        const t = await page.evaluate(async (text) => {
          const box = document.querySelector('[data-testid=history-search]');
          const runs = () => performance.getEntriesByName('smsrent-history-search').length;
          const seen = runs();
          const t0 = performance.now();
          box.value = text;
          box.dispatchEvent(new Event('input', { bubbles: true }));
          while (runs() === seen) await new Promise((r) => setTimeout(r, 0));
          // Drawn: the frame after the hits changed.
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const last = performance.getEntriesByName('smsrent-history-search').at(-1);
          return { shown: performance.now() - t0, core: last.duration };
        }, text);
        if (text) { shown.push(t.shown); core.push(t.core); }
      }
    }
  }
  await ctx.close();
  return { n, load, shown, core, bytes: after - before };
}

/** A poll's SMS stored: the app's own timing of each store, in demo mode. */
async function storeTime(browser) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${APP}/`);
  await page.locator('tr.order-row').first().waitFor();
  const rows = page.locator('tr.order-row');
  const total = await rows.count();
  for (let i = 0; i < Math.min(total, 8); i++) {
    await rows.nth(i).getByRole('button', { name: /^SMS of/ }).click();
    await page.waitForTimeout(600);
    await rows.nth(i).getByRole('button', { name: /^SMS of/ }).click();
  }
  await page.waitForTimeout(1500);
  const times = await page.evaluate(() => performance.getEntriesByName('smsrent-memory-store').map((e) => e.duration));
  await ctx.close();
  return times;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new'] });
const results = [];
for (const n of SIZES) {
  log(`${n} SMS`);
  results.push(await measure(browser, n));
}
const stores = await storeTime(browser);
await browser.close();

const rowsMd = results.map((r) =>
  `| ${r.n.toLocaleString('en')} | ${ms(r.load)} | ${ms(pct(r.shown, 50))} | ${ms(pct(r.shown, 95))} | ${ms(pct(r.core, 50))} | ${ms(pct(r.core, 95))} | ${(r.bytes / 1e6).toFixed(1)} MB (${Math.round(r.bytes / r.n)} B each) |`);
const section = [
  `Measured ${new Date().toISOString().slice(0, 10)} by \`scripts/bench-history.sh\`, one run, headless Chromium on this 2-core machine, release build. ` +
  `SMS generated as a busy renter's inbox (12 countries, 16 services, texts in English, Russian, Chinese and German) are written into the app's IndexedDB format; ` +
  `then the History screen opens and ${QUERIES.length} queries (Latin, Cyrillic, Chinese, digits, a number, two words, one that finds nothing) are typed three times each. ` +
  '"Shown" is from the input event to the second frame after the hits changed (the search and the first page of 50 drawn); "search" is the index search alone (the app\'s own `performance.measure`). ' +
  'Target: well under a second at 50,000.',
  '',
  '| SMS stored | load (once per visit) | shown p50 | shown p95 | search p50 | search p95 | storage used |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  ...rowsMd,
  '',
  stores.length
    ? `A poll's SMS stored (one transaction per read, ${stores.length} reads of demo orders): p50 ${ms(pct(stores, 50))}, max ${ms(Math.max(...stores))}; it runs after the read, off the request queue.`
    : 'No SMS store was timed (no demo order had SMS).',
  ...(process.env.BENCH_SIZES_MD ? ['', process.env.BENCH_SIZES_MD] : []),
].join('\n');
console.log(section);
if (process.env.BENCH_MD) {
  const md = fs.readFileSync(process.env.BENCH_MD, 'utf8');
  const start = '<!-- history:start -->';
  const end = '<!-- history:end -->';
  const block = `${start}\n${section}\n${end}`;
  const out = md.includes(start) ? md.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block) : `${md.trimEnd()}\n\n## SMS memory\n\n${block}\n`;
  fs.writeFileSync(process.env.BENCH_MD, out);
}
