import type {
  CourtOrderRow,
  DocumentRow,
  PreVisitRow,
  RiskAssessmentRow,
} from '../../db/repositories/intake-records.repository'
import type { PartyRow } from '../../db/repositories/parties.repository'
import type { ReferralRow, TransitionRow } from '../../db/repositories/referrals.repository'
import { daysBetween } from '../cases/cases.rules'
import { sourceLabel } from '../intake/intake-settings'
import type { IntakeSettings } from '../intake/intake.schemas'
import type { FieldCrypto } from '../shared/field-crypto'
import { presentFields, type Viewer } from './parties.presenter'
import {
  ChannelSchema,
  CourtOrderTypeSchema,
  PRE_VISIT_OUTCOMES,
  RECOMMENDATIONS,
  ReferralStatusSchema,
  RISK_LEVELS,
  RiskFlagSchema,
  ServiceTypeSchema,
  type ReferralSummary,
} from './referrals.schemas'
import type { PartyFacts, PreVisitFacts } from './referrals.rules'

// How referrals and the records of their intake are shown. Parties go through parties.presenter.ts.

const json = <T>(text: string | null, fallback: T): T => {
  if (!text) return fallback
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

export const riskFlags = (text: string) =>
  json<string[]>(text, []).flatMap((f) => {
    const parsed = RiskFlagSchema.safeParse(f)
    return parsed.success ? [parsed.data] : []
  })

export const partyFacts = (rows: readonly PartyRow[]): PartyFacts[] =>
  rows.map((p) => ({
    id: p.id,
    kind: p.kind === 'child' ? 'child' : 'adult',
    role: p.role,
    fullName: p.full_name,
    contactFields: presentFields(p),
  }))

export const preVisitFacts = (rows: readonly PreVisitRow[]): PreVisitFacts[] =>
  rows.map((v) => ({
    partyId: v.party_id,
    kind: v.kind === 'child_familiarisation' ? 'child_familiarisation' : 'adult',
    outcome: (PRE_VISIT_OUTCOMES as readonly string[]).includes(v.outcome)
      ? (v.outcome as PreVisitFacts['outcome'])
      : 'scheduled',
    scheduledAt: v.scheduled_at,
    heldOn: v.held_on,
  }))

/** "Ava and Leo (Smith)": how a family is named in lists, from the children's names. */
export function familyLabel(parties: readonly PartyRow[]): string {
  const children = parties.filter((p) => p.kind === 'child').map((p) => p.full_name)
  if (children.length > 0) return children.join(', ')
  return parties.find((p) => p.kind === 'adult')?.full_name ?? 'No one named yet'
}

export function presentReferralSummary(
  row: ReferralRow,
  parties: readonly PartyRow[],
  viewer: Viewer,
  settings: IntakeSettings,
  today: string,
): ReferralSummary {
  const own = parties.filter((p) => p.referral_id === row.id)
  const parents = own.filter((p) => p.role === 'resident_parent' || p.role === 'non_resident_parent')
  return {
    id: row.id,
    reference: row.reference,
    centreId: row.centre_id,
    status: ReferralStatusSchema.catch('received').parse(row.status),
    channel: ChannelSchema.catch('staff').parse(row.channel),
    source: { code: row.source_code, label: sourceLabel(settings, row.source_code) },
    serviceRequested: ServiceTypeSchema.catch('supported').parse(row.service_requested),
    receivedAt: row.received_at,
    ageDays: Math.max(0, daysBetween(row.received_at.slice(0, 10), today)),
    familyLabel: familyLabel(own),
    childCount: own.filter((p) => p.kind === 'child').length,
    riskFlags: viewer.kind === 'staff' ? riskFlags(row.risk_flags) : [],
    awaitingOtherParent: row.channel === 'self' && row.status === 'received' && parents.length < 2,
    caseId: viewer.kind === 'staff' ? row.case_id : null,
  }
}

export const presentPreVisit = (v: PreVisitRow, parties: readonly PartyRow[], crypto: FieldCrypto) => ({
  id: v.id,
  partyId: v.party_id,
  partyName: parties.find((p) => p.id === v.party_id)?.full_name ?? '',
  kind: v.kind === 'child_familiarisation' ? ('child_familiarisation' as const) : ('adult' as const),
  scheduledAt: v.scheduled_at,
  heldOn: v.held_on,
  outcome: preVisitFacts([v])[0]?.outcome ?? 'scheduled',
  checklist: json<Record<string, boolean>>(v.checklist, {}),
  notes: v.notes_sealed ? crypto.decrypt(v.notes_sealed) : null,
})

export const presentRiskAssessment = (
  r: RiskAssessmentRow,
  crypto: FieldCrypto,
  names: Map<string, string>,
) => ({
  id: r.id,
  kind: r.kind === 'review' ? ('review' as const) : ('initial' as const),
  level: (RISK_LEVELS as readonly string[]).includes(r.level)
    ? (r.level as (typeof RISK_LEVELS)[number])
    : 'high',
  recommendedService: (RECOMMENDATIONS as readonly string[]).includes(r.recommended_service)
    ? (r.recommended_service as (typeof RECOMMENDATIONS)[number])
    : 'decline',
  factors: riskFlags(r.factors),
  conditions: json<string[]>(r.conditions, []),
  sections: json(crypto.decrypt(r.answers_sealed), []),
  assessedBy: r.assessed_by_user_id ? (names.get(r.assessed_by_user_id) ?? null) : null,
  assessedAt: r.assessed_at,
  reviewDueOn: r.review_due_on,
})

export const presentCourtOrder = (o: CourtOrderRow) => ({
  id: o.id,
  orderType: CourtOrderTypeSchema.catch('other').parse(o.order_type),
  madeOn: o.made_on,
  court: o.court,
  conditions: o.conditions,
  namedPeople: o.named_people,
  expiresOn: o.expires_on,
  documentId: o.document_id,
})

export const presentDocument = (d: DocumentRow) => ({
  id: d.id,
  kind: d.kind === 'court_order' ? ('court_order' as const) : ('other' as const),
  title: d.title,
  contentType: d.content_type,
  sizeBytes: d.size_bytes,
  createdAt: d.created_at,
})

/** Staff see who moved a referral and why; others see the moves, and the reason only for a decline (R-REF-9). */
export const presentTransition = (t: TransitionRow, viewer: Viewer) => ({
  from: t.from_status,
  to: t.to_status,
  reason: viewer.kind === 'staff' || t.to_status === 'declined' ? t.reason : null,
  by: viewer.kind === 'staff' ? (t.actor_name ?? t.actor_label) : 'The centre',
  at: t.at,
})
