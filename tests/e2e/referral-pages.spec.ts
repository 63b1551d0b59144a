import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import {
  collectCspViolations,
  demoLogin,
  expect,
  expectFitsViewport,
  expectNoAxeViolations,
  signIn,
  signOut,
  test,
} from './fixtures'

const SCREENSHOTS = path.join('test-results', 'screenshots')
const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 740 },
} as const

async function check(page: Page, name: string, size: string, width: number): Promise<void> {
  await expect(page.getByRole('status')).toHaveCount(0)
  await expectNoAxeViolations(page, `${name} (${size})`)
  await expectFitsViewport(page, width, name)
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size}.png`), fullPage: true })
}

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`referral and case pages at ${size} size (${viewport.width}px)`, () => {
    test.use({ viewport })

    test('the coordinator’s pages, the public form, the referrer’s and the parent’s areas pass axe and fit', async ({
      page,
    }) => {
      fs.mkdirSync(SCREENSHOTS, { recursive: true })
      const csp = collectCspViolations(page)
      await signIn(page, demoLogin('coordinator'))
      const pages: [string, string, RegExp | string][] = [
        ['referrals', '/referrals', 'Referrals'],
        ['new-referral', '/referrals/new', 'New referral'],
        ['cases', '/cases', 'Cases'],
        ['waiting-list', '/waiting-list', 'Waiting list'],
      ]
      for (const [name, url, heading] of pages) {
        await page.goto(url)
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
        await check(page, name, size, viewport.width)
      }
      await page.goto('/referrals')
      const formUrl = (await page.getByRole('link', { name: 'the public form' }).getAttribute('href')) ?? ''
      await page.getByRole('link', { name: /^R-/ }).first().click()
      await expect(page.getByRole('heading', { level: 1, name: /^Referral R-/ })).toBeVisible()
      await check(page, 'referral', size, viewport.width)
      await page.goto('/cases')
      await page.getByRole('link', { name: /^C-/ }).first().click()
      await expect(page.getByRole('heading', { level: 1, name: /^Case C-/ })).toBeVisible()
      await check(page, 'case', size, viewport.width)
      await signOut(page)

      await page.goto(formUrl)
      await expect(page.getByRole('heading', { level: 1, name: /^Apply to / })).toBeVisible()
      await check(page, 'public-form', size, viewport.width)

      await signIn(page, demoLogin('referrer'))
      await page.goto('/referrals')
      await expect(page.getByRole('heading', { level: 1, name: 'Referrals' })).toBeVisible()
      await check(page, 'referrer-referrals', size, viewport.width)
      await signOut(page)

      await signIn(page, demoLogin('parent'))
      await page.goto('/my-family')
      await expect(page.getByRole('heading', { level: 1, name: 'My family' })).toBeVisible()
      await check(page, 'my-family', size, viewport.width)
      expect(csp).toEqual([])
    })
  })
}
