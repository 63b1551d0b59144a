import {
  insertLevelChange,
  insertNote,
  insertReview,
  updateCase,
  type CaseRow,
} from '../../db/repositories/cases.repository'
import type { Db } from '../../db/connect'
import type { CentreRow } from '../../db/repositories/organisations.repository'
import { findUser } from '../../db/repositories/users.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError } from '../errors'
import { loadIntakeSettings } from '../intake/intake-settings'
import { recordTransition } from '../referrals/workflow'
import { newId } from '../shared/ids'
import { findDeskCase, loadCaseDetail } from './case-file'
import { addMonths } from './cases.rules'
import type { CaseDetail, ContactLevel, RecordReviewInput } from './cases.schemas'

interface CaseContext {
  trx: Db
  found: CaseRow
  centre: CentreRow
  now: string
}

/** Runs desk work on an open case in one transaction and answers with the case file. */
async function onOpenCase(
  deps: Deps,
  actor: Actor,
  caseId: string,
  action: string,
  work: (ctx: CaseContext) => Promise<Record<string, unknown>>,
): Promise<CaseDetail> {
  return deps.db.transaction().execute(async (trx) => {
    const { found, centre } = await findDeskCase(trx, actor, caseId)
    if (found.status !== 'active')
      throw new AppError('CONFLICT', 'The case is closed.', { rule: 'case-closed' })
    const details = await work({ trx, found, centre, now: deps.clock.now().toISOString() })
    await auditAs(trx, deps.clock, actor, { action, resourceType: 'case', resourceIds: [found.id], details })
    return loadCaseDetail(trx, deps, actor, caseId)
  })
}

/**
 * Moves a family to another contact level (supervised -> supported -> handover -> self-managed,
 * or back up), keeping the history with its reason.
 * @throws AppError CONFLICT when the case is closed or already at that level.
 */
export async function changeContactLevel(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { level: ContactLevel; reason: string },
): Promise<CaseDetail> {
  return onOpenCase(deps, actor, caseId, 'case.level.change', async ({ trx, found, now }) => {
    if (found.service_level === input.level)
      throw new AppError('CONFLICT', `The family is already at ${input.level} contact.`)
    const settings = await loadIntakeSettings(trx, scopeOf(actor))
    const base = settings.levelWeights[found.service_level as ContactLevel]
    const extra = base > 0 ? found.capacity_weight - base : 0
    const next = settings.levelWeights[input.level]
    await updateCase(trx, scopeOf(actor), found.id, {
      service_level: input.level,
      capacity_weight: next === 0 ? 0 : next + Math.max(0, extra),
      updated_at: now,
    })
    await insertLevelChange(trx, {
      id: newId(),
      organisation_id: actor.organisationId,
      case_id: found.id,
      level: input.level,
      previous_level: found.service_level,
      reason: input.reason,
      changed_by_user_id: actor.userId,
      changed_at: now,
    })
    return { from: found.service_level, to: input.level }
  })
}

/**
 * Records a review of the family's progress; the next review falls due within the review interval
 * (R-REV-1, 6 months by default) unless an earlier date is set.
 * @throws AppError INVALID_INPUT for a next review later than the interval allows.
 */
export async function recordReview(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: RecordReviewInput,
): Promise<CaseDetail> {
  return onOpenCase(deps, actor, caseId, 'case.review.create', async ({ trx, found, now }) => {
    if (input.heldOn < found.opened_at.slice(0, 10))
      throw new AppError('INVALID_INPUT', 'A review cannot be held before the case opened.', {
        issues: [{ path: ['heldOn'], message: `Choose ${found.opened_at.slice(0, 10)} or later` }],
      })
    const settings = await loadIntakeSettings(trx, scopeOf(actor))
    const latest = addMonths(input.heldOn, settings.reviewIntervalMonths)
    const next = input.nextReviewDueOn ?? latest
    if (next > latest || next <= input.heldOn)
      throw new AppError('INVALID_INPUT', `The next review must fall after this one and by ${latest}.`, {
        rule: 'R-REV-1',
        issues: [{ path: ['nextReviewDueOn'], message: `Choose a date by ${latest}` }],
      })
    await insertReview(trx, {
      id: newId(),
      organisation_id: actor.organisationId,
      case_id: found.id,
      held_on: input.heldOn,
      outcome: input.outcome,
      notes_sealed: input.notes ? deps.fieldCrypto.encrypt(input.notes) : null,
      next_review_due_on: next,
      due_on: found.review_due_on,
      reviewed_by_user_id: actor.userId,
      created_at: now,
    })
    await updateCase(trx, scopeOf(actor), found.id, {
      review_due_on: next,
      review_flag: null,
      review_flag_raised_at: null,
      updated_at: now,
    })
    const me = actor.userId ? await findUser(trx, scopeOf(actor), actor.userId) : undefined
    await recordTransition(
      trx,
      deps.clock,
      { actor, label: me?.display_name ?? 'Command line' },
      {
        organisationId: actor.organisationId,
        subjectType: 'case',
        subjectId: found.id,
        from: 'active',
        to: 'reviewed',
        reason: `Review: ${input.outcome}`,
      },
    )
    return { outcome: input.outcome, nextReviewDueOn: next }
  })
}

/** Closes the case with its outcome code and reason; the family's place is freed. */
export async function closeCase(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { outcome: string; reason: string },
): Promise<CaseDetail> {
  return onOpenCase(deps, actor, caseId, 'case.close', async ({ trx, found, now }) => {
    await updateCase(trx, scopeOf(actor), found.id, {
      status: 'closed',
      closed_at: now,
      closure_outcome: input.outcome,
      closure_reason: input.reason,
      updated_at: now,
    })
    const me = actor.userId ? await findUser(trx, scopeOf(actor), actor.userId) : undefined
    await recordTransition(
      trx,
      deps.clock,
      { actor, label: me?.display_name ?? 'Command line' },
      {
        organisationId: actor.organisationId,
        subjectType: 'case',
        subjectId: found.id,
        from: 'active',
        to: 'closed',
        reason: input.reason,
      },
    )
    return { outcome: input.outcome }
  })
}

/** Adds a note to the case file (sealed at rest). */
export async function addCaseNote(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { body: string },
): Promise<CaseDetail> {
  return onOpenCase(deps, actor, caseId, 'case.note.create', async ({ trx, found, now }) => {
    await insertNote(trx, {
      id: newId(),
      organisation_id: actor.organisationId,
      case_id: found.id,
      body_sealed: deps.fieldCrypto.encrypt(input.body),
      author_user_id: actor.userId,
      created_at: now,
    })
    return {}
  })
}
