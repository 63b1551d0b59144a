import type { Insertable } from 'kysely'
import type { Db } from '../../db/connect'
import type { VolunteerHoursTable } from '../../db/database'
import { insertRoom } from '../../db/repositories/organisations.repository'
import { insertClosure, insertOpening } from '../../db/repositories/schedule.repository'
import { addDays } from '../cases/cases.rules'
import { newId } from '../shared/ids'
import {
  HALL_CAPACITY_UNITS,
  HALL_FIRST_WEEK,
  HALL_LAST_WEEK,
  HALL_ROOM,
  VESTRY,
  hallDates,
  type HallClosure,
} from './demo-history-timeline'
import type { HistoryDesk } from './demo-history-rows'
import type { HallPlace } from './demo-history-sessions'
import { pastSunday } from './demo-intake'
import { DEMO_VENUES } from './demo-organisation'
import { on } from './demo-story'

/** A volunteer's Sunday at the hall: setting up at 09:30, clearing away by 16:00. */
const SUNDAY_MINUTES = 390
/** A training evening each quarter at the hall (NACCC modules with the coordinator). */
const TRAINING_WEEKS = [60, 47, 34, 21] as const
const TRAINING_MINUTES = 150

/**
 * The hall's rooms besides the main hall: the vestry for supervised contact, and the rooms where
 * the families still coming today met before the move (each holds what its school room holds now).
 */
export const HALL_ROOMS = [
  { name: VESTRY, kind: 'private_room', capacityFamilies: 1 },
  { name: 'Upper hall', kind: 'family_room', capacityFamilies: 6 },
  { name: 'Small hall', kind: 'family_room', capacityFamilies: 4 },
  { name: 'Parish room', kind: 'private_room', capacityFamilies: 1 },
  { name: 'Lobby', kind: 'reception', capacityFamilies: 1 },
] as const

/** Where each school room's families met at the hall. */
export const HALL_ROOM_OF: Record<string, string> = {
  'Family room': 'Upper hall',
  Library: 'Small hall',
  'Quiet room': 'Parish room',
  Reception: 'Lobby',
}

/**
 * The church hall as it was before the move: its opening every Sunday (retired when the centre
 * moved to the school), the vestry for supervised contact, its closures, and the desk's accounts in
 * place from the start. The hall and its rooms were archived the day after the last Sunday there.
 */
export async function setUpHall(
  db: Db,
  desk: HistoryDesk,
  today: string,
  closures: readonly HallClosure[],
): Promise<HallPlace> {
  const hallName = DEMO_VENUES.find((v) => v.archived)?.name ?? ''
  const hall = await db
    .selectFrom('venues')
    .select('id')
    .where('organisation_id', '=', desk.organisationId)
    .where('centre_id', '=', desk.centreId)
    .where('name', '=', hallName)
    .executeTakeFirstOrThrow()
  const { firstOn, lastOn, setUpAt, movedAt } = hallDates(today)
  await db.updateTable('venues').set({ archived_at: movedAt }).where('id', '=', hall.id).execute()
  await db.updateTable('rooms').set({ archived_at: movedAt }).where('venue_id', '=', hall.id).execute()
  for (const room of HALL_ROOMS)
    await insertRoom(db, {
      id: newId(),
      organisation_id: desk.organisationId,
      venue_id: hall.id,
      name: room.name,
      kind: room.kind,
      capacity_families: room.capacityFamilies,
      archived_at: movedAt,
      created_at: setUpAt,
      updated_at: setUpAt,
    })
  await insertOpening(db, {
    id: newId(),
    organisation_id: desk.organisationId,
    venue_id: hall.id,
    weekday: 7,
    starts_at_time: '10:00',
    ends_at_time: '16:00',
    every_weeks: 1,
    first_on: firstOn,
    last_on: lastOn,
    capacity_units: HALL_CAPACITY_UNITS,
    staffing: null,
    archived_at: movedAt,
    created_at: setUpAt,
    updated_at: movedAt,
  })
  for (const closure of closures)
    await insertClosure(db, {
      id: newId(),
      organisation_id: desk.organisationId,
      centre_id: desk.centreId,
      venue_id: hall.id,
      first_day: closure.firstDay,
      last_day: closure.lastDay,
      reason: closure.reason,
      created_by_user_id: desk.coordinatorId,
      created_at: on(addDays(closure.firstDay, -42), '10:00'),
    })
  // The admin and the coordinator have kept the centre's records since before the hall's first Sunday.
  await db
    .updateTable('role_assignments')
    .set({ created_at: setUpAt })
    .where('organisation_id', '=', desk.organisationId)
    .where('role', 'in', ['admin', 'coordinator'])
    .execute()
  const rooms = await db.selectFrom('rooms').select(['id', 'name']).where('venue_id', '=', hall.id).execute()
  const byName = Object.fromEntries(rooms.map((r) => [r.name, r.id]))
  if (!byName[HALL_ROOM]) throw new Error(`demo: the ${hallName} has no ${HALL_ROOM}`)
  return { venueId: hall.id, rooms: byName }
}

/**
 * The volunteers' hours at the hall, approved by the coordinator: each Sunday families came, three
 * on duty and one more for every five families (taking turns among those who had started by then),
 * and a training evening each quarter.
 */
export async function hallHours(
  db: Db,
  desk: HistoryDesk,
  today: string,
  familiesOn: (sunday: string) => number,
): Promise<number> {
  const team = await db
    .selectFrom('volunteers')
    .select(['id', 'started_on'])
    .where('organisation_id', '=', desk.organisationId)
    .where('centre_id', '=', desk.centreId)
    .where('stage', 'in', ['mentored', 'active', 'leaving'])
    .where('started_on', 'is not', null)
    .orderBy('full_name')
    .execute()
  const onTeam = (date: string) => team.filter((v) => (v.started_on ?? '9999') <= date)
  const entry = (
    volunteerId: string,
    date: string,
    kind: 'session' | 'training',
    minutes: number,
    description: string,
  ): Insertable<VolunteerHoursTable> => ({
    id: newId(),
    organisation_id: desk.organisationId,
    centre_id: desk.centreId,
    volunteer_id: volunteerId,
    assignment_id: null,
    kind,
    on_date: date,
    minutes,
    miles: null,
    expenses_pence: null,
    description,
    status: 'approved',
    submitted_by_user_id: desk.coordinatorId,
    decided_by_user_id: desk.coordinatorId,
    decided_at: on(addDays(date, 1), '09:30'),
    decision_note: null,
    created_at: on(date, '18:30'),
  })
  const rows: Insertable<VolunteerHoursTable>[] = []
  for (let week = HALL_FIRST_WEEK; week >= HALL_LAST_WEEK; week -= 1) {
    const sunday = pastSunday(today, week)
    const families = familiesOn(sunday)
    if (families === 0) continue
    const present = onTeam(sunday)
    const onDuty = Math.min(present.length, 3 + Math.ceil(families / 5))
    for (let i = 0; i < onDuty; i += 1) {
      const volunteer = present[(week * 3 + i) % present.length]
      if (volunteer)
        rows.push(entry(volunteer.id, sunday, 'session', SUNDAY_MINUTES, 'Sunday at the church hall'))
    }
  }
  for (const week of TRAINING_WEEKS) {
    const evening = addDays(pastSunday(today, week), 3)
    for (const volunteer of onTeam(evening))
      rows.push(
        entry(
          volunteer.id,
          evening,
          'training',
          TRAINING_MINUTES,
          'Training evening at the hall: NACCC modules',
        ),
      )
  }
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('volunteer_hours')
      .values(rows.slice(i, i + 100))
      .execute()
  return rows.length
}
