import type { Locator, Page } from '@playwright/test'
import type {
  AttendanceEventView,
  IncidentView,
  ObservationView,
  TodaySession,
} from '../../src/domain/session-day/session-day.schemas'
import type { CaseDetail } from '../../src/domain/cases/cases.schemas'
import type { ReferralDetail } from '../../src/domain/referrals/referrals.schemas'
import { demoLogin, expect, signIn, test } from './fixtures'
import {
  addDays,
  adminApi,
  allSent,
  apiOf,
  cardOf,
  checkAt,
  clockIn,
  DESKTOP,
  newBrowserPage,
  newCoordinator,
  PHONE,
  personRow,
  readBoard,
  readOutbox,
  registerLines,
  sessionOf,
  shoot,
  TABLET,
  todayIn,
  type Api,
} from './session-day-support'

// A whole session day at the demo centre, whatever the time of day the suite runs: the door on a
// tablet checks a supported family in and out in the right order and turns away someone who must not
// come in; the volunteer writes the supervised family's observation record, which a coordinator
// checks and releases; an incident suspends the family's future sessions and the referrer is told
// through the outbox, with no one's name in any email.

const stamp = Date.now().toString(36)
const COORDINATOR = { name: 'Morgan Le Cheminant', email: `morgan.${stamp}@coordinators.example` }
const WHAT_HAPPENED = `Mr Renouf raised his voice at the floor volunteer by the family room door (${stamp}). He was asked to leave and left by the main entrance.`

const OBSERVATION = {
  'Arrival and response':
    'Ms Mallet brought Jayden and Skye to the playground gate at 12:45. Mr Tostevin arrived at the main entrance at 13:00, on time. Jayden was chatty; Skye was quiet in her buggy.',
  Greeting:
    'Mr Tostevin said “Hello, you two!” and knelt down. Jayden ran to him for a hug. Skye smiled when he held out a toy.',
  'Play and interaction':
    'Jayden chose the train set and Mr Tostevin followed his lead, building a track with him. He read a picture book to Skye on his lap.',
  'The child’s responses':
    'Jayden laughed often and asked his father to watch him. Skye settled on her father’s lap after ten minutes.',
  'The end and parting':
    'The supervisor gave a five-minute warning at 13:55. Mr Tostevin helped tidy up and said goodbye calmly. Jayden waved from the door.',
}

/** The register's line for a tap, by its words and the time the server recorded. */
const undoButton = (card: Locator, words: string, at: string) =>
  card.page().getByRole('button', { name: `Undo ${words} at ${at}`, exact: true })

/** Taps a button on the card; when the door asks first, checks what it says and goes ahead. */
async function tap(page: Page, card: Locator, name: string, warning?: RegExp): Promise<void> {
  await card.getByRole('button', { name, exact: true }).click()
  if (warning) {
    const dialog = page.getByRole('dialog', { name: /^Check before recording: / })
    await expect(dialog).toContainText(warning)
    await expect(dialog).toContainText(/Tapped at \d\d:\d\d\./)
    await dialog.getByRole('button', { name: 'Go ahead' }).click()
    await expect(dialog).toHaveCount(0)
  }
  await allSent(page)
}

/** The register as the server holds it, live entries only, oldest first. */
async function registerOf(door: Api, sessionId: string): Promise<AttendanceEventView[]> {
  const session = (await readBoard(door)).sessions.find((s) => s.id === sessionId)
  return (session?.events ?? []).filter((e) => !e.voided).sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}

test('a whole session day on a tablet: the door, an observation record checked by another, an incident with a suspension', async ({
  browser,
}) => {
  test.setTimeout(240_000)
  // The coordinator first, so the alert about the incident reaches them too.
  const desk = await newCoordinator(browser, DESKTOP, COORDINATOR)
  const tablet = await newBrowserPage(browser, TABLET)
  await signIn(tablet, demoLogin('volunteer'))
  const door = await apiOf(tablet)
  const board = await readBoard(door)
  const time = (iso: string) => clockIn(iso, board.timeZone)
  const renouf = sessionOf(board, 'Jack Renouf')
  const tostevin = sessionOf(board, 'Wayne Tostevin')
  expect(board.date, 'the demo is seeded on the day the server starts').toBe(todayIn(board.timeZone))

  // ---------- The door ----------
  await tablet.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click()
  await expect(tablet.getByRole('heading', { level: 1, name: `Today at ${board.centreName}` })).toBeVisible()
  const team = tablet.getByRole('region', { name: 'Team on duty' })
  await expect(team).toContainText('Joanna Baudains')
  for (const member of board.team) await expect(team).toContainText(member.name)
  const sessions = tablet.getByRole('region', { name: 'Sessions' }).getByRole('article')
  await expect(sessions).toHaveCount(board.sessions.length)
  for (const session of board.sessions) await expect(cardOf(tablet, session)).toBeVisible()

  const card = cardOf(tablet, renouf)
  const jack = personRow(card, 'Jack Renouf')
  const sarah = personRow(card, 'Sarah Mauger')
  const isla = personRow(card, 'Isla Renouf')
  await expect(jack).toContainText(/How to recognise them: Medium height, shaved head/)
  await expect(jack).toContainText('Expected 09:45')
  await expect(card.getByText('Must not come in')).toBeVisible()
  const darren = personRow(card, 'Darren Hacquoil')
  await expect(darren).toContainText('How to recognise them: Tall, grey beard')
  await expect(isla).toContainText('With the resident parent')
  await expect(card).toContainText('Nothing recorded yet.')
  await checkAt(tablet, TABLET, 'today (tablet)')

  // The visiting parent arrives first. A mis-tap on "Left" is undone from the register.
  await tap(tablet, card, 'Jack Renouf Arrived')
  await expect(jack).toContainText(/In the building since \d\d:\d\d/)
  await tap(tablet, card, 'Jack Renouf Left')
  await expect(jack).toContainText(/Left \d\d:\d\d/)
  await registerLines(card, 'Jack Renouf left').getByRole('button').click()
  await allSent(tablet)
  await expect(card.getByText('Undone', { exact: true })).toBeVisible()
  await expect(jack).toContainText(/In the building since \d\d:\d\d/)
  await expect(jack.getByRole('button', { name: 'Jack Renouf Left' })).toBeVisible()

  // The resident parent comes while he is in: the door is asked first, naming the warning.
  await tap(
    tablet,
    card,
    'Sarah Mauger Arrived',
    /Jack Renouf of the visiting parent's side is in the building\. Keep Sarah Mauger apart so the parties do not meet/,
  )
  await expect(sarah).toContainText(/In the building since \d\d:\d\d/)
  await expect(card).toContainText(/Watch out.*Both parties are in the building/s)
  await tap(tablet, card, 'Isla Renouf Handed over')
  await expect(isla).toContainText('In the session')
  // The resident parent may leave during the session, and comes back for the end.
  await tap(tablet, card, 'Sarah Mauger Left')
  await expect(sarah).toContainText(/Left \d\d:\d\d/)
  await expect(card).not.toContainText('Both parties are in the building')
  await tap(tablet, card, 'Sarah Mauger Arrived', /Keep Sarah Mauger apart so the parties do not meet/)
  await tap(tablet, card, 'Isla Renouf Returned')
  await expect(isla).toContainText('Back with the resident parent')
  await tap(tablet, card, 'Sarah Mauger Left')
  await tap(tablet, card, 'Jack Renouf Left')
  await expect(jack).toContainText(/Left \d\d:\d\d/)
  await expect(sarah).toContainText(/Left \d\d:\d\d/)
  // Someone who must not come in is turned away, and that is recorded too.
  await tap(tablet, card, 'Darren Hacquoil Turned away')

  // Both sides came and went: once the session has started, its attendance is recorded from the taps.
  const settled = (await readBoard(door)).sessions.find((s) => s.id === renouf.id)
  expect(settled?.status).toBe(Date.parse(renouf.startsAt) <= Date.now() ? 'completed' : 'scheduled')

  // The register lists every tap with the time the server recorded, in the order they happened.
  const register = await registerOf(door, renouf.id)
  expect(register.map((e) => `${e.name} ${e.kind}`)).toEqual([
    'Jack Renouf arrived',
    'Sarah Mauger arrived',
    'Isla Renouf child_handed_over',
    'Sarah Mauger left',
    'Sarah Mauger arrived',
    'Isla Renouf child_returned',
    'Sarah Mauger left',
    'Jack Renouf left',
    'Darren Hacquoil refused_entry',
  ])
  await card.getByRole('button', { name: /^Show all \d+$/ }).click()
  const words: Record<AttendanceEventView['kind'], string> = {
    arrived: 'arrived',
    left: 'left',
    child_handed_over: 'handed over',
    child_returned: 'returned',
    refused_entry: 'turned away',
  }
  for (const event of register) {
    const said = `${event.name} ${words[event.kind]}`
    const line = card.getByRole('listitem').filter({ has: undoButton(card, said, time(event.at)) })
    await expect(line.first()).toContainText(`${time(event.at)} ${said}`)
    await expect(line.first()).toContainText('Recorded')
  }
  await expect(card.getByRole('listitem').filter({ hasText: 'Undone' })).toContainText('Jack Renouf left')
  await checkAt(tablet, TABLET, 'today (tablet)')

  // ---------- The observation record of the supervised family ----------
  const supervised = cardOf(tablet, tostevin)
  await expect(supervised).toContainText('Observation record: Not started')
  await supervised
    .getByRole('link', { name: `Write the observation record for ${tostevin.caseReference}` })
    .click()
  await expect(tablet.getByRole('heading', { level: 1, name: 'Session record' })).toBeVisible()
  await expect(tablet.getByText(`Case ${tostevin.caseReference}`)).toBeVisible()
  for (const [label, text] of Object.entries(OBSERVATION))
    await tablet.getByRole('textbox', { name: label }).fill(text)
  await tablet.getByRole('textbox', { name: 'Concerns' }).click()
  await expect(tablet.getByText(/^Saved \d\d:\d\d$/)).toBeVisible()
  await checkAt(tablet, PHONE, 'observation editor (phone)')
  await checkAt(tablet, TABLET, 'observation editor (tablet)')
  await shoot(tablet, 'observation-editor.png')
  await tablet.getByRole('button', { name: 'Submit for checking' }).click()
  await expect(tablet.getByText('Sent for checking', { exact: true }).first()).toBeVisible()
  await expect(tablet.getByText('Waiting to be checked', { exact: true })).toBeVisible()
  await expect(tablet.getByRole('button', { name: 'Submit for checking' })).toHaveCount(0)

  const deskApi = await apiOf(desk)
  const queue = await deskApi.get<{ observations: Omit<ObservationView, 'sections'>[] }>('/api/observations')
  const record = queue.observations.find((o) => o.sessionId === tostevin.id)
  expect(record?.status, 'the record waits to be checked').toBe('submitted')
  if (!record) return
  // Its author cannot release it: the check page offers no release, and the API refuses.
  await tablet.goto(`/observations/${record.id}`)
  await expect(tablet.getByRole('heading', { level: 2, name: 'What was recorded' })).toBeVisible()
  await expect(tablet.getByText(OBSERVATION.Greeting)).toBeVisible()
  await expect(tablet.getByRole('button', { name: 'Release' })).toHaveCount(0)
  const refused = await door.rawPost(`/api/observations/${record.id}/release`, { version: record.version })
  expect(refused.status(), 'the author may not release their own record').toBe(403)

  // A coordinator opens the records to check and releases it.
  await desk.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Session records' }).click()
  await expect(desk.getByRole('heading', { level: 1, name: 'Session records' })).toBeVisible()
  await desk.locator(`a[href="/observations/${record.id}"]`).click()
  await expect(desk.getByText(OBSERVATION['Play and interaction'])).toBeVisible()
  await expect(desk.getByText('Written by Demo Volunteer')).toBeVisible()
  await desk.getByRole('button', { name: 'Release' }).click()
  const released = desk.getByRole('alert').filter({ hasText: 'Checked and released' })
  await expect(released).toContainText(`Checked by ${COORDINATOR.name}`)
  await expect(desk.getByText('Record released', { exact: true })).toHaveCount(0)
  await shoot(desk, 'observation-released.png')
  await tablet.goto('/today')
  await expect(cardOf(tablet, tostevin)).toContainText('Observation record: Checked and released')

  // ---------- An incident ----------
  await card.getByRole('button', { name: 'Report an incident' }).click()
  const report = tablet.getByRole('dialog', { name: `Report an incident: ${renouf.caseReference}` })
  await report
    .getByRole('combobox', { name: /^What happened\?/ })
    .selectOption({ label: 'Aggression or threats' })
  await report.getByRole('radio', { name: 'Serious' }).check()
  await report.getByRole('checkbox', { name: 'Jack Renouf' }).check()
  await report.getByRole('textbox', { name: 'What happened, in order' }).fill(WHAT_HAPPENED)
  await report.getByRole('textbox', { name: 'Who else saw it' }).fill('The team leader')
  await report.getByRole('checkbox', { name: 'Ended the session early' }).check()
  await report.getByRole('checkbox', { name: 'Asked someone to leave' }).check()
  await report.getByRole('button', { name: 'Report the incident' }).click()
  await expect(report).toHaveCount(0)
  await expect(tablet.getByText('The coordinator has been told.')).toBeVisible()
  await expect(card).toContainText('1 incident reported')
  await expect(card).toContainText('Ended early: Ended after an incident (aggression or intimidation)')
  await expect(card.getByRole('button', { name: 'End early' })).toHaveCount(0)
  await expect(tablet.getByText('The coordinator has been told.')).toHaveCount(0)
  await checkAt(tablet, PHONE, 'today (phone)')
  await shoot(tablet, 'today-phone.png')
  await checkAt(tablet, TABLET, 'today (tablet)')
  await shoot(tablet, 'today-tablet.png')

  // The coordinator opens it, reads the suggestion, suspends from tomorrow and tells the referrer.
  await desk.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click()
  await desk.getByRole('link', { name: `Case ${renouf.caseReference}: Aggression or intimidation` }).click()
  await expect(
    desk.getByRole('heading', { level: 1, name: 'Incident: Aggression or intimidation' }),
  ).toBeVisible()
  await expect(desk.getByText(WHAT_HAPPENED)).toBeVisible()
  const nextStep = desk.getByRole('region', { name: 'Next step' })
  await expect(nextStep.getByRole('alert').filter({ hasText: /^Suggested: / })).toBeVisible()
  await nextStep.getByRole('button', { name: 'Suspend future sessions' }).click()
  const suspend = desk.getByRole('dialog', { name: 'Suspend future sessions' })
  const tomorrow = addDays(board.date, 1)
  await suspend.getByLabel('Suspend from').fill(tomorrow)
  await suspend
    .getByRole('textbox', { name: 'Conditions for re-admission' })
    .fill('Mr Renouf meets the coordinator and agrees in writing to keep the ground rules.')
  await suspend.getByRole('button', { name: 'Suspend sessions' }).click()
  await expect(suspend).toHaveCount(0)
  const suspension = nextStep.getByRole('alert').filter({ hasText: /^Sessions suspended from / })
  await expect(suspension).toContainText(/(\d+) sessions? suspended\./)
  const suspendedCount = Number((await suspension.textContent())?.match(/(\d+) sessions? suspended\./)?.[1])
  expect(suspendedCount, 'future sessions were suspended').toBeGreaterThan(0)
  await expect(suspension).toContainText('Mr Renouf meets the coordinator')
  const referrer = desk.getByRole('region', { name: 'The referrer' })
  await referrer.getByRole('button', { name: 'Tell the referrer now' }).click()
  await expect(referrer.getByText('Sent to 1 referrer.')).toBeVisible()
  await expect(referrer.getByRole('button', { name: 'Tell the referrer now' })).toHaveCount(0)
  await expect(referrer).toContainText(/Referrer told /)
  await expect(desk.getByText(/^\d+ sessions? suspended$/)).toHaveCount(0)
  for (const viewport of [PHONE, TABLET])
    await checkAt(desk, viewport, `incident (${String(viewport.width)})`)
  await shoot(desk, 'incident.png')

  // The outbox: the coordinators' alert and the referrer's notice, with no one's name in either.
  const incident = (
    await deskApi.get<{ incidents: IncidentView[] }>('/api/incidents?status=open')
  ).incidents.find((i) => i.caseId === renouf.caseId && i.category === 'aggression')
  expect(incident?.referrerNotifiedAt, 'the referrer was told').toBeTruthy()
  const detail = await deskApi.get<CaseDetail>(`/api/cases/${renouf.caseId}`)
  const referral = await deskApi.get<ReferralDetail>(`/api/referrals/${detail.referralId}`)
  await expectEmailsWithoutNames(browser, renouf, detail, referral.referrer?.email ?? null)

  await tablet.context().close()
  await desk.context().close()
})

async function expectEmailsWithoutNames(
  browser: Parameters<typeof adminApi>[0],
  session: TodaySession,
  detail: CaseDetail,
  referrerEmail: string | null,
): Promise<void> {
  expect(referrerEmail, 'the demo referral has the referrer’s email').toBeTruthy()
  const { api: admin, context } = await adminApi(browser)
  const messages = await readOutbox(admin)
  await context.close()
  const ref = session.caseReference
  const notice = messages.find((m) => m.to === referrerEmail && m.subject.endsWith(`(${ref})`))
  expect(notice?.subject, 'the referrer’s notice').toMatch(new RegExp(`^Incident at .+ \\(${ref}\\)$`))
  expect(notice?.text).toContain('What kind: ')
  expect(notice?.text).toContain('Action taken: ')
  expect(notice?.text).toMatch(/the family’s sessions are suspended from/)
  const alert = messages.find((m) => m.to === COORDINATOR.email && m.subject.includes(`(${ref})`))
  expect(alert?.subject, 'the coordinators’ alert').toMatch(new RegExp(`^Incident at .+: .+ \\(${ref}\\)$`))
  expect(alert?.text).toContain(`Case: ${ref}`)
  // Every name on the case, and each part of it (a surname alone names the family too).
  const names = [
    ...detail.parties.flatMap((p) => [p.fullName, ...p.fullName.split(' ').filter((w) => w.length > 2)]),
    WHAT_HAPPENED.slice(0, 40),
  ]
  for (const message of [notice, alert]) {
    const all = `${message?.subject ?? ''}\n${message?.text ?? ''}`
    for (const name of names) expect(all, `an email names ${name}`).not.toContain(name)
  }
}
