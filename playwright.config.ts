import fs from 'node:fs'
import { defineConfig } from '@playwright/test'

// The browser is Debian's Chromium, never one Playwright downloads: `npx playwright install`
// cannot reach its CDN from our machines.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!fs.existsSync(chromiumPath)) {
  throw new Error(
    `Chromium was not found at ${chromiumPath}. Install the Debian package "chromium" ` +
      `(apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`,
  )
}

const isCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false'

/**
 * End-to-end tests drive one real server (started by tests/e2e/global-setup.ts on a free port
 * with a fresh data directory and the demo centre) through the system Chromium.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // One server and one database shared by every spec: run them one at a time, in file order.
  workers: 1,
  fullyParallel: false,
  // A flaky journey is a bug to fix, not to retry, in CI as well as locally.
  retries: 0,
  forbidOnly: isCi,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  reporter: isCi ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : [['list']],
  use: {
    // Set by global-setup before the workers start; workers read this file again and see it.
    baseURL: process.env.E2E_BASE_URL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/Jersey',
    // Dialogs and notifications appear and go without fading (the app honours reduced motion), so
    // an accessibility check never measures a half-transparent frame.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
})
