import type { Insertable } from 'kysely'
import type { IncidentsTable } from '../../db/database'
import type { SessionListRow } from '../../db/repositories/schedule.repository'
import type { Deps } from '../context'
import { addMinutes } from '../scheduling/schedule.rules'
import type { IncidentActionSchema } from '../session-day/session-day.schemas'
import { newId } from '../shared/ids'

type Action = (typeof IncidentActionSchema)['options'][number]

/** Puts the session's own times into an account: `{time}` and the like. */
export const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')

export interface Account {
  whatHappened: string
  childAccount: string | null
  injuries: string | null
  witnesses: string | null
  reasonsNotToAct: string | null
}

/** An incident as reporting it writes it: sealed account, coordinator told on reporting. */
export function incidentRow(
  deps: Deps,
  session: SessionListRow,
  fields: Pick<IncidentsTable, 'category' | 'severity' | 'location' | 'status' | 'review_note'> & {
    occurredAt: string
    people: string[]
    actions: Action[]
    account: Account
    reportedBy: string
    referrerNotifiedAt: string | null
    reviewedAt: string
    dueAt: string
  },
): Insertable<IncidentsTable> {
  const reportedAt = addMinutes(fields.occurredAt, 12)
  return {
    id: newId(),
    organisation_id: session.organisation_id,
    centre_id: session.centre_id,
    case_id: session.case_id,
    session_id: session.id,
    category: fields.category,
    severity: fields.severity,
    occurred_at: fields.occurredAt,
    location: fields.location,
    // The people involved, and the adult it concerns most (whom the warnings ladder looks at).
    people: JSON.stringify({ ids: fields.people, concerns: fields.people[0] ?? null }),
    actions: JSON.stringify(fields.actions),
    account_sealed: deps.fieldCrypto.encrypt(JSON.stringify(fields.account)),
    status: fields.status,
    reported_by_user_id: fields.reportedBy,
    coordinator_notified_at: reportedAt,
    referrer_due_at: fields.dueAt,
    referrer_notified_at: fields.referrerNotifiedAt,
    reviewed_by_user_id: fields.reportedBy,
    reviewed_at: fields.reviewedAt,
    review_note: fields.review_note,
    created_at: reportedAt,
    updated_at: fields.reviewedAt,
  }
}
