import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import {
  collectCspViolations,
  demoLogin,
  expect,
  expectFitsViewport,
  expectNoAxeViolations,
  signIn,
  test,
} from './fixtures'

/**
 * Scheduling in the browser: the coordinator books a contact plan from the case file, sees why a
 * second family cannot have the same room and time, and moves one session after a dry run; a
 * parent then sees only their own arrival, door and waiting room, and adds them to a phone calendar.
 *
 * The browser runs in New York while the centre is in Jersey: every time on screen must still be the
 * centre's own.
 */
test.use({ timezoneId: 'America/New_York' })

const SHOTS = path.join('test-results', 'screenshots')
const ZONE = 'Europe/Jersey'

interface Venue {
  id: string
  name: string
  archived: boolean
  entrances: string[]
  rooms: { id: string; name: string; kind: string; archived: boolean }[]
}
interface Slot {
  date: string
  startsAt: string
  venueId: string
  roomId: string
}
interface Session {
  id: string
  date: string
  status: string
  startsAt: string
  localStart: string
}

const scheduleSection = (page: Page): Locator => page.getByRole('region', { name: 'Contact sessions' })

/** Today in the centre's zone, moved by some days, as YYYY-MM-DD. */
const centreDay = (offsetDays = 0): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + offsetDays * 86_400_000))

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** The Sunday some weeks after the next one. */
function sundayIn(weeks: number): string {
  const today = centreDay()
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay()
  return addDays(today, 7 - weekday + weeks * 7)
}

/** A date as the page writes it: "Sunday 6 December 2026". */
const inWords = (date: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
    .format(new Date(`${date}T12:00:00Z`))
    .replace(',', '')

/** Opens the whole list of sessions coming up when the case has more than a few. */
async function showAllComingUp(page: Page): Promise<void> {
  await expect(scheduleSection(page).getByRole('list', { name: 'Coming up' })).toBeVisible()
  const more = scheduleSection(page).getByRole('button', { name: /^Show all \d+ sessions coming up$/ })
  if (await more.isVisible()) await more.click()
}

/** The API as the signed-in page: reads, and writes with the session's CSRF token. */
async function apiOf(page: Page) {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string }
  const check = async <T>(
    response: Awaited<ReturnType<Page['request']['get']>>,
    what: string,
  ): Promise<T> => {
    expect(response.ok(), `${what}: ${await response.text()}`).toBe(true)
    return (await response.json()) as T
  }
  return {
    get: async <T>(url: string) => check<T>(await page.request.get(url), url),
    post: async <T>(url: string, data: unknown) =>
      check<T>(await page.request.post(url, { data, headers: { 'X-CSRF-Token': session.csrfToken } }), url),
  }
}
type Api = Awaited<ReturnType<typeof apiOf>>

/** The demo venue, with a Sunday opening (added here if the demo has none). */
async function sundayVenue(api: Api): Promise<Venue> {
  const [centre] = await api.get<{ id: string }[]>('/api/centres')
  const detail = await api.get<{ venues: Venue[] }>(`/api/centres/${centre?.id ?? ''}`)
  const venue = detail.venues.find((v) => !v.archived)
  if (!venue) throw new Error('The demo centre has no open venue')
  const { openings } = await api.get<{ openings: { weekday: number; archived: boolean }[] }>(
    `/api/venues/${venue.id}/openings`,
  )
  if (!openings.some((o) => o.weekday === 7 && !o.archived))
    await api.post(`/api/venues/${venue.id}/openings`, {
      weekday: 7,
      startsAt: '10:00',
      endsAt: '16:00',
      firstOn: centreDay(-7),
    })
  return venue
}

/**
 * Active demo cases ready for a first session on the day. The demo's own plans book about six
 * months ahead, so a day further off leaves their rooms and times free.
 */
async function readyCases(
  api: Api,
  on: string,
  wanted: number,
): Promise<{ id: string; reference: string }[]> {
  const { cases } = await api.get<{ cases: { id: string; reference: string }[] }>(
    '/api/cases?status=active&limit=100',
  )
  const found: { id: string; reference: string }[] = []
  for (const c of cases) {
    const readiness = await api.get<{ ready: boolean }>(`/api/cases/${c.id}/readiness?firstSessionOn=${on}`)
    if (readiness.ready) found.push(c)
    if (found.length === wanted) break
  }
  expect(found, 'ready demo cases').toHaveLength(wanted)
  return found
}

/** A screenshot of the whole page, or of one part of it, to look at after the run. */
async function shoot(target: Page | Locator, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true })
  const file = path.join(SHOTS, `scheduling-${name}.png`)
  if ('goto' in target) await target.screenshot({ path: file, fullPage: true })
  else await target.screenshot({ path: file })
}

test('the coordinator books a plan, sees a clash explained and moves a session after a dry run', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const csp = collectCspViolations(page)
  await signIn(page, demoLogin('coordinator'))
  const api = await apiOf(page)
  const venue = await sundayVenue(api)
  const quiet = venue.rooms.find((r) => r.kind === 'private_room' && !r.archived)
  if (!quiet) throw new Error('The demo venue has no private room')
  const from = sundayIn(30)
  const [first, second] = await readyCases(api, from, 2)
  if (!first || !second) throw new Error('Two ready cases are needed')

  // 1. Book a fortnightly plan in the private room at the first free time the page suggests.
  await page.goto(`/cases/${first.id}`)
  const section = scheduleSection(page)
  await section.getByRole('button', { name: 'Book sessions' }).click()
  const form = section.getByRole('region', { name: 'Book sessions' })
  await form.getByLabel('How often').selectOption({ label: 'Every other week' })
  await form.getByLabel('First date').fill(from)
  await form.getByRole('combobox', { name: 'Room', exact: true }).selectOption({ value: quiet.id })
  await form.getByRole('button', { name: 'Find free times' }).click()
  await form.getByRole('list', { name: 'Next free times' }).getByRole('button').first().click()
  const firstOn = await form.getByLabel('First date').inputValue()
  const startsAt = await form.getByLabel('Start time').inputValue()
  expect(startsAt).toMatch(/^\d{2}:\d{2}$/)
  await form.getByLabel('Last date').fill(addDays(firstOn, 28))
  await expect(form.getByText(/^Every other week on Sundays$/)).toBeVisible()
  await form.getByRole('button', { name: 'Check dates' }).click()
  await expect(form.getByText(/^3 dates: /)).toBeVisible()
  await shoot(form, 'plan-form')
  await expectNoAxeViolations(page, 'the case page with the plan form and its checked dates')
  const fitting = form.getByRole('button', { name: 'Book the dates that fit and skip the rest' })
  if (await form.getByText('3 dates: every one fits').isVisible()) {
    await form.getByRole('button', { name: 'Book sessions' }).click()
  } else {
    await fitting.click()
  }
  await expect(page.getByText('Sessions booked', { exact: true })).toBeVisible()
  await expect(form).toBeHidden()
  await showAllComingUp(page)
  const upcoming = section.getByRole('list', { name: 'Coming up' })
  await expect(upcoming.getByText(`${inWords(firstOn)}, ${startsAt}–`)).toBeVisible()
  await expect(section.getByText(`Every other week on Sundays, ${startsAt}–`)).toBeVisible()
  await expect(
    section.getByText(/^Visiting parent arrives 15 min before and leaves 15 min after/).first(),
  ).toBeVisible()

  // 2. A second family in the same room at the same time: refused, and the page says why.
  await page.goto(`/cases/${second.id}`)
  const other = scheduleSection(page)
  await other.getByRole('button', { name: 'Book sessions' }).click()
  const otherForm = other.getByRole('region', { name: 'Book sessions' })
  await otherForm.getByLabel('How often').selectOption({ label: 'Once only' })
  await otherForm.getByRole('textbox', { name: 'Date', exact: true }).fill(firstOn)
  await otherForm.getByLabel('Start time').fill('07:30')
  await otherForm.getByRole('combobox', { name: 'Room', exact: true }).selectOption({ value: quiet.id })
  await otherForm.getByRole('button', { name: 'Check dates' }).click()
  await expect(otherForm.getByText(/inside the opening hours that day/)).toBeVisible()
  await expect(otherForm.getByText('Outside opening hours.')).toBeVisible()
  await otherForm.getByLabel('Start time').fill(startsAt)
  await otherForm.getByRole('button', { name: 'Book sessions' }).click()
  const refusal = otherForm.getByTestId('conflicts')
  await expect(refusal.getByText('Nothing was booked: this date clashes')).toBeVisible()
  await expect(
    refusal.getByText(
      new RegExp(`${quiet.name} holds one family at a time and is taken then by ${first.reference}`),
    ),
  ).toBeVisible()
  await expect(refusal.getByText(`${inWords(firstOn)}:`).first()).toBeVisible()
  await shoot(otherForm, 'clash-explained')
  await expectNoAxeViolations(page, 'the case page with a refused booking')

  // 3. Move the first session: a time outside opening hours is explained; a free time works.
  const free = await api.get<{ slots: Slot[] }>(
    `/api/cases/${first.id}/slots?from=${firstOn}&durationMinutes=120&roomId=${quiet.id}&limit=1`,
  )
  const target = free.slots[0]
  if (!target) throw new Error('No free time to move the session to')
  await page.goto(`/cases/${first.id}`)
  await showAllComingUp(page)
  await scheduleSection(page)
    .getByRole('button', { name: `Move the session on ${inWords(firstOn)}, ${startsAt}` })
    .click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText('Choose a new date, time or room')).toBeVisible()
  await dialog.getByLabel('New start time').fill('07:00')
  await expect(dialog.getByText('This time does not work')).toBeVisible()
  await expect(dialog.getByText(/inside the opening hours that day/)).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Save the new time' })).toBeDisabled()
  await dialog.getByLabel('New date').fill(target.date)
  await dialog.getByLabel('New start time').fill(target.startsAt)
  await expect(dialog.getByText('This time works')).toBeVisible()
  await dialog.getByLabel('Why is it moving?').fill('The visiting parent’s ferry arrives later that day.')
  await shoot(dialog, 'move-dialog')
  await expectNoAxeViolations(page, 'the move dialog')
  await dialog.getByRole('button', { name: 'Save the new time' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Session moved', { exact: true })).toBeVisible()
  const moved = scheduleSection(page)
    .getByRole('listitem')
    .filter({ hasText: `${inWords(target.date)}, ${target.startsAt}–` })
  await expect(moved.getByText('Moved', { exact: true })).toBeVisible()

  // 4. Another date of the plan is cancelled by the resident parent; the notice is counted.
  const { sessions } = await api.get<{ sessions: (Session & { moved: boolean })[] }>(
    `/api/cases/${first.id}/schedule`,
  )
  const later = sessions.find(
    (s) =>
      s.status === 'scheduled' &&
      !s.moved &&
      s.localStart === startsAt &&
      s.date > firstOn &&
      s.date <= addDays(firstOn, 28),
  )
  if (!later) throw new Error('The plan booked no later date to cancel')
  const next = scheduleSection(page)
    .getByRole('listitem')
    .filter({ hasText: `${inWords(later.date)}, ${startsAt}–` })
  await next.getByRole('button', { name: /^Cancel the session on / }).click()
  const cancel = page.getByRole('dialog')
  await cancel.getByLabel('The resident parent').check()
  await cancel.getByLabel('Reason').fill('The children are away with their grandparents.')
  await expectNoAxeViolations(page, 'the cancel dialog')
  await cancel.getByRole('button', { name: 'Cancel this session' }).click()
  await expect(cancel).toBeHidden()
  await expect(next.getByText(/^Cancelled by the resident parent with \d+ days’ notice/)).toBeVisible()
  await expectNoAxeViolations(page, 'the case page with its sessions')
  await shoot(scheduleSection(page), 'case-schedule')

  await page.setViewportSize({ width: 375, height: 740 })
  await page.reload()
  await expect(scheduleSection(page).getByRole('list', { name: 'Coming up' })).toBeVisible()
  await expectFitsViewport(page, 375, 'the case page with its sessions')
  await expectNoAxeViolations(page, 'the case page with its sessions (phone)')
  await shoot(scheduleSection(page).getByRole('listitem').first(), 'session-phone')
  await scheduleSection(page).getByRole('button', { name: 'Book sessions' }).click()
  const phoneForm = scheduleSection(page).getByRole('region', { name: 'Book sessions' })
  await phoneForm.getByRole('button', { name: 'Find free times' }).click()
  await expect(phoneForm.getByRole('list', { name: 'Next free times' })).toBeVisible()
  await expectFitsViewport(page, 375, 'the plan form')
  await expectNoAxeViolations(page, 'the plan form (phone)')
  await shoot(phoneForm, 'plan-form-phone')
  expect(csp).toEqual([])
})

test('a parent sees only their own times, and can add them to a phone calendar and stop it', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  const csp = collectCspViolations(page)
  await signIn(page, demoLogin('parent'))
  await page.goto('/my-family')
  await expect(page.getByRole('heading', { level: 1, name: 'My family' })).toBeVisible()
  const sign = page.getByRole('button', { name: 'I have read and agree' })
  const signed = page.getByText('You have signed these ground rules')
  await expect(sign.or(signed)).toBeVisible()
  if (await sign.isVisible()) {
    await sign.click()
    await expect(signed).toBeVisible()
  }
  const parentApi = await apiOf(page)
  const family = await parentApi.get<{ families: { referralReference: string }[] }>('/api/my/family')
  const reference = family.families[0]?.referralReference ?? ''

  // The coordinator books the family a session with a door and a waiting room for each parent.
  const desk = await browser.newPage()
  await signIn(desk, demoLogin('coordinator'))
  const api = await apiOf(desk)
  const venue = await sundayVenue(api)
  const { referrals } = await api.get<{ referrals: { reference: string; caseId: string | null }[] }>(
    `/api/referrals?q=${encodeURIComponent(reference)}`,
  )
  const caseId = referrals.find((r) => r.reference === reference)?.caseId
  if (!caseId) throw new Error(`The demo parent's referral ${reference} has no case`)
  const familyRoom = venue.rooms.find((r) => r.kind === 'family_room' && !r.archived)
  const waiting = venue.rooms.find((r) => r.kind === 'waiting_area' && !r.archived)
  const [mainDoor, sideDoor] = venue.entrances
  const { slots } = await api.get<{ slots: Slot[] }>(
    `/api/cases/${caseId}/slots?from=${sundayIn(34)}&durationMinutes=120&roomId=${familyRoom?.id ?? ''}&limit=1`,
  )
  const slot = slots[0]
  if (!slot || !waiting || !mainDoor || !sideDoor) throw new Error('The demo venue cannot take this session')
  const booked = await api.post<{ sessions: (Session & { nonResident: { arrivesAt: string } })[] }>(
    `/api/cases/${caseId}/plans`,
    {
      serviceType: 'supported',
      frequency: 'one_off',
      firstOn: slot.date,
      startsAt: slot.startsAt,
      durationMinutes: 120,
      venueId: slot.venueId,
      roomId: slot.roomId,
      arrival: {
        resident: { entrance: sideDoor, waitingRoomId: waiting.id },
        nonResident: { entrance: mainDoor, waitingRoomId: null },
      },
    },
  )
  const visitingArrives = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: ZONE }).format(
    new Date(booked.sessions[0]?.nonResident.arrivesAt ?? ''),
  )
  await desk.close()

  await page.reload()
  const card = page.getByRole('region', { name: 'Your sessions' })
  const item = card.getByRole('listitem').filter({ hasText: inWords(slot.date) })
  await expect(item).toBeVisible()
  await expect(item.getByText(slot.startsAt, { exact: true })).toBeVisible()
  await expect(item.getByText(sideDoor)).toBeVisible()
  await expect(item.getByText(waiting.name)).toBeVisible()
  await expect(item.getByText(mainDoor, { exact: true })).toHaveCount(0)
  await expect(item.getByText(visitingArrives, { exact: true })).toHaveCount(0)
  await expect(card.getByText(/Times are Jersey time/)).toBeVisible()
  await expectNoAxeViolations(page, 'the parent’s sessions')
  await shoot(page, 'parent-sessions')
  await page.setViewportSize({ width: 375, height: 740 })
  await expectFitsViewport(page, 375, 'the parent’s sessions')
  await shoot(card, 'parent-sessions-phone')

  await page.goto('/account')
  const calendar = page.getByRole('region', { name: 'Calendar on your phone' })
  await expect(calendar.getByText('Anyone with this address can see your sessions.')).toBeVisible()
  await calendar.getByRole('button', { name: 'Make a calendar address' }).click()
  const url = (await calendar.getByTestId('new-feed-url').textContent()) ?? ''
  expect(url).toMatch(/\/api\/feeds\/[A-Za-z0-9_-]+\.ics$/)
  const feed = await page.request.get(url)
  expect(feed.status()).toBe(200)
  const ics = await feed.text()
  expect(ics).toContain('BEGIN:VCALENDAR')
  expect(ics).toContain(sideDoor)
  await expectFitsViewport(page, 375, 'the calendar card')
  await expectNoAxeViolations(page, 'the calendar card')
  await shoot(calendar, 'calendar-feed-phone')
  await calendar.getByRole('button', { name: 'I have added it' }).click()
  await calendar.getByRole('button', { name: 'Stop the address My phone' }).click()
  await calendar.getByRole('button', { name: 'Yes, stop the address My phone' }).click()
  await expect(calendar.getByText('You have no calendar address working.')).toBeVisible()
  expect((await page.request.get(url)).status()).toBe(404)
  expect(csp).toEqual([])
})
