import * as path from 'path';
import { test, expect, freshKey, openWithKey, outside, Sim } from '../fixtures';
import type { Page } from '@playwright/test';

// What a new user trips on, with data other than the simulator's defaults:
// operators and numbers from many countries, long names, all four
// languages, a phone's width, a failing provider, money one click away.

const SHOTS = path.join(__dirname, '..', 'screenshots');
const LANGS = ['en', 'ru', 'zh-Hans', 'zh-Hant'] as const;

async function rent(sim: Sim, key: string, country: string, service: string, provider?: string) {
  const params: Record<string, string | number> = { method: 'create', apikey: key, country, service, dtype: 'week', dcount: 1 };
  if (provider) params.provider = provider;
  const created = await sim.api(params);
  expect(Number(created.status), JSON.stringify(created)).toBe(1);
  return String(Array.isArray(created.data) ? created.data[0].id : created.data.id);
}

/** Numbers as other providers' worlds have them: long operator names,
 * 13-digit numbers, three services on one number, a long service name,
 * a long SMS; one expired rental in the archive. */
async function worldAccount(sim: Sim) {
  const key = freshKey();
  await sim.control('set_balance', { key, amount: 10000 });
  const de = await rent(sim, key, 'DE', 'opt16', 'Telekom_DE');
  await sim.control('edit_order', { key, id: de, pnumber: '1512345678901', provider: 'Telekom_DE' });
  const kz = await rent(sim, key, 'KZ', 'opt69');
  await sim.control('edit_order', { key, id: kz, pnumber: '7712345678901', provider: 'Kcell_KZ' });
  const nl = await rent(sim, key, 'NL', 'opt1', 'Vodafone_NL');
  await sim.control('edit_order', { key, id: nl, pnumber: '6123456789012' });
  // Ends next year: its date is written with the year, the longest form.
  await sim.control('set_until', { key, id: nl, secs: 400 * 86_400 });
  const multi = await sim.api({ method: 'create_multi', apikey: key, country: 'AT', services: 'opt48,opt29,opt20', dtype: 'week', dcount: 1 });
  expect(Number(multi.status), JSON.stringify(multi)).toBe(1);
  const multiIds = (multi.data as any[]).map((o) => String(o.id));
  for (const id of multiIds) await sim.control('edit_order', { key, id, pnumber: '6641234567890', provider: 'yesss_AT_prepaid' });
  await sim.api({ method: 'activate', apikey: key, id: de });
  await sim.advance(15);
  await sim.control('inject_sms', {
    key, id: de, sender: 'Telekom_DE_Kundenservice',
    text: 'Ihr Bestätigungscode für Instagram lautet 482913. Geben Sie diesen Einmalkennwort-Code niemals weiter: https://example.org/sehr/langer/pfad/ohne/leerzeichen/0123456789abcdef',
  });
  await sim.control('set_until', { key, id: de, secs: 3 * 86_400 });
  const gone = await rent(sim, key, 'RU', 'opt1');
  await sim.control('expire', { key, id: gone });
  return { key, de, multiIds };
}

/** Anything on the screen wider than the phone, clipped or not. */
const wide = (page: Page) => outside(page, 'main *');

test.describe('a phone, with the world\'s data', () => {
  let key = '';
  let de = '';
  test.beforeAll(async ({ request }) => {
    ({ key, de } = await worldAccount(new Sim(request)));
  });

  for (const lang of LANGS) {
    test(`every card and panel fits 360 px in ${lang}`, async ({ page }) => {
      await page.addInitScript(([l]) => localStorage.setItem('smsrent.lang', l), [lang]);
      await openWithKey(page, key, '/');
      await page.setViewportSize({ width: 360, height: 780 });
      await expect(page.locator('tr.order-row')).toHaveCount(6);
      const problems: string[] = [];
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        await page.evaluate(() => document.fonts.ready);
        for (const p of await wide(page)) problems.push(`orders ${theme}: ${p}`);
        await page.screenshot({ path: path.join(SHOTS, `world-${lang}-orders-360-${theme}.png`), fullPage: true });
      }
      // The SMS panel open, with its long text and long sender.
      await page.locator(`tr.order-row[data-order-id="${de}"] button.sms-toggle`).click();
      await expect(page.locator('.sms-row')).toContainText('482913');
      for (const p of await wide(page)) problems.push(`sms panel: ${p}`);
      await page.screenshot({ path: path.join(SHOTS, `world-${lang}-sms-360.png`), fullPage: true });
      for (const where of ['/archive', '/rent']) {
        await page.goto(where);
        await page.waitForLoadState('networkidle');
        await page.evaluate(() => document.fonts.ready);
        for (const p of await wide(page)) problems.push(`${where}: ${p}`);
      }
      expect(problems, 'nothing wider than the phone').toEqual([]);
    });
  }
});

test.describe('a failing provider', () => {
  test('says what is happening in one line, and when it answers again the line goes', async ({ page, sim }) => {
    const key = freshKey();
    await sim.control('set_balance', { key, amount: 100 });
    await rent(sim, key, 'RU', 'opt16');
    await openWithKey(page, key);
    await expect(page.locator('tr.order-row')).toHaveCount(1);
    // Every answer fails from now on: an error page from a proxy.
    await sim.control('config', { fail_rate: 1 });
    try {
      await page.getByRole('button', { name: 'Refresh', exact: true }).click();
      const line = page.getByTestId('provider-status');
      await expect(line).toContainText('The provider did not answer: an error page came back (HTTP 502).');
      await expect(line).toContainText(/Next try in \d+ s\.|Trying again/);
      await expect(line).toContainText(/The numbers shown are from \d+ s ago\./);
      // One line, not a wall of alerts; the list stays.
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page.locator('tr.order-row')).toHaveCount(1);
      await page.screenshot({ path: path.join(SHOTS, 'provider-failing-1280.png') });
    } finally {
      await sim.control('config', { fail_rate: 0 });
    }
    await page.getByTestId('provider-status').getByRole('button', { name: 'Try now' }).click();
    await expect(page.getByTestId('provider-status')).toHaveCount(0);
    await expect(page.locator('tr.order-row')).toHaveCount(1);
  });

  test('in Russian too', async ({ page, sim }) => {
    const key = freshKey();
    await page.addInitScript(() => localStorage.setItem('smsrent.lang', 'ru'));
    await openWithKey(page, key);
    await expect(page.locator('.orders .updated')).not.toBeEmpty();
    await sim.control('config', { fail_rate: 1 });
    try {
      await page.locator('button.refresh').click();
      await expect(page.getByTestId('provider-status')).toContainText('Провайдер не ответил: вернулась страница ошибки (HTTP 502).');
      await page.setViewportSize({ width: 360, height: 780 });
      await page.screenshot({ path: path.join(SHOTS, 'provider-failing-ru-360.png') });
    } finally {
      await sim.control('config', { fail_rate: 0 });
    }
  });
});

test.describe('money', () => {
  test('after a rental, no single click rents again', async ({ page, sim }) => {
    const key = freshKey();
    await sim.control('set_balance', { key, amount: 1000 });
    await openWithKey(page, key);
    await page.getByRole('link', { name: 'Rent a number' }).click();
    await page.getByPlaceholder('Search countries').fill('russia');
    await page.getByRole('button', { name: /Russia/ }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Telegram').check();
    await page.getByRole('button', { name: 'Next' }).click();
    const before = await sim.counters();
    await page.getByRole('button', { name: /^Rent for/ }).click();
    await expect(page.getByText(/^Rented: \+7/)).toBeVisible();
    // The success line names the service, not its code.
    await expect(page.locator('ul.rented')).toContainText('Telegram · +7');
    await expect(page.locator('ul.rented')).not.toContainText('opt29');

    // Reopen the wizard: the first step, nothing armed.
    await page.getByRole('link', { name: 'Go to your numbers' }).click();
    await page.getByRole('link', { name: 'Rent a number' }).click();
    await expect(page.locator('.steps li.current')).toContainText('Country');
    await expect(page.getByRole('button', { name: /^Rent for/ })).toHaveCount(0);
    // Every button on the page, clicked once: none of them rents.
    const buttons = page.locator('main button:enabled');
    for (let i = 0; i < await buttons.count(); i++) {
      const b = buttons.nth(i);
      if (await b.isVisible() && !/Rent for/.test(await b.innerText())) await b.click();
      await expect(page.getByRole('button', { name: /^Rent for/ })).toHaveCount(0);
    }
    // "Rent another" does the same.
    const after = await sim.counters();
    expect((after.data.calls.create ?? 0) - (before.data.calls.create ?? 0)).toBe(1);
  });

  test('"Rent another" starts afresh too', async ({ page, sim }) => {
    const key = freshKey();
    await sim.control('set_balance', { key, amount: 1000 });
    await openWithKey(page, key, '/rent');
    await page.getByRole('button', { name: /Russia/ }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Instagram').check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: /^Rent for/ }).click();
    await expect(page.locator('ul.rented')).toContainText('Instagram · +7');
    await page.getByRole('button', { name: 'Rent another' }).click();
    await expect(page.getByRole('button', { name: /^Rent for/ })).toHaveCount(0);
    await expect(page.locator('.steps li.current')).toContainText('Country');
  });

  test('the restore panel is a dialog: focus held, Escape closes, nothing sent', async ({ page, sim }) => {
    const key = freshKey();
    await sim.control('set_balance', { key, amount: 1000 });
    const id = await rent(sim, key, 'RU', 'opt16');
    await sim.control('expire', { key, id });
    await openWithKey(page, key, '/archive');
    const open = page.locator(`tr[data-order-id="${id}"]`).getByRole('button', { name: /^Restore/ });
    await open.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('Days overdue')).toBeVisible();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus stays in the dialog').toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(open).toBeFocused();
    await expect(open).toBeEnabled();
    const counters = await sim.counters();
    expect(counters.data.calls.restore_user ?? 0).toBe(0);
  });

  test('a refused prolongation says how many days are left to add', async ({ page, sim }) => {
    const key = freshKey();
    await sim.control('set_balance', { key, amount: 1000 });
    const id = await rent(sim, key, 'RU', 'opt16');
    // Rented 85 days ago, three days left: 2 more days reach the 90-day cap.
    // (The end first: set a second later than the start, it would leave
    // 2 days less a second, which is 1 whole day.)
    await sim.control('set_until', { key, id, secs: 3 * 86_400 });
    await sim.control('edit_order', { key, id, begin_days_ago: 85 });
    await openWithKey(page, key);
    const row = page.locator(`tr.order-row[data-order-id="${id}"]`);
    await expect(row).toBeVisible();
    // Said beside the disabled Prolong button, which points at it.
    const why = row.locator('.prolong-why');
    await expect(why).toContainText(/More days that can be added: 2 \(until .+\)\. A rental lasts at most 90 days/);
    await expect(row.getByRole('button', { name: 'Prolong', exact: true })).toBeDisabled();
    await expect(row.getByRole('button', { name: 'Prolong', exact: true })).toHaveAttribute('aria-describedby', await why.getAttribute('id') ?? 'x');
  });
});

test.describe('names in the user\'s language', () => {
  const cases: [string, string, RegExp][] = [
    ['en', 'russia', /Russia/],
    ['en', 'Россия', /Russia/],
    ['en', 'RU', /Russia/],
    ['en', 'deutschland', /Germany/],
    ['ru', 'germany', /Германия/],
    ['zh-Hans', 'russia', /俄罗斯/],
    ['zh-Hant', 'deutschland', /德國/],
    ['en', 'osterreich', /Austria/],
  ];
  for (const [lang, query, shown] of cases) {
    test(`"${query}" in ${lang} finds ${shown.source}`, async ({ page }) => {
      await page.addInitScript(([l]) => localStorage.setItem('smsrent.lang', l), [lang]);
      await openWithKey(page, freshKey(), '/rent');
      await page.locator('input[type=search]').fill(query);
      const cards = page.locator('.countries .choice-card');
      await expect(cards.first()).toContainText(shown);
      if (lang !== 'ru') await expect(cards.first()).toContainText(/Россия|Германия|Austria|Germany/);
    });
  }
});
