import { test, expect } from '../fixtures';

test('a fresh visitor meets demo mode and sees demo orders', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await expect(page.getByText('Demo mode')).toBeVisible();
  // The simulator's seeded account.
  await expect(page.locator('tr.order-row').first()).toBeVisible();
  expect(await page.locator('tr.order-row').count()).toBeGreaterThan(3);
  await expect(page.getByText('Instagram').first()).toBeVisible();

  // Demo state survives a reload.
  const before = await page.locator('tr.order-row').count();
  await page.reload();
  await expect(page.locator('tr.order-row')).toHaveCount(before);

  // One click leads to entering a real key.
  await page.getByRole('button', { name: 'Use my API key' }).click();
  await expect(page.getByLabel('API key')).toBeVisible();
});

test('a saved key leaves demo mode and talks to the API through the relay', async ({ page, sim }) => {
  const key = `test-${Date.now().toString(36)}`;
  const created = await sim.api({ method: 'create', apikey: key, country: 'RU', service: 'opt16', dtype: 'week', dcount: 1 });
  expect(Number(created.status)).toBe(1);
  await page.goto('/settings');
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await expect(page.getByTestId('saved-key')).not.toContainText(key);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText('Connected. Orders on this account: 1.')).toBeVisible();
  await page.getByRole('link', { name: 'Numbers' }).click();
  await expect(page.locator('tr.order-row')).toHaveCount(1);
});

test('a wrong key is explained in words', async ({ page }) => {
  await page.goto('/settings');
  await page.getByLabel('API key').fill('not-a-real-key');
  await page.getByRole('button', { name: 'Save key' }).click();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText('The API key was not accepted')).toBeVisible();
});
