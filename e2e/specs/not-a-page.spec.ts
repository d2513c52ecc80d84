import { test, expect, Request } from '@playwright/test';
import { spawn, ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { RELAY, DIST } from '../playwright.config';

// Issue #22: nothing runs on the app's origin that is not the app. An
// answer the relay forwards is opened as a page on the app's origin (a
// link, a typed URL): whatever its body and label, no script of it runs and
// the key the app keeps in localStorage is not read. The relay's headers
// alone are also checked in relay/tests/origin.rs.
//
// Its own relay (port 0, loopback) forwards to a fake upstream here, and
// serves the build under test so that the origin is the app's. The shared
// fixtures are not used: the sandboxed answers' blocked image is a
// Content-Security-Policy report by design.

const STORED_KEY = 'test-stored-S3CRETKEY';
const PROBE = "document.title='PWNED';window.pwned=1;"
  + "fetch('/leak?k='+encodeURIComponent(localStorage.getItem('smsrent.apikey')))";
const BODIES: Record<string, { type?: string; body: string }> = {
  html: { type: 'text/html; charset=utf-8', body: `<img src=x onerror="${PROBE}">` },
  notype: { body: `<!doctype html><img src=x onerror="${PROBE}"><script>${PROBE}</script>` },
  svg: {
    type: 'image/svg+xml',
    body: `<svg xmlns="http://www.w3.org/2000/svg" onload="${PROBE}"><script>${PROBE}</script></svg>`,
  },
  xhtml: {
    type: 'application/xhtml+xml',
    body: `<html xmlns="http://www.w3.org/1999/xhtml"><body><script>${PROBE}</script></body></html>`,
  },
};

let upstream: http.Server;
let relay: ChildProcess;
let origin: string;

test.beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const method = new URL(req.url ?? '/', 'http://x').searchParams.get('method') ?? '';
    const answer = BODIES[method] ?? { type: 'application/json', body: '{"status":1,"data":[]}' };
    if (answer.type) res.setHeader('Content-Type', answer.type);
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const up = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  relay = spawn(RELAY, ['--listen', '127.0.0.1:0', '--upstream', up, '--allow-custom-upstream',
    '--serve', DIST], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, RUST_LOG: 'warn' } });
  const line: string = await new Promise((resolve, reject) => {
    createInterface({ input: relay.stdout! }).once('line', resolve);
    relay.once('exit', (code) => reject(new Error(`relay exited: ${code}`)));
  });
  origin = line.replace('smsrent-relay listening on ', '').replace(/\/$/, '');
});

test.afterAll(async () => {
  relay?.kill('SIGTERM');
  await new Promise<void>((resolve) => upstream?.close(() => resolve()));
});

for (const method of Object.keys(BODIES)) {
  test(`an API answer labelled ${BODIES[method].type ?? 'with no type'} runs nothing`, async ({ page, context }) => {
    const sent: string[] = [];
    context.on('request', (r: Request) => sent.push(r.url()));
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });

    // The app's origin, with a key saved as the app saves it.
    await page.goto(`${origin}/`);
    await page.evaluate((k) => localStorage.setItem('smsrent.apikey', k), STORED_KEY);

    sent.length = 0; // from here on, only what the answer's page might send
    const res = await page.goto(`${origin}/api/rent.php?method=${method}&apikey=test-nav`);
    expect(res!.status()).toBe(200);
    const headers = res!.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['content-security-policy']).toContain('sandbox');
    expect(headers['content-type']).toMatch(/^(text\/plain|application\/json)/);
    expect(await res!.text()).toBe(BODIES[method].body); // the bytes are unchanged

    await page.waitForTimeout(500); // time for an error handler or onload to fire
    expect(await page.title()).not.toBe('PWNED');
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
    expect(await page.locator('img, svg, script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(sent.filter((u) => u.includes('/leak') || u.includes(STORED_KEY))).toEqual([]);
    // The key is still where the app left it, and was not read out.
    await page.goto(`${origin}/`);
    expect(await page.evaluate(() => localStorage.getItem('smsrent.apikey'))).toBe(STORED_KEY);
  });
}
