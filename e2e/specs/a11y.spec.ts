import * as fs from 'fs';
import * as path from 'path';
import { test, expect, freshKey, openWithKey, Sim } from '../fixtures';
import type { Page } from '@playwright/test';

// Every screen, light and dark, at 360 px and 1280 px: axe-core finds no
// serious or critical violation, nothing scrolls sideways, and a screenshot
// of each lands in e2e/screenshots/ for a person to look at.

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = path.join(__dirname, '..', 'screenshots');
const WIDTHS = [360, 1280] as const;
const path_ = (name: string) => path.join(SHOTS, `${name}.png`);
const THEMES = ['light', 'dark'] as const;

/** An account with four rentals: one active with a new SMS, one waiting
 * for activation, two more; and one expired rental in the archive. */
async function account(sim: Sim) {
  const key = freshKey();
  await sim.control('set_balance', { key, amount: 5000 });
  const ids: string[] = [];
  for (const [country, service] of [['RU', 'opt16'], ['KZ', 'opt69'], ['RU', 'opt20'], ['AT', 'opt48'], ['RU', 'opt1']]) {
    const created = await sim.api({ method: 'create', apikey: key, country, service, dtype: 'week', dcount: 1 });
    expect(Number(created.status), JSON.stringify(created)).toBe(1);
    ids.push(String(Array.isArray(created.data) ? created.data[0].id : created.data.id));
  }
  await sim.api({ method: 'activate', apikey: key, id: ids[0] });
  await sim.api({ method: 'activate', apikey: key, id: ids[2] });
  await sim.advance(15);
  await sim.control('inject_sms', { key, id: ids[0], text: 'Code Instagram: 482 913.', sender: 'FACEBOOK' });
  await sim.control('expire', { key, id: ids[4] });
  // Three days left: the prolong window is open.
  await sim.control('set_until', { key, id: ids[0], secs: 3 * 86_400 });
  return { key, withSms: ids[0] };
}

/** `dialog`: a modal covers the viewport, so the picture is of the viewport. */
type Screen = { name: string; open: (page: Page) => Promise<void>; dialog?: boolean };

/** axe-core's serious and critical findings, one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline
  // scripts) does not stop it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations: any[] = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n: any) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}):\n    ${v.nodes.join('\n    ')}`);
}

async function check(page: Page, screen: Screen) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const problems: string[] = [];
  // Opened once: the layout and the colours follow the viewport and the
  // colour scheme live, as they do when a phone turns or the system's
  // theme changes.
  await page.setViewportSize({ width: WIDTHS[0], height: 780 });
  await screen.open(page);
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
      // Let layout and fonts settle before measuring and taking the picture.
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(100);
      for (const p of await axeProblems(page)) problems.push(`${screen.name} ${theme} ${width}px: ${p}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`${screen.name} ${theme} ${width}px: scrolls sideways by ${overflow}px`);
      await page.screenshot({ path: path.join(SHOTS, `${screen.name}-${width}-${theme}.png`), fullPage: !screen.dialog });
    }
  }
  expect(problems, 'no serious or critical axe violation and no sideways scroll').toEqual([]);
}

test.describe('every screen is accessible, fits 360 px and has both themes', () => {
  let key = '';
  let withSms = '';
  test.beforeAll(async ({ request }) => {
    ({ key, withSms } = await account(new Sim(request)));
  });

  const orders = async (page: Page) => {
    await page.goto('/');
    await expect(page.locator('tr.order-row')).toHaveCount(4);
  };

  const screens: Screen[] = [
    { name: 'orders', open: orders },
    {
      name: 'sms', open: async (page) => {
        await orders(page);
        await page.locator(`tr.order-row[data-order-id="${withSms}"]`).getByRole('button', { name: /^SMS of/ }).click();
        await expect(page.getByRole('button', { name: 'Copy code 482913' })).toBeVisible();
      },
    },
    {
      name: 'prolong', dialog: true, open: async (page) => {
        await orders(page);
        await page.locator(`tr.order-row[data-order-id="${withSms}"]`).getByRole('button', { name: 'Prolong', exact: true }).click();
        await expect(page.getByRole('dialog').getByRole('button', { name: /^Prolong for/ })).toBeEnabled();
      },
    },
    {
      name: 'batch-prolong', dialog: true, open: async (page) => {
        await orders(page);
        await page.getByTestId('expiring-note').getByRole('button', { name: 'Prolong several…' }).click();
        await expect(page.getByRole('dialog').getByRole('button', { name: /^Prolong \d+ for/ })).toBeEnabled();
      },
    },
    {
      name: 'rent-country', open: async (page) => {
        await page.goto('/rent');
        await expect(page.getByRole('button', { name: /Россия/ })).toBeVisible();
      },
    },
    {
      name: 'rent-services', open: async (page) => {
        await page.goto('/rent');
        await page.getByRole('button', { name: /Россия/ }).click();
        await page.getByRole('button', { name: 'Next' }).click();
        await expect(page.getByLabel('Instagram')).toBeVisible();
      },
    },
    {
      name: 'rent-confirm', open: async (page) => {
        await page.goto('/rent');
        await page.getByRole('button', { name: /Россия/ }).click();
        await page.getByRole('button', { name: 'Next' }).click();
        await page.getByLabel('Instagram').check();
        await page.getByRole('button', { name: 'Next' }).click();
        await expect(page.getByTestId('rent-total')).toBeVisible();
      },
    },
    {
      name: 'archive', open: async (page) => {
        await page.goto('/archive');
        await expect(page.locator('.archive-table tbody tr[data-order-id]')).toHaveCount(1);
      },
    },
    {
      name: 'history', open: async (page) => {
        // What the SMS panel read is remembered, then found.
        await orders(page);
        await page.locator(`tr.order-row[data-order-id="${withSms}"]`).getByRole('button', { name: /^SMS of/ }).click();
        await expect(page.getByRole('button', { name: 'Copy code 482913' })).toBeVisible();
        await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
        await expect(page.getByTestId('history-hits').locator('li').first()).toBeVisible();
      },
    },
    {
      name: 'settings', open: async (page) => {
        await page.goto('/settings');
        await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
      },
    },
  ];

  for (const screen of screens) {
    test(screen.name, async ({ page }) => {
      await openWithKey(page, key, '/settings');
      await check(page, screen);
    });
  }

  // Russian has the longest words and Chinese the tallest glyphs: the same
  // screens must still fit a phone.
  for (const lang of ['ru', 'zh-Hant']) {
    test(`${lang} fits 360 px`, async ({ page }) => {
      await page.addInitScript(([l]) => localStorage.setItem('smsrent.lang', l), [lang]);
      await openWithKey(page, key, '/settings');
      await page.setViewportSize({ width: 360, height: 780 });
      const wide: string[] = [];
      for (const path of ['/', '/rent', '/archive', '/history', '/settings']) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await page.evaluate(() => document.fonts.ready);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) wide.push(`${path}: ${overflow}px`);
        await page.screenshot({ path: path_(`${lang}${path === '/' ? '/orders' : path}`.replace(/\//g, '-') + '-360'), fullPage: true });
      }
      expect(wide, 'no sideways scroll').toEqual([]);
    });
  }

  test('demo mode', async ({ page }) => {
    await check(page, {
      name: 'demo', open: async (p) => {
        await p.goto('/');
        await expect(p.getByTestId('demo-banner')).toBeVisible();
        await expect(p.locator('tr.order-row').first()).toBeVisible();
      },
    });
  });
});

test('the theme can be chosen by hand and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/settings');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await bg();
  expect(dark).not.toBe(light);
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  expect(await bg()).toBe(dark);
  // "As the system" follows prefers-color-scheme again.
  await page.getByRole('radio', { name: 'Same as the system' }).check();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(await bg()).toBe(light);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await bg()).toBe(dark);
  await page.getByRole('radio', { name: 'Light' }).check();
  expect(await bg()).toBe(light);
});

test('offline, every action that needs the provider is disabled and says why', async ({ page, context, sim }) => {
  const key = freshKey();
  await sim.control('set_balance', { key, amount: 1000 });
  const created = await sim.api({ method: 'create', apikey: key, country: 'RU', service: 'opt16', dtype: 'week', dcount: 1 });
  const id = String(Array.isArray(created.data) ? created.data[0].id : created.data.id);
  await sim.control('set_until', { key, id, secs: 3 * 86_400 });
  await openWithKey(page, key);
  const row = page.locator(`tr.order-row[data-order-id="${id}"]`);
  await expect(row).toBeVisible();
  const actions = [
    page.getByRole('button', { name: 'Refresh', exact: true }),
    row.getByRole('button', { name: 'Activate', exact: true }),
    row.getByRole('button', { name: 'Prolong', exact: true }),
    row.getByRole('button', { name: 'Add service' }),
    row.getByRole('button', { name: 'Delete' }),
  ];
  for (const a of actions) await expect(a).toBeEnabled();

  await context.setOffline(true);
  const reason = page.locator('#offline-reason');
  await expect(reason).toHaveText('Actions that need the provider are disabled until the connection is back.');
  for (const a of actions) {
    await expect(a).toBeDisabled();
    await expect(a).toHaveAttribute('aria-describedby', /offline-reason/);
  }
  // What was shown stays.
  await expect(row).toContainText('Instagram');
  // The archive and the wizard's last step too.
  await page.getByRole('link', { name: 'Archive' }).click();
  for (const name of ['Previous', 'Next']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('aria-describedby', 'offline-reason');
  }
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('button', { name: 'Test connection' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Test connection' })).toHaveAttribute('aria-describedby', 'offline-reason');

  await context.setOffline(false);
  await expect(reason).toHaveCount(0);
  await page.getByRole('link', { name: 'Numbers' }).click();
  for (const a of actions) await expect(a).toBeEnabled();
});
