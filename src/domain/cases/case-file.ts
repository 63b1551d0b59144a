import type { Db } from '../../db/connect'
import {
  findCase,
  listLevelChanges,
  listNotes,
  listReviews,
  type CaseRow,
} from '../../db/repositories/cases.repository'
import { findCurrentGroundRules, listSignatures } from '../../db/repositories/intake.repository'
import { findCentre } from '../../db/repositories/organisations.repository'
import { findReferral, listTransitions, listUserNames } from '../../db/repositories/referrals.repository'
import {
  listCourtOrders,
  listDocuments,
  listPreVisits,
  listRiskAssessments,
} from '../../db/repositories/intake-records.repository'
import { listPartiesOfReferrals, type PartyRow } from '../../db/repositories/parties.repository'
import { scopeOf, type Actor } from '../access/actor'
import type { Deps } from '../context'
import { notFound } from '../errors'
import { loadGroundRulesStatus } from '../intake/ground-rules'
import { loadIntakeSettings } from '../intake/intake-settings'
import { presentParty, type Viewer } from '../referrals/parties.presenter'
import { SafetyFlagSchema } from '../referrals/parties.schemas'
import {
  familyLabel,
  partyFacts,
  preVisitFacts,
  presentCourtOrder,
  presentDocument,
  presentRiskAssessment,
  presentTransition,
} from '../referrals/referrals.presenter'
import { isDesk } from '../referrals/referrals.policy'
import { RiskFlagSchema } from '../referrals/referrals.schemas'
import { addDays, ageOn, firstSessionReadiness, localDateIn } from './cases.rules'
import {
  CaseStatusSchema,
  ClosureOutcomeSchema,
  ContactLevelSchema,
  REVIEW_OUTCOMES,
  type CaseDetail,
  type CaseSummary,
  type Readiness,
} from './cases.schemas'

const STAFF: Viewer = { kind: 'staff' }

const flagsOf = <T>(
  text: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
) =>
  (JSON.parse(text) as unknown[]).flatMap((f) => {
    const parsed = schema.safeParse(f)
    return parsed.success ? [parsed.data] : []
  })

/** A case in lists: the family by its children's names, level, review date and every flag. */
export function presentCaseSummary(row: CaseRow, parties: readonly PartyRow[], today: string): CaseSummary {
  const own = parties.filter((p) => p.case_id === row.id || p.referral_id === row.referral_id)
  const safety = new Set(own.flatMap((p) => flagsOf(p.safety_flags, SafetyFlagSchema)))
  const status = CaseStatusSchema.catch('active').parse(row.status)
  return {
    id: row.id,
    reference: row.reference,
    centreId: row.centre_id,
    status,
    serviceLevel: ContactLevelSchema.catch('supported').parse(row.service_level),
    openedAt: row.opened_at,
    reviewDueOn: row.review_due_on,
    reviewOverdue: status === 'active' && row.review_due_on < today,
    familyLabel: familyLabel(own),
    children: own
      .filter((p) => p.kind === 'child')
      .map((c) => ({ name: c.full_name, ageYears: ageOn(c.date_of_birth, today) })),
    safetyFlags: [...safety],
    riskFlags: flagsOf(row.risk_flags, RiskFlagSchema),
  }
}

/** The case and its centre, for desk work. @throws AppError NOT_FOUND outside the actor's centres. */
export async function findDeskCase(db: Db, actor: Actor, caseId: string) {
  const scope = scopeOf(actor)
  const found = await findCase(db, scope, caseId)
  if (!found || !isDesk(actor, found.centre_id)) throw notFound('Case')
  const centre = await findCentre(db, scope, found.centre_id)
  if (!centre) throw notFound('Case')
  return { found, centre }
}

/** Whether a first session could be held on a date, from the case's pre-visits and signatures. */
export async function readinessOf(
  db: Db,
  actor: Actor,
  row: CaseRow,
  firstSessionOn: string,
): Promise<Readiness> {
  const scope = scopeOf(actor)
  const [settings, parties, visits, rules] = await Promise.all([
    loadIntakeSettings(db, scope),
    listPartiesOfReferrals(db, scope, [row.referral_id]),
    listPreVisits(db, scope, row.referral_id),
    findCurrentGroundRules(db, scope),
  ])
  const signatures = await listSignatures(
    db,
    scope,
    parties.map((p) => p.id),
  )
  return firstSessionReadiness(
    firstSessionOn,
    partyFacts(parties),
    preVisitFacts(visits),
    signatures.map((s) => ({ partyId: s.party_id, versionId: s.version_id })),
    rules?.id ?? null,
    settings,
  )
}

/** The whole case file, as the centre's desk sees it. */
export async function loadCaseDetail(
  db: Db,
  deps: Pick<Deps, 'clock' | 'fieldCrypto'>,
  actor: Actor,
  caseId: string,
): Promise<CaseDetail> {
  const scope = scopeOf(actor)
  const { found, centre } = await findDeskCase(db, actor, caseId)
  const today = localDateIn(centre.time_zone, deps.clock.now())
  const settings = await loadIntakeSettings(db, scope)
  const [referral, parties, orders, documents, assessments, notes, levels, reviews, transitions] =
    await Promise.all([
      findReferral(db, scope, found.referral_id),
      listPartiesOfReferrals(db, scope, [found.referral_id]),
      listCourtOrders(db, scope, found.referral_id),
      listDocuments(db, scope, found.referral_id),
      listRiskAssessments(db, scope, found.referral_id),
      listNotes(db, scope, found.id),
      listLevelChanges(db, scope, found.id),
      listReviews(db, scope, found.id),
      listTransitions(db, scope, [found.id, found.referral_id]),
    ])
  const names = await listUserNames(
    db,
    scope,
    assessments.flatMap((a) => (a.assessed_by_user_id ? [a.assessed_by_user_id] : [])),
  )
  const level = (value: string | null) =>
    value === null ? null : ContactLevelSchema.catch('supported').parse(value)
  return {
    ...presentCaseSummary(found, parties, today),
    referralId: found.referral_id,
    referralReference: referral?.reference ?? '',
    parties: parties.map((p) => presentParty(p, STAFF, deps.fieldCrypto)),
    courtOrders: orders.map(presentCourtOrder),
    documents: documents.map(presentDocument),
    riskAssessments: assessments.map((a) => presentRiskAssessment(a, deps.fieldCrypto, names)),
    notes: notes.map((n) => ({
      id: n.id,
      body: deps.fieldCrypto.decrypt(n.body_sealed),
      author: n.actor_name ?? 'Command line',
      createdAt: n.created_at,
    })),
    levelHistory: levels.map((l) => ({
      level: level(l.level) ?? 'supported',
      previousLevel: level(l.previous_level),
      reason: l.reason,
      by: l.actor_name ?? 'Command line',
      at: l.changed_at,
    })),
    reviews: reviews.map((r) => ({
      id: r.id,
      heldOn: r.held_on,
      outcome: (REVIEW_OUTCOMES as readonly string[]).includes(r.outcome)
        ? (r.outcome as (typeof REVIEW_OUTCOMES)[number])
        : 'continue',
      notes: r.notes_sealed ? deps.fieldCrypto.decrypt(r.notes_sealed) : null,
      nextReviewDueOn: r.next_review_due_on,
      by: r.actor_name ?? 'Command line',
    })),
    transitions: transitions.map((t) => presentTransition(t, STAFF)),
    groundRules: await loadGroundRulesStatus(db, scope, parties),
    readiness:
      found.status === 'active'
        ? await readinessOf(db, actor, found, addDays(today, settings.preVisitMinDaysBeforeFirstSession))
        : { ready: false, blockers: [{ rule: 'case-closed', message: 'The case is closed.' }] },
    closure:
      found.closed_at && found.closure_outcome
        ? {
            outcome: ClosureOutcomeSchema.catch('other').parse(found.closure_outcome),
            reason: found.closure_reason,
            closedAt: found.closed_at,
          }
        : null,
  }
}
