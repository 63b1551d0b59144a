/**
 * Scheduling on a large calendar: 300 families booked fortnightly for three years (23,400 sessions)
 * at one venue, through the real server. Method: docs/performance.md.
 */
import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { v7 as newId } from 'uuid'
import { connect, type DatabaseTarget } from '../src/db/connect'
import type { SessionsTable } from '../src/db/database'
import { migrateToLatest } from '../src/db/migrate'
import { cliOrigin } from '../src/domain/access/actor'
import { createUserWithPassword } from '../src/domain/organisation/set-up-organisation'
import { plusDays, sessionTimes } from '../src/domain/scheduling/schedule.rules'
import { systemClock } from '../src/domain/shared/clock'
import { createFieldCrypto } from '../src/domain/shared/field-crypto'
import { insertBulkFamilies } from '../tests/support/bulk-families'
import { startSignedIn } from './server'

const PASSWORD = 'load test passphrase 2026'
const FAMILIES = 300
const FORTNIGHTS = 78
const FIRST_SUNDAY = '2026-01-04'
const ARRIVAL = {
  firstArrivingParty: 'non_resident' as const,
  arrivalOffsetMinutes: 15,
  departureHoldMinutes: 15,
}

/** A large calendar straight into the tables: 300 families booked fortnightly for three years. */
export async function seedSchedule(target: DatabaseTarget) {
  const connected = await connect(target)
  const db = connected.db
  if (target.kind === 'postgres') {
    await sql`drop schema if exists public cascade`.execute(db)
    await sql`create schema public`.execute(db)
  }
  await migrateToLatest(db)
  const deps = {
    db,
    clock: systemClock,
    fieldCrypto: createFieldCrypto(randomBytes(32)),
    publicUrl: new URL('http://127.0.0.1'),
  }
  const started = performance.now()
  const [org] = await insertBulkFamilies(db, 1, FAMILIES)
  if (!org) throw new Error('nothing seeded')
  const now = new Date().toISOString()
  const venueId = newId()
  await db
    .insertInto('venues')
    .values({
      id: venueId,
      organisation_id: org.organisationId,
      centre_id: org.centreId,
      name: 'Bench hall',
      address: null,
      has_separate_entrances: 0,
      entrances: null,
      archived_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  const rooms = Array.from({ length: 10 }, (_, i) => ({
    id: newId(),
    organisation_id: org.organisationId,
    venue_id: venueId,
    name: `Room ${i + 1}`,
    kind: 'family_room',
    capacity_families: 8,
    archived_at: null,
    created_at: now,
    updated_at: now,
  }))
  await db.insertInto('rooms').values(rooms).execute()
  await db
    .insertInto('opening_sessions')
    .values({
      id: newId(),
      organisation_id: org.organisationId,
      venue_id: venueId,
      weekday: 7,
      starts_at_time: '08:00',
      ends_at_time: '20:00',
      every_weeks: 1,
      first_on: FIRST_SUNDAY,
      last_on: null,
      capacity_units: 1000,
      archived_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'referral_id'])
    .where('organisation_id', '=', org.organisationId)
    .orderBy('id')
    .execute()
  for (const [index, found] of cases.entries()) {
    const planId = newId()
    const startsAt = `${String(9 + (index % 8)).padStart(2, '0')}:${index % 2 === 0 ? '00' : '30'}`
    const firstOn = plusDays(FIRST_SUNDAY, (index % 2) * 7)
    await db
      .insertInto('contact_plans')
      .values({
        id: planId,
        organisation_id: org.organisationId,
        centre_id: org.centreId,
        case_id: found.id,
        status: 'active',
        service_type: 'supported',
        frequency: 'fortnightly',
        week_of_month: null,
        first_on: firstOn,
        last_on: null,
        starts_at_time: startsAt,
        duration_minutes: 60,
        venue_id: venueId,
        room_id: rooms[index % rooms.length]?.id ?? null,
        arrival: JSON.stringify({
          ...ARRIVAL,
          resident: { entrance: null, waitingRoomId: null },
          nonResident: { entrance: null, waitingRoomId: null },
        }),
        offsite_sealed: null,
        notes_sealed: null,
        replaces_plan_id: null,
        ended_reason: null,
        created_by_user_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
    const rows: SessionsTable[] = []
    for (let f = 0; f < FORTNIGHTS; f++) {
      const date = plusDays(firstOn, f * 14)
      const times = sessionTimes(date, startsAt, 60, 'Europe/London', ARRIVAL)
      rows.push({
        id: newId(),
        organisation_id: org.organisationId,
        centre_id: org.centreId,
        case_id: found.id,
        plan_id: planId,
        occurrence_on: date,
        local_date: date,
        service_type: 'supported',
        status: 'scheduled',
        venue_id: venueId,
        room_id: rooms[index % rooms.length]?.id ?? null,
        starts_at: times.startsAt,
        ends_at: times.endsAt,
        occupied_from: times.occupiedFrom,
        occupied_until: times.occupiedUntil,
        capacity_weight: 1,
        first_party: 'non_resident',
        resident_arrives_at: times.resident.arrivesAt,
        resident_leaves_at: times.resident.leavesAt,
        resident_entrance: null,
        resident_waiting_room_id: null,
        non_resident_arrives_at: times.nonResident.arrivesAt,
        non_resident_leaves_at: times.nonResident.leavesAt,
        non_resident_entrance: null,
        non_resident_waiting_room_id: null,
        offsite_sealed: null,
        moved: 0,
        cancelled_by: null,
        cancelled_at: null,
        cancel_notice_hours: null,
        cancel_reason: null,
        resident_outcome: null,
        non_resident_outcome: null,
        outcome_explained: null,
        outcome_reason: null,
        outcome_recorded_at: null,
        attendance_note: null,
        ended_early_at: null,
        ended_early_reason: null,
        suspension_id: null,
        outcome_source: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
    }
    for (let i = 0; i < rows.length; i += 40)
      await db
        .insertInto('sessions')
        .values(rows.slice(i, i + 40))
        .execute()
  }
  if (target.kind === 'postgres') await sql`analyze`.execute(db)
  return { connected, deps, org, venueId, rooms, cases, seconds: (performance.now() - started) / 1000 }
}

export async function benchSchedule(label: string, target: DatabaseTarget): Promise<void> {
  const { connected, deps, org, venueId, rooms, cases, seconds } = await seedSchedule(target)
  console.log(
    `${label} schedule: seeded ${FAMILIES} families x ${FORTNIGHTS} sessions in ${seconds.toFixed(1)} s`,
  )
  await createUserWithPassword(deps, cliOrigin(), {
    organisationId: org.organisationId,
    email: 'schedule@example.org',
    displayName: 'Coordinator',
    password: PASSWORD,
    roles: [{ role: 'coordinator', centreId: null }],
  })
  const { address, cookie, close } = await startSignedIn(deps, {
    email: 'schedule@example.org',
    password: PASSWORD,
  })
  const csrf = await fetch(`${address}/api/auth/session`, { headers: { cookie } })
  const csrfToken = ((await csrf.json()) as { csrfToken?: string }).csrfToken ?? ''
  const probe = cases[0]
  const requests = [
    {
      label: 'GET week calendar',
      method: 'GET' as const,
      path: `/api/venues/${venueId}/calendar?from=2026-06-01&to=2026-06-07`,
    },
    {
      label: 'POST plan preview (26 fortnights)',
      method: 'POST' as const,
      path: `/api/cases/${probe?.id ?? ''}/plans/preview`,
      body: JSON.stringify({
        serviceType: 'supported',
        frequency: 'fortnightly',
        firstOn: '2026-06-07',
        startsAt: '12:00',
        durationMinutes: 60,
        venueId,
        roomId: rooms[0]?.id,
      }),
    },
  ]
  for (const request of requests) {
    const result = await autocannon({
      url: address,
      connections: 10,
      duration: 8,
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      requests: [{ method: request.method, path: request.path, ...(request.body && { body: request.body }) }],
    })
    console.log(
      `${label} ${request.label}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
    )
  }
  await close()
  await connected.close()
}
