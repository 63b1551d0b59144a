import fs from 'node:fs'
import path from 'node:path'
import type { APIResponse, Browser, BrowserContext, Locator, Page } from '@playwright/test'
import type { TodayBoard, TodaySession } from '../../src/domain/session-day/session-day.schemas'
import { demoLogin, expect, expectFitsViewport, expectNoAxeViolations, signIn } from './fixtures'

// What the session-day journeys share: sizes, the API as a signed-in page, a coordinator of their
// own, the Today board's parts and the pictures.

// E2E_SCREENSHOTS lets a local run keep its pictures away from another run's clean-up of test-results.
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? path.join('test-results', 'screenshots')
export const TABLET = { width: 1024, height: 768 }
export const PHONE = { width: 375, height: 740 }
export const DESKTOP = { width: 1280, height: 800 }
export const PASSWORD = 'harbour lantern violet 42 kettle'

type Size = { width: number; height: number }

/** A browser of its own (a tablet at the door, a coordinator's laptop), in the centre's clock. */
export async function newBrowserPage(browser: Browser, viewport: Size): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/Jersey' })
  return context.newPage()
}

/** Reads, and writes with the session's CSRF token, as the person signed in on the page. */
export async function apiOf(page: Page) {
  const session = (await (await page.request.get('/api/auth/session')).json()) as {
    csrfToken: string
    user: { id: string; email: string; displayName: string }
  }
  const headers = { 'X-CSRF-Token': session.csrfToken }
  const check = async <T>(response: APIResponse, what: string): Promise<T> => {
    expect(response.ok(), `${what}: ${await response.text()}`).toBe(true)
    return (response.status() === 204 ? undefined : await response.json()) as T
  }
  return {
    user: session.user,
    rawPost: (url: string, data: unknown) => page.request.post(url, { data, headers }),
    get: async <T>(url: string) => check<T>(await page.request.get(url), `GET ${url}`),
    post: async <T>(url: string, data?: unknown) =>
      check<T>(await page.request.post(url, { data, headers }), `POST ${url}`),
    patch: async <T>(url: string, data: unknown) =>
      check<T>(await page.request.patch(url, { data, headers }), `PATCH ${url}`),
  }
}
export type Api = Awaited<ReturnType<typeof apiOf>>

/** The demo administrator, signed in on a browser of their own. */
export async function adminApi(browser: Browser): Promise<{ api: Api; context: BrowserContext }> {
  const page = await newBrowserPage(browser, DESKTOP)
  await signIn(page, demoLogin('admin'))
  return { api: await apiOf(page), context: page.context() }
}

export interface OutboxMessage {
  to: string
  subject: string
  text: string
  createdAt: string
}

export async function readOutbox(admin: Api): Promise<OutboxMessage[]> {
  return (await admin.get<{ messages: OutboxMessage[] }>('/api/outbox')).messages
}

/**
 * A coordinator of the journey's own, who chooses a password from the invitation the administrator
 * sent. The demo coordinator may by now sign in with a code only the two-factor journey knows.
 */
export async function newCoordinator(
  browser: Browser,
  viewport: Size,
  person: { name: string; email: string },
): Promise<Page> {
  const { api: admin, context } = await adminApi(browser)
  await admin.post('/api/users', {
    email: person.email,
    displayName: person.name,
    roles: [{ role: 'coordinator', centreId: null }],
  })
  const link = (await readOutbox(admin))
    .find((m) => m.to === person.email)
    ?.text.match(/\/welcome#token=[\w-]+/)?.[0]
  await context.close()
  expect(link, 'the invitation email has a link').toBeTruthy()
  const page = await newBrowserPage(browser, viewport)
  await page.goto(link ?? '/welcome')
  await page.getByLabel('New password').fill(PASSWORD)
  await page.getByLabel('Type it again').fill(PASSWORD)
  await page.getByRole('button', { name: 'Save my password' }).click()
  await expect(page.getByText(/Your account is ready/)).toBeVisible()
  await signIn(page, { email: person.email, password: PASSWORD })
  return page
}

// ---------- Dates in the centre's clock ----------

export const todayIn = (timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  )
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
/** "14:05": an instant as the board shows it, in the centre's zone. */
export const clockIn = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  )

// ---------- The Today board ----------

export async function readBoard(api: Api): Promise<TodayBoard> {
  return api.get<TodayBoard>('/api/today')
}

/** The day's session of the family whose visiting parent is named. */
export function sessionOf(board: TodayBoard, visiting: string): TodaySession {
  const found = board.sessions.find((s) =>
    s.parties.some((p) => p.side === 'non_resident' && p.people.some((person) => person.name === visiting)),
  )
  if (!found) throw new Error(`${visiting} has no session on today’s board`)
  return found
}

/** Every name and reference the board holds for a family: none of it may be kept by the browser. */
export function caseWords(session: TodaySession): string[] {
  return [
    session.caseReference,
    ...(session.familyName ? [session.familyName] : []),
    ...session.parties.flatMap((p) => p.people.flatMap((person) => [person.name, person.description ?? ''])),
    ...session.children.map((c) => c.name),
    ...session.notAllowed.flatMap((person) => [person.name, person.description ?? '']),
  ].filter((word) => word !== '')
}

/** A family's card on the board, named by its heading (times, case reference, children). */
export const cardOf = (page: Page, session: Pick<TodaySession, 'caseReference'>): Locator =>
  page.getByRole('article', { name: new RegExp(session.caseReference) })

/** A person's row on a card: the one with their tap button. */
export const personRow = (card: Locator, name: string): Locator =>
  card.getByRole('listitem').filter({
    has: card.page().getByRole('button', {
      name: new RegExp(`^${name} (Arrived|Left|Handed over|Returned|Turned away)$`),
    }),
  })

/** Lines of the register saying what happened, e.g. "Jack Renouf arrived". */
export const registerLines = (card: Locator, words: string): Locator =>
  card.getByRole('listitem').filter({
    has: card.page().getByRole('button', { name: new RegExp(`^Undo ${words} at \\d\\d:\\d\\d$`) }),
  })

/** Waits until every tap made so far has reached the server. */
export async function allSent(page: Page): Promise<void> {
  await expect(page.getByText(/^Sending \d+ taps?…$/)).toHaveCount(0)
  await expect(page.getByText(/^Up to date at \d\d:\d\d\.$/)).toBeVisible()
}

// ---------- Pictures and checks ----------

export async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  // From the top, so the app's fixed header is drawn once, where it belongs.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage })
}

/** One part of a page, however far down it is. */
export async function shootPart(part: Locator, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  // The app's fixed header would be drawn over the part wherever the page is scrolled to. It is hidden
  // through the DOM: the Content-Security-Policy refuses a style sheet added for the picture.
  const header = part.page().locator('body header').first()
  await header.evaluate((el) => (el.style.visibility = 'hidden'))
  await part.screenshot({ path: path.join(SCREENSHOTS, name) })
  await header.evaluate((el) => (el.style.visibility = ''))
}

/** At this size: nothing scrolls sideways and axe finds nothing. */
export async function checkAt(page: Page, viewport: Size, label: string): Promise<void> {
  await page.setViewportSize(viewport)
  await expectFitsViewport(page, viewport.width, label)
  await expectNoAxeViolations(page, label)
}
