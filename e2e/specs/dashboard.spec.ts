import { test, expect, freshKey, openWithKey, rental } from '../fixtures';

const row = (page: any, id: string) => page.locator(`tr.order-row[data-order-id="${id}"]`);

test('see the orders, activate one and watch it become active', async ({ page, sim }) => {
  const { key, id, number } = await rental(sim);
  await openWithKey(page, key);
  await expect(row(page, id)).toContainText(number);
  await expect(row(page, id)).toContainText('Not active');
  await expect(row(page, id)).toContainText('Instagram');
  const before = await sim.counters();
  await row(page, id).getByRole('button', { name: 'Activate', exact: true }).dblclick();
  await expect(row(page, id).getByText(/Activation requested/)).toBeVisible();
  await expect(page.getByTestId('announcer')).toHaveText(/Activation requested/); // and to screen readers
  await expect(row(page, id)).toContainText('Activating');
  const after = await sim.counters();
  expect((after.data.calls.activate ?? 0) - (before.data.calls.activate ?? 0)).toBe(1);
  await sim.advance(15); // past the simulator's activation delay
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(row(page, id)).toContainText('Active');
  await expect(row(page, id)).not.toContainText('Activating');
});

test('receive an SMS and copy its code in one click', async ({ page, context, sim }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { key, id } = await rental(sim);
  await openWithKey(page, key);
  await expect(row(page, id)).toBeVisible();
  await sim.control('inject_sms', { key, id, text: 'Your WhatsApp code 483-921', sender: 'WhatsApp' });
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.locator(`tbody.order.has-new-sms[data-order-id="${id}"]`)).toBeVisible();
  await expect(page).toHaveTitle(/^\(1\)/);
  // The code is in the row: one click, no panel to open.
  const copy = row(page, id).getByRole('button', { name: 'Copy code 483921' });
  await expect(copy).toBeVisible();
  await copy.click();
  await expect(row(page, id).locator('button.code-copy')).toContainText('Copied'); // its name changes with it
  await expect(page.getByTestId('announcer')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('483921');
  await expect(page).toHaveTitle('smsrent'); // copied is seen
  // The panel has the whole SMS and the code, once.
  await row(page, id).getByRole('button', { name: /^SMS of/ }).click();
  await expect(page.getByText('Your WhatsApp code 483-921')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy code 483921' })).toHaveCount(1);
});

test('copy a number whole, or without its country code when the settings say so', async ({ page, context, sim }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { key, id, number } = await rental(sim);
  const local = number.replace(/^\+7 /, '');
  await openWithKey(page, key);
  await row(page, id).getByRole('button', { name: `Copy ${number}` }).click();
  await expect(page.getByTestId('announcer')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`+7${local}`);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel(/^Without the country code/).check();
  await page.getByRole('link', { name: 'Numbers' }).click();
  const copy = row(page, id).getByRole('button', { name: `Copy ${local}`, exact: true });
  await copy.click();
  await expect(copy).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(local);
  await page.reload(); // kept for the next visit
  await expect(row(page, id).getByRole('button', { name: `Copy ${local}`, exact: true })).toBeVisible();
});

test('prolong inside the 7-day window: price first, then the new expiry', async ({ page, sim }) => {
  const { key, id } = await rental(sim, 'week');
  // Three days left: inside the window now, not in a minute.
  const set = await sim.control('set_until', { key, id, secs: 3 * 86_400 });
  await openWithKey(page, key);
  await row(page, id).getByRole('button', { name: 'Prolong', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('New expiry')).toBeVisible();
  const confirm = dialog.getByRole('button', { name: /^Prolong for/ });
  await expect(confirm).toBeEnabled();
  const before = await sim.counters();
  await confirm.click();
  await expect(row(page, id).getByText(/^Prolonged by 7 days/)).toBeVisible();
  await expect(page.getByTestId('announcer')).toHaveText(/^Prolonged by 7 days/);
  const after = await sim.counters();
  expect((after.data.calls.prolong ?? 0) - (before.data.calls.prolong ?? 0)).toBe(1);
  const orders = await sim.api({ method: 'orders', apikey: key });
  expect(Number(orders.data[0].until) - set.until).toBe(7 * 86_400);
});

test('prolong is refused outside the window, with the date it opens', async ({ page, sim }) => {
  const { key, id } = await rental(sim, 'month');
  await openWithKey(page, key);
  await expect(row(page, id)).toBeVisible();
  await expect(row(page, id).getByRole('button', { name: 'Prolong', exact: true })).toBeDisabled();
  await expect(page.getByText(/^Prolonging opens/)).toBeVisible();
});

test('delete asks first, names the number, and cannot be undone', async ({ page, sim }) => {
  const { key, id, number } = await rental(sim);
  await openWithKey(page, key);
  await row(page, id).getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(number);
  await expect(dialog).toContainText('This cannot be undone.');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(row(page, id)).toBeVisible();
  await row(page, id).getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete number' }).click();
  await expect(page.locator('#main').getByText(/^Deleted/)).toBeVisible();
  await expect(page.getByTestId('announcer')).toHaveText(/^Deleted/);
  await expect(row(page, id)).toHaveCount(0);
});

test('a failing refresh keeps the list on screen, marked stale', async ({ page, sim }) => {
  const { key, id } = await rental(sim);
  await openWithKey(page, key);
  await expect(row(page, id)).toBeVisible();
  await sim.control('config', { fail_rate: 1 });
  try {
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    // Once the queue's retries are spent: still one calm line (no alert),
    // the list kept and marked stale, the next poll as the next try.
    await expect(page.locator('table.orders-table.stale')).toBeVisible({ timeout: 30_000 });
    const line = page.getByTestId('provider-status');
    await expect(line).toContainText('an error page came back (HTTP 502)');
    await expect(line).toContainText(/Next try in \d+ s\./);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(row(page, id)).toBeVisible();
  } finally {
    await sim.control('config', { fail_rate: 0 });
  }
});

test('a second SMS before the next poll is read at that poll', async ({ page, sim }) => {
  const { key, id } = await rental(sim);
  await openWithKey(page, key);
  await expect(row(page, id)).toBeVisible();
  await sim.control('inject_sms', { key, id, text: 'Your code 111111', sender: 'Bank' });
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(row(page, id).getByRole('button', { name: 'Copy code 111111' })).toBeVisible();
  // Read once (the provider cleared its flag); a second SMS raises it again
  // before the next poll, which must read it whatever the app saw before.
  await sim.control('inject_sms', { key, id, text: 'Your code 222222', sender: 'Bank' });
  const before = await sim.counters();
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(row(page, id).getByRole('button', { name: 'Copy code 222222' })).toBeVisible();
  const after = await sim.counters();
  expect((after.data.calls.sms ?? 0) - (before.data.calls.sms ?? 0)).toBe(1);
});
