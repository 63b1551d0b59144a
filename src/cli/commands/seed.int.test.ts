import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import { connect } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { cliOrigin } from '../../domain/access/actor'
import { assertAcceptablePassword } from '../../domain/auth/passwords'
import { addDays, addMonths, localDateIn } from '../../domain/cases/cases.rules'
import { DEMO_PASSWORD, demoEmail } from '../../domain/demo/demo-organisation'
import { easterSunday, firstScheduledSunday } from '../../domain/demo/demo-schedule'
import { CHILD_COMMENTS, PARENT_COMMENTS, TODAY_FAMILIES } from '../../domain/demo/demo-session-day'
import { DEMO_VOLUNTEER_NAME } from '../../domain/demo/demo-volunteers'
import { seedDemoOrganisation, type DemoSeed } from '../../domain/demo/seed-demo'
import { doorClash, localParts, openingRunsOn } from '../../domain/scheduling/schedule.rules'
import { loadSchedulingSettings } from '../../domain/scheduling/scheduling-settings'
import type {
  CalendarView,
  CaseSchedule,
  ClosureView,
  OpeningView,
} from '../../domain/scheduling/scheduling.schemas'
import type {
  HoursEntry,
  Matrix,
  MyVolunteering,
  RotaView,
  StaffingOverview,
  VolunteerFile,
  VolunteerSummary,
} from '../../domain/volunteers/volunteers.schemas'
import { doorRoleOn } from '../../domain/session-day/door-access'
import { ObservationSectionsSchema } from '../../domain/session-day/session-day.schemas'
import { quarterOf } from '../../domain/statistics/statistics-scope'
import type { Runtime } from '../runtime'
import { formatDemoLogins, runSeed, seedDemoIfEmpty } from './seed'

let t: TestContext
let runtime: Runtime
let seed: DemoSeed
beforeAll(async () => {
  t = await createTestContext()
  runtime = { deps: t.deps, connected: t.connected, close: async () => {} }
  // The PostgreSQL test database is shared and never empty: seed regardless of other organisations.
  const seeded = await seedDemoOrganisation(t.deps, { onlyIfEmpty: false })
  if (!seeded) throw new Error('the demo was not seeded')
  seed = seeded
  // The whole demo, schedule included, in one transaction: on a busy PostgreSQL this takes a while.
}, 120_000)
afterAll(async () => t.close())

const ROLES = ['admin', 'coordinator', 'volunteer', 'referrer', 'parent'] as const

describe('the demo organisation', () => {
  it('has exactly one account per role, each signing in with the demo password alone', async () => {
    expect(seed.users).toEqual(
      ROLES.map((role) => ({ role, email: demoEmail(role), password: DEMO_PASSWORD })),
    )
    for (const role of ROLES) assertAcceptablePassword(DEMO_PASSWORD, demoEmail(role))
    const grants = await t.deps.db
      .selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select(['users.email', 'role_assignments.role', 'role_assignments.centre_id'])
      .where('role_assignments.organisation_id', '=', seed.organisationId)
      .orderBy('users.email')
      .execute()
    expect(grants.map((g) => g.role).sort()).toEqual([...ROLES].sort())
    expect(grants.find((g) => g.role === 'coordinator')?.centre_id).toBe(seed.centreId)
    for (const role of ROLES) {
      const browser = new TestBrowser(t.app)
      expect(await browser.signIn({ email: demoEmail(role), password: DEMO_PASSWORD }, t.clock)).toBe(
        'active',
      )
    }
  })

  it('has the school with its rooms and two named entrances and the church hall archived, as the admin sees them', async () => {
    const browser = new TestBrowser(t.app)
    await browser.signIn({ email: demoEmail('admin'), password: DEMO_PASSWORD }, t.clock)
    const centre = await browser.get(`/api/centres/${seed.centreId}`)
    expect(centre.statusCode).toBe(200)
    const body = centre.json<{
      name: string
      timeZone: string
      venues: {
        name: string
        archived: boolean
        hasSeparateEntrances: boolean
        entrances: string[]
        rooms: { name: string; kind: string; capacityFamilies: number }[]
      }[]
    }>()
    expect(body).toMatchObject({ name: 'St Helier Child Contact Centre', timeZone: 'Europe/Jersey' })
    const school = body.venues.find((v) => v.name === 'Grands Vaux School')
    const hall = body.venues.find((v) => v.name === 'Town Church Hall')
    expect(hall?.archived).toBe(true)
    expect(school).toMatchObject({
      archived: false,
      hasSeparateEntrances: true,
      entrances: ['Main entrance', 'Playground gate'],
    })
    expect(
      school?.rooms
        .map(({ name, kind, capacityFamilies }) => ({ name, kind, capacityFamilies }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual([
      { name: 'Family room', kind: 'family_room', capacityFamilies: 6 },
      { name: 'Library', kind: 'family_room', capacityFamilies: 4 },
      { name: 'Quiet room', kind: 'private_room', capacityFamilies: 1 },
      { name: 'Reception', kind: 'reception', capacityFamilies: 1 },
      { name: 'Resident parent waiting area', kind: 'waiting_area', capacityFamilies: 1 },
      { name: 'Visiting parent waiting area', kind: 'waiting_area', capacityFamilies: 1 },
    ])
    const organisation = await browser.get('/api/organisation')
    expect(organisation.json()).toMatchObject({ name: 'St Helier Family Hub', requireStaffTwoFactor: false })
  })

  it('puts a few emails in the outbox and one demo.seed audit row', async () => {
    const outbox = await t.deps.db
      .selectFrom('outbox')
      .select(['to_address', 'subject'])
      .where('organisation_id', '=', seed.organisationId)
      .execute()
    expect(outbox.map((m) => m.subject)).toContain('You have been invited to Kinbridge')
    expect(outbox.length).toBeGreaterThanOrEqual(3)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('organisation_id', '=', seed.organisationId)
      .execute()
    expect(audit.filter((a) => a.action === 'demo.seed')).toHaveLength(1)
    expect(audit.map((a) => a.action)).not.toContain('user.create')
  })

  it('is refused by "seed --demo" on a database that has organisations, and in production', async () => {
    await expect(runSeed(runtime, { demo: true, json: false }, 'development')).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    await expect(runSeed(runtime, { demo: true, json: false }, 'production')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(seedDemoOrganisation(t.deps, { onlyIfEmpty: false })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
  })

  it('prints the logins as a table under the demo warning', () => {
    const lines = formatDemoLogins(seed)
    expect(lines[0]).toMatch(/^WARNING: this is DEMO data/)
    expect(lines.filter((l) => l.includes(DEMO_PASSWORD))).toHaveLength(5)
    expect(lines).toContain(`admin        admin@demo.kinbridge.local        ${DEMO_PASSWORD}`)
  })
})

const signedIn = async (role: (typeof ROLES)[number]) => {
  const browser = new TestBrowser(t.app)
  await browser.signIn({ email: demoEmail(role), password: DEMO_PASSWORD }, t.clock)
  return browser
}

describe('the demo centre’s families', () => {
  it('has 39 children and 33 visiting parents in active cases, split by source like the reference centre', async () => {
    const rows = await t.deps.db
      .selectFrom('parties')
      .innerJoin('cases', 'cases.id', 'parties.case_id')
      .innerJoin('referrals', 'referrals.id', 'cases.referral_id')
      .select(['parties.id', 'parties.kind', 'parties.role', 'parties.details', 'referrals.source_code'])
      .where('cases.organisation_id', '=', seed.organisationId)
      .where('cases.status', '=', 'active')
      .execute()
    const tally = (source: string | null) => {
      const own = rows.filter((r) => source === null || r.source_code === source)
      const visiting = own.filter((r) => r.role === 'non_resident_parent')
      return {
        children: own.filter((r) => r.kind === 'child').length,
        parents: new Set(visiting.map((r) => r.id)).size,
      }
    }
    expect(tally(null)).toEqual({ children: 39, parents: 33 })
    expect({
      court_adviser: tally('court_adviser'),
      social_services: tally('social_services'),
      self: tally('self'),
    }).toEqual({
      court_adviser: { children: 25, parents: 22 },
      social_services: { children: 5, parents: 4 },
      self: { children: 9, parents: 7 },
    })
    const babies = rows.filter(
      (r) => r.kind === 'child' && (JSON.parse(r.details) as { feedingHelp?: boolean }).feedingHelp,
    )
    expect(babies.length).toBeGreaterThanOrEqual(3)
    const cases = await t.deps.db
      .selectFrom('cases')
      .innerJoin('referrals', 'referrals.id', 'cases.referral_id')
      .select(['cases.status', 'cases.service_level', 'referrals.frequency_requested'])
      .where('cases.organisation_id', '=', seed.organisationId)
      .execute()
    // The family that moved on in the spring, and the 27 of the history at the church hall.
    expect(cases.map((c) => c.status).sort()).toEqual([
      ...Array<string>(33).fill('active'),
      ...Array<string>(28).fill('closed'),
    ])
    expect(cases.map((c) => c.service_level)).toEqual(expect.arrayContaining(['supervised', 'escorted']))
    expect(cases.map((c) => c.frequency_requested)).toContain('Monthly, flies in from Cardiff')
  })

  it('leaves referrals at each step of intake, one of them the demo referrer’s, within the centre’s capacity', async () => {
    const coordinator = await signedIn('coordinator')
    const inbox = (await coordinator.get('/api/referrals')).json<{ counts: Record<string, number> }>()
    // Today's desk, and the fifteen months behind it (see 'the demo centre’s past').
    expect(inbox.counts).toMatchObject({
      received: 3,
      pre_visits: 1,
      risk_assessed: 1,
      waitlisted: 1,
      declined: 6,
      withdrawn: 4,
      merged: 1,
      accepted: 61,
    })
    const waiting = await coordinator.get(`/api/centres/${seed.centreId}/waiting-list`)
    const list = waiting.json<{ capacity: { units: number; used: number }; entries: unknown[] }>()
    expect(list.entries).toHaveLength(1)
    expect(list.capacity.used).toBeLessThanOrEqual(list.capacity.units)
    const referrer = await signedIn('referrer')
    const theirs = (await referrer.get('/api/referrals')).json<{ referrals: { status: string }[] }>()
    expect(theirs.referrals.map((r) => r.status)).toEqual(['received'])
  })

  it('links the demo parent login to a mother in an active case, who sees her family and the rules to sign', async () => {
    const linked = await t.deps.db
      .selectFrom('parties')
      .innerJoin('users', 'users.id', 'parties.user_id')
      .innerJoin('cases', 'cases.id', 'parties.case_id')
      .select(['parties.role', 'cases.status'])
      .where('users.email', '=', demoEmail('parent'))
      .execute()
    expect(linked).toEqual([{ role: 'resident_parent', status: 'active' }])
    const parent = await signedIn('parent')
    const mine = (await parent.get('/api/my/family')).json<{
      families: { status: string; children: unknown[]; groundRules: { signed: boolean } | null }[]
    }>()
    expect(mine.families).toHaveLength(1)
    expect(mine.families[0]).toMatchObject({ status: 'case_active', groundRules: { signed: false } })
    expect(mine.families[0]?.children).toHaveLength(2)
  })
})

describe('the demo centre’s schedule', () => {
  const today = () => localDateIn('Europe/Jersey', t.clock.now())
  const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay()
  let coordinator: TestBrowser
  let schoolId: string
  beforeAll(async () => {
    coordinator = await signedIn('coordinator')
    const centre = (await coordinator.get(`/api/centres/${seed.centreId}`)).json<{
      venues: { id: string; name: string }[]
    }>()
    schoolId = centre.venues.find((v) => v.name === 'Grands Vaux School')?.id ?? ''
    expect(schoolId).not.toBe('')
  })

  /** The case of a family, by its visiting parent's name. */
  const caseOf = async (visiting: string): Promise<string> => {
    const row = await t.deps.db
      .selectFrom('parties')
      .innerJoin('cases', 'cases.id', 'parties.case_id')
      .select('cases.id')
      .where('cases.organisation_id', '=', seed.organisationId)
      .where('parties.role', '=', 'non_resident_parent')
      .where('parties.full_name', '=', visiting)
      .executeTakeFirstOrThrow()
    return row.id
  }
  const scheduleOf = async (visiting: string): Promise<CaseSchedule> => {
    const response = await coordinator.get(`/api/cases/${await caseOf(visiting)}/schedule`)
    expect(response.statusCode).toBe(200)
    return response.json<CaseSchedule>()
  }

  it('opens the school every Sunday 10:00–16:00 and every other Saturday morning, closed at Christmas and Easter', async () => {
    expect(easterSunday(2027)).toBe('2027-03-28')
    expect(easterSunday(2026)).toBe('2026-04-05')
    const response = await coordinator.get(`/api/venues/${schoolId}/openings`)
    expect(response.statusCode).toBe(200)
    const { openings, closures } = response.json<{ openings: OpeningView[]; closures: ClosureView[] }>()
    const recurring = openings.filter((o) => o.lastOn === null)
    expect(
      recurring.map(({ weekday: day, startsAt, endsAt, everyWeeks, capacityUnits, archived }) => ({
        day,
        startsAt,
        endsAt,
        everyWeeks,
        capacityUnits,
        archived,
      })),
    ).toEqual([
      { day: 6, startsAt: '10:00', endsAt: '13:00', everyWeeks: 2, capacityUnits: 8, archived: false },
      { day: 7, startsAt: '10:00', endsAt: '16:00', everyWeeks: 1, capacityUnits: 30, archived: false },
    ])
    // The day the demo is seeded is a session day: the school opens for it, unless it opens anyway
    // or the centre is closed.
    const opensAnyway = recurring.some((o) => openingRunsOn(o, today()))
    const closedToday = closures.some((c) => c.firstDay <= today() && today() <= c.lastDay)
    expect(
      openings
        .filter((o) => o.lastOn !== null)
        .map(({ firstOn, lastOn, startsAt, endsAt, capacityUnits }) => ({
          firstOn,
          lastOn,
          startsAt,
          endsAt,
          capacityUnits,
        })),
    ).toEqual(
      opensAnyway || closedToday
        ? []
        : [{ firstOn: today(), lastOn: today(), startsAt: '09:30', endsAt: '16:00', capacityUnits: 30 }],
    )
    const christmas = closures.find((c) => c.reason === 'Christmas Day and Boxing Day')
    expect(christmas?.venueId).toBeNull()
    expect(christmas?.firstDay.slice(5)).toBe('12-25')
    expect(christmas?.lastDay.slice(5)).toBe('12-26')
    const easter = closures.find((c) => c.reason.startsWith('Easter weekend'))
    expect(easter?.venueId).toBe(schoolId)
    expect(easter && [weekday(easter.firstDay), weekday(easter.lastDay)]).toEqual([5, 1])
    const onClosedDays = await t.deps.db
      .selectFrom('sessions')
      .innerJoin('closures', (join) =>
        join
          .onRef('closures.centre_id', '=', 'sessions.centre_id')
          .onRef('closures.first_day', '<=', 'sessions.local_date')
          .onRef('closures.last_day', '>=', 'sessions.local_date'),
      )
      .select(['sessions.local_date', 'sessions.status'])
      .where('sessions.organisation_id', '=', seed.organisationId)
      .execute()
    expect(onClosedDays.filter((s) => s.status !== 'skipped')).toEqual([])
  })

  it('fills every open Sunday of the next four weeks, within each room, opening and door rule', async () => {
    const from = addDays(today(), 1)
    const to = addDays(today(), 28)
    const response = await coordinator.get(`/api/venues/${schoolId}/calendar?from=${from}&to=${to}`)
    expect(response.statusCode).toBe(200)
    const calendar = response.json<CalendarView>()
    const live = calendar.sessions.filter((s) => s.status === 'scheduled')
    const sundays = calendar.days.filter((d) => weekday(d.date) === 0 && d.closed === null)
    expect(sundays.length).toBeGreaterThanOrEqual(3)
    for (const day of sundays) {
      expect(live.filter((s) => s.date === day.date).length, day.date).toBeGreaterThanOrEqual(15)
      expect(day.openings).toHaveLength(1)
    }
    for (const day of calendar.days) {
      for (const opening of day.openings) expect(opening.usedUnits).toBeLessThanOrEqual(opening.capacityUnits)
      if (day.closed) expect(live.filter((s) => s.date === day.date)).toEqual([])
    }
    expect(new Set(live.map((s) => weekday(s.date)))).toEqual(new Set([0, 6]))
    const capacity = new Map(calendar.rooms.map((r) => [r.id, r.capacityFamilies]))
    for (const session of live) {
      const sharing = live.filter(
        (s) => s.roomId === session.roomId && s.startsAt < session.endsAt && session.startsAt < s.endsAt,
      )
      expect(sharing.length, `${session.date} ${session.localStart} ${session.roomName}`).toBeLessThanOrEqual(
        capacity.get(session.roomId ?? '') ?? 0,
      )
      expect(
        doorClash(
          session,
          { resident: session.resident.entrance, nonResident: session.nonResident.entrance },
          { doorMinutes: 10, allowSeparateEntrancesInsteadOfStagger: true },
        ),
      ).toBeNull()
    }
    const rooms = new Set(live.map((s) => s.roomName))
    expect([...rooms].sort()).toEqual(['Family room', 'Library', 'Quiet room', 'Reception'])
    const ownDoors = live.filter(
      (s) => s.resident.entrance === 'Playground gate' && s.nonResident.entrance === 'Main entrance',
    )
    expect(ownDoors.length).toBeGreaterThan(live.length / 2)
    expect(live.some((s) => s.resident.entrance === null && s.nonResident.entrance === null)).toBe(true)
    expect(live.some((s) => s.resident.waitingRoom === 'Resident parent waiting area')).toBe(true)
    expect(live.some((s) => s.nonResident.waitingRoom === 'Visiting parent waiting area')).toBe(true)
    // The visiting parent comes first and leaves last (R-ARR-1/2), except where the case says otherwise.
    const visitingFirst = live.filter((s) => s.firstParty === 'non_resident')
    expect(visitingFirst.length).toBeGreaterThan(live.length / 2)
    for (const s of visitingFirst) {
      expect(Date.parse(s.startsAt) - Date.parse(s.nonResident.arrivesAt)).toBe(15 * 60_000)
      expect(Date.parse(s.nonResident.leavesAt) - Date.parse(s.endsAt)).toBe(15 * 60_000)
    }
  })

  it('plans parenting time for every family whose parents have signed the ground rules', async () => {
    const all = await t.deps.db
      .selectFrom('contact_plans')
      .innerJoin('cases', 'cases.id', 'contact_plans.case_id')
      .select(['contact_plans.case_id', 'cases.status', 'contact_plans.frequency', 'contact_plans.first_on'])
      .where('contact_plans.organisation_id', '=', seed.organisationId)
      // The plans families had at the church hall ended with the move (see 'the demo centre’s past').
      .where('contact_plans.status', '=', 'active')
      .execute()
    // The session day's extra sessions are one-off plans of today, for families with their own series.
    const plans = all.filter((p) => p.frequency !== 'one_off')
    const extra = all.filter((p) => p.frequency === 'one_off')
    expect(extra.length).toBeLessThanOrEqual(3)
    for (const p of extra) {
      expect(p.first_on).toBe(today())
      expect(plans.map((q) => q.case_id)).toContain(p.case_id)
    }
    expect(plans).toHaveLength(33)
    expect(new Set(plans.map((p) => p.case_id)).size).toBe(32)
    expect(plans.every((p) => p.status === 'active')).toBe(true)
    // The demo parent has yet to sign online: her family cannot be booked until she does.
    const parents = await t.deps.db
      .selectFrom('parties')
      .innerJoin('users', 'users.id', 'parties.user_id')
      .select('parties.case_id')
      .where('users.email', '=', demoEmail('parent'))
      .executeTakeFirstOrThrow()
    expect(plans.map((p) => p.case_id)).not.toContain(parents.case_id)
    const waiting = (
      await coordinator.get(`/api/cases/${parents.case_id ?? ''}/schedule`)
    ).json<CaseSchedule>()
    expect(waiting.plans).toEqual([])
  })

  it('has a past: attendance recorded for each session held, a late arrival, a short-notice cancellation, one move ahead', async () => {
    const sessions = await t.deps.db
      .selectFrom('sessions')
      .select(['local_date', 'status', 'resident_outcome', 'non_resident_outcome'])
      .where('organisation_id', '=', seed.organisationId)
      .execute()
    const held = sessions.filter((s) => s.local_date < today() && s.status !== 'skipped')
    expect(held.length).toBeGreaterThan(100)
    expect(held.filter((s) => s.status === 'scheduled')).toEqual([])
    expect(held.filter((s) => s.status === 'completed').length).toBeGreaterThan(held.length * 0.9)
    const late = held.filter((s) => s.resident_outcome === 'late' || s.non_resident_outcome === 'late')
    expect(late.length).toBeGreaterThanOrEqual(2)
    expect(sessions.filter((s) => s.local_date > today() && s.status === 'scheduled').length).toBeGreaterThan(
      300,
    )

    const whelan = await scheduleOf('Connor Whelan')
    const cancelled = whelan.sessions.filter((s) => s.status === 'cancelled')
    expect(cancelled).toHaveLength(1)
    expect(cancelled[0]?.cancellation).toMatchObject({ by: 'resident', shortNotice: true })
    expect((cancelled[0]?.date ?? '9999') < today()).toBe(true)

    const tostevin = await scheduleOf('Wayne Tostevin')
    const moved = tostevin.sessions.filter((s) => s.moved)
    expect(moved).toHaveLength(1)
    expect(moved[0]).toMatchObject({ status: 'scheduled', localStart: '13:00', roomName: 'Quiet room' })
    expect((moved[0]?.date ?? '') > today()).toBe(true)
    expect(tostevin.plans[0]).toMatchObject({
      serviceType: 'supervised',
      frequency: 'weekly',
      startsAt: '11:00',
    })
    expect(tostevin.plans[0]?.arrival.firstArrivingParty).toBe('resident')
  })

  it('escorts Kayden to his fortnightly prison visits, off-site, with a volunteer', async () => {
    const prison = await scheduleOf('Shane Le Quesne')
    expect(prison.plans).toHaveLength(1)
    expect(prison.plans[0]).toMatchObject({
      serviceType: 'escorted',
      frequency: 'fortnightly',
      venueId: null,
      roomId: null,
      offsite: { place: 'HM Prison La Moye', travelMinutes: 30, escort: DEMO_VOLUNTEER_NAME },
    })
    expect(prison.plans[0]?.offsite?.visitingOrderReference).toMatch(/^VO-/)
    const visits = prison.sessions.filter((s) => s.status !== 'skipped')
    expect(visits.filter((s) => s.date > today()).length).toBeGreaterThanOrEqual(5)
    expect(visits.filter((s) => s.date < today() && s.status === 'completed').length).toBeGreaterThanOrEqual(
      2,
    )
    for (const visit of visits) {
      expect(visit).toMatchObject({ venueId: null, roomId: null, offsite: { place: 'HM Prison La Moye' } })
      expect(Date.parse(visit.startsAt) - Date.parse(visit.nonResident.arrivesAt)).toBe(45 * 60_000)
    }
    const gaps = visits
      .slice(1)
      .map((s, i) => (Date.parse(s.date) - Date.parse(visits[i]?.date ?? '')) / 86_400_000)
    expect(new Set(gaps)).toEqual(new Set([14]))
  })

  it('flags for review the case whose visiting parent missed two sessions without a reason, and the one with a serious incident', async () => {
    const flagged = await t.deps.db
      .selectFrom('cases')
      .select('id')
      .where('organisation_id', '=', seed.organisationId)
      .where('review_flag', 'is not', null)
      .execute()
    expect(flagged.map((c) => c.id).sort()).toEqual(
      [await caseOf('Liam Rondel'), await caseOf('Aaron Mourant')].sort(),
    )
    expect((await scheduleOf('Aaron Mourant')).reviewFlag).toMatch(
      /^An incident \(.*aggression.*\) on .* needs a review of the case\.$/i,
    )
    const rondel = await scheduleOf('Liam Rondel')
    expect(rondel.missedUnexplained).toEqual({ resident: 0, nonResident: 2 })
    expect(rondel.reviewFlag).toMatch(/visiting parent has missed 2 sessions without a reason/)
    // A miss with a good reason does not count.
    const picot = await scheduleOf('Ross Picot')
    expect(
      picot.sessions.some((s) => s.outcome?.nonResident === 'did_not_attend' && s.outcome.explained),
    ).toBe(true)
    expect(picot.missedUnexplained).toEqual({ resident: 0, nonResident: 0 })
    expect(picot.reviewFlag).toBeNull()
  })

  it('books the father from Cardiff on first Sundays but one month, and the father from London on alternate Saturdays', async () => {
    const cardiff = await scheduleOf('Gareth Hughes')
    expect(cardiff.plans[0]).toMatchObject({ frequency: 'monthly_weekday', weekOfMonth: 1 })
    const away = /No session on (\d{4}-\d{2}-\d{2})/.exec(cardiff.plans[0]?.notes ?? '')?.[1] ?? ''
    expect(weekday(away)).toBe(0)
    expect(Number(away.slice(8))).toBeLessThanOrEqual(7)
    expect(away > today()).toBe(true)
    const dates = cardiff.sessions.map((s) => s.date)
    expect(dates).not.toContain(away)
    for (const date of dates) {
      expect(weekday(date)).toBe(0)
      expect(Number(date.slice(8))).toBeLessThanOrEqual(7)
    }
    expect(dates.filter((d) => d > today()).length).toBeGreaterThanOrEqual(3)
    const london = await scheduleOf('Ben Carter')
    expect(london.plans[0]).toMatchObject({ frequency: 'fortnightly', startsAt: '10:30' })
    const saturdays = london.sessions.filter((s) => s.status !== 'skipped')
    expect(saturdays.length).toBeGreaterThanOrEqual(8)
    for (const s of saturdays) expect(weekday(s.date)).toBe(6)
  })
})

describe('the demo centre’s volunteers', () => {
  const today = () => localDateIn('Europe/Jersey', t.clock.now())
  let coordinator: TestBrowser
  let team: VolunteerSummary[]
  const named = (fullName: string): VolunteerSummary => {
    const found = team.find((v) => v.fullName === fullName)
    if (!found) throw new Error(`no volunteer ${fullName}`)
    return found
  }
  const fileOf = async (fullName: string): Promise<VolunteerFile> => {
    const response = await coordinator.get(`/api/volunteers/${named(fullName).id}`)
    expect(response.statusCode).toBe(200)
    return response.json<VolunteerFile>()
  }
  const hardWarnings = (rota: RotaView) =>
    rota.shifts.flatMap((s) =>
      s.positions.flatMap((p) =>
        p.assigned.flatMap((a) =>
          a.warnings.filter((w) => w.hard).map((w) => `${s.date} ${a.fullName}: ${w.message}`),
        ),
      ),
    )
  beforeAll(async () => {
    coordinator = await signedIn('coordinator')
    const response = await coordinator.get(`/api/volunteers?centreId=${seed.centreId}`)
    expect(response.statusCode).toBe(200)
    team = response.json<{ volunteers: VolunteerSummary[] }>().volunteers
  })

  it('has 13 of a target of 18, 5 of them leaving at the end of long terms, and six people on the way in', async () => {
    const response = await coordinator.get(`/api/centres/${seed.centreId}/staffing`)
    expect(response.statusCode).toBe(200)
    const staffing = response.json<StaffingOverview>()
    expect(staffing).toMatchObject({ target: 18, active: 8, leaving: 5, pipeline: 6, blocked: 1 })
    expect(Object.fromEntries(staffing.byStage.map((s) => [s.stage, s.count]))).toEqual({
      enquiry: 1,
      role_meeting: 1,
      application: 1,
      references: 1,
      dbs_applied: 1,
      cleared: 0,
      training: 1,
      mentored: 2,
      active: 6,
      leaving: 5,
      left: 0,
      withdrawn: 0,
    })
    const yearsAgo = (years: number) => addDays(today(), -365 * years)
    for (const v of team.filter((x) => x.stage === 'leaving')) {
      expect(v.plannedEndOn && v.plannedEndOn > today(), v.fullName).toBe(true)
      expect((v.startedOn ?? '9999') < yearsAgo(6), v.fullName).toBe(true)
    }
    const mentored = team.filter((v) => v.stage === 'mentored')
    for (const v of mentored) {
      expect(v.mentorName, v.fullName).not.toBeNull()
      expect(named(v.mentorName ?? '').stage).toBe('active')
      expect((v.startedOn ?? '') > yearsAgo(1), v.fullName).toBe(true)
      expect((v.mentoringUntil ?? '') > today(), v.fullName).toBe(true)
    }
    const withDuty = (duty: string) => team.filter((v) => v.duties.some((d) => d === duty)).length
    expect({ teamLeaders: withDuty('team_leader'), supervisors: withDuty('supervisor') }).toEqual({
      teamLeaders: 3,
      supervisors: 2,
    })
    expect(withDuty('escort')).toBeGreaterThanOrEqual(1)
    const references = await fileOf(team.find((v) => v.stage === 'references')?.fullName ?? '')
    expect({ received: references.referencesReceived, required: references.referencesRequired }).toEqual({
      received: 1,
      required: 2,
    })
    // No volunteer shares a name with anyone in the centre's families.
    const parties = await t.deps.db
      .selectFrom('parties')
      .select('full_name')
      .where('organisation_id', '=', seed.organisationId)
      .execute()
    const families = new Set(parties.map((p) => p.full_name))
    expect(team.filter((v) => families.has(v.fullName))).toEqual([])
  })

  it('keeps each volunteer’s way in as dated history, with who moved them', async () => {
    const leaving = await fileOf(team.find((v) => v.stage === 'leaving')?.fullName ?? '')
    expect(leaving.history.map((h) => h.to)).toEqual([
      'enquiry',
      'role_meeting',
      'application',
      'references',
      'dbs_applied',
      'cleared',
      'training',
      ...(leaving.mentorId ? ['mentored'] : []),
      'active',
      'leaving',
    ])
    expect(new Set(leaving.history.map((h) => h.by))).toEqual(new Set(['Demo Coordinator']))
    const dates = leaving.history.map((h) => h.at)
    expect(dates).toEqual([...dates].sort())
    expect((dates[0] ?? '') < addDays(today(), -6 * 365)).toBe(true)
    const training = await fileOf(team.find((v) => v.stage === 'training')?.fullName ?? '')
    expect(training.history.map((h) => h.to)).toEqual([
      'enquiry',
      'role_meeting',
      'application',
      'references',
      'dbs_applied',
      'cleared',
      'training',
    ])
    expect((training.history[0]?.at ?? '') > addDays(today(), -200)).toBe(true)
  })

  it('has a cleared DBS check for every current volunteer: one ran out last month with a renewal in flight, one runs out within weeks', async () => {
    const response = await coordinator.get(`/api/centres/${seed.centreId}/compliance`)
    expect(response.statusCode).toBe(200)
    const matrix = response.json<Matrix>()
    const current = matrix.rows.filter((r) => ['mentored', 'active', 'leaving'].includes(r.volunteer.stage))
    expect(current).toHaveLength(13)
    const dbs = current.map((r) => ({
      name: r.volunteer.fullName,
      cell: r.cells.find((c) => c.code === 'dbs'),
    }))
    for (const { name, cell } of dbs) expect(cell?.completedOn, name).not.toBeNull()
    const expired = dbs.filter((d) => d.cell?.status === 'expired')
    expect(expired).toHaveLength(1)
    const lapsed = expired[0]?.cell
    expect(lapsed?.blocks).toBe(true)
    expect(lapsed?.renewalStartedOn).not.toBeNull()
    expect((lapsed?.expiresOn ?? '') < today() && (lapsed?.expiresOn ?? '') >= addDays(today(), -62)).toBe(
      true,
    )
    expect(named(expired[0]?.name ?? '').rosterable).toBe(false)
    const soon = dbs.filter((d) => d.cell?.status === 'expiring')
    expect(soon.map((d) => d.cell?.expiresOn)).toEqual([addDays(today(), 20)])
    // Everyone else can work: every other requirement that gates a shift is met.
    expect(current.filter((r) => !r.volunteer.rosterable).map((r) => r.volunteer.fullName)).toEqual([
      expired[0]?.name,
    ])
    // The certificate details are sealed, and shown only on their own route.
    const records = (
      await coordinator.get(`/api/volunteers/${named(expired[0]?.name ?? '').id}/records`)
    ).json<{
      records: { id: string; requirementId: string; hasDbsDetail: boolean; renewalStartedOn: string | null }[]
    }>()
    const check = records.records.find((r) => r.hasDbsDetail && r.renewalStartedOn !== null)
    expect(check).toBeDefined()
    const stored = await t.deps.db
      .selectFrom('volunteer_records')
      .select('dbs_sealed')
      .where('id', '=', check?.id ?? '')
      .executeTakeFirstOrThrow()
    expect(stored.dbs_sealed).not.toMatch(/certificateNumber/)
    const reveal = await coordinator.get(`/api/volunteer-records/${check?.id ?? ''}/dbs`)
    expect(reveal.statusCode).toBe(200)
    expect(reveal.json<{ detail: { level: string; certificateNumber: string } }>().detail).toMatchObject({
      level: 'enhanced_barred',
      certificateNumber: expect.stringMatching(/^\d{12}$/) as unknown,
    })
    // Supervisors hold the qualification; NACCC modules are a mix for those in their first year.
    for (const row of current.filter((r) => r.volunteer.duties.includes('supervisor')))
      expect(row.cells.find((c) => c.code === 'supervisor_qualification')?.status).toBe('ok')
    for (const row of current.filter((r) => r.volunteer.stage === 'mentored')) {
      const modules = row.cells.filter((c) => c.code.startsWith('naccc_')).map((c) => c.status)
      expect(modules).toContain('ok')
      expect(modules).toContain('due')
    }
  })

  it('links the demo volunteer login to an active escort with shifts ahead, a new policy version to read and first aid running out', async () => {
    const volunteer = await signedIn('volunteer')
    const response = await volunteer.get('/api/my/volunteering')
    expect(response.statusCode).toBe(200)
    const mine = response.json<MyVolunteering>()
    expect(mine.volunteer).toMatchObject({
      fullName: DEMO_VOLUNTEER_NAME,
      stage: 'active',
      duties: ['escort'],
      rosterable: true,
    })
    expect(mine.shifts.length).toBeGreaterThanOrEqual(1)
    expect(mine.shifts.some((s) => s.duty === 'escort')).toBe(true)
    expect(mine.shifts.filter((s) => s.swap?.status === 'requested')).toHaveLength(1)
    expect(mine.pastShifts.some((s) => s.hoursLogged)).toBe(true)
    const unread = mine.policies.filter((p) => p.acknowledgedAt === null)
    expect(unread.map((p) => ({ title: p.title, version: p.version }))).toEqual([
      { title: 'Confidentiality', version: 2 },
    ])
    expect(unread[0]?.publishedOn).toBe(addDays(today(), -7))
    expect(unread[0]?.dueOn).not.toBeNull()
    expect(mine.policies).toHaveLength(7)
    const firstAid = mine.requirements.find((r) => r.code === 'first_aid')
    expect(firstAid?.status).toBe('expiring')
    expect((firstAid?.expiresOn ?? '') <= addDays(today(), 60)).toBe(true)
    expect(mine.requirements.filter((r) => r.blocks)).toEqual([])
    expect(mine.availability.weekly.map((w) => w.weekday)).toContain(3)
  })

  it('has a rota for the next eight weeks that keeps every hard rule, with places still open in weeks six to eight', async () => {
    const from = today()
    const to = addDays(from, 55)
    const response = await coordinator.get(`/api/centres/${seed.centreId}/rota?from=${from}&to=${to}`)
    expect(response.statusCode).toBe(200)
    const rota = response.json<RotaView>()
    const sundays = rota.shifts.filter((s) => s.openingId !== null && s.localEnd === '16:00')
    expect(sundays.length).toBeGreaterThanOrEqual(6)
    for (const shift of sundays)
      expect(shift.positions.map((p) => p.duty)).toEqual(
        expect.arrayContaining(['supervisor', 'team_leader', 'reception', 'floor']),
      )
    expect(hardWarnings(rota)).toEqual([])
    const filled = rota.shifts.flatMap((s) => s.positions.flatMap((p) => p.assigned))
    expect(filled.length).toBeGreaterThan(30)
    expect(filled.some((a) => a.suggested)).toBe(true)
    const open = (since: string) =>
      rota.shifts.filter((s) => s.date >= since).reduce((sum, s) => sum + s.unfilled, 0)
    expect(open(addDays(from, 35))).toBeGreaterThanOrEqual(1)
    expect(rota.swaps).toHaveLength(1)
    expect(rota.swaps[0]?.fromVolunteer).toBe(DEMO_VOLUNTEER_NAME)
    expect(rota.swaps[0]?.problems.filter((p) => p.hard)).toEqual([])
    const staffing = (
      await coordinator.get(`/api/centres/${seed.centreId}/staffing`)
    ).json<StaffingOverview>()
    expect(staffing.unfilledShifts).toBe(open(from))
    expect(staffing.unfilledByWeek.slice(5).some((w) => w.unfilled > 0)).toBe(true)
    // The weeks already held keep every hard rule too.
    const past = await coordinator.get(
      `/api/centres/${seed.centreId}/rota?from=${addDays(from, -45)}&to=${addDays(from, -1)}`,
    )
    expect(hardWarnings(past.json<RotaView>())).toEqual([])
  })

  it('has logged the hours of the days already held, training, and an escorted journey waiting for approval', async () => {
    const response = await coordinator.get(
      `/api/volunteer-hours?centreId=${seed.centreId}&from=${addDays(today(), -70)}&to=${today()}`,
    )
    expect(response.statusCode).toBe(200)
    const { entries } = response.json<{ entries: HoursEntry[] }>()
    const of = (kind: string, status: string) => entries.filter((e) => e.kind === kind && e.status === status)
    expect(of('session', 'approved').length).toBeGreaterThan(20)
    expect(of('training', 'approved').length).toBeGreaterThanOrEqual(2)
    const waiting = of('escort', 'submitted')
    expect(waiting).toHaveLength(1)
    expect(waiting[0]).toMatchObject({ fullName: DEMO_VOLUNTEER_NAME })
    expect(waiting[0]?.miles).toBeGreaterThan(0)
    expect(waiting[0]?.expensesPence).toBeGreaterThan(0)
    expect(waiting[0]?.mileagePence).toBeGreaterThan(0)
    expect(entries.filter((e) => e.status === 'submitted')).toHaveLength(1)
  })
})

describe('the demo centre’s session day', () => {
  const today = () => localDateIn('Europe/Jersey', t.clock.now())
  let coordinator: TestBrowser
  let schoolId: string
  let closedToday: boolean
  let extraToday: boolean
  const caseOf = async (visiting: string): Promise<string> => {
    const row = await t.deps.db
      .selectFrom('parties')
      .innerJoin('cases', 'cases.id', 'parties.case_id')
      .select('cases.id')
      .where('cases.organisation_id', '=', seed.organisationId)
      .where('parties.role', '=', 'non_resident_parent')
      .where('parties.full_name', '=', visiting)
      .executeTakeFirstOrThrow()
    return row.id
  }
  const todayCases = () => Promise.all(TODAY_FAMILIES.map((f) => caseOf(f.visiting)))
  beforeAll(async () => {
    coordinator = await signedIn('coordinator')
    const centre = (await coordinator.get(`/api/centres/${seed.centreId}`)).json<{
      venues: { id: string; name: string }[]
    }>()
    schoolId = centre.venues.find((v) => v.name === 'Grands Vaux School')?.id ?? ''
    const { openings, closures } = (await coordinator.get(`/api/venues/${schoolId}/openings`)).json<{
      openings: OpeningView[]
      closures: ClosureView[]
    }>()
    closedToday = closures.some((c) => c.firstDay <= today() && today() <= c.lastDay)
    extraToday = openings.some((o) => o.firstOn === today() && o.lastOn === today())
  })

  it('makes the day it is seeded a session day: two supported families in the morning and a supervised one after lunch, each by their own doors', async () => {
    const response = await coordinator.get(`/api/venues/${schoolId}/calendar?from=${today()}&to=${today()}`)
    expect(response.statusCode).toBe(200)
    const live = response
      .json<CalendarView>()
      .sessions.filter((s) => s.status === 'scheduled' || s.status === 'completed')
    // Christmas and the school's Easter weekend stay closed.
    if (closedToday) return expect(live).toEqual([])
    expect(live.length).toBeGreaterThanOrEqual(3)
    const [renouf, ahier, tostevin] = await todayCases()
    const of = (caseId: string | undefined) => {
      const found = live.filter((s) => s.caseId === caseId)
      expect(found).toHaveLength(1)
      return found[0]
    }
    for (const session of [of(renouf), of(ahier), of(tostevin)])
      expect(session).toMatchObject({
        resident: { entrance: 'Playground gate', waitingRoom: 'Resident parent waiting area' },
        nonResident: { entrance: 'Main entrance', waitingRoom: 'Visiting parent waiting area' },
      })
    for (const session of [of(renouf), of(ahier)]) {
      expect(session).toMatchObject({ serviceType: 'supported', firstParty: 'non_resident' })
      expect(Date.parse(session?.startsAt ?? '') - Date.parse(session?.nonResident.arrivesAt ?? '')).toBe(
        15 * 60_000,
      )
    }
    expect(of(tostevin)).toMatchObject({ serviceType: 'supervised', roomName: 'Quiet room' })
    // A weekday or any day the school does not open anyway: the times the centre would choose.
    if (extraToday) {
      for (const session of [of(renouf), of(ahier)])
        expect(session).toMatchObject({ roomName: 'Family room', localStart: '10:00', localEnd: '12:00' })
      expect(of(tostevin)).toMatchObject({ localStart: '13:00', localEnd: '14:00' })
    }
  })

  it('tells the door who may come and how to recognise them, who must not, the safety flags and a baby to feed', async () => {
    const people = await t.deps.db
      .selectFrom('parties')
      .select(['full_name', 'kind', 'role', 'attendance', 'details', 'safety_flags'])
      .where('organisation_id', '=', seed.organisationId)
      .where('case_id', 'in', await todayCases())
      .execute()
    const details = (p: { details: string }) =>
      JSON.parse(p.details) as { description?: string; feedingHelp?: boolean }
    const parents = people.filter((p) => p.role === 'resident_parent' || p.role === 'non_resident_parent')
    expect(parents).toHaveLength(6)
    for (const parent of parents) expect(details(parent).description, parent.full_name).toMatch(/\w{3,}/)
    const barred = people.filter((p) => p.attendance === 'not_allowed')
    expect(barred.map((p) => p.full_name)).toEqual(['Darren Hacquoil'])
    expect(details(barred[0] ?? { details: '{}' }).description).toMatch(/^Tall, grey beard/)
    expect(JSON.parse(barred[0]?.safety_flags ?? '[]')).toContain('must_not_attend')
    const flagged = parents.filter((p) => (JSON.parse(p.safety_flags) as string[]).length > 0)
    expect(flagged.map((p) => p.full_name).sort()).toEqual(['Kerry Mallet', 'Wayne Tostevin'])
    expect(
      people.filter((p) => p.kind === 'child' && details(p).feedingHelp).map((p) => p.full_name),
    ).toEqual(['Ellie Ahier'])
  })

  it('puts the demo volunteer and colleagues on the day’s rota, so her login opens the door list', async () => {
    const rota = (
      await coordinator.get(`/api/centres/${seed.centreId}/rota?from=${today()}&to=${today()}`)
    ).json<RotaView>()
    const school = rota.shifts.filter((s) => s.openingId !== null)
    if (closedToday) return expect(school).toEqual([])
    expect(school).toHaveLength(1)
    const team = school[0]?.positions.flatMap((p) => p.assigned.map((a) => ({ duty: p.duty, ...a }))) ?? []
    expect(team.filter((a) => a.fullName === DEMO_VOLUNTEER_NAME).map((a) => a.duty)).toEqual(['floor'])
    expect(team.filter((a) => a.fullName !== DEMO_VOLUNTEER_NAME).length).toBeGreaterThanOrEqual(2)
    expect(team.flatMap((a) => a.warnings.filter((w) => w.hard))).toEqual([])
    expect(team.map((a) => a.duty)).toEqual(expect.arrayContaining(['team_leader', 'supervisor']))
    if (extraToday) expect(school[0]?.unfilled).toBe(0)
    const user = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail('volunteer'))
      .executeTakeFirstOrThrow()
    const volunteer = {
      kind: 'user' as const,
      userId: user.id,
      organisationId: seed.organisationId,
      grants: [{ role: 'volunteer' as const, centreId: seed.centreId }],
      sessionId: null,
      origin: cliOrigin(),
    }
    expect(await doorRoleOn(t.deps.db, volunteer, seed.centreId, today())).toBe('on_duty')
  })

  it('keeps the register of three families’ sessions of the last weeks, tap by tap, around their own times', async () => {
    const events = await t.deps.db
      .selectFrom('attendance_events')
      .innerJoin('sessions', 'sessions.id', 'attendance_events.session_id')
      .select([
        'attendance_events.case_id',
        'attendance_events.kind',
        'attendance_events.at',
        'attendance_events.client_id',
        'attendance_events.party_id',
        'attendance_events.voided_at',
        'sessions.status',
        'sessions.local_date',
        'sessions.occupied_from',
        'sessions.occupied_until',
      ])
      .where('attendance_events.organisation_id', '=', seed.organisationId)
      .execute()
    expect(events.length).toBeGreaterThan(60)
    expect(new Set(events.map((e) => e.case_id))).toEqual(new Set(await todayCases()))
    expect(new Set(events.map((e) => e.client_id)).size).toBe(events.length)
    expect(new Set(events.map((e) => e.kind))).toEqual(
      new Set(['arrived', 'left', 'child_handed_over', 'child_returned']),
    )
    for (const e of events) {
      expect(e).toMatchObject({ status: 'completed', voided_at: null })
      expect(e.party_id).not.toBeNull()
      expect(e.local_date < today() && e.local_date >= addDays(today(), -56)).toBe(true)
      const margin = 30 * 60_000
      expect(Date.parse(e.at)).toBeGreaterThanOrEqual(Date.parse(e.occupied_from) - margin)
      expect(Date.parse(e.at)).toBeLessThanOrEqual(Date.parse(e.occupied_until) + margin)
    }
  })

  it('has the supervised family’s observation records: two released by someone other than the author, one waiting to be checked', async () => {
    const records = await t.deps.db
      .selectFrom('observation_records')
      .innerJoin('sessions', 'sessions.id', 'observation_records.session_id')
      .innerJoin('users', 'users.id', 'observation_records.author_user_id')
      .select([
        'observation_records.case_id',
        'observation_records.status',
        'observation_records.author_user_id',
        'observation_records.checked_by_user_id',
        'observation_records.submitted_at',
        'observation_records.released_at',
        'observation_records.sections_sealed',
        'sessions.service_type',
        'sessions.local_date',
        'users.email',
      ])
      .where('observation_records.organisation_id', '=', seed.organisationId)
      .orderBy('sessions.local_date')
      .execute()
    expect(records.map((r) => r.status)).toEqual(['released', 'released', 'submitted'])
    const tostevin = await caseOf('Wayne Tostevin')
    for (const record of records) {
      expect(record).toMatchObject({ case_id: tostevin, service_type: 'supervised' })
      expect(record.local_date < today()).toBe(true)
      expect(record.sections_sealed).not.toMatch(/Tostevin|Jayden/)
      const sections = ObservationSectionsSchema.parse(
        JSON.parse(t.deps.fieldCrypto.decrypt(record.sections_sealed)),
      )
      expect(sections.arrival).toMatch(/^Ms Mallet arrived .* at \d{2}:\d{2}/)
      expect(sections.ending).toMatch(/Ms Mallet collected the children/)
    }
    for (const record of records.filter((r) => r.status === 'released')) {
      expect(record.checked_by_user_id).not.toBeNull()
      expect(record.checked_by_user_id).not.toBe(record.author_user_id)
      expect((record.released_at ?? '') > (record.submitted_at ?? '9')).toBe(true)
    }
    // The one waiting was written by someone else, so the demo coordinator can check and release it.
    expect(records[2]).toMatchObject({ checked_by_user_id: null, released_at: null })
    expect(records[2]?.email).not.toBe(demoEmail('coordinator'))
  })

  it('has a reviewed rule breach a fortnight ago with a verbal warning, and a recent aggression that suspended the family’s sessions', async () => {
    const incidents = await t.deps.db
      .selectFrom('incidents')
      .innerJoin('sessions', 'sessions.id', 'incidents.session_id')
      .selectAll('incidents')
      .select(['sessions.local_date', 'sessions.ended_early_at'])
      .where('incidents.organisation_id', '=', seed.organisationId)
      .orderBy('incidents.occurred_at')
      .execute()
    expect(incidents.map((i) => [i.category, i.severity, i.status])).toEqual([
      ['rule_breach', 'moderate', 'reviewed'],
      ['aggression', 'serious', 'reviewed'],
    ])
    const [breach, aggression] = incidents
    expect(breach?.case_id).toBe(await caseOf('Callum Du Feu'))
    expect((breach?.local_date ?? '') >= addDays(today(), -20)).toBe(true)
    expect((breach?.local_date ?? '') <= addDays(today(), -8)).toBe(true)
    expect(JSON.parse(breach?.actions ?? '')).toEqual(['verbal_warning_given'])
    expect(JSON.parse(t.deps.fieldCrypto.decrypt(breach?.account_sealed ?? ''))).toEqual({
      whatHappened: expect.stringMatching(/took photographs of Evie and Archie/) as unknown,
      childAccount: null,
      injuries: null,
      witnesses: 'Floor volunteer',
      reasonsNotToAct: null,
    })
    expect(breach?.account_sealed).not.toMatch(/photographs/)
    expect(breach?.referrer_notified_at).not.toBeNull()
    expect((breach?.referrer_notified_at ?? '') <= (breach?.referrer_due_at ?? '')).toBe(true)
    const warnings = await t.deps.db
      .selectFrom('warnings')
      .innerJoin('parties', 'parties.id', 'warnings.party_id')
      .select(['warnings.incident_id', 'warnings.level', 'parties.full_name'])
      .where('warnings.organisation_id', '=', seed.organisationId)
      .orderBy('warnings.issued_at')
      .execute()
    expect(warnings).toEqual([
      { incident_id: breach?.id, level: 'verbal_warning', full_name: 'Callum Du Feu' },
      { incident_id: aggression?.id, level: 'service_suspended', full_name: 'Aaron Mourant' },
    ])

    const mourant = await caseOf('Aaron Mourant')
    expect(aggression?.case_id).toBe(mourant)
    expect(await todayCases()).not.toContain(mourant)
    expect(aggression?.ended_early_at).not.toBeNull()
    expect((aggression?.local_date ?? '') > (breach?.local_date ?? '')).toBe(true)
    const suspensions = await t.deps.db
      .selectFrom('suspensions')
      .selectAll()
      .where('organisation_id', '=', seed.organisationId)
      .execute()
    expect(suspensions).toHaveLength(1)
    const [suspension] = suspensions
    expect(suspension).toMatchObject({ case_id: mourant, incident_id: aggression?.id, status: 'active' })
    const ahead = await t.deps.db
      .selectFrom('sessions')
      .select(['status', 'suspension_id'])
      .where('case_id', '=', mourant)
      .where('local_date', '>=', suspension?.from_on ?? '')
      .where('status', 'not in', ['skipped', 'cancelled'])
      .execute()
    expect(ahead.length).toBeGreaterThan(10)
    expect(ahead.every((s) => s.status === 'suspended' && s.suspension_id === suspension?.id)).toBe(true)
    expect(suspension?.sessions_suspended).toBe(ahead.length)
  })

  it('has feedback from parents and children on sessions held, mostly happy faces, with a few sealed comments', async () => {
    const rows = await t.deps.db
      .selectFrom('feedback')
      .innerJoin('sessions', 'sessions.id', 'feedback.session_id')
      .select(['feedback.form', 'feedback.answers', 'feedback.comment_sealed', 'sessions.status'])
      .select(['sessions.local_date', 'feedback.submitted_at', 'sessions.ends_at'])
      .where('feedback.organisation_id', '=', seed.organisationId)
      .execute()
    const parents = rows.filter((r) => r.form === 'parent')
    const children = rows.filter((r) => r.form === 'child')
    expect(parents.length).toBeGreaterThanOrEqual(30)
    expect(children.length).toBeGreaterThanOrEqual(5)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('organisation_id', '=', seed.organisationId)
      .where('action', '=', 'demo.seed')
      .executeTakeFirstOrThrow()
    const told = JSON.parse(audit.details) as {
      sessionDay: { history: { feedback: { parent: number; child: number } } }
    }
    expect(told.sessionDay.history.feedback).toEqual({ parent: parents.length, child: children.length })
    const scores: number[] = []
    for (const row of rows) {
      expect(row.status).toBe('completed')
      expect(row.local_date < today()).toBe(true)
      expect(row.submitted_at > row.ends_at).toBe(true)
      const answers = JSON.parse(row.answers) as Record<string, number>
      expect(Object.keys(answers).sort()).toEqual(
        row.form === 'parent'
          ? ['childEnjoyed', 'safe', 'staffHelpful', 'welcome']
          : ['again', 'safe', 'today'],
      )
      scores.push(...Object.values(answers))
    }
    expect(scores.every((s) => Number.isInteger(s) && s >= 1 && s <= 5)).toBe(true)
    expect(scores.reduce((sum, s) => sum + s, 0) / scores.length).toBeGreaterThanOrEqual(4.3)
    const comments = rows.flatMap((r) => (r.comment_sealed ? [r.comment_sealed] : []))
    expect(comments.length).toBeGreaterThanOrEqual(5)
    for (const sealed of comments) {
      const text = t.deps.fieldCrypto.decrypt(sealed)
      expect([...PARENT_COMMENTS, ...CHILD_COMMENTS] as string[]).toContain(text)
      expect(sealed).not.toContain(text)
    }
  })
})

describe('the demo centre’s past', () => {
  const TZ = 'Europe/Jersey'
  const today = () => localDateIn(TZ, t.clock.now())
  const local = (instant: string) => localParts(instant, TZ).date
  const tally = (values: readonly string[]) =>
    Object.fromEntries([...new Set(values)].sort().map((v) => [v, values.filter((x) => x === v).length]))
  const hallSessions = () =>
    t.deps.db
      .selectFrom('sessions')
      .innerJoin('venues', 'venues.id', 'sessions.venue_id')
      .innerJoin('rooms', 'rooms.id', 'sessions.room_id')
      .innerJoin('cases', 'cases.id', 'sessions.case_id')
      .select([
        'sessions.local_date',
        'sessions.status',
        'sessions.cancelled_by',
        'sessions.cancel_notice_hours',
      ])
      .select(['sessions.starts_at', 'sessions.ends_at', 'sessions.capacity_weight', 'sessions.case_id'])
      .select(['sessions.room_id', 'rooms.capacity_families', 'cases.status as case_status'])
      .where('sessions.organisation_id', '=', seed.organisationId)
      .where('venues.name', '=', 'Town Church Hall')
      .execute()

  it('has 28 families who came and went, each closed before today with how it ended, the caseload untouched', async () => {
    const closed = await t.deps.db
      .selectFrom('cases')
      .innerJoin('referrals', 'referrals.id', 'cases.referral_id')
      .select(['cases.opened_at', 'cases.closed_at', 'cases.closure_outcome', 'cases.review_flag'])
      .select('referrals.source_code')
      .where('cases.organisation_id', '=', seed.organisationId)
      .where('cases.status', '=', 'closed')
      .execute()
    expect(tally(closed.map((c) => c.closure_outcome ?? ''))).toEqual({
      court_order_changed_or_ended: 2,
      moved_on_handover_community: 2,
      moved_on_own_arrangements: 17,
      no_show_never_started: 2,
      parent_withdrew: 1,
      place_reallocated_non_attendance: 1,
      referrer_ended: 1,
      transferred_to_other_centre: 1,
      withdrawn_rule_breach: 1,
    })
    expect(tally(closed.map((c) => c.source_code))).toEqual({
      court_adviser: 16,
      mediator: 2,
      self: 5,
      social_services: 3,
      solicitor: 2,
    })
    for (const c of closed) {
      expect(c.opened_at < (c.closed_at ?? '')).toBe(true)
      expect(local(c.closed_at ?? '') < today()).toBe(true)
      expect(c.review_flag).toBeNull()
    }
    const oldest = closed.map((c) => local(c.opened_at)).sort()[0] ?? ''
    expect(oldest < addDays(today(), -365)).toBe(true)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('organisation_id', '=', seed.organisationId)
      .where('action', '=', 'demo.seed')
      .executeTakeFirstOrThrow()
    const told = JSON.parse(audit.details) as { history: Record<string, number> }
    expect(told.history).toMatchObject({ referrals: 36, closedCases: 27 })
  })

  it('received referrals in each of the last five quarters from the usual sources, and turned families away when full', async () => {
    const referrals = await t.deps.db
      .selectFrom('referrals')
      .select(['id', 'received_at', 'source_code', 'status'])
      .where('organisation_id', '=', seed.organisationId)
      .where('merged_into_id', 'is', null)
      .where('status', '<>', 'merged')
      .execute()
    const quarters = new Set(referrals.map((r) => quarterOf(local(r.received_at))))
    for (let months = 0; months <= 12; months += 3)
      expect(quarters, `${months} months ago`).toContain(quarterOf(addMonths(today(), -months)))
    expect(new Set(referrals.map((r) => r.source_code))).toEqual(
      new Set(['court_adviser', 'social_services', 'self', 'solicitor', 'mediator']),
    )
    expect(tally(referrals.map((r) => r.status))).toMatchObject({ declined: 6, withdrawn: 4, accepted: 61 })
    const decisions = await t.deps.db
      .selectFrom('workflow_transitions')
      .select(['subject_id', 'to_status', 'at', 'reason'])
      .where('organisation_id', '=', seed.organisationId)
      .where('subject_type', '=', 'referral')
      .where('to_status', 'in', ['declined', 'waitlisted'])
      .execute()
    // Twice the centre was full: it put two families on the waiting list and turned one away that day.
    const fullDays = [...new Set(decisions.map((d) => local(d.at)))].filter((day) => {
      const that = decisions.filter((d) => local(d.at) === day)
      return (
        that.filter((d) => d.to_status === 'waitlisted').length === 2 &&
        that.some((d) => d.to_status === 'declined')
      )
    })
    expect(fullDays).toHaveLength(2)
    const byQuarter = (status: string) =>
      new Set(decisions.filter((d) => d.to_status === status).map((d) => quarterOf(local(d.at))))
    expect(
      [...byQuarter('declined')].filter((q) => byQuarter('waitlisted').has(q)).length,
    ).toBeGreaterThanOrEqual(2)
    // The waiting families were offered a place later.
    const waited = new Set(decisions.filter((d) => d.to_status === 'waitlisted').map((d) => d.subject_id))
    expect(referrals.filter((r) => waited.has(r.id)).map((r) => r.status)).toEqual(
      expect.arrayContaining(['accepted', 'accepted', 'accepted', 'accepted']),
    )
  })

  it('held sessions at the church hall until the move: mostly attended, some called off late by a parent or by the centre, a few missed', async () => {
    const sessions = await hallSessions()
    const moved = firstScheduledSunday(today())
    expect(sessions.every((s) => s.local_date < moved && s.status !== 'scheduled')).toBe(true)
    const booked = sessions.filter((s) => s.status !== 'skipped')
    const of = (status: string) => booked.filter((s) => s.status === status)
    expect(of('completed').length).toBeGreaterThan(booked.length * 0.9)
    const byCentre = of('cancelled').filter((s) => s.cancelled_by === 'centre')
    expect(byCentre.length).toBeGreaterThanOrEqual(6)
    expect(new Set(byCentre.map((s) => s.local_date)).size).toBe(1)
    const byParent = of('cancelled').filter((s) => s.cancelled_by !== 'centre')
    const { cancellationNoticeHours } = await loadSchedulingSettings(t.deps.db, seed)
    const late = byParent.filter((s) => (s.cancel_notice_hours ?? 999) < cancellationNoticeHours)
    expect(late.length).toBeGreaterThanOrEqual(6)
    expect(byParent.length - late.length).toBeGreaterThanOrEqual(4)
    expect(of('did_not_attend').length).toBeGreaterThanOrEqual(6)
    // Families since gone, and most of today's families before the move.
    const families = (caseStatus: string) =>
      new Set(
        of('completed')
          .filter((s) => s.case_status === caseStatus)
          .map((s) => s.case_id),
      ).size
    expect(families('closed')).toBe(25)
    expect(families('active')).toBeGreaterThanOrEqual(20)
    // No day at the hall ever had more families in a room than it holds.
    const live = booked.filter((s) => s.status !== 'cancelled')
    for (const s of live) {
      const sharing = live.filter(
        (o) => o.room_id === s.room_id && o.starts_at < s.ends_at && s.starts_at < o.ends_at,
      )
      expect(sharing.length, `${s.local_date} ${s.starts_at}`).toBeLessThanOrEqual(s.capacity_families)
    }
    const opening = await t.deps.db
      .selectFrom('opening_sessions')
      .innerJoin('venues', 'venues.id', 'opening_sessions.venue_id')
      .select(['opening_sessions.first_on', 'opening_sessions.last_on', 'opening_sessions.capacity_units'])
      .select(['opening_sessions.weekday', 'venues.archived_at'])
      .where('opening_sessions.organisation_id', '=', seed.organisationId)
      .where('venues.name', '=', 'Town Church Hall')
      .executeTakeFirstOrThrow()
    expect(opening).toMatchObject({ weekday: 7, last_on: addDays(moved, -7) })
    expect(local(opening.archived_at ?? '')).toBe(addDays(moved, -6))
    const runs = {
      id: '',
      venueId: '',
      weekday: opening.weekday,
      startsAt: '10:00',
      endsAt: '16:00',
      everyWeeks: 1,
      firstOn: opening.first_on,
      lastOn: opening.last_on,
      capacityUnits: opening.capacity_units,
    }
    for (const day of new Set(live.map((s) => s.local_date))) {
      expect(openingRunsOn(runs, day), day).toBe(true)
      const weight = live.filter((s) => s.local_date === day).reduce((sum, s) => sum + s.capacity_weight, 0)
      expect(weight, day).toBeLessThanOrEqual(opening.capacity_units)
    }
    // A date the hall was closed was never booked.
    const closures = await t.deps.db
      .selectFrom('closures')
      .innerJoin('venues', 'venues.id', 'closures.venue_id')
      .select(['closures.first_day', 'closures.last_day', 'closures.reason'])
      .where('closures.organisation_id', '=', seed.organisationId)
      .where('venues.name', '=', 'Town Church Hall')
      .execute()
    expect(closures.map((c) => c.reason)).toContain('Christmas and New Year: the church needs the hall')
    for (const s of sessions) {
      const closed = closures.some((c) => c.first_day <= s.local_date && s.local_date <= c.last_day)
      expect(s.status === 'skipped', s.local_date).toBe(closed)
    }
  })

  it('moved families between levels at their reviews: supervised to supported, on to handover, and one step up', async () => {
    const changes = await t.deps.db
      .selectFrom('case_level_changes')
      .innerJoin('cases', 'cases.id', 'case_level_changes.case_id')
      .select(['case_level_changes.case_id', 'case_level_changes.changed_at'])
      .select(['case_level_changes.previous_level', 'case_level_changes.level', 'cases.status'])
      .where('case_level_changes.organisation_id', '=', seed.organisationId)
      .where('case_level_changes.previous_level', 'is not', null)
      .execute()
    expect(tally(changes.map((c) => `${c.previous_level ?? ''} → ${c.level}`))).toEqual({
      'supervised → supported': 3,
      'supported → handover': 3,
      'supported → supervised': 1,
    })
    const reviews = await t.deps.db
      .selectFrom('case_reviews')
      .select(['case_id', 'held_on', 'outcome'])
      .where('organisation_id', '=', seed.organisationId)
      .execute()
    for (const change of changes.filter((c) => c.status === 'closed'))
      expect(
        reviews.find((r) => r.case_id === change.case_id && r.held_on === local(change.changed_at))?.outcome,
      ).toMatch(/^(change_level|move_to_handover)$/)
  })

  it('reviewed the families that have moved on, all but two on time', async () => {
    const reviews = await t.deps.db
      .selectFrom('case_reviews')
      .innerJoin('cases', 'cases.id', 'case_reviews.case_id')
      .select(['case_reviews.held_on', 'case_reviews.due_on', 'case_reviews.outcome'])
      .where('case_reviews.organisation_id', '=', seed.organisationId)
      .where('cases.status', '=', 'closed')
      .execute()
    expect(reviews.every((r) => r.due_on !== null)).toBe(true)
    const late = reviews.filter((r) => r.held_on > (r.due_on ?? ''))
    expect(late).toHaveLength(2)
    expect(reviews.length - late.length).toBeGreaterThanOrEqual(25)
    expect(reviews.filter((r) => r.outcome === 'plan_exit').length).toBeGreaterThanOrEqual(15)
  })

  it('has the volunteers’ approved hours in each of the last fourteen months, with a training evening each quarter', async () => {
    const hours = await t.deps.db
      .selectFrom('volunteer_hours')
      .select(['on_date', 'kind', 'minutes', 'volunteer_id'])
      .where('organisation_id', '=', seed.organisationId)
      .where('status', '=', 'approved')
      .execute()
    for (let months = 1; months <= 14; months += 1) {
      const month = addMonths(today(), -months).slice(0, 7)
      const that = hours.filter((h) => h.on_date.startsWith(month))
      expect(new Set(that.map((h) => h.volunteer_id)).size, month).toBeGreaterThanOrEqual(5)
      expect(that.reduce((sum, h) => sum + h.minutes, 0) / 60, month).toBeGreaterThan(60)
    }
    const training = new Set(hours.filter((h) => h.kind === 'training').map((h) => quarterOf(h.on_date)))
    expect(training.size).toBeGreaterThanOrEqual(4)
  })
})

describe('seedDemoIfEmpty (npm start)', () => {
  it('seeds an empty database once, and leaves it alone afterwards', async () => {
    // An empty database of its own: the shared test database never is.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-seed-'))
    const connected = await connect({ kind: 'sqlite', file: path.join(dir, 'kinbridge.db') })
    try {
      await migrateToLatest(connected.db)
      const empty: Runtime = { deps: { ...t.deps, db: connected.db }, connected, close: async () => {} }
      const count = async (table: 'organisations' | 'users' | 'outbox' | 'audit_log') =>
        Number(
          (
            await connected.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number | string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      await seedDemoIfEmpty(empty, 'development')
      const after = {
        organisations: await count('organisations'),
        users: await count('users'),
        outbox: await count('outbox'),
        audit: await count('audit_log'),
      }
      expect(after).toMatchObject({ organisations: 1, users: 5 })
      const seedRows = await connected.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'demo.seed')
        .execute()
      expect(seedRows).toHaveLength(1)
      await seedDemoIfEmpty(empty, 'development')
      await seedDemoIfEmpty(empty, 'development')
      expect({
        organisations: await count('organisations'),
        users: await count('users'),
        outbox: await count('outbox'),
        audit: await count('audit_log'),
      }).toEqual(after)
    } finally {
      await connected.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  it('never seeds in production', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-seed-'))
    const connected = await connect({ kind: 'sqlite', file: path.join(dir, 'kinbridge.db') })
    try {
      await migrateToLatest(connected.db)
      await seedDemoIfEmpty(
        { deps: { ...t.deps, db: connected.db }, connected, close: async () => {} },
        'production',
      )
      expect(await connected.db.selectFrom('organisations').select('id').execute()).toEqual([])
    } finally {
      await connected.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
