import { randomBytes } from 'node:crypto'
import type { Db } from '../../src/db/connect'
import { cliOrigin, type Actor, type RoleGrant } from '../../src/domain/access/actor'
import type { Role } from '../../src/domain/access/roles'
import type { Deps } from '../../src/domain/context'
import { addDays } from '../../src/domain/cases/cases.rules'
import { zonedInstant } from '../../src/domain/scheduling/schedule.rules'
import { newId } from '../../src/domain/shared/ids'
import { buildOrganisation } from './factories'

/**
 * Statistics scenarios written straight into the tables, so a test can say exactly what happened and
 * when: referrals with their history, families (a referral, a case, parents and children), sessions
 * with their outcome or cancellation, opening sessions and closures, volunteers, desk staff, and the
 * rows the service reports read (level changes, reviews, incidents, volunteer hours).
 *
 * Nothing here goes through a use case: prove the counting on data written by the app with the API
 * (tests/support/referrals.ts, scheduling.ts) alongside. Days are "YYYY-MM-DD" in the world's time
 * zone; instants are UTC ISO strings, or `world.at(day, 'HH:mm')` for a wall-clock time there.
 *
 * @example
 *   const world = await buildStatisticsWorld(t.deps)
 *   const family = await world.family({ openedOn: '2026-04-10', children: 3 })
 *   await world.session(family.caseId, '2026-05-02', { resident: 'attended', nonResident: 'attended' })
 *   await world.referral({ receivedOn: '2026-03-30', moves: [{ to: 'accepted', on: '2026-04-02' }] })
 */
export interface StatisticsWorld {
  db: Db
  organisationId: string
  /** The first centre, with one venue (`venueId`); add more with `centre()`. */
  centreId: string
  venueId: string
  timeZone: string
  /** The instant of a wall-clock time on a day in the world's time zone (default 12:00). */
  at(day: string, time?: string): string
  /** Another venue of a centre (the first centre by default). */
  venue(centreId?: string): Promise<string>
  /** Another centre of the same organisation, with one venue. */
  centre(name?: string): Promise<{ centreId: string; venueId: string }>
  /** Replaces the referral sources (intake settings) and/or the notice a cancellation needs. */
  settings(options: {
    referralSources?: { code: string; label: string }[]
    cancellationNoticeHours?: number
  }): Promise<void>
  /** A weekly (or every-other-week) opening of a venue; weekday 1 = Monday … 7 = Sunday. */
  opening(options: {
    weekday: number
    firstOn: string
    lastOn?: string | null
    everyWeeks?: 1 | 2
    capacityUnits?: number
    venueId?: string
  }): Promise<string>
  /** A closure of the whole centre (no venueId) or of one venue, for a day or a run of days. */
  closure(options: {
    firstDay: string
    lastDay?: string
    venueId?: string
    centreId?: string
  }): Promise<string>
  /**
   * A referral and its history: received, then each move in order (a transition row each). Its status
   * is the last move's. `mergedIntoId` makes it a merged duplicate of another referral.
   */
  referral(options?: {
    receivedOn?: string
    receivedAt?: string
    source?: string
    centreId?: string
    moves?: { to: ReferralMove; on?: string; at?: string }[]
    mergedIntoId?: string
  }): Promise<string>
  /**
   * A family: an accepted referral (no history rows: use `referral()` and pass `referralId` for
   * decision counts), an active case opened that day, one resident and one visiting parent, and
   * `children` children (a number, or their dates of birth). `closedOn` closes it that day.
   */
  family(options?: {
    openedOn?: string
    openedAt?: string
    closedOn?: string
    closedAt?: string
    closureOutcome?: string
    children?: number | (string | null)[]
    source?: string
    receivedOn?: string
    referralId?: string
    centreId?: string
    level?: string
    capacityWeight?: number
  }): Promise<BuiltFamily>
  /**
   * A session of a case on a day (10:00–12:00 unless `startsAt`). Its status follows from what is
   * given: a cancellation ('cancelled'), outcomes ('completed', or 'did_not_attend' when a side did
   * not come), else 'scheduled'; `status` overrides (e.g. 'skipped', 'suspended').
   */
  session(
    caseId: string,
    on: string,
    options?: {
      startsAt?: string
      status?: string
      cancelledBy?: 'centre' | 'resident' | 'non_resident'
      noticeHours?: number
      resident?: Outcome
      nonResident?: Outcome
      explained?: boolean
      venueId?: string | null
    },
  ): Promise<string>
  /** A volunteer at a stage, with the days they started and left. */
  volunteer(options: {
    stage: string
    startedOn?: string | null
    leftOn?: string | null
    stageChangedAt?: string
    centreId?: string
  }): Promise<string>
  /**
   * A user with one role (a coordinator by default), or several `grants`; `centreId: null` (the
   * default) is organisation-wide. Roles are granted at `grantedAt` (long ago by default).
   */
  staff(options?: {
    role?: Role
    centreId?: string | null
    grants?: RoleGrant[]
    grantedAt?: string
    disabled?: boolean
  }): Promise<string>
  /** A contact level change of a case. */
  levelChange(caseId: string, options: { to: string; from?: string | null; at: string }): Promise<string>
  /** A case review held on a day, with the day it was due (null: not recorded). */
  review(
    caseId: string,
    options: { heldOn: string; dueOn?: string | null; nextDueOn?: string },
  ): Promise<string>
  /** An incident at a case's centre. */
  incident(caseId: string, options: { at: string; category?: string; severity?: string }): Promise<string>
  /** Volunteer hours on a day (approved unless said otherwise). */
  hours(
    volunteerId: string,
    options: { on: string; minutes: number; kind?: string; status?: 'submitted' | 'approved' | 'declined' },
  ): Promise<string>
  /**
   * An actor with these grants (a coordinator of the whole organisation by default), for calling use
   * cases directly: a signed-in user, or the command line acting as a user (`kind: 'cli'`). Pass the
   * `userId` of a `staff()` user when the use case writes an audit row that should name them.
   */
  actor(grants?: RoleGrant[], options?: { kind?: Actor['kind']; userId?: string | null }): Actor
}

export type ReferralMove =
  'pre_visits' | 'risk_assessed' | 'waitlisted' | 'accepted' | 'declined' | 'withdrawn' | 'merged'
export type Outcome = 'attended' | 'late' | 'did_not_attend'

export interface BuiltFamily {
  caseId: string
  referralId: string
  childIds: string[]
  residentId: string
  visitingId: string
}

const unique = (): string => randomBytes(4).toString('hex')

/** A fresh organisation (time zone Europe/Jersey unless given) with one centre and one venue. */
export async function buildStatisticsWorld(
  deps: Deps,
  options: { timeZone?: string; name?: string } = {},
): Promise<StatisticsWorld> {
  const timeZone = options.timeZone ?? 'Europe/Jersey'
  const org = await buildOrganisation(deps, { timeZone, ...(options.name ? { name: options.name } : {}) })
  const { db } = deps
  const organisationId = org.organisationId
  const created = '2020-01-01T00:00:00.000Z'
  const at = (day: string, time = '12:00'): string => zonedInstant(day, time, timeZone)
  const caseCentres = new Map<string, string>()

  const addVenue = async (centreId: string): Promise<string> => {
    const id = newId()
    await db
      .insertInto('venues')
      .values({
        id,
        organisation_id: organisationId,
        centre_id: centreId,
        name: 'Hall',
        address: null,
        has_separate_entrances: 0,
        entrances: null,
        archived_at: null,
        created_at: created,
        updated_at: created,
      })
      .execute()
    return id
  }
  const venueId = await addVenue(org.centreId)
  const venueCentres = new Map<string, string>([[venueId, org.centreId]])

  const world: StatisticsWorld = {
    db,
    organisationId,
    centreId: org.centreId,
    venueId,
    timeZone,
    at,

    async venue(centreId = org.centreId) {
      const venue = await addVenue(centreId)
      venueCentres.set(venue, centreId)
      return venue
    },

    async centre(name = `Centre ${unique()}`) {
      const centreId = newId()
      await db
        .insertInto('centres')
        .values({
          id: centreId,
          organisation_id: organisationId,
          name,
          time_zone: timeZone,
          target_volunteers: null,
          created_at: created,
          updated_at: created,
        })
        .execute()
      const venue = await addVenue(centreId)
      venueCentres.set(venue, centreId)
      return { centreId, venueId: venue }
    },

    async settings(changes) {
      const row = await db
        .selectFrom('organisation_settings')
        .select(['intake', 'scheduling'])
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst()
      const intake = JSON.parse(row?.intake ?? '{}') as Record<string, unknown>
      const scheduling = JSON.parse(row?.scheduling ?? '{}') as Record<string, unknown>
      if (changes.referralSources) intake.referralSources = changes.referralSources
      if (changes.cancellationNoticeHours !== undefined)
        scheduling.cancellationNoticeHours = changes.cancellationNoticeHours
      const values = {
        intake: JSON.stringify(intake),
        scheduling: JSON.stringify(scheduling),
        updated_at: new Date().toISOString(),
      }
      if (row)
        await db
          .updateTable('organisation_settings')
          .set(values)
          .where('organisation_id', '=', organisationId)
          .execute()
      else
        await db
          .insertInto('organisation_settings')
          .values({ organisation_id: organisationId, volunteering: null, session_day: null, ...values })
          .execute()
    },

    async opening(o) {
      const id = newId()
      await db
        .insertInto('opening_sessions')
        .values({
          id,
          organisation_id: organisationId,
          venue_id: o.venueId ?? venueId,
          weekday: o.weekday,
          starts_at_time: '09:00',
          ends_at_time: '17:00',
          every_weeks: o.everyWeeks ?? 1,
          first_on: o.firstOn,
          last_on: o.lastOn ?? null,
          capacity_units: o.capacityUnits ?? 4,
          staffing: null,
          archived_at: null,
          created_at: created,
          updated_at: created,
        })
        .execute()
      return id
    },

    async closure(c) {
      const id = newId()
      const centreId = c.centreId ?? (c.venueId ? venueCentres.get(c.venueId) : undefined) ?? org.centreId
      await db
        .insertInto('closures')
        .values({
          id,
          organisation_id: organisationId,
          centre_id: centreId,
          venue_id: c.venueId ?? null,
          first_day: c.firstDay,
          last_day: c.lastDay ?? c.firstDay,
          reason: 'Closed',
          created_by_user_id: null,
          created_at: created,
        })
        .execute()
      return id
    },

    async referral(r = {}) {
      const id = newId()
      const receivedAt = r.receivedAt ?? at(r.receivedOn ?? '2026-04-01')
      const moves = (r.moves ?? []).map((m) => ({ to: m.to, at: m.at ?? at(m.on ?? '2026-04-01') }))
      const last = moves.at(-1)
      const decided = [...moves].reverse().find((m) => m.to === 'accepted' || m.to === 'declined')
      const waitlisted = [...moves].reverse().find((m) => m.to === 'waitlisted')
      const status = r.mergedIntoId ? 'merged' : (last?.to ?? 'received')
      await db
        .insertInto('referrals')
        .values(
          referralRow(id, organisationId, r.centreId ?? org.centreId, {
            status,
            source: r.source ?? 'court_adviser',
            receivedAt,
            statusChangedAt: last?.at ?? receivedAt,
            decidedAt: decided?.at ?? null,
            waitlistedAt: waitlisted?.at ?? null,
            mergedIntoId: r.mergedIntoId ?? null,
          }),
        )
        .execute()
      let from = 'received'
      for (const move of moves) {
        await db
          .insertInto('workflow_transitions')
          .values({
            id: newId(),
            organisation_id: organisationId,
            subject_type: 'referral',
            subject_id: id,
            from_status: from,
            to_status: move.to,
            reason: null,
            actor_user_id: null,
            actor_label: 'Test',
            at: move.at,
          })
          .execute()
        from = move.to
      }
      return id
    },

    async family(f = {}) {
      const centreId = f.centreId ?? org.centreId
      const openedAt = f.openedAt ?? at(f.openedOn ?? '2026-04-01', '10:00')
      const closedAt = f.closedAt ?? (f.closedOn ? at(f.closedOn, '15:00') : null)
      const caseId = newId()
      let referralId = f.referralId
      if (!referralId) {
        referralId = newId()
        const receivedAt = f.receivedOn ? at(f.receivedOn, '09:00') : openedAt
        await db
          .insertInto('referrals')
          .values(
            referralRow(referralId, organisationId, centreId, {
              status: 'accepted',
              source: f.source ?? 'court_adviser',
              receivedAt,
              statusChangedAt: openedAt,
              decidedAt: openedAt,
              waitlistedAt: null,
              mergedIntoId: null,
            }),
          )
          .execute()
      }
      await db
        .insertInto('cases')
        .values({
          id: caseId,
          organisation_id: organisationId,
          centre_id: centreId,
          referral_id: referralId,
          reference: `C-${unique()}`,
          status: closedAt ? 'closed' : 'active',
          service_level: f.level ?? 'supported',
          capacity_weight: f.capacityWeight ?? 1,
          opened_at: openedAt,
          review_due_on: addDays(openedAt.slice(0, 10), 180),
          risk_flags: '[]',
          closed_at: closedAt,
          closure_outcome: closedAt ? (f.closureOutcome ?? 'moved_on_own_arrangements') : null,
          closure_reason: closedAt ? 'Closed' : null,
          review_flag: null,
          review_flag_raised_at: null,
          created_at: openedAt,
          updated_at: closedAt ?? openedAt,
        })
        .execute()
      await db.updateTable('referrals').set({ case_id: caseId }).where('id', '=', referralId).execute()
      caseCentres.set(caseId, centreId)
      const births =
        typeof f.children === 'number' || f.children === undefined
          ? Array.from({ length: typeof f.children === 'number' ? f.children : 1 }, () => '2020-06-01')
          : f.children
      const party = async (kind: string, role: string, dateOfBirth: string | null): Promise<string> => {
        const id = newId()
        await db
          .insertInto('parties')
          .values({
            id,
            organisation_id: organisationId,
            referral_id: referralId,
            case_id: caseId,
            kind,
            role,
            side:
              role === 'resident_parent'
                ? 'resident'
                : role === 'non_resident_parent'
                  ? 'non_resident'
                  : null,
            full_name: `${role} ${unique()}`,
            search_name: role,
            date_of_birth: dateOfBirth,
            details: '{}',
            protected_sealed: null,
            protected_present: '[]',
            attendance: kind === 'child' ? 'not_applicable' : 'allowed',
            authorised_by: null,
            safety_flags: '[]',
            user_id: null,
            created_at: openedAt,
            updated_at: openedAt,
          })
          .execute()
        return id
      }
      const residentId = await party('adult', 'resident_parent', null)
      const visitingId = await party('adult', 'non_resident_parent', null)
      const childIds: string[] = []
      for (const birth of births) childIds.push(await party('child', 'child', birth))
      return { caseId, referralId, childIds, residentId, visitingId }
    },

    async session(caseId, on, s = {}) {
      const centreId = caseCentres.get(caseId)
      if (!centreId) throw new Error('Build the family with this world first')
      const startsAt = at(on, s.startsAt ?? '10:00')
      const endsAt = new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString()
      const planId = newId()
      const venue = s.venueId === undefined ? venueId : s.venueId
      await db
        .insertInto('contact_plans')
        .values({
          id: planId,
          organisation_id: organisationId,
          centre_id: centreId,
          case_id: caseId,
          status: 'active',
          service_type: 'supported',
          frequency: 'on_dates',
          week_of_month: null,
          on_dates: JSON.stringify([on]),
          first_on: on,
          last_on: on,
          starts_at_time: s.startsAt ?? '10:00',
          duration_minutes: 120,
          venue_id: venue,
          room_id: null,
          arrival: '{}',
          offsite_sealed: null,
          notes_sealed: null,
          replaces_plan_id: null,
          ended_reason: null,
          created_by_user_id: null,
          created_at: created,
          updated_at: created,
        })
        .execute()
      const outcomeGiven = s.resident !== undefined || s.nonResident !== undefined
      const missed = s.resident === 'did_not_attend' || s.nonResident === 'did_not_attend'
      const status =
        s.status ??
        (s.cancelledBy ? 'cancelled' : outcomeGiven ? (missed ? 'did_not_attend' : 'completed') : 'scheduled')
      const noticeHours = s.cancelledBy ? (s.noticeHours ?? 72) : null
      const id = newId()
      await db
        .insertInto('sessions')
        .values({
          id,
          organisation_id: organisationId,
          centre_id: centreId,
          case_id: caseId,
          plan_id: planId,
          occurrence_on: on,
          local_date: on,
          service_type: 'supported',
          status,
          venue_id: venue,
          room_id: null,
          starts_at: startsAt,
          ends_at: endsAt,
          occupied_from: startsAt,
          occupied_until: endsAt,
          capacity_weight: 1,
          first_party: 'resident',
          resident_arrives_at: startsAt,
          resident_leaves_at: endsAt,
          resident_entrance: null,
          resident_waiting_room_id: null,
          non_resident_arrives_at: startsAt,
          non_resident_leaves_at: endsAt,
          non_resident_entrance: null,
          non_resident_waiting_room_id: null,
          offsite_sealed: null,
          moved: 0,
          cancelled_by: s.cancelledBy ?? null,
          cancelled_at:
            noticeHours === null
              ? null
              : new Date(Date.parse(startsAt) - noticeHours * 3_600_000).toISOString(),
          cancel_notice_hours: noticeHours,
          cancel_reason: s.cancelledBy ? 'Cancelled' : status === 'skipped' ? 'Not booked' : null,
          resident_outcome: s.resident ?? null,
          non_resident_outcome: s.nonResident ?? null,
          outcome_explained: outcomeGiven ? (s.explained ? 1 : 0) : null,
          outcome_reason: null,
          outcome_recorded_at: outcomeGiven ? endsAt : null,
          attendance_note: null,
          ended_early_at: null,
          ended_early_reason: null,
          suspension_id: null,
          outcome_source: outcomeGiven ? 'desk' : null,
          version: 1,
          created_at: created,
          updated_at: created,
        })
        .execute()
      return id
    },

    async volunteer(v) {
      const id = newId()
      await db
        .insertInto('volunteers')
        .values({
          id,
          organisation_id: organisationId,
          centre_id: v.centreId ?? org.centreId,
          user_id: null,
          full_name: `Volunteer ${unique()}`,
          search_name: 'volunteer',
          email: null,
          phone: null,
          date_of_birth: null,
          stage: v.stage,
          stage_changed_at:
            v.stageChangedAt ?? (v.leftOn ? at(v.leftOn) : v.startedOn ? at(v.startedOn) : created),
          duties: '[]',
          mentor_id: null,
          started_on: v.startedOn ?? null,
          mentoring_until: null,
          planned_end_on: null,
          left_on: v.leftOn ?? null,
          references_received: 0,
          availability: '[]',
          max_shifts_per_month: null,
          notes: null,
          version: 1,
          created_at: created,
          updated_at: created,
        })
        .execute()
      return id
    },

    async staff(s = {}) {
      const id = newId()
      const grantedAt = s.grantedAt ?? created
      await db
        .insertInto('users')
        .values({
          id,
          organisation_id: organisationId,
          email: `staff-${unique()}@example.org`,
          display_name: 'Staff member',
          password_hash: null,
          status: s.disabled ? 'disabled' : 'active',
          totp_secret: null,
          totp_enabled_at: null,
          totp_last_step: null,
          last_login_at: null,
          created_at: grantedAt,
          updated_at: grantedAt,
        })
        .execute()
      const grants = s.grants ?? [{ role: s.role ?? 'coordinator', centreId: s.centreId ?? null }]
      await db
        .insertInto('role_assignments')
        .values(
          grants.map((g) => ({
            id: newId(),
            organisation_id: organisationId,
            user_id: id,
            role: g.role,
            centre_id: g.centreId,
            created_at: grantedAt,
          })),
        )
        .execute()
      return id
    },

    async levelChange(caseId, c) {
      const id = newId()
      await db
        .insertInto('case_level_changes')
        .values({
          id,
          organisation_id: organisationId,
          case_id: caseId,
          level: c.to,
          previous_level: c.from ?? null,
          reason: 'Reviewed',
          changed_by_user_id: null,
          changed_at: c.at,
        })
        .execute()
      return id
    },

    async review(caseId, r) {
      const id = newId()
      await db
        .insertInto('case_reviews')
        .values({
          id,
          organisation_id: organisationId,
          case_id: caseId,
          held_on: r.heldOn,
          outcome: 'continue',
          notes_sealed: null,
          next_review_due_on: r.nextDueOn ?? addDays(r.heldOn, 182),
          due_on: r.dueOn ?? null,
          reviewed_by_user_id: null,
          created_at: at(r.heldOn),
        })
        .execute()
      return id
    },

    async incident(caseId, i) {
      const id = newId()
      await db
        .insertInto('incidents')
        .values({
          id,
          organisation_id: organisationId,
          centre_id: caseCentres.get(caseId) ?? org.centreId,
          case_id: caseId,
          session_id: null,
          category: i.category ?? 'rule_breach',
          severity: i.severity ?? 'low',
          occurred_at: i.at,
          location: null,
          people: '[]',
          actions: '[]',
          account_sealed: '',
          status: 'open',
          reported_by_user_id: null,
          coordinator_notified_at: null,
          referrer_due_at: null,
          referrer_notified_at: null,
          reviewed_by_user_id: null,
          reviewed_at: null,
          review_note: null,
          created_at: i.at,
          updated_at: i.at,
        })
        .execute()
      return id
    },

    async hours(volunteerId, h) {
      const id = newId()
      const row = await db
        .selectFrom('volunteers')
        .select('centre_id')
        .where('id', '=', volunteerId)
        .executeTakeFirstOrThrow()
      await db
        .insertInto('volunteer_hours')
        .values({
          id,
          organisation_id: organisationId,
          centre_id: row.centre_id,
          volunteer_id: volunteerId,
          assignment_id: null,
          kind: h.kind ?? 'session',
          on_date: h.on,
          minutes: h.minutes,
          miles: null,
          expenses_pence: null,
          description: null,
          status: h.status ?? 'approved',
          submitted_by_user_id: null,
          decided_by_user_id: null,
          decided_at: null,
          decision_note: null,
          created_at: at(h.on),
        })
        .execute()
      return id
    },

    actor(grants = [{ role: 'coordinator', centreId: null }], options = {}) {
      return {
        kind: options.kind ?? 'user',
        userId: options.userId ?? null,
        organisationId,
        grants,
        sessionId: null,
        origin: cliOrigin(),
      }
    },
  }
  return world
}

function referralRow(
  id: string,
  organisationId: string,
  centreId: string,
  r: {
    status: string
    source: string
    receivedAt: string
    statusChangedAt: string
    decidedAt: string | null
    waitlistedAt: string | null
    mergedIntoId: string | null
  },
) {
  return {
    id,
    organisation_id: organisationId,
    centre_id: centreId,
    reference: `R-${unique()}`,
    status: r.status,
    channel: 'staff',
    source_code: r.source,
    service_requested: 'supported',
    frequency_requested: null,
    referrer_user_id: null,
    referrer_name: null,
    referrer_organisation: null,
    referrer_role: null,
    referrer_email: null,
    referrer_phone: null,
    referrer_acting_for: null,
    risk_flags: '[]',
    risk_sealed: null,
    received_at: r.receivedAt,
    status_changed_at: r.statusChangedAt,
    decision_reason: null,
    decided_by_user_id: null,
    decided_at: r.decidedAt,
    accepted_level: r.status === 'accepted' ? 'supported' : null,
    waitlisted_at: r.waitlistedAt,
    case_id: null,
    merged_into_id: r.mergedIntoId,
    created_at: r.receivedAt,
    updated_at: r.statusChangedAt,
  }
}
