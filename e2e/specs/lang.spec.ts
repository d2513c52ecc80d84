import * as fs from 'fs';
import * as path from 'path';
import { Page } from '@playwright/test';
import { test, expect, controlled, cached } from '../fixtures';

// Only the language in use travels (issue #21): English is in the wasm, the
// others are tables fetched when chosen, kept by the service worker once
// used, so a switch works offline after that.

const DIST = path.resolve(__dirname, '..', process.env.E2E_DIST ?? '../dist');

/** Every language table this page asks for, in order, by file name. */
function tablesAsked(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r) => {
    const m = /\/i18n\/([^/?#]+)$/.exec(new URL(r.url()).pathname);
    if (m) asked.push(m[1]);
  });
  return asked;
}

/** The language tables in this origin's Cache Storage. */
async function tablesCached(page: Page): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  return Object.values(await cached(page)).flat()
    .filter((u) => u.startsWith(`${origin}/i18n/`))
    .map((u) => u.slice(`${origin}/i18n/`.length))
    .sort();
}

test('the main module carries English only; the others are tables beside it', () => {
  const wasm = fs.readdirSync(DIST).find((f) => /^smsrent-.*_bg\.wasm$/.test(f))!;
  const bytes = fs.readFileSync(path.join(DIST, wasm));
  const en = JSON.parse(fs.readFileSync(path.join(DIST, 'i18n', 'en.json'), 'utf8'));
  expect(bytes.includes(Buffer.from(en['settings-key-forgotten']))).toBeTruthy();
  for (const tag of ['ru', 'zh-Hans', 'zh-Hant']) {
    const table = JSON.parse(fs.readFileSync(path.join(DIST, 'i18n', `${tag}.json`), 'utf8'));
    for (const key of ['settings-key-forgotten', 'demo-banner', 'nav-history']) {
      expect(bytes.includes(Buffer.from(table[key])), `${tag} ${key} in the wasm`).toBeFalsy();
    }
  }
});

test.describe('an English visit', () => {
  test.use({ locale: 'en-US' });

  test('never fetches another language', async ({ page }) => {
    const asked = tablesAsked(page);
    await page.goto('/');
    await expect(page.locator('tr.order-row').first()).toBeVisible();
    for (const [link, heading] of [['Rent a number', 'Rent a number'], ['Archive', 'Archive'],
                                   ['History', 'SMS history'], ['Settings', 'Settings']]) {
      await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    }
    await controlled(page);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    expect(asked).toEqual([]);
    expect(await tablesCached(page)).toEqual([]);
  });
});

test.describe('a Russian visit', () => {
  test.use({ locale: 'ru-RU' });

  test('paints in Russian from its one table, switches without a reload and keeps tables for offline use',
    async ({ page, context }, testInfo) => {
      const asked = tablesAsked(page);
      await page.goto('/');
      // The first paint is already Russian: the table came before the mount.
      await expect(page.getByRole('navigation').getByRole('link', { name: 'Номера', exact: true })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
      await expect(page.locator('tr.order-row').first()).toBeVisible();
      expect(asked).toEqual(['ru.json']);

      // Switched from the header: no reload, one more table.
      await page.evaluate(() => { (window as any).samePage = true; });
      await page.getByTestId('lang').selectOption('zh-Hant');
      await expect(page.getByRole('navigation').getByRole('link', { name: '設定', exact: true })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
      expect(await page.evaluate(() => (window as any).samePage)).toBe(true);
      expect(asked).toEqual(['ru.json', 'zh-Hant.json']);
      await page.getByTestId('lang').selectOption('ru');
      await expect(page.getByRole('navigation').getByRole('link', { name: 'Номера', exact: true })).toBeVisible();
      expect(asked).toEqual(['ru.json', 'zh-Hant.json'], 'a table once loaded is not fetched again');

      // The worker keeps the table loaded before it took control, too.
      await controlled(page);
      await expect.poll(() => tablesCached(page)).toEqual(['ru.json', 'zh-Hant.json']);

      // Offline: the remembered language paints from the worker's cache...
      await context.setOffline(true);
      await page.reload();
      await expect(page.getByRole('navigation').getByRole('link', { name: 'Номера', exact: true })).toBeVisible();
      // ...a table used before switches offline...
      await page.getByTestId('lang').selectOption('zh-Hant');
      await expect(page.getByRole('navigation').getByRole('link', { name: '設定', exact: true })).toBeVisible();
      await page.getByTestId('lang').selectOption('ru');
      // ...and one never used says so, in the language still shown, and the
      // switcher goes back to it.
      await page.getByTestId('lang').selectOption('zh-Hans');
      const banner = page.getByTestId('lang-banner');
      await expect(banner).toContainText('Не удалось загрузить язык «简体中文»');
      await expect(page.getByTestId('lang')).toHaveValue('ru');
      await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
      await page.screenshot({ path: testInfo.outputPath('lang-offline.png') });
      await page.setViewportSize({ width: 360, height: 740 });
      await page.screenshot({ path: testInfo.outputPath('lang-offline-360.png') });

      // Online again, "Повторить" brings it.
      await context.setOffline(false);
      await banner.getByRole('button', { name: 'Повторить' }).click();
      await expect(page.getByRole('navigation').getByRole('link', { name: '设置', exact: true })).toBeVisible();
      await expect(banner).toHaveCount(0);
      await expect(page.getByTestId('lang')).toHaveValue('zh-Hans');
    });
});
