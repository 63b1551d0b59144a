import type { z } from 'zod'
import { findCase } from '../../db/repositories/cases.repository'
import { findCentre, listCentres } from '../../db/repositories/organisations.repository'
import { listPartiesOfReferrals } from '../../db/repositories/parties.repository'
import { findSession, type SessionListRow } from '../../db/repositories/schedule.repository'
import { hasRole, scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { deskCentreIds, isDesk } from '../referrals/referrals.policy'
import { localParts, plusDays } from '../scheduling/schedule.rules'
import { newId } from '../shared/ids'
import { findDaySession } from './door-access'
import { loadSessionDaySettings } from './session-day-settings'
import {
  CHILD_QUESTIONS,
  PARENT_QUESTIONS,
  type FeedbackInput,
  type FeedbackSummaryQuerySchema,
  type FeedbackSummarySchema,
  type MyFeedbackSchema,
} from './session-day.schemas'

/** The questions as the forms ask them. */
export const PARENT_LABELS: Record<(typeof PARENT_QUESTIONS)[number], string> = {
  welcome: 'Did you feel welcome?',
  safe: 'Did you feel safe?',
  childEnjoyed: 'Did your child enjoy it?',
  staffHelpful: 'Were the volunteers helpful?',
}
export const CHILD_LABELS: Record<(typeof CHILD_QUESTIONS)[number], string> = {
  today: 'How was today?',
  safe: 'Did you feel safe?',
  again: 'Would you like to come again?',
}

/** Sessions that took place, or were due to: a cancelled, skipped or suspended one has nothing to say of. */
const HELD = ['scheduled', 'completed', 'did_not_attend'] as const
const MY_DAYS = 90

function assertHeld(session: SessionListRow, now: string): void {
  if (!(HELD as readonly string[]).includes(session.status) || session.starts_at > now)
    throw new AppError('CONFLICT', 'Feedback can be given once the session has taken place', {
      rule: 'FEEDBACK-NOT-YET',
    })
}

/** The parent's own party on the session's case, or NOT_FOUND: another family's session does not exist for them. */
async function parentPartyFor(deps: Deps, actor: Actor, session: SessionListRow) {
  const scope = scopeOf(actor)
  const found = await findCase(deps.db, scope, session.case_id)
  if (!found || !actor.userId || !hasRole(actor, 'parent')) throw notFound('Session')
  const parties = await listPartiesOfReferrals(deps.db, scope, [found.referral_id])
  const me = parties.find((p) => p.kind !== 'child' && p.user_id === actor.userId)
  if (!me) throw notFound('Session')
  return me
}

/**
 * Records how a session went: a parent's own short form, or a child's faces form filled in with a
 * volunteer on the day. One answer per person per session.
 * @throws AppError NOT_FOUND for a session the actor may not answer for; CONFLICT FEEDBACK-NOT-YET
 *   before the session, FEEDBACK-OFF when the centre does not ask, FEEDBACK-TWICE for a second answer.
 */
export async function giveFeedback(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: FeedbackInput,
): Promise<{ id: string }> {
  const scope = scopeOf(actor)
  const session = await findSession(deps.db, scope, sessionId)
  if (!session) throw notFound('Session')
  const now = deps.clock.now().toISOString()
  let partyId: string
  if (input.form === 'parent') {
    partyId = (await parentPartyFor(deps, actor, session)).id
    if (!(await loadSessionDaySettings(deps.db, scope)).feedbackOn)
      throw new AppError('CONFLICT', 'The centre is not asking for feedback at the moment', {
        rule: 'FEEDBACK-OFF',
      })
  } else {
    const day = await findDaySession(deps.db, actor, sessionId)
    const child = day.parties.find((p) => p.id === input.partyId && p.kind === 'child')
    if (!child) throw notFound('Child')
    partyId = child.id
  }
  assertHeld(session, now)
  const id = newId()
  try {
    await deps.db.transaction().execute(async (trx) => {
      const given = await trx
        .selectFrom('feedback')
        .select('id')
        .where('session_id', '=', sessionId)
        .where('party_id', '=', partyId)
        .executeTakeFirst()
      if (given) throw twice()
      await trx
        .insertInto('feedback')
        .values({
          id,
          organisation_id: scope.organisationId,
          centre_id: session.centre_id,
          case_id: session.case_id,
          session_id: sessionId,
          party_id: partyId,
          form: input.form,
          answers: JSON.stringify(input.answers),
          comment_sealed: input.comment ? deps.fieldCrypto.encrypt(input.comment) : null,
          submitted_by_user_id: actor.userId,
          submitted_at: now,
        })
        .execute()
      await auditAs(trx, deps.clock, actor, {
        action: 'feedback.create',
        resourceType: 'session',
        resourceIds: [sessionId, id],
        details: { form: input.form },
      })
    })
  } catch (error) {
    if (error instanceof Error && /unique|duplicate key/i.test(error.message)) throw twice()
    throw error
  }
  return { id }
}

const twice = () =>
  new AppError('CONFLICT', 'Feedback for this session has already been given', { rule: 'FEEDBACK-TWICE' })

/** A parent's sessions of the last 90 days that took place, and whether they have said how each went. */
export async function myFeedback(deps: Deps, actor: Actor): Promise<z.infer<typeof MyFeedbackSchema>> {
  const scope = scopeOf(actor)
  if (!actor.userId || !(await loadSessionDaySettings(deps.db, scope)).feedbackOn) return { sessions: [] }
  const mine = await deps.db
    .selectFrom('parties')
    .innerJoin('cases', 'cases.referral_id', 'parties.referral_id')
    .select(['parties.id as party_id', 'cases.id as case_id'])
    .where('parties.organisation_id', '=', scope.organisationId)
    .where('cases.organisation_id', '=', scope.organisationId)
    .where('parties.user_id', '=', actor.userId)
    .where('parties.kind', '!=', 'child')
    .execute()
  if (mine.length === 0) return { sessions: [] }
  const now = deps.clock.now().toISOString()
  const since = new Date(Date.parse(now) - MY_DAYS * 86_400_000).toISOString()
  const [sessions, centres, given] = await Promise.all([
    deps.db
      .selectFrom('sessions')
      .select(['id', 'case_id', 'centre_id', 'local_date', 'starts_at'])
      .where('organisation_id', '=', scope.organisationId)
      .where(
        'case_id',
        'in',
        mine.map((m) => m.case_id),
      )
      .where('status', 'in', HELD)
      .where('starts_at', '<=', now)
      .where('starts_at', '>=', since)
      .orderBy('starts_at', 'desc')
      .execute(),
    listCentres(deps.db, scope),
    deps.db
      .selectFrom('feedback')
      .select(['session_id', 'party_id'])
      .where('organisation_id', '=', scope.organisationId)
      .where(
        'party_id',
        'in',
        mine.map((m) => m.party_id),
      )
      .execute(),
  ])
  const zones = new Map(centres.map((c) => [c.id, c.time_zone]))
  return {
    sessions: sessions.map((s) => {
      const partyIds = new Set(mine.filter((m) => m.case_id === s.case_id).map((m) => m.party_id))
      return {
        sessionId: s.id,
        date: s.local_date,
        localStart: localParts(s.starts_at, zones.get(s.centre_id) ?? 'UTC').time,
        given: given.some((g) => g.session_id === s.id && partyIds.has(g.party_id)),
      }
    }),
  }
}

type Summary = z.infer<typeof FeedbackSummarySchema>

function tally(rows: readonly Record<string, unknown>[], labels: Record<string, string>) {
  return Object.entries(labels).map(([question, label]) => {
    const counts = [0, 0, 0, 0, 0]
    for (const answers of rows) {
      const score = answers[question]
      if (typeof score === 'number' && score >= 1 && score <= 5)
        counts[score - 1] = (counts[score - 1] ?? 0) + 1
    }
    const n = counts.reduce((a, b) => a + b, 0)
    const total = counts.reduce((sum, c, i) => sum + c * (i + 1), 0)
    return { question, label, counts, average: n === 0 ? null : Math.round((total / n) * 100) / 100 }
  })
}

/**
 * How families found their sessions over a period, in aggregate: counts per answer, averages and the
 * comments without names or dates.
 * @throws AppError NOT_FOUND for a centre outside the actor's desk; INVALID_INPUT for a period that ends before it starts.
 */
export async function feedbackSummary(
  deps: Deps,
  actor: Actor,
  query: z.infer<typeof FeedbackSummaryQuerySchema>,
): Promise<Summary> {
  if (query.from > query.to)
    throw new AppError('INVALID_INPUT', 'The period must end on or after its first day', { field: 'to' })
  if (query.to > plusDays(query.from, 731))
    throw new AppError('INVALID_INPUT', 'Choose a period of two years or less', { field: 'to' })
  if (
    query.centreId &&
    (!isDesk(actor, query.centreId) || !(await findCentre(deps.db, scopeOf(actor), query.centreId)))
  )
    throw notFound('Centre')
  const centres = query.centreId ? [query.centreId] : deskCentreIds(actor)
  const rows = await deps.db
    .selectFrom('feedback')
    .innerJoin('sessions', 'sessions.id', 'feedback.session_id')
    .select(['feedback.form', 'feedback.answers', 'feedback.comment_sealed', 'feedback.submitted_at'])
    .where('feedback.organisation_id', '=', actor.organisationId)
    .$if(centres !== null, (q) => q.where('feedback.centre_id', 'in', centres?.length ? centres : ['']))
    .where('sessions.local_date', '>=', query.from)
    .where('sessions.local_date', '<=', query.to)
    .orderBy('feedback.submitted_at', 'desc')
    .orderBy('feedback.id', 'desc')
    .execute()
  const answersOf = (form: string) =>
    rows.filter((r) => r.form === form).map((r) => JSON.parse(r.answers) as Record<string, unknown>)
  const parent = answersOf('parent')
  const child = answersOf('child')
  return {
    from: query.from,
    to: query.to,
    parent: { responses: parent.length, questions: tally(parent, PARENT_LABELS) },
    child: { responses: child.length, questions: tally(child, CHILD_LABELS) },
    comments: rows.flatMap((r) =>
      r.comment_sealed
        ? [
            {
              form: r.form === 'child' ? ('child' as const) : ('parent' as const),
              text: deps.fieldCrypto.decrypt(r.comment_sealed),
            },
          ]
        : [],
    ),
  }
}
