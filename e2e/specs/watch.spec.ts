import { test, expect, freshKey, openWithKey, Sim, rental } from '../fixtures';
import type { Page } from '@playwright/test';

// The code in seconds (a watched order is read at the queue's pace) and
// no number lost by forgetting (reminders, each given once).

const row = (page: Page, id: string) => page.locator(`tr.order-row[data-order-id="${id}"]`);

test('a code sent while an order is watched shows within seconds, and the watch ends', async ({ page, sim }) => {
  const { key, id } = await rental(sim);
  await openWithKey(page, key);
  await expect(row(page, id)).toBeVisible();
  await row(page, id).getByRole('button', { name: 'Wait for a code' }).click();
  await expect(row(page, id)).toContainText(/Waiting for a code: \d:\d\d left\./);
  // The orders poll is 30 s away: only the watch can bring it this soon.
  await page.waitForTimeout(1000);
  await sim.control('inject_sms', { key, id, text: 'Your Instagram code is 734512', sender: 'FACEBOOK' });
  const sent = Date.now();
  await expect(row(page, id).getByRole('button', { name: 'Copy code 734512' })).toBeVisible({ timeout: 5000 });
  expect(Date.now() - sent).toBeLessThan(5000);
  await expect(row(page, id)).not.toContainText('Waiting for a code:');
  // The watch ended with the code: no more reads of this order.
  const reads = (await sim.control('counters', { key })).data.sms_by_order?.[id] ?? 0;
  await page.waitForTimeout(1500);
  expect((await sim.control('counters', { key })).data.sms_by_order?.[id] ?? 0).toBe(reads);
});

test('a chime for a new SMS when the sound is on, remembered after a reload', async ({ page, sim }) => {
  const { key, id } = await rental(sim);
  // Count the tones the app starts, and whether its audio was running then.
  await page.addInitScript(() => {
    const w = window as unknown as { tones: string[] };
    w.tones = [];
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: [number?]) {
      w.tones.push(this.context.state);
      return start.apply(this, args);
    };
  });
  const tones = () => page.evaluate(() => (window as unknown as { tones: string[] }).tones);
  const waitThenSend = async (code: string) => {
    await row(page, id).getByRole('button', { name: /^Wait (for a code|again)$/ }).click();
    // (The watch's first read is the person's own and sounds nothing: the
    // SMS comes after it, as a code does.)
    await page.waitForTimeout(1000);
    await sim.control('inject_sms', { key, id, text: `Your code is ${code}` });
    await expect(row(page, id).getByRole('button', { name: `Copy code ${code}` })).toBeVisible();
  };
  await openWithKey(page, key);
  const toggle = page.getByRole('button', { name: 'Sound for new SMS' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // On: one chime (two tones) so the user hears what it will be.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(tones).toEqual(['running', 'running']);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 360, height: 640 });
  await page.locator('.orders .screen-head').screenshot({ path: 'screenshots/sound-on-360-dark.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  // Remembered; the page's first click wakes the audio, then a new SMS chimes.
  await page.reload();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await waitThenSend('333444');
  await expect.poll(tones).toEqual(['running', 'running']);
  // Off: silent.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await waitThenSend('555666');
  await page.waitForTimeout(500);
  expect(await tones()).toEqual(['running', 'running']);
});

test('a watch without a code stops after its time and says so', async ({ page, sim }) => {
  const { key, id } = await rental(sim);
  await page.addInitScript(() => localStorage.setItem('smsrent.watch_secs', '6'));
  await openWithKey(page, key);
  await row(page, id).getByRole('button', { name: 'Wait for a code' }).click();
  await expect(row(page, id)).toContainText('Waiting for a code:');
  await expect(row(page, id)).toContainText('No code came while waiting (0:06).', { timeout: 15_000 });
  await expect(row(page, id).getByRole('button', { name: 'Wait again' })).toBeEnabled();
  // Stopped means stopped: no read of this order any more.
  const reads = (await sim.control('counters', { key })).data.sms_by_order?.[id] ?? 0;
  await page.waitForTimeout(1500);
  expect((await sim.control('counters', { key })).data.sms_by_order?.[id] ?? 0).toBe(reads);
});

test('reminders: when the window opens and a day before the end, each once, also after a reload', async ({ page, sim }) => {
  const { key, id, number } = await rental(sim, 'month');
  await openWithKey(page, key);
  await expect(row(page, id)).toBeVisible();
  await expect(page.getByTestId('reminders')).toHaveCount(0);
  // Six days left: the prolong window has opened.
  await sim.control('set_until', { key, id, secs: 6 * 86_400 });
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  const reminders = page.getByTestId('reminders');
  await expect(reminders).toContainText(`${number} (Instagram) can be prolonged now`);
  await expect(page.getByTestId('expiring-note')).toContainText('Expiring within 7 days: 1;');
  await page.reload();
  await expect(row(page, id)).toBeVisible();
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.locator('.orders .updated')).toContainText(/\d+ s ago/);
  await expect(reminders).toHaveCount(0);
  // Twelve hours left: the last day's reminder, once.
  await sim.control('set_until', { key, id, secs: 12 * 3600 });
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(reminders).toContainText(`${number} (Instagram) expires in less than a day`);
  await reminders.getByRole('button', { name: 'Dismiss' }).click();
  await expect(reminders).toHaveCount(0);
  await page.reload();
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.locator('.orders .updated')).toContainText(/\d+ s ago/);
  await expect(reminders).toHaveCount(0);
  // "Expiring soon" shows just those numbers.
  await page.getByTestId('expiring-note').getByRole('button', { name: 'Show them' }).click();
  await expect(page.locator('tr.order-row')).toHaveCount(1);
});
