import type { Db } from '../../db/connect'
import { findCentre } from '../../db/repositories/organisations.repository'
import { findCase } from '../../db/repositories/cases.repository'
import { findSession } from '../../db/repositories/schedule.repository'
import { hasRoleInCentre, scopeOf, type Actor, type Scope } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { enqueueEmail } from '../outbox/enqueue-email'
import { ServiceTypeSchema, type ServiceType } from '../referrals/referrals.schemas'
import { deskCentreIds, isDesk } from '../referrals/referrals.policy'
import { localParts } from '../scheduling/schedule.rules'
import { newId } from '../shared/ids'
import { doorRoleOn, knowsCentre } from './door-access'
import {
  emptyRequiredSections,
  isOpenForAuthor,
  mergeSections,
  observationCan,
  observationDueOn,
  observationRefusal,
  wasHeld,
  type ObservationStatus,
} from './observation.rules'
import { loadSessionDaySettings } from './session-day-settings'
import {
  ObservationSectionsSchema,
  type ObservationSections,
  type ObservationView,
  type SaveObservationInput,
} from './session-day.schemas'

// Observation records of supervised and escorted sessions (domain rules 3.13, 4.4, 6.1). What
// happened in the session is sealed at rest; the author writes it, someone else at the desk checks
// and releases it, and a released record never changes again.

const recordsOf = (db: Db, scope: Scope) =>
  db
    .selectFrom('observation_records as o')
    .innerJoin('sessions as s', 's.id', 'o.session_id')
    .innerJoin('cases as c', 'c.id', 'o.case_id')
    .innerJoin('centres as ce', 'ce.id', 'o.centre_id')
    .innerJoin('users as a', 'a.id', 'o.author_user_id')
    .leftJoin('users as k', 'k.id', 'o.checked_by_user_id')
    .selectAll('o')
    .select([
      's.local_date',
      's.starts_at',
      's.ends_at',
      's.service_type',
      's.status as session_status',
      'c.reference as case_reference',
      'ce.time_zone',
      'a.display_name as author_name',
      'k.display_name as checker_name',
    ])
    .where('o.organisation_id', '=', scope.organisationId)

type RecordRow = NonNullable<Awaited<ReturnType<ReturnType<typeof recordsOf>['executeTakeFirst']>>>

/** How the caller comes to the record: the desk, its author, or a volunteer on duty that day. */
type Access = 'desk' | 'author' | 'on_duty'

/**
 * The caller's way in to a centre's session on its day.
 * @throws AppError NOT_FOUND (as `what`) for strangers, FORBIDDEN (DOOR-OFF-DUTY) for a volunteer of
 *   the centre who is neither on duty that day nor the record's author.
 */
async function accessTo(
  db: Db,
  actor: Actor,
  place: { centreId: string; date: string; authorId: string | null },
  what: string,
): Promise<Access> {
  if (isDesk(actor, place.centreId)) return 'desk'
  // The author keeps working on their own record on later days, on duty or not.
  if (
    place.authorId !== null &&
    place.authorId === actor.userId &&
    (await knowsCentre(db, actor, place.centreId))
  )
    return 'author'
  await doorRoleOn(db, actor, place.centreId, place.date).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound(what)
    throw error
  })
  return 'on_duty'
}

const unseal = (deps: Deps, sealed: string): ObservationSections =>
  ObservationSectionsSchema.parse(JSON.parse(deps.fieldCrypto.decrypt(sealed)))

function present(
  deps: Deps,
  actor: Actor,
  row: RecordRow,
  dueWorkingDays: number,
  options: { sections: boolean },
): ObservationView {
  const isAuthor = row.author_user_id === actor.userId
  const start = localParts(row.starts_at, row.time_zone)
  return {
    id: row.id,
    sessionId: row.session_id,
    caseId: row.case_id,
    caseReference: row.case_reference,
    date: row.local_date,
    localStart: start.time,
    localEnd: localParts(row.ends_at, row.time_zone).time,
    serviceType: row.service_type as ServiceType,
    status: row.status,
    version: row.version,
    sections: options.sections ? unseal(deps, row.sections_sealed) : {},
    author: { id: row.author_user_id, name: row.author_name },
    checkedBy:
      row.checked_by_user_id === null ? null : { id: row.checked_by_user_id, name: row.checker_name ?? '' },
    savedAt: row.updated_at,
    submittedAt: row.submitted_at,
    releasedAt: row.released_at,
    returnNote: row.return_note,
    dueOn: observationDueOn(row.local_date, dueWorkingDays),
    can: observationCan(
      { status: row.status, sessionHeld: wasHeld(row.session_status) },
      { isAuthor, isDesk: isDesk(actor, row.centre_id) },
    ),
  }
}

async function presentById(deps: Deps, db: Db, actor: Actor, id: string): Promise<ObservationView> {
  const scope = scopeOf(actor)
  const row = await recordsOf(db, scope).where('o.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Observation record')
  const settings = await loadSessionDaySettings(db, scope)
  return present(deps, actor, row, settings.observationDueWorkingDays, { sections: true })
}

const stale = (current: { version: number; updated_at: string } | undefined) =>
  new AppError('CONFLICT', 'This record was saved elsewhere since you opened it; reload to see it', {
    rule: 'stale-version',
    version: current?.version ?? 0,
    savedAt: current?.updated_at ?? null,
  })

const locked = () =>
  new AppError('CONFLICT', 'This record has gone for checking or been released, so it can no longer change', {
    rule: 'OBS-LOCKED',
  })

const notAuthor = () =>
  new AppError('FORBIDDEN', 'Only the person who wrote this record can change it', { rule: 'OBS-NOT-AUTHOR' })

/**
 * A session's observation record as the caller may see it, or why the session may not have one.
 * A volunteer on duty who did not write the record learns who is writing it, not what it says.
 * @throws AppError NOT_FOUND for a session the caller has nothing to do with, FORBIDDEN
 *   (DOOR-OFF-DUTY) for a volunteer of the centre off duty that day who did not write its record.
 */
export async function getSessionObservation(deps: Deps, actor: Actor, sessionId: string) {
  const scope = scopeOf(actor)
  const session = await findSession(deps.db, scope, sessionId)
  if (!session) throw notFound('Session')
  const row = await recordsOf(deps.db, scope).where('o.session_id', '=', session.id).executeTakeFirst()
  const access = await accessTo(
    deps.db,
    actor,
    { centreId: session.centre_id, date: session.local_date, authorId: row?.author_user_id ?? null },
    'Session',
  )
  const centre = await findCentre(deps.db, scope, session.centre_id)
  const timeZone = centre?.time_zone ?? 'UTC'
  // Which session this is, so a page can name it before its record is first saved.
  const about = {
    caseReference: session.case_reference,
    date: session.local_date,
    localStart: localParts(session.starts_at, timeZone).time,
    localEnd: localParts(session.ends_at, timeZone).time,
    serviceType: ServiceTypeSchema.parse(session.service_type),
  }
  const refusal = observationRefusal(session.service_type)
  if (refusal) return { allowed: false, reason: refusal, observation: null, session: about }
  const settings = await loadSessionDaySettings(deps.db, scope)
  if (row) {
    const readable = access !== 'on_duty'
    return {
      allowed: true,
      reason: readable
        ? null
        : `${row.author_name} is writing this record; only they and the desk can read it`,
      observation: present(deps, actor, row, settings.observationDueWorkingDays, { sections: readable }),
      session: about,
    }
  }
  if (!wasHeld(session.status))
    return {
      allowed: false,
      reason: 'The session did not go ahead, so there is nothing to record',
      observation: null,
      session: about,
    }
  const today = localParts(deps.clock.now().toISOString(), timeZone).date
  const reason =
    today < session.local_date ? `The record opens on the day of the session, ${session.local_date}` : null
  return { allowed: true, reason, observation: null, session: about }
}

/**
 * Checks a save against the record's state and the session's day.
 * @throws AppError CONFLICT (OBS-SUPPORTED, OBS-LOCKED, OBS-NOT-HELD, OBS-TOO-EARLY), FORBIDDEN (OBS-NOT-AUTHOR).
 */
function assertSavable(
  actor: Actor,
  session: { service_type: string; status: string; local_date: string },
  record: { author_user_id: string; status: ObservationStatus } | undefined,
  today: string,
): void {
  const refusal = observationRefusal(session.service_type)
  if (refusal) throw new AppError('CONFLICT', refusal, { rule: 'OBS-SUPPORTED' })
  if (record && record.author_user_id !== actor.userId) throw notAuthor()
  if (record && !isOpenForAuthor(record.status)) throw locked()
  if (!wasHeld(session.status))
    throw new AppError('CONFLICT', 'The session did not go ahead, so there is nothing to record', {
      rule: 'OBS-NOT-HELD',
    })
  if (today < session.local_date)
    throw new AppError('CONFLICT', `The record opens on the day of the session, ${session.local_date}`, {
      rule: 'OBS-TOO-EARLY',
    })
}

/**
 * Saves what the author has written so far (the page saves as they type). Version 0 starts the
 * record and makes the caller its author; after that each save must name the version it last saw.
 * @throws AppError NOT_FOUND, FORBIDDEN (DOOR-OFF-DUTY, OBS-NOT-AUTHOR), CONFLICT (OBS-SUPPORTED,
 *   OBS-LOCKED, OBS-NOT-HELD, OBS-TOO-EARLY, stale-version with the saved version and time).
 */
export async function saveObservation(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: SaveObservationInput,
): Promise<ObservationView> {
  if (!actor.userId) throw new AppError('FORBIDDEN', 'Only a person can write an observation record')
  const authorId = actor.userId
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const session = await findSession(trx, scope, sessionId)
    if (!session) throw notFound('Session')
    const record = await trx
      .selectFrom('observation_records')
      .selectAll()
      .where('organisation_id', '=', scope.organisationId)
      .where('session_id', '=', session.id)
      .executeTakeFirst()
    const place = { centreId: session.centre_id, date: session.local_date }
    await accessTo(trx, actor, { ...place, authorId: record?.author_user_id ?? null }, 'Session')
    const centre = await findCentre(trx, scope, session.centre_id)
    if (!centre) throw notFound('Session')
    assertSavable(actor, session, record, localParts(deps.clock.now().toISOString(), centre.time_zone).date)
    if ((record?.version ?? 0) !== input.version) throw stale(record)
    const now = deps.clock.now().toISOString()
    const sealed = (sections: ObservationSections) => deps.fieldCrypto.encrypt(JSON.stringify(sections))
    let id: string
    if (record) {
      id = record.id
      const merged = mergeSections(unseal(deps, record.sections_sealed), input.sections)
      const result = await trx
        .updateTable('observation_records')
        .set({ sections_sealed: sealed(merged), version: record.version + 1, updated_at: now })
        .where('id', '=', record.id)
        .where('version', '=', record.version)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1) throw stale(record)
    } else {
      id = newId()
      const result = await trx
        .insertInto('observation_records')
        .values({
          id,
          organisation_id: scope.organisationId,
          centre_id: session.centre_id,
          case_id: session.case_id,
          session_id: session.id,
          author_user_id: authorId,
          sections_sealed: sealed(mergeSections({}, input.sections)),
          status: 'draft',
          version: 1,
          submitted_at: null,
          checked_by_user_id: null,
          checked_at: null,
          return_note: null,
          released_at: null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('session_id').doNothing())
        .executeTakeFirst()
      // Someone else started the record a moment ago: their version stands.
      if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1)
        throw stale(
          await trx
            .selectFrom('observation_records')
            .select(['version', 'updated_at'])
            .where('session_id', '=', session.id)
            .executeTakeFirst(),
        )
    }
    await auditAs(trx, deps.clock, actor, {
      action: 'observation.save',
      resourceType: 'observation',
      resourceIds: [id, session.id, session.case_id],
      details: { created: !record, sections: Object.keys(input.sections), version: input.version + 1 },
    })
    return presentById(deps, trx, actor, id)
  })
}

/**
 * One observation record, for the desk or its author.
 * @throws AppError NOT_FOUND for strangers, FORBIDDEN (DOOR-OFF-DUTY or OBS-NOT-AUTHOR) for other volunteers.
 */
export async function getObservation(
  deps: Deps,
  actor: Actor,
  observationId: string,
): Promise<ObservationView> {
  const row = await recordsOf(deps.db, scopeOf(actor)).where('o.id', '=', observationId).executeTakeFirst()
  if (!row) throw notFound('Observation record')
  const access = await accessTo(
    deps.db,
    actor,
    { centreId: row.centre_id, date: row.local_date, authorId: row.author_user_id },
    'Observation record',
  )
  if (access === 'on_duty')
    throw new AppError('FORBIDDEN', 'Only the author and the desk can read this record', {
      rule: 'OBS-NOT-AUTHOR',
    })
  return presentById(deps, deps.db, actor, row.id)
}

/**
 * The records the caller works on, oldest session first: the desk sees its centres', a volunteer
 * their own.
 * @throws AppError NOT_FOUND for a case the caller cannot see.
 */
export async function listObservations(
  deps: Deps,
  actor: Actor,
  query: { status?: ObservationStatus | undefined; caseId?: string | undefined },
) {
  const scope = scopeOf(actor)
  if (query.caseId) {
    const found = await findCase(deps.db, scope, query.caseId)
    if (!found || !(await knowsCentre(deps.db, actor, found.centre_id))) throw notFound('Case')
  }
  const centres = deskCentreIds(actor)
  const rows = await recordsOf(deps.db, scope)
    .$if(query.status !== undefined, (q) => q.where('o.status', '=', query.status ?? 'draft'))
    .$if(query.caseId !== undefined, (q) => q.where('o.case_id', '=', query.caseId ?? ''))
    .$if(centres !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('o.author_user_id', '=', actor.userId ?? ''),
          ...(centres && centres.length > 0 ? [eb('o.centre_id', 'in', centres)] : []),
        ]),
      ),
    )
    .orderBy('s.starts_at')
    .orderBy('o.id')
    .execute()
  const settings = await loadSessionDaySettings(deps.db, scope)
  const observations = rows
    // An author who no longer works at the centre no longer sees its records.
    .filter((row) => isDesk(actor, row.centre_id) || hasRoleInCentre(actor, row.centre_id, 'volunteer'))
    .map((row) => {
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { sections, ...rest } = present(deps, actor, row, settings.observationDueWorkingDays, {
        sections: false,
      })
      return rest
    })
  return { observations }
}

type Act = 'submit' | 'return' | 'release'

/** The record, locked to its version, for one of the acts that move it on. */
async function loadForAct(trx: Db, actor: Actor, observationId: string, act: Act, version: number) {
  const row = await recordsOf(trx, scopeOf(actor)).where('o.id', '=', observationId).executeTakeFirst()
  if (!row) throw notFound('Observation record')
  const access = await accessTo(
    trx,
    actor,
    { centreId: row.centre_id, date: row.local_date, authorId: row.author_user_id },
    'Observation record',
  )
  const isAuthor = row.author_user_id === actor.userId
  if (act === 'submit') {
    if (!isAuthor) throw notAuthor()
    if (!isOpenForAuthor(row.status)) throw locked()
  } else {
    if (access !== 'desk')
      throw new AppError('FORBIDDEN', 'Only the centre’s coordinators check observation records')
    if (isAuthor)
      throw new AppError('CONFLICT', 'Someone other than the author must check the record', {
        rule: 'OBS-OWN',
      })
    if (row.status === 'released') throw locked()
    if (row.status !== 'submitted')
      throw new AppError('CONFLICT', 'The author has not submitted this record for checking yet', {
        rule: 'OBS-NOT-SUBMITTED',
      })
  }
  if (row.version !== version) throw stale(row)
  return row
}

async function moveOn(
  trx: Db,
  row: RecordRow,
  changes: {
    status: ObservationStatus
    submitted_at?: string
    return_note?: string
    checked_by_user_id?: string | null
    checked_at?: string
    released_at?: string
    updated_at: string
  },
): Promise<void> {
  const result = await trx
    .updateTable('observation_records')
    .set({ ...changes, version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw stale(row)
}

/**
 * The author sends the record for checking; it must say how the session began, went and ended.
 * @throws AppError NOT_FOUND, FORBIDDEN (OBS-NOT-AUTHOR), CONFLICT (OBS-LOCKED, stale-version),
 *   INVALID_INPUT with the empty sections in `details.fields`.
 */
export async function submitObservation(deps: Deps, actor: Actor, observationId: string, version: number) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadForAct(trx, actor, observationId, 'submit', version)
    const empty = emptyRequiredSections(unseal(deps, row.sections_sealed))
    if (empty.length > 0)
      throw new AppError(
        'INVALID_INPUT',
        'Fill in every required section before sending the record for checking',
        {
          fields: empty,
        },
      )
    const now = deps.clock.now().toISOString()
    await moveOn(trx, row, { status: 'submitted', submitted_at: now, updated_at: now })
    await auditAs(trx, deps.clock, actor, {
      action: 'observation.submit',
      resourceType: 'observation',
      resourceIds: [row.id, row.session_id, row.case_id],
    })
    return presentById(deps, trx, actor, row.id)
  })
}

/**
 * Someone at the desk other than the author sends the record back with what to change; the author
 * is told by email, without a word of the record in it.
 * @throws AppError NOT_FOUND, FORBIDDEN, CONFLICT (OBS-OWN, OBS-LOCKED, OBS-NOT-SUBMITTED, stale-version).
 */
export async function returnObservation(
  deps: Deps,
  actor: Actor,
  observationId: string,
  input: { version: number; note: string },
) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadForAct(trx, actor, observationId, 'return', input.version)
    const now = deps.clock.now().toISOString()
    await moveOn(trx, row, { status: 'returned', return_note: input.note, updated_at: now })
    const author = await trx
      .selectFrom('users')
      .select(['email', 'display_name', 'status'])
      .where('id', '=', row.author_user_id)
      .where('organisation_id', '=', actor.organisationId)
      .executeTakeFirst()
    if (author && author.status !== 'disabled')
      await enqueueEmail(trx, deps.clock, {
        organisationId: actor.organisationId,
        to: author.email,
        subject: `Observation record for ${row.case_reference} needs changes`,
        text: [
          `Hello ${author.display_name},`,
          '',
          `Your observation record of the session on ${row.local_date} (case ${row.case_reference}) has been`,
          'returned to you with changes to make.',
          '',
          `Sign in to Kinbridge to read what to change: ${new URL('/', deps.publicUrl).toString()}`,
        ].join('\n'),
      })
    await auditAs(trx, deps.clock, actor, {
      action: 'observation.return',
      resourceType: 'observation',
      resourceIds: [row.id, row.session_id, row.case_id],
    })
    return presentById(deps, trx, actor, row.id)
  })
}

/**
 * Someone at the desk other than the author releases a submitted record; from then on it never changes.
 * @throws AppError NOT_FOUND, FORBIDDEN, CONFLICT (OBS-OWN, OBS-LOCKED, OBS-NOT-SUBMITTED, stale-version).
 */
export async function releaseObservation(deps: Deps, actor: Actor, observationId: string, version: number) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadForAct(trx, actor, observationId, 'release', version)
    const now = deps.clock.now().toISOString()
    await moveOn(trx, row, {
      status: 'released',
      checked_by_user_id: actor.userId,
      checked_at: now,
      released_at: now,
      updated_at: now,
    })
    await auditAs(trx, deps.clock, actor, {
      action: 'observation.release',
      resourceType: 'observation',
      resourceIds: [row.id, row.session_id, row.case_id],
    })
    return presentById(deps, trx, actor, row.id)
  })
}
