import { defineConfig } from '@playwright/test';

// The relay hosts the simulator (with its test control surface) and serves
// the release build from ../dist on one origin, on loopback only.
export const PORT = Number(process.env.E2E_PORT ?? 8790);
// Where cargo put the relay (CARGO_TARGET_DIR may move it).
export const RELAY = `${process.env.CARGO_TARGET_DIR ?? '../target'}/debug/smsrent-relay`;
// The build under test (relative to e2e/): E2E_DIST=../target/sec-dist tests another one.
export const DIST = process.env.E2E_DIST ?? '../dist';

export default defineConfig({
  testDir: './specs',
  fullyParallel: false,
  workers: 1, // one simulator, two cores
  retries: 0, // flakiness is a bug to fix, not to hide
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'off',
  },
  webServer: {
    // No per-address rate limit: the journeys shorten the request gap to
    // 200 ms (20 times the provider's pace) and the page and the tests'
    // controls share one address; the limit has tests of its own
    // (relay/tests/guard.rs).
    command: `${RELAY} --listen 127.0.0.1:${PORT} --simulate --control --seed 7 --rate-per-minute 0 --serve ${DIST}`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    env: { RUST_LOG: 'warn' },
    stderr: 'pipe',
  },
});
