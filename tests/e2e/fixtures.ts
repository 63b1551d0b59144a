import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import { Secret, TOTP } from 'otpauth'

/** A demo login printed by `kinbridge seed --demo --json` and passed on by global-setup. */
export interface DemoLogin {
  role: string
  email: string
  password: string
}

function readEnv(name: string): string {
  const value = process.env[name]
  if (!value)
    throw new Error(`${name} is not set: run the specs through playwright.config.ts (global-setup sets it)`)
  return value
}

/** The demo login for a role; the admin comes from E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD. */
export function demoLogin(role: string): DemoLogin {
  if (role === 'admin')
    return { role, email: readEnv('E2E_ADMIN_EMAIL'), password: readEnv('E2E_ADMIN_PASSWORD') }
  const logins = JSON.parse(readEnv('E2E_USERS_JSON')) as { users: DemoLogin[] }
  const login = logins.users.find((user) => user.role === role)
  if (!login) throw new Error(`The demo seed has no ${role} login`)
  return login
}

/** Signs in through the sign-in page with email and password only; the caller checks where it lands. */
export async function submitPassword(
  page: Page,
  login: Pick<DemoLogin, 'email' | 'password'>,
): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('Email address').fill(login.email)
  await page.getByLabel('Password').fill(login.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** Signs in someone without two-factor and waits for the home page. */
export async function signIn(page: Page, login: Pick<DemoLogin, 'email' | 'password'>): Promise<void> {
  await submitPassword(page, login)
  await expect(page.getByRole('heading', { level: 1, name: /^Hello, / })).toBeVisible()
}

export async function signOut(page: Page): Promise<void> {
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^Sign out/ })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
}

/**
 * The code an authenticator app would show for the secret. `stepsAhead` 1 gives the next period's
 * code, which the server accepts (one step of drift) and which is never a replay of the last one.
 */
export function totpCode(secret: string, stepsAhead = 0): string {
  const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) })
  return totp.generate({ timestamp: Date.now() + stepsAhead * 30_000 })
}

/** Reads the set-up key shown next to the QR code. */
export async function readTotpSecret(page: Page): Promise<string> {
  const secret = await page.getByTestId('totp-secret').getAttribute('data-secret')
  if (!secret) throw new Error('The set-up key is not on the page')
  return secret
}

/** Console messages that say the browser refused something under the Content-Security-Policy. */
export function collectCspViolations(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // A dialog fading in is half transparent: axe would measure the contrast of a frame mid-fade.
  await page.evaluate(async () => {
    // A transition begins on the frame after it is mounted.
    for (let frame = 0; frame < 2; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve))
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)))
  })
  const results = await new AxeBuilder({ page }).analyze()
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
  expect(summary, `axe violations on ${label}`).toEqual([])
}

export async function expectFitsViewport(page: Page, width: number, label: string): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth, `${label} scrolls sideways`).toBeLessThanOrEqual(width)
}

interface Fixtures {
  /** A page signed in through the UI as the demo administrator (E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD). */
  adminPage: Page
}

export const test = base.extend<Fixtures>({
  adminPage: async ({ page }, use) => {
    await signIn(page, demoLogin('admin'))
    await use(page)
  },
})

export { expect }
