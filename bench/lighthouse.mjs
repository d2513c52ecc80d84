// Lighthouse on the first visit (issue #21's yardstick): mobile preset
// (simulated slow 4G, a 4x slower CPU) and desktop, in demo mode and with a
// key against the relay's simulator, each LH_RUNS times in a fresh profile
// (cold cache, empty storage); medians. Run by scripts/bench-lighthouse.sh,
// which installs Lighthouse and serves the build; writes its section of
// BENCHMARKS.md between <!-- lighthouse:start --> and <!-- lighthouse:end -->.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const TOOLS = process.env.LH_TOOLS;
const require = createRequire(path.join(TOOLS, 'package.json'));
const { default: lighthouse, desktopConfig } = await import(require.resolve('lighthouse'));
const puppeteer = (await import(require.resolve('puppeteer-core'))).default;

// "label=url,label=url": each build measured in this one run.
const BUILDS = process.env.APP_URLS.split(',').map((b) => b.split('='));
const RUNS = Number(process.env.LH_RUNS ?? 3);
const MD = process.env.BENCH_MD;
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

async function once(app, mode, preset) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smsrent-lh-'));
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ARGS, userDataDir: dir });
  try {
    const page = await browser.newPage();
    if (mode === 'key') {
      // A fresh simulator account per run, stored as if entered in Settings.
      const key = `test-lh-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      await fetch(`${app}/_sim/set_balance?key=${key}&amount=100`);
      await page.evaluateOnNewDocument((k) => localStorage.setItem('smsrent.apikey', k), key);
    }
    const config = preset === 'desktop' ? desktopConfig : undefined;
    const result = await lighthouse(app + '/', { logLevel: 'error', output: 'json' }, config, page);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${mode} ${preset}: ${lhr.runtimeError.message}`);
    const audit = (id) => lhr.audits[id].numericValue;
    const longTasks = lhr.audits['long-tasks'].details?.items ?? [];
    return {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      bestPractices: Math.round(lhr.categories['best-practices'].score * 100),
      seo: Math.round(lhr.categories.seo.score * 100),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      tti: audit('interactive'),
      fcp: audit('first-contentful-paint'),
      longTasks: longTasks.map((t) => `${Math.round(t.duration)} ms (${t.url.split('/').pop() || 'document'})`),
    };
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const rows = [];
const notes = [];
for (const mode of ['demo', 'key']) {
  for (const preset of ['mobile', 'desktop']) {
  for (const [label, app] of BUILDS) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(app, mode, preset));
    const m = (k) => median(runs.map((r) => r[k]));
    const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
    rows.push(`| ${mode === 'demo' ? 'demo mode' : 'with a key (simulator)'} | ${preset} | ${label} | ${m('performance')} (${runs.map((r) => r.performance).join(', ')}) | ${s(m('lcp'))} | ${Math.round(m('tbt'))} ms | ${s(m('tti'))} | ${s(m('fcp'))} | ${m('accessibility')} / ${m('bestPractices')} / ${m('seo')} |`);
    const mid = runs.find((r) => r.performance === m('performance'));
    notes.push(`${mode}, ${preset}, ${label}: ${mid.longTasks.join(', ') || 'none'}`);
    console.error(rows.at(-1));
  }
  }
}

const version = JSON.parse(fs.readFileSync(require.resolve('lighthouse/package.json'), 'utf8')).version;
const section = `Measured ${new Date().toISOString().slice(0, 10)} by \`scripts/bench-lighthouse.sh\`: Lighthouse ${version} (Node API, puppeteer-core) driving Debian's Chromium headless on this 2-core machine, release build served by \`smsrent-relay --simulate\` on loopback; first visits, each in a fresh profile; medians of ${RUNS} runs (each run's score in brackets). Mobile: Lighthouse's default (simulated slow 4G: 150 ms, 1.6 Mbit/s; CPU 4x slower); desktop: its desktop preset. Targets (issue #21): mobile performance ≥ 95, LCP ≤ 2.5 s, TBT ≤ 200 ms; the other categories 100.

| visit | preset | build | performance | LCP | TBT | TTI | FCP | accessibility / best practices / SEO |
|---|---|---|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

Long tasks of the median run (as Lighthouse scales them for its CPU slowdown): ${notes.join('; ')}.`;

if (MD) {
  const text = fs.readFileSync(MD, 'utf8');
  const re = /(<!-- lighthouse:start -->\n)[\s\S]*?(<!-- lighthouse:end -->)/;
  if (!re.test(text)) throw new Error(`no lighthouse markers in ${MD}`);
  fs.writeFileSync(MD, text.replace(re, (_, a, b) => `${a}${section}\n${b}`));
}
console.log(section);
