import fs from 'node:fs'
import path from 'node:path'
import type { APIRequestContext, Page } from '@playwright/test'
import type { CalendarView, SessionView } from '../../src/domain/scheduling/scheduling.schemas'
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
const PHONE = { width: 375, height: 740 }

interface Found {
  venueId: string
  calendar: CalendarView
  session: SessionView
}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url)
  expect(response.status(), `GET ${url}`).toBe(200)
  return (await response.json()) as T
}

/** A venue and a booked session on its busiest day ahead, looked up through the API as the coordinator. */
async function findBookedSession(request: APIRequestContext): Promise<Found | null> {
  const today = new Date().toISOString().slice(0, 10)
  const centres = await getJson<{ id: string }[]>(request, '/api/centres')
  for (const centre of centres) {
    const detail = await getJson<{ venues: { id: string; archived: boolean }[] }>(
      request,
      `/api/centres/${centre.id}`,
    )
    for (const venue of detail.venues.filter((v) => !v.archived)) {
      for (let week = 0; week < 12; week += 6) {
        const from = addDays(today, week * 7)
        const calendar = await getJson<CalendarView>(
          request,
          `/api/venues/${venue.id}/calendar?from=${from}&to=${addDays(from, 41)}`,
        )
        const booked = calendar.sessions.filter((s) => s.status === 'scheduled' && s.roomId !== null)
        const perDay = new Map<string, number>()
        for (const s of booked) perDay.set(s.date, (perDay.get(s.date) ?? 0) + 1)
        // The busiest day shows most: shared rooms, waiting areas, sessions called off.
        const busiest = [...perDay].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0]
        const session = booked
          .filter((s) => s.date === busiest)
          .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0]
        if (session) return { venueId: venue.id, calendar, session }
      }
    }
  }
  return null
}

/** A session called off in the last six weeks at the venue (the demo has a parent's short-notice one). */
async function findCancelled(request: APIRequestContext, venueId: string): Promise<SessionView | undefined> {
  const today = new Date().toISOString().slice(0, 10)
  const calendar = await getJson<CalendarView>(
    request,
    `/api/venues/${venueId}/calendar?from=${addDays(today, -41)}&to=${today}`,
  )
  return calendar.sessions.find((s) => s.status === 'cancelled')
}

/** A 24-hour time in the centre's zone, as the page must show it whatever the browser's zone. */
const timeIn = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  )

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `calendar-${name}.png`), fullPage })
}

test.describe('the coordinator’s calendar', () => {
  // A browser far from the centre: every time on screen must still be the centre's own.
  test.use({ timezoneId: 'America/New_York' })

  test('week, day and day sheet show both parties’ windows, pass axe and fit a phone', async ({ page }) => {
    // A busy Sunday: axe reads every session on the week, the day and the day sheet, twice over.
    test.slow()
    fs.mkdirSync(SCREENSHOTS, { recursive: true })
    const csp = collectCspViolations(page)
    await signIn(page, demoLogin('coordinator'))
    const found = await findBookedSession(page.request)
    expect(found, 'the demo seed books sessions from today on').not.toBeNull()
    if (!found) return
    const { venueId, calendar, session } = found
    const zone = calendar.timeZone
    const visiting = `Visiting parent ${timeIn(session.nonResident.arrivesAt, zone)}–${timeIn(session.nonResident.leavesAt, zone)}`
    const resident = `Resident parent ${timeIn(session.resident.arrivesAt, zone)}–${timeIn(session.resident.leavesAt, zone)}`

    await page.goto('/')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible()
    await page.goto(`/calendar/${venueId}?view=week&date=${session.date}`)
    const block = page.getByRole('button', { name: new RegExp(session.caseReference) }).first()
    await expect(block).toContainText(visiting)
    await expect(block).toContainText(resident)
    await expect(page.getByRole('status')).toHaveCount(0)
    await expectNoAxeViolations(page, 'calendar week')
    await shoot(page, 'week-desktop')

    await block.click()
    const drawer = page.getByRole('dialog')
    await expect(drawer.getByRole('heading', { name: new RegExp(session.caseReference) })).toBeVisible()
    await expect(drawer.getByRole('link', { name: `Open case ${session.caseReference}` })).toHaveAttribute(
      'href',
      `/cases/${session.caseId}`,
    )
    await expect(drawer.getByRole('button', { name: 'Move this session' })).toBeVisible()
    await expectNoAxeViolations(page, 'calendar session details')
    await shoot(page, 'drawer-desktop', false)
    await drawer.getByRole('button', { name: 'Close' }).click()
    await expect(drawer).toHaveCount(0)

    await block.click()
    await page.getByRole('dialog').getByRole('button', { name: 'Move this session' }).click()
    const move = page.getByRole('dialog')
    await expect(move.getByText(/^Move the session on /)).toBeVisible()
    // Rescheduling from the calendar: a time before the venue opens is explained before saving.
    await move.getByLabel('New start time').fill('07:00')
    await expect(move.getByText('This time does not work')).toBeVisible()
    await expect(move.getByText(/inside the opening hours that day/)).toBeVisible()
    await expect(move.getByRole('button', { name: 'Save the new time' })).toBeDisabled()
    await shoot(page, 'move-desktop', false)
    await move.getByRole('button', { name: 'Close' }).first().click()
    await expect(page.getByRole('dialog')).toHaveCount(0)

    await page.getByRole('button', { name: 'Day', exact: true }).click()
    await expect(page).toHaveURL(/view=day/)
    await expect(page.getByRole('heading', { level: 3, name: session.roomName ?? '' })).toBeVisible()
    const dayBlock = page.getByRole('button', { name: new RegExp(session.caseReference) }).first()
    await expect(dayBlock).toContainText(visiting)
    await expect(page.getByRole('status')).toHaveCount(0)
    await expectNoAxeViolations(page, 'calendar day')
    await shoot(page, 'day-desktop')

    await page.getByRole('link', { name: 'Day sheet for the door' }).click()
    await expect(page.getByRole('heading', { level: 1, name: /Day sheet/ })).toBeVisible()
    await expect(page.getByRole('banner')).toHaveCount(0)
    const table = page.getByRole('table')
    const arrival = timeIn(session.nonResident.arrivesAt, zone)
    await expect(
      table
        .getByRole('row')
        .filter({ hasText: session.caseReference })
        .filter({ hasText: 'Visiting parent arrives' }),
    ).toContainText(arrival)
    await expect(table.getByRole('row').filter({ hasText: 'Resident parent leaves' }).first()).toBeVisible()
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible()
    await expectNoAxeViolations(page, 'day sheet')
    await shoot(page, 'sheet-desktop')
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden()
    await shoot(page, 'sheet-print')
    await page.emulateMedia({ media: 'screen' })

    await page.setViewportSize(PHONE)
    await expectFitsViewport(page, PHONE.width, 'day sheet')
    await expectNoAxeViolations(page, 'day sheet (phone)')
    await shoot(page, 'sheet-phone')
    await shoot(page, 'sheet-phone-top', false)
    await page.goto(`/calendar/${venueId}?view=week&date=${session.date}`)
    await expect(page.getByRole('button', { name: new RegExp(session.caseReference) }).first()).toContainText(
      resident,
    )
    await expectFitsViewport(page, PHONE.width, 'calendar week')
    await expectNoAxeViolations(page, 'calendar week (phone)')
    await shoot(page, 'week-phone')
    await shoot(page, 'week-phone-top', false)
    await page.getByRole('button', { name: 'Day', exact: true }).click()
    await expect(page.getByRole('heading', { level: 3, name: session.roomName ?? '' })).toBeVisible()
    await expectFitsViewport(page, PHONE.width, 'calendar day')
    await shoot(page, 'day-phone')
    await shoot(page, 'day-phone-top', false)
    expect(csp).toEqual([])
  })

  test('opening sessions and closures are managed in the settings, with a warning about booked sessions', async ({
    page,
  }) => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true })
    await signIn(page, demoLogin('coordinator'))
    const found = await findBookedSession(page.request)
    expect(found, 'the demo seed books sessions from today on').not.toBeNull()
    if (!found) return
    const venueName = found.calendar.venueName
    await page.goto('/settings')
    const openings = page.getByRole('region', { name: 'Opening sessions' }).first()
    await expect(openings).toBeVisible()

    await page.getByRole('button', { name: `Add an opening session to ${venueName}` }).click()
    const form = page.getByRole('form', { name: 'New opening session' })
    await form.getByRole('textbox', { name: 'Day of the week' }).click()
    await page.getByRole('option', { name: 'Wednesday' }).click()
    await form.getByLabel('Opens at').fill('18:00')
    await form.getByLabel('Closes at').fill('20:30')
    await form.getByRole('button', { name: 'Add opening session' }).click()
    const list = page.getByRole('list', { name: `Opening sessions at ${venueName}` })
    const added = list.getByRole('listitem').filter({ hasText: 'Every Wednesday, 18:00 to 20:30' })
    await expect(added).toBeVisible()
    await added.getByRole('button', { name: /^Retire/ }).click()
    await expect(added).toContainText('Retired')

    await page.getByRole('button', { name: 'Add a closure' }).first().click()
    const closure = page.getByRole('form', { name: 'New closure' })
    await closure.getByLabel('First day closed').fill(found.session.date)
    await closure.getByLabel('Reason').fill('Boiler repair (test)')
    await closure.getByRole('button', { name: 'Add closure' }).click()
    await expect(
      page.getByText(/sessions? (is|are) already booked on those days: move or cancel/),
    ).toBeVisible()
    const closures = page.getByRole('list', { name: `Closures at ${venueName}` })
    await expect(closures).toContainText('Boiler repair (test)')
    await expectNoAxeViolations(page, 'settings with openings and closures')
    await shoot(page, 'settings-desktop')

    await page.goto(`/calendar/${found.venueId}?view=week&date=${found.session.date}`)
    await expect(page.getByText('Closed: Boiler repair (test)')).toBeVisible()
    await shoot(page, 'week-closed-desktop', false)

    await page.goto('/settings')
    await page
      .getByRole('list', { name: `Closures at ${venueName}` })
      .getByRole('listitem')
      .filter({ hasText: 'Boiler repair (test)' })
      .getByRole('button', { name: /^Withdraw/ })
      .click()
    await expect(page.getByText('Boiler repair (test)')).toHaveCount(0)
  })

  test('a session called off is struck through and labelled, and the day sheet lists it apart', async ({
    page,
  }) => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true })
    await signIn(page, demoLogin('coordinator'))
    const found = await findBookedSession(page.request)
    expect(found, 'the demo seed books sessions from today on').not.toBeNull()
    if (!found) return
    const cancelled = await findCancelled(page.request, found.venueId)
    expect(cancelled, 'the demo seed has a session a parent called off').toBeDefined()
    if (!cancelled) return

    await page.goto(`/calendar/${found.venueId}?view=week&date=${cancelled.date}`)
    const block = page.getByRole('button', { name: new RegExp(cancelled.caseReference) }).first()
    await expect(block).toContainText('Cancelled')
    await expect(page.getByRole('button', { name: /Held/ }).first()).toBeVisible()
    await expectNoAxeViolations(page, 'calendar week with sessions held and called off')
    await shoot(page, 'week-past-desktop')

    await page.goto(`/calendar/${found.venueId}/day/${cancelled.date}/sheet`)
    const calledOff = page.getByRole('list').filter({ hasText: cancelled.caseReference })
    await expect(page.getByRole('heading', { level: 2, name: /Called off/ })).toBeVisible()
    await expect(calledOff).toContainText(/cancelled by the (resident parent|visiting parent|centre)/)
    await expect(page.getByRole('table').getByText(cancelled.caseReference)).toHaveCount(0)
  })
})
