import { test as base, expect, APIRequestContext, Page } from '@playwright/test';

/** The simulator's test control surface, behind the relay's --control flag. */
export class Sim {
  constructor(private request: APIRequestContext) {}

  async control(action: string, params: Record<string, string | number> = {}) {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    const res = await this.request.get(`/_sim/${action}?${query}`);
    expect(res.ok(), `control ${action}: ${res.status()}`).toBeTruthy();
    return res.json();
  }

  advance(secs: number) { return this.control('advance', { secs }); }
  counters() { return this.control('counters'); }

  /** Calls rent.php directly, as the provider's API (for arranging a test). */
  async api(params: Record<string, string | number>) {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    const res = await this.request.get(`/api/rent.php?${query}`);
    return res.json();
  }
}

/** Waits until a service worker controls the page (the shell is cached then). */
export async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The first worker claims the open page; should that race a page that
  // loaded just before, a reload is what a person would see next anyway.
  const claimed = await page
    .waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 5_000 })
    .then(() => true, () => false);
  if (!claimed) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
}

/** Every URL in this origin's Cache Storage, by cache name. */
export async function cached(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const all: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      all[name] = (await cache.keys()).map((r) => r.url);
    }
    return all;
  });
}

/** A fresh, isolated simulator account per test (keys starting with "test"). */
export function freshKey() {
  return `test-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Opens the app with this key saved, as if the user had entered it. */
export async function openWithKey(page: Page, key: string, path = '/') {
  await page.addInitScript(([k]) => {
    if (!sessionStorage.getItem('e2e-init')) {
      localStorage.setItem('smsrent.apikey', k);
      localStorage.setItem('smsrent.min_gap_ms', '200');
      sessionStorage.setItem('e2e-init', '1');
    }
  }, [key]);
  await page.goto(path);
}

/** A fresh account with one rental (Instagram, Russia) of `dtype` × 1. */
export async function rental(sim: Sim, dtype: 'week' | 'month' = 'week') {
  const key = freshKey();
  await sim.control('set_balance', { key, amount: 1000 });
  const created = await sim.api({ method: 'create', apikey: key, country: 'RU', service: 'opt16', dtype, dcount: 1 });
  expect(Number(created.status)).toBe(1);
  const order = Array.isArray(created.data) ? created.data[0] : created.data;
  return { key, id: String(order.id), number: `+7 ${order.pnumber}` };
}

/** What passes the viewport's right edge, clipped or not, among the
 * elements `selector` names, and whether the page scrolls sideways. */
export async function outside(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const width = window.innerWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll(selector))) {
      const r = (el as HTMLElement).getBoundingClientRect();
      if (r.width > 0 && r.right > width + 0.5) {
        out.push(`${el.tagName.toLowerCase()}.${(el as HTMLElement).className}: right ${Math.round(r.right)}px`);
      }
    }
    const scroll = document.documentElement.scrollWidth - width;
    if (scroll > 0) out.push(`the page scrolls sideways by ${scroll}px`);
    return out.slice(0, 8);
  }, selector);
}

export const test = base.extend<{ sim: Sim; guard: void }>({
  sim: async ({ request }, use) => { await use(new Sim(request)); },
  // Every journey also checks that nothing crashed and the page's
  // Content-Security-Policy (served by the relay) blocked nothing.
  guard: [async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      const text = m.text();
      if (/Content Security Policy|panicked at/.test(text)) problems.push(text);
    });
    await use();
    expect(problems, 'no crash and no CSP violation in the page').toEqual([]);
  }, { auto: true }],
});
export { expect };
