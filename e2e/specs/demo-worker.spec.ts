import * as fs from 'fs';
import * as path from 'path';
import { BrowserContext } from '@playwright/test';
import { test, expect, controlled, cached, rental, openWithKey } from '../fixtures';

// Demo mode's simulator is a Web Worker of its own (issue #21): a visit with
// a key never downloads it; demo mode starts it, the service worker keeps
// it, and demo mode then works offline too.

const DIST = path.resolve(__dirname, '..', process.env.E2E_DIST ?? '../dist');
const FILES = ['demo-worker.js', 'demo.js', 'demo_bg.wasm'];
const DEMO_STATE = 'smsrent.demo.v1';

/** Every request for the simulator's files, from the page or its workers. */
function simulatorAsked(context: BrowserContext): string[] {
  const asked: string[] = [];
  context.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop()!;
    if (FILES.includes(name)) asked.push(name);
  });
  return asked;
}

async function simulatorCached(page: import('@playwright/test').Page): Promise<string[]> {
  return Object.values(await cached(page)).flat()
    .map((u) => new URL(u).pathname.split('/').pop()!)
    .filter((name) => FILES.includes(name))
    .sort();
}

test('the main module carries no simulator; its worker does', () => {
  const names = fs.readdirSync(DIST);
  const main = names.find((f) => /^smsrent-.*_bg\.wasm$/.test(f))!;
  // A text only the simulator writes (its SMS template for unknown services).
  const template = Buffer.from('Your code: ######');
  expect(fs.readFileSync(path.join(DIST, 'demo_bg.wasm')).includes(template)).toBeTruthy();
  expect(fs.readFileSync(path.join(DIST, main)).includes(template)).toBeFalsy();
});

test('a visit with a key never fetches the simulator', async ({ page, context, sim }) => {
  const asked = simulatorAsked(context);
  const { key } = await rental(sim);
  await openWithKey(page, key);
  await expect(page.locator('tr.order-row')).toHaveCount(1);
  await page.getByRole('navigation').getByRole('link', { name: 'Rent a number', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rent a number' })).toBeVisible();
  await controlled(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Rent a number' })).toBeVisible();
  expect(asked).toEqual([]);
  expect(await simulatorCached(page)).toEqual([]);
});

test('demo mode starts the simulator in its worker, and runs offline once it has',
  async ({ page, context }) => {
    const asked = simulatorAsked(context);
    await page.addInitScript(() => {
      const Native = window.Worker;
      const w = window as any;
      w.workersStarted = 0;
      addEventListener('TrunkApplicationStarted', () => { w.appStarted = true; });
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          w.workersStarted += 1;
          w.workerBeforeApp ??= !w.appStarted;
        }
      };
    });
    await page.goto('/');
    await expect(page.getByTestId('demo-banner')).toBeVisible();
    await expect(page.locator('tr.order-row').first()).toBeVisible();
    expect([...new Set(asked)].sort()).toEqual([...FILES].sort());
    // Started by early.js while the wasm downloaded, and adopted by the app:
    // one worker, not two.
    expect(await page.evaluate(() => (window as any).workersStarted)).toBe(1);
    expect(await page.evaluate(() => (window as any).workerBeforeApp)).toBe(true);
    expect(await page.evaluate(() => (window as any).smsrentDemoWorker)).toBe(false);
    // The page runs no simulator of its own: its state is saved by the worker.
    expect(await page.evaluate((k) => localStorage.getItem(k), DEMO_STATE)).toBeTruthy();

    // First visit: the files came before the service worker took control;
    // the app asks it to keep them.
    await controlled(page);
    await expect.poll(() => simulatorCached(page)).toEqual([...FILES].sort());

    await context.setOffline(true);
    const before = await page.evaluate((k) => localStorage.getItem(k), DEMO_STATE);
    await page.reload();
    await expect(page.getByTestId('demo-banner')).toBeVisible();
    // Answered offline: the worker ran and saved the account again.
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), DEMO_STATE)).not.toEqual(before);
    await page.getByRole('button', { name: 'Refresh' }).first().click();
    await expect(page.locator('tr.order-row').first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await context.setOffline(false);
  });

test('a simulator that cannot load is told, and the next try loads it', async ({ page, context }) => {
  let refuse = true;
  await context.route('**/demo_bg.wasm', (route) => (refuse ? route.abort() : route.continue()));
  await page.goto('/');
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  const status = page.getByTestId('provider-status');
  await expect(status).toContainText("The demo's simulator could not be loaded.");
  await expect(status).toContainText(/Next try in \d+ s/);
  // Nothing was read: not "no numbers".
  await expect(page.getByText('Loading your numbers…')).toBeVisible();
  await expect(page.getByText('No rented numbers yet.')).toHaveCount(0);
  refuse = false;
  await status.getByRole('button', { name: 'Try now' }).click();
  await expect(page.locator('tr.order-row').first()).toBeVisible();
  await expect(status).toHaveCount(0);
});

test('a saved key stops the simulator; forgetting it starts demo mode again', async ({ page, sim }) => {
  await page.addInitScript(() => {
    const w = window as any;
    w.workersStopped = 0;
    const stop = Worker.prototype.terminate;
    Worker.prototype.terminate = function () { w.workersStopped += 1; return stop.call(this); };
  });
  await page.goto('/');
  await expect(page.locator('tr.order-row').first()).toBeVisible();
  const { key } = await rental(sim);
  await page.getByRole('button', { name: 'Use my API key' }).click();
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => (window as any).workersStopped)).toBe(1);

  await page.getByRole('button', { name: 'Forget key' }).click();
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await page.getByRole('link', { name: 'Numbers' }).click();
  await expect(page.locator('tr.order-row').first()).toBeVisible();
  await expect(page.getByTestId('provider-status')).toHaveCount(0);
});
