import type { z } from 'zod'
import type { Db } from '../../db/connect'
import type { CaseRow } from '../../db/repositories/cases.repository'
import { listPartiesOfReferrals, type PartyRow } from '../../db/repositories/parties.repository'
import type { Scope } from '../access/actor'
import type { Deps } from '../context'
import { notFound } from '../errors'
import { sideOf } from '../referrals/parties.presenter'
import {
  listSuspensionsOfCases,
  listWarningsOfCases,
  presentSuspension,
  presentWarning,
  userNames,
  type SuspensionRow,
  type WarningRow,
} from './conduct'
import { isCritical, readPeople, suggestSanction } from './incident.rules'
import type { IncidentRow } from './referrer-notices'
import { loadSessionDaySettings } from './session-day-settings'
import {
  IncidentActionSchema,
  IncidentCategorySchema,
  SeveritySchema,
  type IncidentListSchema,
  type IncidentView,
  type SessionDaySettings,
} from './session-day.schemas'

// Which parts of an incident go out, for whom: the account only in full reads at the desk.

type IncidentListItem = z.infer<typeof IncidentListSchema>['incidents'][number]

/** The sealed part of an incident: the account in the reporter's words. */
export interface Account {
  whatHappened: string
  childAccount: string | null
  injuries: string | null
  witnesses: string | null
  reasonsNotToAct: string | null
}

/** Everything presenting some incidents needs, loaded in a handful of queries. */
interface IncidentContext {
  cases: Map<string, CaseRow>
  parties: Map<string, PartyRow>
  warnings: WarningRow[]
  suspensions: SuspensionRow[]
  names: Map<string, string>
  settings: SessionDaySettings
}

export async function loadContext(
  db: Db,
  scope: Scope,
  rows: readonly IncidentRow[],
): Promise<IncidentContext> {
  const caseIds = [...new Set(rows.map((r) => r.case_id))]
  const cases =
    caseIds.length === 0
      ? []
      : await db
          .selectFrom('cases')
          .selectAll()
          .where('organisation_id', '=', scope.organisationId)
          .where('id', 'in', caseIds)
          .execute()
  const [parties, warnings, suspensions, settings] = await Promise.all([
    listPartiesOfReferrals(
      db,
      scope,
      cases.map((c) => c.referral_id),
    ),
    listWarningsOfCases(db, scope, caseIds),
    listSuspensionsOfCases(db, scope, caseIds),
    loadSessionDaySettings(db, scope),
  ])
  const names = await userNames(db, scope, [
    ...rows.map((r) => r.reported_by_user_id),
    ...warnings.map((w) => w.issued_by_user_id),
  ])
  return {
    cases: new Map(cases.map((c) => [c.id, c])),
    parties: new Map(parties.map((p) => [p.id, p])),
    warnings,
    suspensions,
    names,
    settings,
  }
}

export function presentIncident(deps: Deps, row: IncidentRow, ctx: IncidentContext): IncidentView {
  const account = JSON.parse(deps.fieldCrypto.decrypt(row.account_sealed)) as Account
  const adults = new Set([...ctx.parties.values()].filter((p) => p.kind === 'adult').map((p) => p.id))
  const people = readPeople(row.people, adults)
  const category = IncidentCategorySchema.parse(row.category)
  const severity = SeveritySchema.parse(row.severity)
  const ladder = ctx.warnings
    .filter((w) => w.party_id === people.concerns)
    .map((w) => ({
      level: presentWarning(w, ctx.parties, ctx.names).level,
      issuedAt: w.issued_at,
      incidentId: w.incident_id,
    }))
  const suspension = ctx.suspensions.find((s) => s.incident_id === row.id)
  return {
    id: row.id,
    caseId: row.case_id,
    caseReference: ctx.cases.get(row.case_id)?.reference ?? '',
    sessionId: row.session_id,
    category,
    severity,
    critical: isCritical(category, severity),
    occurredAt: row.occurred_at,
    location: row.location,
    people: people.ids.flatMap((id) => {
      const party = ctx.parties.get(id)
      return party ? [{ partyId: id, name: party.full_name, side: sideOf(party) }] : []
    }),
    actions: IncidentActionSchema.array().catch([]).parse(JSON.parse(row.actions)),
    whatHappened: account.whatHappened,
    childAccount: account.childAccount,
    injuries: account.injuries,
    witnesses: account.witnesses,
    reasonsNotToAct: account.reasonsNotToAct,
    status: row.status,
    reportedBy: row.reported_by_user_id ? (ctx.names.get(row.reported_by_user_id) ?? null) : null,
    coordinatorNotifiedAt: row.coordinator_notified_at,
    referrerDueAt: row.referrer_due_at,
    referrerNotifiedAt: row.referrer_notified_at,
    reviewedAt: row.reviewed_at,
    reviewNote: row.review_note,
    suggestedSanction: people.concerns
      ? suggestSanction(ctx.settings, { id: row.id, category, occurredAt: row.occurred_at }, ladder)
      : null,
    warnings: ctx.warnings
      .filter((w) => w.incident_id === row.id)
      .map((w) => presentWarning(w, ctx.parties, ctx.names)),
    suspension: suspension ? presentSuspension(suspension) : null,
  }
}

/** A list entry leaves the account out: it is read one incident at a time, and audited. */
export function listItem(view: IncidentView): IncidentListItem {
  const { whatHappened: _w, childAccount: _c, injuries: _i, ...rest } = view
  return rest
}

export const findRow = (db: Db, scope: Scope, id: string) =>
  db
    .selectFrom('incidents')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .executeTakeFirst()

export async function presentOne(deps: Deps, db: Db, scope: Scope, id: string): Promise<IncidentView> {
  const row = await findRow(db, scope, id)
  if (!row) throw notFound('Incident')
  return presentIncident(deps, row, await loadContext(db, scope, [row]))
}
