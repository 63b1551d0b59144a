import { randomBytes } from 'node:crypto'
import ICAL from 'ical.js'
import { Temporal } from 'temporal-polyfill'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail } from '../cases/cases.schemas'
import { TEST_PASSWORD } from '../../../tests/support/factories'
import { expectStatus } from '../../../tests/support/referrals'
import {
  buildSchedulingWorld,
  planBody,
  readyCase,
  type SchedulingWorld,
} from '../../../tests/support/scheduling'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import { localParts } from './schedule.rules'
import type { CaseSchedule, MySession, PlanBooked, SessionView } from './scheduling.schemas'

/**
 * The canary: a parent's sessions, emails and calendar feed never carry the other party's
 * details or times (R-CONF-1, R-SES-6). Each parent has names, contact details, a door and a waiting
 * area of their own; a plan is booked across a change of the clocks, one session moved and one
 * cancelled. Then everything each parent can read is searched for everything of the other's.
 */

type Side = 'resident' | 'nonResident'
const SIDES: Side[] = ['resident', 'nonResident']
const other = (side: Side): Side => (side === 'resident' ? 'nonResident' : 'resident')
const ZONE = 'Europe/London'

const tag = randomBytes(3).toString('hex')
const PEOPLE: Record<Side, { fullName: string; email: string; phone: string; address: string }> = {
  resident: {
    fullName: 'Rosalind Quayle',
    email: `rosalind.quayle.${tag}@example.org`,
    phone: '07700 900311',
    address: '14 Rue des Lilas, St Brelade',
  },
  nonResident: {
    fullName: 'Thaddeus Penhallow',
    email: `thaddeus.penhallow.${tag}@example.org`,
    phone: '07700 900422',
    address: '3 Mill Lane, Gorey',
  },
}
/** What planBody gives each party. */
const PLACES: Record<Side, { entrance: string; waitingRoom: string }> = {
  resident: { entrance: 'Front door', waitingRoom: 'Garden room' },
  nonResident: { entrance: 'Side door', waitingRoom: 'Blue room' },
}
const CHILD = 'Poppy Lark'
/** The desk's own words, which neither parent reads. */
const DESK_ONLY = {
  planNote: `Plan note ${tag}: father's new partner must not come`,
  moveReason: `Move reason ${tag}`,
  cancelReason: `Cancel reason ${tag}: mother's shift changed`,
}

let t: TestContext
let world: SchedulingWorld
let file: CaseDetail
let booked: PlanBooked
let schedule: CaseSchedule
let movedId: string
let cancelledId: string
let dstChange: string
const parents = new Map<Side, TestBrowser>()
/** Each parent's own calendar feed: its id and its address (path only). */
const feeds = new Map<Side, { id: string; path: string }>()

async function acceptInvitation(email: string): Promise<TestBrowser> {
  const mail = await t.deps.db
    .selectFrom('outbox')
    .select('text_body')
    .where('to_address', '=', email)
    .where('text_body', 'like', '%#token=%')
    .executeTakeFirstOrThrow()
  const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1]
  const browser = new TestBrowser(t.app)
  expectStatus(
    await browser.post('/api/auth/password-reset/complete', { token, password: TEST_PASSWORD }),
    204,
  )
  await browser.signIn({ email, password: TEST_PASSWORD }, t.clock)
  return browser
}

const plainDate = (value: string) => Temporal.PlainDate.from(value)
const pathOf = (url: string) => new URL(url).pathname

async function makeFeed(browser: TestBrowser, label: string) {
  const made = await browser.post('/api/calendar-feeds', { label })
  expectStatus(made, 201)
  const { feed, url } = made.json<{ feed: { id: string }; url: string }>()
  return { id: feed.id, path: pathOf(url) }
}

beforeAll(async () => {
  t = await createTestContext()
  world = await buildSchedulingWorld(t, { timeZone: ZONE })
  file = await readyCase(world, {
    children: [{ fullName: CHILD, dateOfBirth: '2020-06-01' }],
    adults: [
      {
        role: 'resident_parent',
        fullName: PEOPLE.resident.fullName,
        protected: {
          email: PEOPLE.resident.email,
          phone: PEOPLE.resident.phone,
          address: PEOPLE.resident.address,
        },
      },
      {
        role: 'non_resident_parent',
        fullName: PEOPLE.nonResident.fullName,
        protected: {
          email: PEOPLE.nonResident.email,
          phone: PEOPLE.nonResident.phone,
          address: PEOPLE.nonResident.address,
        },
      },
    ],
  })
  for (const side of SIDES) {
    const role = side === 'resident' ? 'resident_parent' : 'non_resident_parent'
    const party = file.parties.find((p) => p.role === role)
    if (!party) throw new Error(`no ${role}`)
    expectStatus(await world.desk.post(`/api/parties/${party.id}/portal-invite`), 200)
    parents.set(side, await acceptInvitation(PEOPLE[side].email))
  }

  // Fortnightly Saturdays from next week until three weeks past the next change of the clocks.
  const today = Temporal.Instant.fromEpochMilliseconds(t.clock.now().getTime()).toZonedDateTimeISO(ZONE)
  let firstOn = today.toPlainDate().add({ days: 7 })
  while (firstOn.dayOfWeek !== 6) firstOn = firstOn.add({ days: 1 })
  const change = firstOn.toZonedDateTime({ timeZone: ZONE }).getTimeZoneTransition('next')
  if (!change) throw new Error('no change of the clocks ahead')
  dstChange = change.toPlainDate().toString()
  const made = await world.desk.post(
    `/api/cases/${file.id}/plans`,
    planBody(world, {
      firstOn: firstOn.toString(),
      lastOn:
        Temporal.PlainDate.compare(change.toPlainDate().add({ days: 21 }), firstOn.add({ days: 70 })) > 0
          ? change.toPlainDate().add({ days: 21 }).toString()
          : firstOn.add({ days: 70 }).toString(),
      notes: DESK_ONLY.planNote,
    }),
  )
  expectStatus(made, 201)
  booked = made.json<PlanBooked>()
  const [, toMove, toCancel] = booked.sessions
  if (!toMove || !toCancel) throw new Error('too few sessions')
  movedId = toMove.id
  cancelledId = toCancel.id
  expectStatus(
    await world.desk.post(`/api/sessions/${toMove.id}/move`, {
      date: plainDate(toMove.date).add({ days: 1 }).toString(),
      startsAt: '14:00',
      version: toMove.version,
      reason: DESK_ONLY.moveReason,
    }),
    200,
  )
  expectStatus(
    await world.desk.post(`/api/sessions/${toCancel.id}/cancel`, {
      by: 'resident',
      reason: DESK_ONLY.cancelReason,
    }),
    200,
  )
  schedule = (await world.desk.get(`/api/cases/${file.id}/schedule`)).json<CaseSchedule>()
  for (const side of SIDES) {
    const browser = parents.get(side)
    if (browser) feeds.set(side, await makeFeed(browser, 'My phone'))
  }
})
afterAll(async () => t.close())

const browserOf = (side: Side): TestBrowser => {
  const browser = parents.get(side)
  if (!browser) throw new Error(`no ${side} parent`)
  return browser
}

/** RFC 5545 text as a reader sees it: folded lines joined, escaped commas and semicolons plain. */
const readable = (ics: string): string =>
  ics
    .replace(/\r?\n[ \t]/g, '')
    .replace(/\\([,;\\])/g, '$1')
    .replace(/\\[nN]/g, '\n')

async function feedText(path: string): Promise<string> {
  const response = await t.app.inject({ method: 'GET', url: path })
  expectStatus(response, 200)
  expect(response.headers['content-type']).toMatch(/^text\/calendar/)
  return response.body
}

/** Everything a parent can read about their family: sessions, family page, every email, their calendar. */
async function everythingSeenBy(side: Side): Promise<string[]> {
  const browser = browserOf(side)
  const sessions = await browser.get('/api/my/sessions')
  expectStatus(sessions, 200)
  const family = await browser.get('/api/my/family')
  expectStatus(family, 200)
  const mail = await t.deps.db
    .selectFrom('outbox')
    .select(['subject', 'text_body'])
    .where('to_address', '=', PEOPLE[side].email)
    .execute()
  const feed = feeds.get(side)
  if (!feed) throw new Error('no feed')
  return [
    sessions.body,
    family.body,
    (await browser.get('/api/account')).body,
    (await browser.get('/api/calendar-feeds')).body,
    ...mail.map((m) => `${m.subject}\n${m.text_body}`),
    readable(await feedText(feed.path)),
  ]
}

interface Needle {
  what: string
  in: (text: string) => boolean
  /** Whether the party's own views carry this form of it (the check that the needle is real). */
  ownViewsShowIt: boolean
}
const literal = (what: string, ownViewsShowIt = true): Needle => ({
  what,
  in: (text) => text.includes(what),
  ownViewsShowIt,
})
/** A local `HH:mm` as words show it, not inside a timestamp such as 2026-11-26T10:00:00Z. */
const wallClock = (time: string): Needle => {
  const pattern = new RegExp(`(?<![\\dT:])${time}(?![\\d:])`)
  return { what: `${time} (local)`, in: (text) => pattern.test(text), ownViewsShowIt: true }
}

/** One party's times in every form they could be written: ISO and iCalendar, UTC and local. */
function timeNeedles(instant: string, ownViewsShowIt: boolean): Needle[] {
  const { date, time } = localParts(instant, ZONE)
  const compact = instant.replace(/[-:]/g, '').replace(/\.\d+/, '')
  return [
    literal(instant, ownViewsShowIt),
    literal(compact, false),
    literal(`${date}T${time}`, false),
    literal(`${date.replace(/-/g, '')}T${time.replace(':', '')}00`, ownViewsShowIt),
    wallClock(time),
  ]
}

/** Everything of one party's: who they are, how to reach them, their door, waiting area and times. */
function needlesOf(side: Side): Needle[] {
  const person = PEOPLE[side]
  const needles = [
    literal(person.fullName),
    literal(person.fullName.split(' ')[0] ?? ''),
    literal(person.fullName.split(' ')[1] ?? ''),
    literal(person.email),
    literal(person.phone),
    literal(person.address),
    literal(PLACES[side].entrance),
    literal(PLACES[side].waitingRoom),
  ]
  for (const session of schedule.sessions)
    for (const instant of [session[side].arrivesAt, session[side].leavesAt])
      needles.push(...timeNeedles(instant, true))
  // The moved session's first times, as booked.
  for (const session of booked.sessions.filter((s) => s.id === movedId))
    for (const instant of [session[side].arrivesAt, session[side].leavesAt])
      needles.push(...timeNeedles(instant, false))
  return needles.filter((n, i) => needles.findIndex((m) => m.what === n.what) === i)
}

const found = (needles: readonly Needle[], texts: readonly string[]): string[] =>
  needles.flatMap((needle) =>
    texts.filter((text) => needle.in(text)).map((text) => `${needle.what} in: ${text.slice(0, 160)}`),
  )

describe('a parent never sees the other party (R-CONF-1)', () => {
  it('the two parties share no detail or time, so the search below can tell them apart', () => {
    expect(schedule.sessions).toHaveLength(booked.sessions.length)
    expect(booked.sessions.length).toBeGreaterThanOrEqual(5)
    const mine = new Set(needlesOf('resident').map((n) => n.what))
    expect(needlesOf('nonResident').filter((n) => mine.has(n.what))).toEqual([])
  })

  for (const side of SIDES) {
    it(`the ${side === 'resident' ? 'resident' : 'visiting'} parent's sessions, family page, emails and calendar hold nothing of the other's`, async () => {
      const seen = await everythingSeenBy(side)
      // The search is real: each of the other party's needles is in what that party sees themselves.
      const theirs = await everythingSeenBy(other(side))
      const needles = needlesOf(other(side))
      expect(
        needles.filter((n) => n.ownViewsShowIt && !theirs.some((text) => n.in(text))).map((n) => n.what),
      ).toEqual([])
      // And this parent does see their own: their name, door, waiting area and times.
      expect(
        needlesOf(side)
          .filter((n) => n.ownViewsShowIt && !seen.some((text) => n.in(text)))
          .map((n) => n.what),
      ).toEqual([])
      expect(seen.some((text) => text.includes(CHILD))).toBe(true)

      expect(found(needles, seen)).toEqual([])
      expect(
        found(
          Object.values(DESK_ONLY).map((text) => literal(text)),
          seen,
        ),
      ).toEqual([])
    })
  }

  it('each parent is emailed their own times when booked, moved and cancelled, without saying who cancelled', async () => {
    for (const side of SIDES) {
      const mail = await t.deps.db
        .selectFrom('outbox')
        .select(['subject', 'text_body'])
        .where('to_address', '=', PEOPLE[side].email)
        .where((eb) =>
          eb.or([
            eb('text_body', 'like', '%Please arrive and leave at your own times%'),
            eb('text_body', 'like', '%will not take place%'),
          ]),
        )
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      expect(mail.map((m) => m.text_body.split('\n')[2])).toEqual([
        'The contact centre has booked these sessions for you:',
        'The contact centre has moved a session. Your new times are:',
        'This session is cancelled and will not take place. Please do not come to the centre:',
      ])
      const [bookedMail, movedMail, cancelledMail] = mail.map((m) => m.text_body)
      expect(bookedMail?.match(/^- /gm)).toHaveLength(booked.sessions.length)
      const moved = schedule.sessions.find((s) => s.id === movedId)
      const own = (session: SessionView | undefined) => localParts(session?.[side].arrivesAt ?? '', ZONE).time
      expect(movedMail).toContain(`arrive at ${own(moved)} by the ${PLACES[side].entrance}`)
      expect(cancelledMail).toContain(
        `you were due at ${own(schedule.sessions.find((s) => s.id === cancelledId))}`,
      )
      expect(cancelledMail).not.toMatch(/resident|visiting|mother|father/i)
    }
  })
})

interface FeedEvent {
  uid: string
  status: string
  zone: string | undefined
  local: { date: string; start: string; end: string }
  startsAt: string
  endsAt: string
  summary: string
}

/** The feed read by an independent iCalendar parser (ical.js), not by the library that wrote it. */
function parseFeed(ics: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[])
  expect(calendar.name).toBe('vcalendar')
  expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual([
    ZONE,
  ])
  const pad = (n: number) => String(n).padStart(2, '0')
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component)
    // RFC 5545 3.8.7.2: the stamp is in UTC, never a floating local time.
    const stamp = component.getFirstPropertyValue('dtstamp') as InstanceType<typeof ICAL.Time>
    expect(stamp.zone?.tzid, `DTSTAMP of ${event.uid}`).toBe('UTC')
    const start = event.startDate
    const end = event.endDate
    return {
      uid: event.uid,
      status: String(component.getFirstPropertyValue('status')),
      zone: start.zone?.tzid,
      local: {
        date: `${start.year}-${pad(start.month)}-${pad(start.day)}`,
        start: `${pad(start.hour)}:${pad(start.minute)}`,
        end: `${pad(end.hour)}:${pad(end.minute)}`,
      },
      startsAt: start.toJSDate().toISOString(),
      endsAt: end.toJSDate().toISOString(),
      summary: event.summary,
    }
  })
}

describe('calendar feeds (RFC 5545)', () => {
  for (const side of SIDES) {
    it(`the ${side === 'resident' ? 'resident' : 'visiting'} parent's feed: one event per session, at their own local times across the change of the clocks`, async () => {
      const feed = feeds.get(side)
      if (!feed) throw new Error('no feed')
      const events = parseFeed(await feedText(feed.path))
      const mine = (await browserOf(side).get('/api/my/sessions')).json<{ sessions: MySession[] }>().sessions
      expect(events).toHaveLength(schedule.sessions.length)
      expect(mine).toHaveLength(schedule.sessions.length)
      // The visiting parent comes 15 minutes before the child and leaves 15 minutes after (R-ARR-1/2).
      const usual =
        side === 'nonResident' ? { start: '09:45', end: '12:15' } : { start: '10:00', end: '12:00' }
      const movedTimes =
        side === 'nonResident' ? { start: '13:45', end: '16:15' } : { start: '14:00', end: '16:00' }
      for (const session of schedule.sessions) {
        const event = events.find((e) => e.uid === `${session.id}@kinbridge`)
        expect(event, session.id).toBeDefined()
        expect(event).toMatchObject({
          zone: ZONE,
          local: { date: session.date, ...(session.id === movedId ? movedTimes : usual) },
          startsAt: session[side].arrivesAt,
          endsAt: session[side].leavesAt,
          status: session.id === cancelledId ? 'CANCELLED' : 'CONFIRMED',
        })
        expect(mine.find((m) => m.id === session.id)).toMatchObject({
          arrivesAt: session[side].arrivesAt,
          leavesAt: session[side].leavesAt,
          status: session.status,
        })
      }
      // The same local time is a different UTC hour before and after the clocks change.
      const usualEvents = events.filter((e) => e.uid !== `${movedId}@kinbridge`)
      const before = usualEvents.filter((e) => e.local.date < dstChange)
      const after = usualEvents.filter((e) => e.local.date > dstChange)
      expect(before.length).toBeGreaterThan(0)
      expect(after.length).toBeGreaterThan(0)
      const utcHour = (e: FeedEvent) => new Date(e.startsAt).getUTCHours()
      const offsets = new Set([...before.map(utcHour), ...after.map(utcHour)])
      expect(offsets.size).toBe(2)
      expect(new Set(before.map(utcHour)).size).toBe(1)
      expect(new Set(after.map(utcHour)).size).toBe(1)
    })
  }

  it("the coordinator's feed names cases by reference, never a person", async () => {
    const feed = await makeFeed(world.desk, 'Desk')
    const ics = await feedText(feed.path)
    const events = parseFeed(ics)
    // Staff feeds run from two weeks back to 120 days ahead.
    const today = Temporal.Instant.fromEpochMilliseconds(t.clock.now().getTime())
      .toZonedDateTimeISO(ZONE)
      .toPlainDate()
    const horizon = today.add({ days: 120 }).toString()
    const inWindow = schedule.sessions.filter((s) => s.date <= horizon)
    expect(inWindow.length).toBeGreaterThan(0)
    expect(events).toHaveLength(inWindow.length)
    for (const event of events) expect(event.summary).toContain(file.reference)
    expect(events.find((e) => e.uid === `${cancelledId}@kinbridge`)?.status).toBe('CANCELLED')
    const people = [
      ...SIDES.flatMap((side) => [
        PEOPLE[side].fullName,
        ...PEOPLE[side].fullName.split(' '),
        PEOPLE[side].email,
        PEOPLE[side].phone,
        PEOPLE[side].address,
      ]),
      CHILD,
      ...CHILD.split(' '),
    ]
    const text = readable(ics)
    expect(people.filter((name) => text.includes(name))).toEqual([])
    expect(Object.values(DESK_ONLY).filter((note) => text.includes(note))).toEqual([])
  })

  it('answers 404 for an unknown address and, at once, for a revoked one; only its owner can revoke it', async () => {
    const unknown = await t.app.inject({
      method: 'GET',
      url: `/api/feeds/${randomBytes(32).toString('base64url')}.ics`,
    })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.body).not.toContain('BEGIN:VCALENDAR')

    const feed = await makeFeed(browserOf('resident'), 'Old phone')
    expect(await feedText(feed.path)).toContain('BEGIN:VEVENT')
    const byOther = await browserOf('nonResident').post(`/api/calendar-feeds/${feed.id}/revoke`)
    expect(byOther.statusCode).toBe(404)
    expect(await feedText(feed.path)).toContain('BEGIN:VEVENT')
    const revoked = await browserOf('resident').post(`/api/calendar-feeds/${feed.id}/revoke`)
    expectStatus(revoked, 200)
    expect(revoked.json<{ revoked: boolean }>().revoked).toBe(true)
    const gone = await t.app.inject({ method: 'GET', url: feed.path })
    expect(gone.statusCode).toBe(404)
    expect(gone.body).not.toContain('BEGIN:VCALENDAR')
    // The parent's other feed still works.
    expect(await feedText(feeds.get('resident')?.path ?? '')).toContain('BEGIN:VEVENT')
  })
})
