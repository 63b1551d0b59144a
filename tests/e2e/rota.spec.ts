import fs from 'node:fs'
import path from 'node:path'
import type { APIResponse, Page } from '@playwright/test'
import type { CandidateList, MyVolunteering, RotaView } from '../../src/domain/volunteers/volunteers.schemas'
import { demoLogin, expect, expectFitsViewport, expectNoAxeViolations, signIn, test } from './fixtures'

const SCREENSHOTS = path.join('test-results', 'screenshots')
const PHONE = { width: 375, height: 740 }
const DESKTOP = { width: 1280, height: 800 }

type Candidate = CandidateList['candidates'][number]

// ---------- The API as a signed-in page ----------

/** Reads, and writes with the session's CSRF token, as the person signed in on the page. */
async function apiOf(page: Page) {
  const session = (await (await page.request.get('/api/auth/session')).json()) as {
    csrfToken: string
    user: { id: string; email: string }
  }
  const headers = { 'X-CSRF-Token': session.csrfToken }
  const check = async <T>(response: APIResponse, what: string): Promise<T> => {
    expect(response.ok(), `${what}: ${await response.text()}`).toBe(true)
    return (response.status() === 204 ? undefined : await response.json()) as T
  }
  return {
    user: session.user,
    raw: (url: string) => page.request.get(url),
    get: async <T>(url: string) => check<T>(await page.request.get(url), `GET ${url}`),
    post: async <T>(url: string, data: unknown) =>
      check<T>(await page.request.post(url, { data, headers }), `POST ${url}`),
    put: async <T>(url: string, data: unknown) =>
      check<T>(await page.request.put(url, { data, headers }), `PUT ${url}`),
    patch: async <T>(url: string, data: unknown) =>
      check<T>(await page.request.patch(url, { data, headers }), `PATCH ${url}`),
  }
}
type Api = Awaited<ReturnType<typeof apiOf>>

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
const todayIn = (timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  )
const nextMonthOf = (date: string): string => {
  const [year = 2000, month = 1] = date.split('-').map(Number)
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10)
}
const monthEndOf = (first: string): string => addDays(nextMonthOf(first), -1)

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `rota-${name}.png`), fullPage })
}

// ---------- What the demo team offers ----------

/**
 * The first month from next month on with an open place for which one volunteer is refused and
 * another allowed without a warning. The demo fills the weeks just ahead; two volunteers away
 * open places further on, and the rota past eight weeks is still to be made.
 */
async function findPlace(desk: Api, centreId: string, nextMonth: string) {
  let month = nextMonth
  for (let step = 0; step < 3; step++, month = nextMonthOf(month)) {
    const rota = await desk.get<RotaView>(
      `/api/centres/${centreId}/rota?from=${month}&to=${monthEndOf(month)}`,
    )
    const found = await findPlaceIn(desk, centreId, rota)
    if (found) return { ...found, rota, month, step }
  }
  return null
}

async function findPlaceIn(desk: Api, centreId: string, rota: RotaView) {
  for (const shift of rota.shifts) {
    for (const position of shift.positions) {
      if (position.assigned.length >= position.needed) continue
      const query = new URLSearchParams({ shiftKey: shift.key, duty: position.duty })
      if (position.sessionId) query.set('sessionId', position.sessionId)
      const { candidates } = await desk.get<CandidateList>(
        `/api/centres/${centreId}/rota/candidates?${query}`,
      )
      const allowed = candidates.find((c) => c.allowed && c.problems.length === 0)
      const refused = candidates.find((c) => !c.allowed && c.problems.some((p) => p.hard))
      if (allowed && refused) return { shift, position, allowed, refused }
    }
  }
  return null
}

/** One of the volunteer's shifts ahead and a colleague who could take it (nothing hard in the way). */
async function findSwap(desk: Api, volunteer: Api, centreId: string) {
  const mine = await volunteer.get<MyVolunteering>('/api/my/volunteering')
  // Not today's: the demo volunteer is at the door today, and the session-day journey needs her there.
  const today = todayIn('Europe/Jersey')
  for (const shift of mine.shifts.filter((s) => !s.swap && s.date > today)) {
    const query = new URLSearchParams({ shiftKey: shift.shiftKey, duty: shift.duty })
    if (shift.sessionId) query.set('sessionId', shift.sessionId)
    const { candidates } = await desk.get<CandidateList>(`/api/centres/${centreId}/rota/candidates?${query}`)
    const free = (c: Candidate) => c.problems.every((p) => !p.hard || p.rule === 'ROTA-FULL')
    const colleague = mine.colleagues.find((c) => candidates.some((k) => k.volunteerId === c.id && free(k)))
    if (colleague) return { shift, colleague }
  }
  return null
}

// ---------- The journey ----------

test.describe('the rota and volunteering', () => {
  test('coordinator fills the rota; the volunteer on a phone reads, sets times and asks to swap', async ({
    page,
    browser,
  }) => {
    test.slow()
    fs.mkdirSync(SCREENSHOTS, { recursive: true })
    await signIn(page, demoLogin('coordinator'))
    const desk = await apiOf(page)
    const phone = await browser.newContext({ viewport: PHONE, locale: 'en-GB', timezoneId: 'Europe/Jersey' })
    const volunteerPage = await phone.newPage()
    await signIn(volunteerPage, demoLogin('volunteer'))
    const volunteer = await apiOf(volunteerPage)
    const [centre] = await desk.get<{ id: string; timeZone: string }[]>('/api/centres')
    if (!centre) throw new Error('The demo has no centre')
    const today = todayIn(centre.timeZone)
    expect((await volunteer.raw('/api/my/volunteering')).status(), 'the demo volunteer is on the team').toBe(
      200,
    )

    // The coordinator opens next month's rota, and on to the month with a place to fill, and fills it.
    const found = await findPlace(desk, centre.id, nextMonthOf(today))
    expect(found, 'the demo rota has a place someone may and someone may not take').not.toBeNull()
    if (!found) return
    const { month } = found
    await page.goto('/')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rota' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Rota' })).toBeVisible()
    for (let step = 0; step <= found.step; step++)
      await page.getByRole('button', { name: 'Next month' }).click()
    await expect(page).toHaveURL(new RegExp(`month=${month}`))
    const card = page.locator(`[data-shift-key="${found.shift.key}"]`)
    await expect(card.getByText('Unfilled').first()).toBeVisible()
    // A supervisor's place runs for their session only: its own times, not the opening's.
    const supervised = found.rota.shifts.flatMap((shift) =>
      shift.positions.filter((p) => p.duty === 'supervisor').map((position) => ({ shift, position })),
    )[0]
    expect(supervised, 'the month has a supervised session').toBeDefined()
    if (!supervised) return
    const { position: supervisor } = supervised
    await expect(page.locator(`[data-shift-key="${supervised.shift.key}"]`)).toContainText(
      `Supervisor for ${supervisor.sessionLabel ?? ''}, ${supervisor.localStart}–${supervisor.localEnd}`,
    )
    // Every open swap names its shift, even one outside the month shown.
    expect(found.rota.swaps.length, 'the demo has a swap waiting').toBeGreaterThan(0)
    for (const open of found.rota.swaps)
      await expect(
        page
          .getByRole('list', { name: 'Swaps waiting for you' })
          .getByRole('listitem')
          .filter({ hasText: open.fromVolunteer }),
      ).toContainText(`(${open.shiftLabel})`)
    await expectNoAxeViolations(page, 'rota')
    await shoot(page, 'desktop', false)

    const label = found.position.duty.replace('_', ' ')
    await card
      .getByRole('button', { name: new RegExp(`^Assign ${label}`) })
      .first()
      .click()
    const dialog = page.getByRole('dialog')
    const refusedItem = dialog
      .getByRole('region', { name: 'Cannot take this place' })
      .getByRole('listitem')
      .filter({ hasText: found.refused.fullName })
      .first()
    await expect(refusedItem).toContainText(found.refused.problems.find((p) => p.hard)?.message ?? '')
    await expect(refusedItem.getByRole('button')).toHaveCount(0)
    const assign = dialog.getByRole('button', { name: `Assign ${found.allowed.fullName}` })
    await expect(assign).toBeEnabled()
    await expectNoAxeViolations(page, 'assign dialog')
    await shoot(page, 'assign-desktop', false)
    await assign.click()
    await expect(dialog).toHaveCount(0)
    await expect(card).toContainText(found.allowed.fullName)
    // The "On the rota" message would cover the next dialog's title.
    await page.getByRole('button', { name: 'Close message' }).click()

    // How many people an opening needs: every one of its dates, shown before anything is saved. The
    // Sunday opening has its own numbers; the others follow the defaults.
    const own = found.rota.shifts.find((s) => s.openingId && s.ownStaffing)
    const usual = found.rota.shifts.find((s) => s.openingId && !s.ownStaffing)
    expect(own?.staffing, 'an opening with its own numbers').toBeTruthy()
    expect(usual, 'an opening with the default numbers').toBeDefined()
    if (!own?.staffing || !usual) return
    const peopleNeeded = (key: string) =>
      page.locator(`[data-shift-key="${key}"]`).getByRole('button', { name: /^People needed, / })
    await peopleNeeded(own.key).click()
    const staffing = page.getByRole('dialog')
    await expect(staffing.getByText(/^This changes every \w+day opening/)).toBeVisible()
    await expect(staffing.getByText(/^This opening has its own numbers\./)).toBeVisible()
    await expect(staffing.getByLabel('Floor')).toHaveValue(String(own.staffing.floor))
    await expect(staffing.getByLabel('Reception')).toHaveValue(String(own.staffing.reception))
    await expect(staffing.getByRole('button', { name: 'Use the defaults again' })).toBeVisible()
    await expectNoAxeViolations(page, 'people needed')
    await shoot(page, 'staffing-desktop', false)
    await staffing.getByRole('button', { name: 'Close' }).click()
    await expect(staffing).toHaveCount(0)
    await peopleNeeded(usual.key).click()
    await expect(staffing.getByText(/^These are the defaults every opening follows/)).toBeVisible()
    await expect(staffing.getByLabel('Team leaders')).toHaveValue(String(usual.staffing?.teamLeaders))
    await expect(staffing.getByRole('button', { name: 'Use the defaults again' })).toHaveCount(0)
    await staffing.getByRole('button', { name: 'Close' }).click()
    await expect(staffing).toHaveCount(0)

    // A suggested rota: previewed first, with the places it cannot fill explained, then applied.
    await page.getByRole('button', { name: 'Suggest a rota' }).click()
    const suggestion = page.getByRole('dialog')
    await expect(suggestion.getByText(/^It would fill \d+ of the \d+ open places?\./)).toBeVisible()
    const unfilled = suggestion.getByRole('region', { name: 'Places it could not fill' })
    await expect(unfilled.getByText(/^No one could be placed: \d+ /).first()).toBeVisible()
    await expectNoAxeViolations(page, 'suggestion preview')
    await shoot(page, 'suggest-desktop', false)
    await suggestion.getByRole('button', { name: /^Apply: fill \d+ places?$/ }).click()
    await expect(suggestion).toHaveCount(0)
    await expect(page.getByText('Suggested').first()).toBeVisible()
    await shoot(page, 'after-suggest-desktop')

    await page.setViewportSize(PHONE)
    await expectFitsViewport(page, PHONE.width, 'rota')
    await shoot(page, 'phone', false)
    await card
      .getByRole('button', { name: /^Take off / })
      .first()
      .scrollIntoViewIfNeeded()
    await page.getByRole('button', { name: 'Suggest a rota' }).click()
    await expect(page.getByRole('dialog').getByText(/^It would fill|^Every place/)).toBeVisible()
    await expectFitsViewport(page, PHONE.width, 'suggestion preview')
    await shoot(page, 'suggest-phone', false)
    await page.getByRole('dialog').getByRole('button', { name: 'Close without changing anything' }).click()
    const open = page.getByRole('button', { name: /^Assign / }).first()
    if (await open.isVisible()) {
      await open.click()
      await expect(page.getByRole('dialog').getByRole('heading', { level: 3 }).first()).toBeVisible()
      await expectFitsViewport(page, PHONE.width, 'assign dialog')
      await expectNoAxeViolations(page, 'assign dialog (phone)')
      await shoot(page, 'assign-phone', false)
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()
    }
    await page.setViewportSize(DESKTOP)

    // The volunteer, on a phone: next shifts, the updated policy, their times and a swap.
    const swap = await findSwap(desk, volunteer, centre.id)
    expect(swap, 'the demo volunteer has a shift ahead a colleague could take').not.toBeNull()
    if (!swap) return
    // Hours the volunteer logged that the coordinator turned down, with the reason.
    const extra = await volunteer.post<{ id: string }>('/api/volunteer-hours', {
      kind: 'other',
      onDate: today,
      minutes: 45,
      description: 'Sorted the toy cupboard',
    })
    await desk.post(`/api/volunteer-hours/${extra.id}/decision`, {
      approve: false,
      note: 'Thank you! Tidying is part of a shift, so it is in your shift hours already.',
    })
    const mine = await volunteer.get<MyVolunteering>('/api/my/volunteering')
    await volunteerPage.goto('/')
    await volunteerPage.getByRole('button', { name: 'Open menu' }).click()
    await volunteerPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My volunteering' })
      .click()
    await expect(volunteerPage.getByRole('heading', { level: 1, name: 'My volunteering' })).toBeVisible()
    const next = volunteerPage.getByRole('list', { name: 'Your next shifts' })
    await expect(next.getByRole('listitem').first()).toBeVisible()
    const covering = mine.shifts.find(
      (s) => s.sessionLabel && (s.duty === 'escort' || s.duty === 'supervisor'),
    )
    expect(covering, 'the demo volunteer covers a session').toBeDefined()
    await expect(next).toContainText(
      `${covering?.duty === 'escort' ? 'Escort for' : 'Supervising'} ${covering?.sessionLabel ?? ''}`,
    )
    // My hours: this year's approved total (the six months listed, once they no longer reach back to
    // 1 January), then each entry with its decision in words.
    const myHours = volunteerPage.getByRole('region', { name: 'My hours' })
    const yearStart = `${today.slice(0, 4)}-01-01`
    const wholeYear = addDays(today, -183) <= yearStart
    const approved = mine.hours
      .filter((h) => h.status === 'approved' && (!wholeYear || h.onDate >= yearStart))
      .reduce((sum, h) => sum + h.minutes, 0)
    const total = myHours.getByTestId('my-hours-total')
    await expect(total).toContainText(
      wholeYear ? 'Hours approved this year' : 'Hours approved in the last six months',
    )
    await expect(total).toContainText(`${String(Math.round(approved / 6) / 10)} hour`)
    const declined = myHours.getByRole('listitem').filter({ hasText: 'Sorted the toy cupboard' })
    await expect(declined).toContainText('Not approved')
    await expect(declined).toContainText('Other: 45 minutes')
    await expect(declined).toContainText('The coordinator’s reason: “Thank you! Tidying is part of a shift')
    await expect(
      myHours
        .getByRole('listitem')
        .filter({ hasText: /Approved/ })
        .first(),
    ).toBeVisible()
    await expectFitsViewport(volunteerPage, PHONE.width, 'my volunteering')
    await expectNoAxeViolations(volunteerPage, 'my volunteering (phone)')
    await shoot(volunteerPage, 'my-volunteering-phone')
    await myHours.evaluate((section) => {
      section.scrollIntoView({ block: 'start' })
      window.scrollBy(0, -72) // below the sticky header
    })
    await shoot(volunteerPage, 'my-hours-phone', false)

    const toRead = volunteerPage.getByRole('list', { name: 'Policies to read' }).getByRole('listitem')
    const updated = toRead.filter({ hasText: 'Updated' }).first()
    await expect(updated).toBeVisible()
    await updated.getByRole('button', { name: /^Read / }).click()
    const policy = volunteerPage.getByRole('dialog')
    await expect(policy.getByText(/^Version \d+, published/)).toBeVisible()
    await expect(policy).toHaveCSS('opacity', '1')
    await expectNoAxeViolations(volunteerPage, 'policy text (phone)')
    await shoot(volunteerPage, 'policy-phone', false)
    await policy.getByRole('button', { name: 'I have read and understood this' }).click()
    await expect(policy).toHaveCount(0)

    await volunteerPage.getByRole('button', { name: 'Add a day and time' }).click()
    const added = volunteerPage.getByRole('group', { name: /^Time \d+$/ }).last()
    await added.getByLabel('Day').selectOption({ label: 'Wednesday' })
    await added.getByLabel('From').fill('18:00')
    await added.getByLabel('To').fill('21:00')
    await volunteerPage.getByLabel('Most shifts a month').fill('4')
    await volunteerPage.getByRole('button', { name: 'Save when I can volunteer' }).click()
    await expect(volunteerPage.getByText('The coordinator will use these times for the rota.')).toBeVisible()
    const saved = await volunteer.get<MyVolunteering>('/api/my/volunteering')
    expect(saved.availability.weekly).toContainEqual({ weekday: 3, from: '18:00', to: '21:00' })
    expect(saved.availability.maxShiftsPerMonth).toBe(4)

    const day = await volunteerPage.evaluate(
      (date) =>
        new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
          new Date(`${date}T00:00:00Z`),
        ),
      swap.shift.date,
    )
    await volunteerPage
      .getByRole('button', { name: new RegExp(`^Ask a colleague to swap your shift on ${day} `) })
      .first()
      .click()
    await volunteerPage.getByLabel('Who could take it?').selectOption({ label: swap.colleague.fullName })
    await volunteerPage.getByLabel('A note for the coordinator (optional)').fill('I am away that weekend.')
    await volunteerPage.getByRole('button', { name: 'Ask for the swap' }).click()
    await expect(
      volunteerPage.getByText(`You asked ${swap.colleague.fullName} to take this shift.`).first(),
    ).toBeVisible()
    await shoot(volunteerPage, 'my-volunteering-swap-phone')
    await volunteerPage.setViewportSize(DESKTOP)
    await expectNoAxeViolations(volunteerPage, 'my volunteering')
    await shoot(volunteerPage, 'my-volunteering-desktop')
    await phone.close()

    // The coordinator approves the swap: the colleague takes the place.
    await page.goto(`/rota?centre=${centre.id}&month=${swap.shift.date.slice(0, 7)}-01`)
    const swaps = page.getByRole('list', { name: 'Swaps waiting for you' })
    const request = swaps.getByRole('listitem').filter({ hasText: 'I am away that weekend.' })
    await expect(request).toContainText(swap.colleague.fullName)
    await expectNoAxeViolations(page, 'rota with a swap')
    await shoot(page, 'swap-desktop', false)
    await request.getByRole('button', { name: /^Approve the swap/ }).click()
    await expect(request).toHaveCount(0)
    await expect(page.locator(`[data-shift-key="${swap.shift.shiftKey}"]`)).toContainText(
      swap.colleague.fullName,
    )
  })

  test('hours: log for a volunteer, see the totals funders ask for, on a desk and a phone', async ({
    page,
  }) => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true })
    await signIn(page, demoLogin('coordinator'))
    await page.goto('/volunteer-hours')
    await expect(page.getByRole('heading', { level: 1, name: 'Volunteer hours' })).toBeVisible()
    const form = page.getByRole('form', { name: 'Log hours for a volunteer' })
    await form.getByRole('textbox', { name: 'Volunteer' }).click()
    const option = page.getByRole('option').first()
    const name = (await option.textContent()) ?? ''
    await option.click()
    await form.getByRole('radio', { name: 'Training' }).check()
    await form.getByLabel('Hours', { exact: true }).fill('2')
    await form.getByLabel('Miles driven').fill('12')
    await form.getByLabel('Expenses (£)').fill('4.50')
    await form.getByRole('button', { name: 'Log these hours' }).click()
    await expect(page.getByText(`2 hours for ${name}, approved.`)).toBeVisible()
    const totals = page.getByRole('region', { name: 'Hours given' })
    await expect(totals.getByRole('row').filter({ hasText: name })).toBeVisible()
    await expect(totals.getByRole('columnheader', { name: 'Mileage' })).toBeVisible()
    const download = page.waitForEvent('download')
    await totals.getByRole('button', { name: 'Download the table (CSV)' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^volunteer-hours-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = fs.readFileSync(await file.path(), 'utf8')
    expect(csv).toContain('"Volunteer","Shift hours","Training hours"')
    expect(csv).toContain('"Miles","Mileage (£)","Expenses (£)"')
    expect(csv).toContain(`"${name}",`)
    await expectNoAxeViolations(page, 'volunteer hours')
    await shoot(page, 'hours-desktop')
    await page.setViewportSize(PHONE)
    await expectFitsViewport(page, PHONE.width, 'volunteer hours')
    await expectNoAxeViolations(page, 'volunteer hours (phone)')
    await shoot(page, 'hours-phone')
  })
})
