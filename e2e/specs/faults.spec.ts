import { test, expect, freshKey, openWithKey } from '../fixtures';

/** Fails the test on any uncaught error or Rust panic in the page. */
function watchForCrashes(page: any) {
  const crashes: string[] = [];
  page.on('pageerror', (e: Error) => crashes.push(e.message));
  page.on('console', (m: any) => { if (/panicked at/.test(m.text())) crashes.push(m.text()); });
  return crashes;
}

async function accountWithOneOrder(sim: any) {
  const key = freshKey();
  const created = await sim.api({ method: 'create', apikey: key, country: 'RU', service: 'opt16', dtype: 'week', dcount: 1 });
  expect(Number(created.status)).toBe(1);
  return key;
}

const broken: [string, RegExp][] = [
  ['truncated', /not data|unexpected shape/],
  ['empty', /not data/],
  ['html', /not data/],
  ['unknown_error', /refused the request/],
  ['huge', /not data/],
];

for (const [kind, message] of broken) {
  test(`a ${kind} answer is explained and the last good list stays`, async ({ page, sim }) => {
    const crashes = watchForCrashes(page);
    const key = await accountWithOneOrder(sim);
    await openWithKey(page, key);
    const rows = page.locator('tr.order-row');
    await expect(rows).toHaveCount(1);
    await sim.control('sabotage', { method: 'orders', kind });
    await page.getByRole('button', { name: 'Refresh' }).first().click();
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Instagram');
    // The next refresh works again and clears the message.
    await page.getByRole('button', { name: 'Refresh' }).first().click();
    await expect(page.getByRole('alert').filter({ hasText: message })).toHaveCount(0);
    expect(crashes).toEqual([]);
  });
}

test('a timestamp of 0 and an unknown state do not break the list', async ({ page, sim }) => {
  const crashes = watchForCrashes(page);
  const key = await accountWithOneOrder(sim);
  const orders = await sim.api({ method: 'orders', apikey: key });
  await sim.control('set_state', { key, id: orders.data[0].id, state: 7 });
  await sim.control('sabotage', { method: 'orders', kind: 'zero_times' });
  await openWithKey(page, key);
  await expect(page.locator('tr.order-row')).toHaveCount(1);
  await expect(page.getByText('Unknown (7)')).toBeVisible();
  await expect(page.getByText('1970')).toHaveCount(0);
  expect(crashes).toEqual([]);
});

test('drift mode: the same journeys give the same outcomes', async ({ page, sim }) => {
  await sim.control('config', { drift: 1 });
  try {
    const crashes = watchForCrashes(page);
    const key = freshKey();
    await openWithKey(page, key);
    await page.getByRole('link', { name: 'Rent a number' }).click();
    await page.getByRole('button', { name: /Россия/ }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Instagram').check();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByTestId('rent-total')).toHaveText(/42\.00/);
    await page.getByRole('button', { name: /^Rent for .*42\.00/ }).click();
    await expect(page.getByText(/^Rented: \+7/)).toBeVisible();
    await page.getByRole('link', { name: 'Go to your numbers' }).click();
    await expect(page.locator('tr.order-row')).toHaveCount(1);
    await expect(page.getByText('Instagram').first()).toBeVisible();
    await page.getByRole('link', { name: 'Archive' }).click();
    await expect(page.getByText('No matching records found')).toBeVisible();
    expect(crashes).toEqual([]);
  } finally {
    await sim.control('config', { drift: 0 });
  }
});

test('30% of answers failing with 2 s latency: reads recover, writes are never sent twice', async ({ page, sim }) => {
  test.setTimeout(120_000);
  const key = await accountWithOneOrder(sim);
  await sim.control('config', { fail_rate: 0.3, latency_ms: 2000 });
  try {
    const crashes = watchForCrashes(page);
    const before = await sim.counters();
    await openWithKey(page, key);
    // Reads are retried with backoff until they get through.
    await expect(page.locator('tr.order-row')).toHaveCount(1, { timeout: 60_000 });
    // The UI stays responsive meanwhile: navigation works.
    await page.getByRole('link', { name: 'Rent a number' }).click();
    await expect(page.getByRole('heading', { name: 'Rent a number' })).toBeVisible();
    await page.getByRole('button', { name: /Россия/ }).click({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Telegram').check({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: /^Rent for/ }).click();
    // Either outcome is fine (a lost answer is checked against the orders
    // and told); what matters is that it was sent once.
    await expect(page.getByText(/^Rented:|^The rental went through|^Nothing was rented/).first())
      .toBeVisible({ timeout: 60_000 });
    const after = await sim.counters();
    expect((after.data.calls.create ?? 0) - (before.data.calls.create ?? 0)).toBe(1);
    expect(crashes).toEqual([]);
  } finally {
    await sim.control('config', { fail_rate: 0, latency_ms: 0 });
  }
});
