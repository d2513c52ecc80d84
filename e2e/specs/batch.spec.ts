import * as fs from 'fs';
import * as path from 'path';
import { test, expect, freshKey, openWithKey, Sim, outside } from '../fixtures';
import type { Page } from '@playwright/test';

// Prolonging several numbers at once (issue #18): one `prolong` per chosen
// number, each exactly once (a double click adds none), a refusal reported
// with its reason while the rest go through, and the dialog on a phone in
// Russian and Traditional Chinese, light and dark.

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = path.join(__dirname, '..', 'screenshots');
const DAY = 86_400;

type Rental = { id: string; number: string; service: string; until: number };

async function rent(sim: Sim, key: string, service: string, dtype: 'week' | 'month' = 'week') {
  const created = await sim.api({ method: 'create', apikey: key, country: 'RU', service, dtype, dcount: 1 });
  expect(Number(created.status), JSON.stringify(created)).toBe(1);
  const o = Array.isArray(created.data) ? created.data[0] : created.data;
  return { id: String(o.id), number: `+7 ${o.pnumber}` };
}

/** What one week of `service` in Russia costs, in cents, as the simulator prices it. */
async function weekCents(sim: Sim, key: string): Promise<Record<string, number>> {
  const answer = await sim.api({ method: 'getdata', apikey: key, country: 'RU', dtype: 'week', dcount: 1 });
  const rows: any[] = Array.isArray(answer.data) ? answer.data : answer.data.services;
  return Object.fromEntries(rows.map((r) => [String(r.service), Math.round(Number(r.price_day) * 100) * 7]));
}

const usd = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** Five rentals inside the prolong window (three days left, an hour apart,
 * so the dialog lists them in this order) and one a month away (not offered). */
async function account(sim: Sim) {
  const key = freshKey();
  await sim.control('set_balance', { key, amount: 1000 });
  const rentals: Rental[] = [];
  for (const [i, service] of ['opt16', 'opt20', 'opt29', 'opt1', 'opt16'].entries()) {
    const { id, number } = await rent(sim, key, service);
    const set = await sim.control('set_until', { key, id, secs: 3 * DAY + i * 3600 });
    rentals.push({ id, number, service, until: Number(set.until) });
  }
  const far = (await rent(sim, key, 'opt20', 'month')).id;
  return { key, rentals, far };
}

async function untilOf(sim: Sim, key: string, id: string): Promise<number> {
  const orders = await sim.api({ method: 'orders', apikey: key });
  const order = (orders.data as any[]).find((o) => String(o.id) === id);
  expect(order, `order ${id}`).toBeTruthy();
  return Number(order.until);
}

/** axe-core's serious and critical findings, one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations: any[] = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({
      id: v.id, impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n: any) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.join(' | ')}`);
}

/** What passes the viewport's right edge: the page, or any part of the dialog. */
const overflow = (page: Page) => outside(page, '[role=dialog], [role=dialog] *');

test('prolong several: one request per chosen number, a refusal reported, the rest go through', async ({ page, sim }) => {
  const { key, rentals, far } = await account(sim);
  const cents = await weekCents(sim, key);
  const cost = rentals.map((r) => cents[r.service]);
  expect(cost.every((c) => c > 100), JSON.stringify(cents)).toBe(true);
  // Chosen: the first four. Enough money for the first three, a cent short of the fourth.
  const paid = cost[0] + cost[1] + cost[2];
  await sim.control('set_balance', { key, amount: (paid + cost[3] - 1) / 100 });

  await openWithKey(page, key);
  await expect(page.locator('tr.order-row')).toHaveCount(6);
  const note = page.getByTestId('expiring-note');
  await expect(note).toContainText('Expiring within 7 days: 5;');
  await note.getByRole('button', { name: 'Prolong several…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Prolong several numbers' });
  await expect(dialog).toBeVisible();

  // Every number in the window, ticked ("all expiring"), each with its price; not the one a month away.
  await expect(dialog.locator('li[data-order-id]')).toHaveCount(5);
  await expect(dialog.locator(`li[data-order-id="${far}"]`)).toHaveCount(0);
  for (const [i, r] of rentals.entries()) {
    const line = dialog.locator(`li[data-order-id="${r.id}"]`);
    await expect(line.getByRole('checkbox')).toBeChecked();
    await expect(line).toContainText(`${usd(cost[i])}, until `);
  }
  const all = cost.reduce((a, b) => a + b, 0);
  await expect(dialog.getByTestId('batch-total')).toHaveText(`Numbers: 5. Total: ${usd(all)}.`);
  await expect(dialog.getByRole('button', { name: `Prolong 5 for ${usd(all)}` })).toBeEnabled();

  // Leave the last one out.
  await dialog.locator(`li[data-order-id="${rentals[4].id}"]`).getByRole('checkbox').uncheck();
  const chosen = all - cost[4];
  await expect(dialog.getByTestId('batch-total')).toHaveText(`Numbers: 4. Total: ${usd(chosen)}.`);
  const confirm = dialog.getByRole('button', { name: `Prolong 4 for ${usd(chosen)}` });
  await expect(confirm).toBeEnabled();

  const before = await sim.counters();
  await confirm.dblclick();
  const summary = dialog.getByTestId('batch-summary');
  await expect(summary).toHaveText(`Prolonged: 3. Not prolonged: 1. Cost: ${usd(paid)}.`, { timeout: 30_000 });
  await expect(page.getByTestId('announcer')).toHaveText(/^Prolonged: 3\. Not prolonged: 1\./);

  // Each outcome, in the order sent; the refusal with its reason.
  const results = dialog.getByTestId('batch-results').locator('li');
  await expect(results).toHaveCount(4);
  await expect(dialog.locator('.batch-results li.prolonged')).toHaveCount(3);
  for (const r of rentals.slice(0, 3)) {
    await expect(dialog.locator(`.batch-results li.prolonged[data-order-id="${r.id}"]`)).toContainText('prolonged until');
  }
  const refused = dialog.locator(`.batch-results li.refused[data-order-id="${rentals[3].id}"]`);
  await expect(refused).toContainText('not prolonged. Your balance is too low for this.');
  // Nothing left to confirm: only "Close".
  await expect(dialog.getByRole('button', { name: /^Prolong/ })).toHaveCount(0);

  // One prolong per chosen number, the double click adding none, even a moment later.
  await page.waitForTimeout(1_000);
  const after = await sim.counters();
  expect((after.data.calls.prolong ?? 0) - (before.data.calls.prolong ?? 0)).toBe(4);
  const mine = await sim.control('counters', { key });
  expect(mine.data.calls.prolong ?? 0).toBe(4);

  // The three paid for expire a week later; the refused one and the one left out do not.
  for (const r of rentals.slice(0, 3)) expect(await untilOf(sim, key, r.id)).toBe(r.until + 7 * DAY);
  for (const r of rentals.slice(3)) expect(await untilOf(sim, key, r.id)).toBe(r.until);
  const { balance } = await sim.control('balance', { key });
  expect(Math.round(Number(balance) * 100), 'what is left: the three paid, nothing else').toBe(cost[3] - 1);

  // The list was refreshed: two numbers are left in the window.
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(note).toContainText('Expiring within 7 days: 2;');
});

test('an unclear answer: that number is checked, the rest are not sent, nothing is sent twice', async ({ page, sim }) => {
  const { key, rentals } = await account(sim);
  await openWithKey(page, key);
  await expect(page.locator('tr.order-row')).toHaveCount(6);
  await page.getByTestId('expiring-note').getByRole('button', { name: 'Prolong several…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Prolong several numbers' });
  const confirm = dialog.getByRole('button', { name: /^Prolong 5 for/ });
  await expect(confirm).toBeEnabled();
  // The first prolong is carried out, and its answer is a 500 with {}.
  await sim.control('sabotage', { method: 'prolong', kind: 'server_error_json' });
  const before = await sim.counters();
  await confirm.click();
  await expect(dialog.getByTestId('batch-summary')).toHaveText(
    'Prolonged: 0. Not prolonged: 4. Not known yet: 1. Cost of those prolonged: $0.00.', { timeout: 30_000 });
  await expect(dialog.locator(`.batch-results li.unclear[data-order-id="${rentals[0].id}"]`))
    .toContainText('no clear answer. It may have been prolonged');
  for (const r of rentals.slice(1)) {
    await expect(dialog.locator(`.batch-results li.refused[data-order-id="${r.id}"]`)).toContainText('not sent');
  }
  const after = await sim.counters();
  expect((after.data.calls.prolong ?? 0) - (before.data.calls.prolong ?? 0), 'the first only, once').toBe(1);
  // The check finds it went through, and says so once the dialog is closed.
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByTestId('checked').filter({ hasText: `${rentals[0].number} was prolonged.` }))
    .toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('checking')).toHaveCount(0);
  expect(await untilOf(sim, key, rentals[0].id)).toBe(rentals[0].until + 7 * DAY);
  for (const r of rentals.slice(1)) expect(await untilOf(sim, key, r.id)).toBe(r.until);
});

for (const lang of ['ru', 'zh-Hant'] as const) {
  test(`the batch dialog fits 360 px in ${lang}, light and dark, before and after`, async ({ page, sim }) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const { key, rentals } = await account(sim);
    await page.addInitScript(([l]) => localStorage.setItem('smsrent.lang', l), [lang]);
    await page.setViewportSize({ width: 360, height: 780 });
    await openWithKey(page, key);
    await expect(page.locator('tr.order-row')).toHaveCount(6);
    const open = lang === 'ru' ? 'Продлить несколько…' : '批次延長…';
    await page.getByTestId('expiring-note').getByRole('button', { name: open }).click();
    const dialog = page.getByRole('dialog');
    const confirm = lang === 'ru' ? /^Продлить \(номеров: 5\) за / : /^支付 .+ 延長 5 個號碼$/;
    await expect(dialog.getByRole('button', { name: confirm })).toBeEnabled();

    const problems: string[] = [];
    const look = async (stage: string) => {
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        await page.evaluate(() => document.fonts.ready);
        await page.waitForTimeout(100);
        for (const p of await overflow(page)) problems.push(`${stage} ${theme}: ${p}`);
        for (const p of await axeProblems(page)) problems.push(`${stage} ${theme}: ${p}`);
        await page.screenshot({ path: path.join(SHOTS, `batch-${lang}-360-${theme}${stage === 'choose' ? '' : '-done'}.png`) });
      }
    };
    await look('choose');
    await dialog.getByRole('button', { name: confirm }).click();
    const done = lang === 'ru' ? 'Продлено: 5. Не продлено: 0.' : '已延長：5 個。未延長：0 個。';
    await expect(dialog.getByTestId('batch-summary')).toContainText(done, { timeout: 30_000 });
    await expect(dialog.getByTestId('batch-results').locator('li.prolonged')).toHaveCount(rentals.length);
    await look('done');
    expect(problems, 'nothing wider than the phone, no serious axe finding').toEqual([]);
  });
}
