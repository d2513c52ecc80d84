import { spawn, ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { chromium, BrowserContext, Page } from '@playwright/test';
import { test, expect, freshKey, controlled, cached } from '../fixtures';

// The installable app: manifest and icons, Chromium's installability check,
// the service worker (offline shell, API never cached, update banner), and a
// build served under a sub-path.

const ROOT = path.resolve(__dirname, '..', '..');
const RELAY = path.join(process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target'), 'debug', 'smsrent-relay');
const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
};

/** A relay this spec starts on a free loopback port (its own simulator). */
class Relay {
  private constructor(private child: ChildProcess, readonly origin: string) {}

  static async start(args: string[]): Promise<Relay> {
    const child = spawn(RELAY, ['--listen', '127.0.0.1:0', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, RUST_LOG: 'warn' },
    });
    let err = '';
    child.stderr!.on('data', (d) => { err += d; });
    const origin = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`relay did not start: ${err}`)), 15_000);
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /listening on (http:\/\/[^\s/]+)/.exec(out);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      });
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`relay exited (${code}): ${err}`)); });
    });
    return new Relay(child, origin);
  }

  async stop() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/** A persistent (non-incognito) context: Chromium never offers to install
 *  from an incognito one, and Playwright's default contexts are that. */
async function profileContext(baseURL: string): Promise<{ context: BrowserContext; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smsrent-pwa-'));
  const context = await chromium.launchPersistentContext(dir, { ...LAUNCH, baseURL });
  return { context, dir };
}

async function installability(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  const manifest = await cdp.send('Page.getAppManifest');
  await cdp.detach();
  return { installabilityErrors, manifest };
}

function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the manifest, its icons and the favicons are served', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').evaluate((l: HTMLLinkElement) => l.href);
  const res = await request.get(href);
  expect(res.ok()).toBeTruthy();
  expect(res.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await res.json();
  expect(manifest.name).toBe('smsrent');
  expect(manifest.short_name).toBeTruthy();
  expect(manifest.description).toBeTruthy();
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toBe('#1f4e79');
  expect(manifest.background_color).toBe('#f6f7f9');
  expect(new URL(manifest.start_url, href).pathname).toBe('/');
  expect(new URL(manifest.scope, href).pathname).toBe('/');
  const sizes = new Set<string>();
  for (const icon of manifest.icons) {
    const bytes = await (await request.get(new URL(icon.src, href).href)).body();
    const { width, height } = pngSize(bytes);
    expect(`${width}x${height}`).toBe(icon.sizes);
    sizes.add(`${icon.sizes} ${icon.purpose}`);
  }
  for (const want of ['192x192 any', '512x512 any', '192x192 maskable', '512x512 maskable']) {
    expect(sizes).toContain(want);
  }
  // No more /favicon.ico 404s; an apple-touch-icon for iOS home screens.
  const ico = await request.get('/favicon.ico');
  expect(ico.ok()).toBeTruthy();
  expect((await ico.body()).readUInt16LE(2)).toBe(1); // an icon file
  const apple = await page.locator('link[rel="apple-touch-icon"]').evaluate((l: HTMLLinkElement) => l.href);
  expect(pngSize(await (await request.get(apple)).body())).toEqual({ width: 180, height: 180 });
});

/** GET `url` accepting only `encoding`: the body exactly as sent. */
function rawGet(url: string, encoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'Accept-Encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('the wasm, JS and CSS go out as the build precompressed them', async ({ baseURL }) => {
  const dist = path.resolve(ROOT, 'e2e', process.env.E2E_DIST ?? '../dist');
  const files = fs.readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f) && f !== 'sw.js');
  // The app's and demo mode's worker's.
  expect(files.filter((f) => f.endsWith('_bg.wasm')).sort()).toEqual(['demo_bg.wasm', expect.stringMatching(/^smsrent-[0-9a-f]+_bg\.wasm$/)]);
  for (const file of files) {
    const original = fs.readFileSync(path.join(dist, file));
    if (original.length < 1024) continue; // too small to be worth it (scripts/precompress.cjs)
    for (const [encoding, ext, decode] of [
      ['br', 'br', zlib.brotliDecompressSync],
      ['gzip', 'gz', zlib.gunzipSync],
    ] as const) {
      const built = fs.readFileSync(path.join(dist, `${file}.${ext}`));
      const { headers, body } = await rawGet(`${baseURL}/${file}`, encoding);
      expect(headers['content-encoding'], `${file} ${encoding}`).toBe(encoding);
      expect(body.equals(built), `${file}: the build's .${ext}, byte for byte`).toBeTruthy();
      expect(decode(body).equals(original), `${file}: .${ext} is the file`).toBeTruthy();
    }
  }
});

test('Chromium reports the app installable', async ({ baseURL }) => {
  const { context, dir } = await profileContext(baseURL!);
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto('/');
    await expect(page.locator('.app-header')).toBeVisible();
    await controlled(page);
    const { installabilityErrors, manifest } = await installability(page);
    expect(manifest.errors).toEqual([]);
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the app shell loads offline after a first visit', async ({ page, context }, testInfo) => {
  await page.goto('/');
  await expect(page.locator('tr.order-row').first()).toBeVisible();
  const orders = await page.locator('tr.order-row').count();
  await controlled(page);
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);

  await context.setOffline(true);
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  const shell = await page.reload();
  expect(shell?.fromServiceWorker()).toBe(true);
  await expect(page.locator('.app-header')).toBeVisible();
  await expect(page.getByTestId('offline-banner')).toHaveText('You are offline: showing what was last received.');
  await expect(page.locator('tr.order-row')).toHaveCount(orders);
  await page.screenshot({ path: testInfo.outputPath('offline.png') });

  // A deep link opens offline too.
  await page.goto('/archive');
  await expect(page.getByRole('heading', { name: 'Archive', level: 1 })).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);
});

test('API answers are never cached, only the shell of this build', async ({ page }) => {
  await page.addInitScript(([k]) => {
    localStorage.setItem('smsrent.apikey', k);
    localStorage.setItem('smsrent.min_gap_ms', '200');
  }, [freshKey()]);
  const api = page.waitForResponse((r) => r.url().includes('/api/rent.php'));
  await page.goto('/');
  await api;
  await controlled(page);
  // More API traffic, now under the worker.
  await page.reload();
  await page.waitForResponse((r) => r.url().includes('/api/rent.php'));

  const sw = await (await page.request.get('/sw.js')).text();
  const shell: string[] = JSON.parse(/const SHELL = (\[[\s\S]*?\]);/.exec(sw)![1]);
  expect(shell).toContain('index.html');
  expect(shell.filter((f) => f.endsWith('.wasm'))).toEqual([expect.stringMatching(/^smsrent-[0-9a-f]+_bg\.wasm$/)]);
  expect(shell).toContain('manifest.webmanifest');

  const caches = await cached(page);
  const names = Object.keys(caches);
  expect(names).toHaveLength(1);
  const origin = new URL(page.url()).origin;
  const urls = caches[names[0]].map((u) => u.slice(origin.length + 1)).sort();
  expect(urls).toEqual([...shell].sort());
  expect(urls.filter((u) => u.startsWith('api/') || u.startsWith('_sim/'))).toEqual([]);
});

test.describe('a new version', () => {
  let relay: Relay;
  let site: string;

  test.beforeAll(async () => {
    // A copy of the build that this test can "deploy" a new version over.
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'smsrent-site-'));
    fs.cpSync(path.resolve(ROOT, 'e2e', process.env.E2E_DIST ?? '../dist'), site, { recursive: true });
    relay = await Relay.start(['--simulate', '--serve', site]);
  });
  test.afterAll(async () => {
    await relay?.stop();
    fs.rmSync(site, { recursive: true, force: true });
  });

  test('is offered with "A new version is ready" and a Reload', async ({ page }, testInfo) => {
    await page.goto(`${relay.origin}/`);
    await expect(page.locator('tr.order-row').first()).toBeVisible();
    await controlled(page);
    const [before] = Object.keys(await cached(page));
    await expect(page.getByTestId('update-banner')).toHaveCount(0);

    // Deploy: a build whose sw.js differs (as a new build's version would).
    const swPath = path.join(site, 'sw.js');
    const sw = fs.readFileSync(swPath, 'utf8');
    const version = /const VERSION = "([0-9a-f]+)";/.exec(sw)![1];
    fs.writeFileSync(swPath, sw.replace(`"${version}"`, '"0000000000000new"'));
    // A later modification time for sure: the relay revalidates with
    // Last-Modified (whole seconds), and a deploy within the second the
    // old file was copied would otherwise be answered 304 to the update check.
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(swPath, later, later);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

    const banner = page.getByTestId('update-banner');
    // The new worker first caches the whole new shell: allow for a slow machine.
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(banner).toContainText('A new version is ready.');
    await page.screenshot({ path: testInfo.outputPath('update-banner.png') });
    // Still the old build until the person says so.
    expect(Object.keys(await cached(page))).toContain(before);

    const reloaded = page.waitForEvent('load');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.locator('.app-header')).toBeVisible();
    await expect(page.getByTestId('update-banner')).toHaveCount(0);
    // The new version's cache only: the old one was dropped on activation.
    await expect.poll(async () => Object.keys(await cached(page))).toEqual([
      before.replace(version, '0000000000000new'),
    ]);
  });
});

test.describe('under a sub-path', () => {
  const dist = path.resolve(ROOT, 'e2e', process.env.E2E_DIST_SUBPATH ?? '../dist-subpath');
  let relay: Relay;

  test.beforeAll(async () => {
    expect(fs.existsSync(path.join(dist, 'index.html')),
      'build it first: trunk build --release --public-url /smsrent/ --dist dist-subpath').toBeTruthy();
    relay = await Relay.start(['--simulate', '--serve', dist, '--base-path', '/smsrent/']);
  });
  test.afterAll(async () => { await relay?.stop(); });

  test('/smsrent/ works: orders, deep links, manifest, service worker, API', async ({ page }) => {
    const base = `${relay.origin}/smsrent/`;
    await page.goto(base);
    await expect(page.getByTestId('demo-banner')).toBeVisible();
    await expect(page.locator('tr.order-row').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Numbers' })).toHaveAttribute('aria-current', 'page');

    await page.getByRole('link', { name: 'Archive' }).click();
    await expect(page).toHaveURL(`${base}archive`);
    await expect(page.getByRole('heading', { name: 'Archive', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Archive' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('link', { name: 'Numbers' })).not.toHaveAttribute('aria-current', 'page');
    await page.reload();
    await expect(page).toHaveURL(`${base}archive`);
    await expect(page.getByRole('heading', { name: 'Archive', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Numbers' }).click();
    await expect(page).toHaveURL(base);
    await expect(page.locator('tr.order-row').first()).toBeVisible();
    // Navigation from code (the router's navigate) stays under the base too.
    await page.getByRole('button', { name: 'Use my API key' }).click();
    await expect(page).toHaveURL(`${base}settings`);
    await expect(page.getByLabel('API key')).toBeVisible();

    const href = await page.locator('link[rel="manifest"]').evaluate((l: HTMLLinkElement) => l.href);
    expect(href).toBe(`${base}manifest.webmanifest`);
    const manifest = await (await page.request.get(href)).json();
    expect(new URL(manifest.start_url, href).href).toBe(base);
    expect(new URL(manifest.scope, href).href).toBe(base);

    await controlled(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(base);

    // The relative endpoint resolves under the base path.
    await page.evaluate((k) => localStorage.setItem('smsrent.apikey', k), freshKey());
    const api = page.waitForRequest((r) => r.url().includes('api/rent.php'));
    await page.reload();
    expect(new URL((await api).url()).pathname).toBe('/smsrent/api/rent.php');
    await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  });

  test('Chromium reports the sub-path app installable', async () => {
    const { context, dir } = await profileContext(relay.origin);
    try {
      const page = context.pages()[0] ?? await context.newPage();
      await page.goto('/smsrent/');
      await expect(page.locator('.app-header')).toBeVisible();
      await controlled(page);
      const { installabilityErrors, manifest } = await installability(page);
      expect(manifest.url).toBe(`${relay.origin}/smsrent/manifest.webmanifest`);
      expect(manifest.errors).toEqual([]);
      expect(installabilityErrors).toEqual([]);
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
