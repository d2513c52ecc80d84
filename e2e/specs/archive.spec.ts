import { test, expect, freshKey, openWithKey } from '../fixtures';

// An account with one rental that has expired: it sits in the archive.
async function accountWithExpiredRental(sim: any) {
  const key = freshKey();
  const created = await sim.api({ method: 'create', apikey: key, country: 'RU', service: 'opt16', dtype: 'week', dcount: 1 });
  expect(Number(created.status)).toBe(1);
  const id = Array.isArray(created.data) ? created.data[0].id : created.data.id;
  await sim.control('expire', { key, id });
  await sim.control('set_balance', { key, amount: 1000 });
  return { key, id: String(id) };
}

test('restore an expired rental after seeing its price', async ({ page, sim }) => {
  const { key, id } = await accountWithExpiredRental(sim);
  await openWithKey(page, key, '/archive');
  const row = page.locator(`tr[data-order-id="${id}"]`);
  await expect(row).toBeVisible();
  // The history names the service by code (opt16); no order names it any
  // more: the name comes from a price list, asked for in the background.
  await expect(row).toContainText('Instagram');
  await expect(page.getByRole('columnheader', { name: 'Start' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Closed' })).toBeVisible();

  const before = await sim.counters();
  await row.getByRole('button', { name: /^Restore/ }).click();
  await expect(page.getByText('Days overdue')).toBeVisible();
  await expect(page.getByText('plus 30 days of rent paid in advance')).toBeVisible();
  // Nothing is charged by looking at the price.
  const confirm = page.getByRole('button', { name: /^Restore for/ });
  await expect(confirm).toBeEnabled();
  await confirm.dblclick();
  await expect(page.getByText('Restored: the number is back in your list.')).toBeVisible();
  const after = await sim.counters();
  const restores = (after.data.calls.restore_user ?? 0) - (before.data.calls.restore_user ?? 0);
  expect(restores).toBe(1);

  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('link', { name: 'Numbers' }).click();
  await expect(page.locator('tr.order-row')).toHaveCount(1);
});

test('a refused restoration is explained in words', async ({ page, sim }) => {
  const { key, id } = await accountWithExpiredRental(sim);
  await sim.control('set_balance', { key, amount: 0 });
  await openWithKey(page, key, '/archive');
  await page.locator(`tr[data-order-id="${id}"]`).getByRole('button', { name: /^Restore/ }).click();
  await expect(page.getByText('Your balance is too low for this.')).toBeVisible();
});

test('an empty archive says so', async ({ page }) => {
  await openWithKey(page, freshKey(), '/archive');
  await expect(page.getByText('No matching records found')).toBeVisible();
});

test('each restore refusal shows its sentence', async ({ page, sim }) => {
  // The simulator's demo account has archive rows that trigger each refusal.
  await sim.control('reset');
  await openWithKey(page, 'demo', '/archive');
  await page.getByLabel('Rows per page').selectOption('50');
  const cases: [string, RegExp][] = [
    ['39921', /not enough working days/],
    ['39919', /live chat/],
    ['39917', /service's details could not be loaded/],
    ['39900', /balance is too low/],
  ];
  for (const [id, sentence] of cases) {
    await page.locator(`tr[data-order-id="${id}"]`).getByRole('button', { name: /^Restore/ }).click();
    await expect(page.getByRole('alert').filter({ hasText: sentence })).toBeVisible();
    await page.getByRole('button', { name: 'Close' }).click();
  }
});
