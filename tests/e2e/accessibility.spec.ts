import fs from 'node:fs'
import path from 'node:path'
import {
  collectCspViolations,
  demoLogin,
  expect,
  expectFitsViewport,
  expectNoAxeViolations,
  signIn,
  test,
} from './fixtures'

const SCREENSHOTS = path.join('test-results', 'screenshots')
const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 740 },
} as const

/** Pages checked once signed in, with the h1 that shows each has loaded, and whether to keep a screenshot. */
const PAGES = [
  { name: 'home', path: '/', heading: /^Hello, /, screenshot: false },
  { name: 'account', path: '/account', heading: 'My account', screenshot: false },
  { name: 'settings', path: '/settings', heading: 'Centres and settings', screenshot: true },
  { name: 'people', path: '/people', heading: 'People', screenshot: false },
  { name: 'outbox', path: '/outbox', heading: 'Outbox', screenshot: true },
  { name: 'today', path: '/today', heading: 'Today', screenshot: true },
  { name: 'session-records', path: '/observations', heading: 'Session records', screenshot: true },
  { name: 'incidents', path: '/incidents', heading: 'Incidents', screenshot: true },
  { name: 'reports', path: '/reports', heading: 'Reports', screenshot: false },
  { name: 'feedback', path: '/feedback', heading: 'Feedback', screenshot: true },
  // The statistics pages count their figures after they load: checked once the figures are in.
  {
    name: 'statistics',
    path: '/statistics',
    heading: 'Statistics',
    screenshot: true,
    ready: 'chart-sessions',
  },
  {
    name: 'statistics-caseload',
    path: '/statistics/caseload',
    heading: 'Caseload',
    screenshot: false,
    ready: 'caseload-table',
  },
  {
    name: 'statistics-quarterly-return',
    path: '/statistics/quarterly-return',
    heading: 'NACCC quarterly return',
    screenshot: true,
    ready: 'key-figures',
  },
  {
    name: 'statistics-service-report',
    path: '/statistics/service-report',
    heading: 'Commissioner and trustees reports',
    screenshot: false,
    ready: 'key-figures',
  },
] as const

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`at ${size} size (${viewport.width}px)`, () => {
    test.use({ viewport })

    test('every main page has no axe violations, fits the screen and breaks no CSP rule', async ({
      page,
    }) => {
      fs.mkdirSync(SCREENSHOTS, { recursive: true })
      const csp = collectCspViolations(page)

      await page.goto('/login')
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
      await expectNoAxeViolations(page, `login (${size})`)
      await expectFitsViewport(page, viewport.width, 'login')
      await page.screenshot({ path: path.join(SCREENSHOTS, `login-${size}.png`), fullPage: true })

      await signIn(page, demoLogin('admin'))
      for (const target of PAGES) {
        await page.goto(target.path)
        await expect(page.getByRole('heading', { level: 1, name: target.heading })).toBeVisible()
        if ('ready' in target) await expect(page.getByTestId(target.ready)).toBeVisible()
        // Toasts have gone; a page's own live regions (the door's announcer) stay, empty.
        await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveCount(0)
        await expectNoAxeViolations(page, `${target.name} (${size})`)
        await expectFitsViewport(page, viewport.width, target.name)
        if (target.screenshot) {
          await page.screenshot({
            path: path.join(SCREENSHOTS, `${target.name}-${size}.png`),
            fullPage: true,
          })
        }
      }
      expect(csp).toEqual([])
    })
  })
}

test.describe('on a phone', () => {
  test.use({ viewport: VIEWPORTS.phone })

  test('the menu button opens the navigation, and choosing a page closes it', async ({ adminPage: page }) => {
    const nav = page.getByRole('navigation', { name: 'Main' })
    await expect(nav).toBeHidden()
    await page.getByRole('button', { name: 'Open menu' }).click()
    await expect(nav).toBeVisible()
    await expectNoAxeViolations(page, 'home with the menu open (phone)')
    await nav.getByRole('link', { name: 'Outbox' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible()
    await expect(nav).toBeHidden()
  })
})
