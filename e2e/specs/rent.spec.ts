import { test, expect, freshKey, openWithKey } from '../fixtures';

async function chooseRussiaForOneWeek(page: any) {
  await page.getByRole('link', { name: 'Rent a number' }).click();
  await page.getByPlaceholder('Search countries').fill('ru');
  await page.getByRole('button', { name: /Россия/ }).click();
  await expect(page.getByText('7 days in total.')).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
}

test('rent one number: the price first, then exactly one create', async ({ page, sim }) => {
  const key = freshKey();
  await openWithKey(page, key);
  await chooseRussiaForOneWeek(page);
  await page.getByLabel('Instagram').check();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByTestId('rent-total')).toHaveText(/42\.00/);
  await expect(page.getByText('fewer than 7 days are left')).toBeVisible();
  const before = await sim.counters();
  // A double click on a slow network must still make one order.
  await sim.control('config', { latency_ms: 800 });
  await page.getByRole('button', { name: /^Rent for .*42\.00/ }).dblclick();
  await expect(page.getByText(/^Rented: \+7/)).toBeVisible();
  await sim.control('config', { latency_ms: 0 });
  const after = await sim.counters();
  expect((after.data.calls.create ?? 0) - (before.data.calls.create ?? 0)).toBe(1);

  await page.getByRole('button', { name: 'Activate now' }).click();
  await expect(page.getByRole('button', { name: 'Activation requested' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to your numbers' }).click();
  await expect(page.locator('tr.order-row')).toHaveCount(1);
});

test('several services on one number use create_multi', async ({ page, sim }) => {
  const key = freshKey();
  await sim.control('set_balance', { key, amount: 1000 });
  await openWithKey(page, key);
  await chooseRussiaForOneWeek(page);
  await page.getByLabel('WhatsApp').check();
  await page.getByLabel('Telegram').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('rent-total')).toHaveText(/108\.50/);
  await page.getByRole('button', { name: /^Rent for/ }).click();
  await expect(page.getByText(/^Rented:/)).toBeVisible();
  const counters = await sim.counters();
  expect(counters.data.calls.create_multi).toBeGreaterThanOrEqual(1);
  const orders = await sim.api({ method: 'orders', apikey: key });
  expect(orders.data.length).toBe(2);
  expect(orders.data[0].pnumber).toBe(orders.data[1].pnumber);
});

test('a refusal keeps the wizard where it was, choices kept', async ({ page, sim }) => {
  const key = freshKey();
  await sim.control('set_balance', { key, amount: 1 });
  await openWithKey(page, key);
  await chooseRussiaForOneWeek(page);
  await page.getByLabel('Instagram').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: /^Rent for .*42\.00/ }).click();
  await expect(page.getByText('Your balance is too low for this.')).toBeVisible();
  await expect(page.getByTestId('rent-total')).toHaveText(/42\.00/);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('Instagram')).toBeChecked();
});

test('more than 90 days is refused before anything is sent', async ({ page }) => {
  await openWithKey(page, freshKey());
  await page.getByRole('link', { name: 'Rent a number' }).click();
  await page.getByRole('button', { name: /Россия/ }).click();
  await page.getByLabel('Months').check();
  await page.getByLabel('How many').fill('4');
  await expect(page.getByText('120 days is too long')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
});
