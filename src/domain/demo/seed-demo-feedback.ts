import type { Insertable } from 'kysely'
import type { FeedbackTable } from '../../db/database'
import type { PartyRow } from '../../db/repositories/parties.repository'
import type { SessionListRow } from '../../db/repositories/schedule.repository'
import { addMinutes } from '../scheduling/schedule.rules'
import type { FieldCrypto } from '../shared/field-crypto'
import { newId } from '../shared/ids'
import { CHILD_COMMENTS, PARENT_COMMENTS } from './demo-session-day'

/** Mostly happy faces, a few middling ones: the same every time the demo is seeded. */
const SCORES = [5, 5, 4, 5, 5, 4, 5, 5, 5, 4, 5, 3, 5, 5, 4, 5, 4, 5, 5, 5] as const
const score = (n: number, question: number): number =>
  SCORES[(n * 7 + question * 11 + Math.floor(n / 5)) % SCORES.length] ?? 5

/** Children old enough to point at a face: four and over on the day. */
const canAnswer = (child: PartyRow, date: string): boolean => {
  const born = child.date_of_birth
  return born !== null && `${Number(born.slice(0, 4)) + 4}${born.slice(4)}` <= date
}

export interface FeedbackContext {
  crypto: FieldCrypto
  /** Who entered a child's answers on the tablet that day. */
  tabletUserOn: (date: string) => string
}

/**
 * The forms filled in after a session, by its position n among the sessions held: the visiting parent
 * after every third, the resident parent after every fourth, and a child of four or more after every
 * fifth, with a comment now and then. Parents answer from home that evening; children on the tablet
 * at the end of the session, helped by a volunteer.
 */
export function feedbackRows(
  session: SessionListRow,
  parties: readonly PartyRow[],
  n: number,
  ctx: FeedbackContext,
): Insertable<FeedbackTable>[] {
  const rows: Insertable<FeedbackTable>[] = []
  const base = {
    organisation_id: session.organisation_id,
    centre_id: session.centre_id,
    case_id: session.case_id,
    session_id: session.id,
  }
  const seal = (text: string | undefined) => (text ? ctx.crypto.encrypt(text) : null)
  const parentForm = (parent: PartyRow | undefined, outcome: string | null, k: number) => {
    if (!parent || outcome === 'did_not_attend') return
    rows.push({
      ...base,
      id: newId(),
      party_id: parent.id,
      form: 'parent',
      answers: JSON.stringify({
        welcome: score(n, k),
        safe: score(n, k + 1),
        childEnjoyed: score(n, k + 2),
        staffHelpful: score(n, k + 3),
      }),
      comment_sealed: seal(n % 7 === k ? PARENT_COMMENTS[(n + k) % PARENT_COMMENTS.length] : undefined),
      submitted_by_user_id: parent.user_id,
      submitted_at: addMinutes(session.ends_at, 150 + 20 * k + (n % 5) * 17),
    })
  }
  if (n % 3 === 0)
    parentForm(
      parties.find((p) => p.role === 'non_resident_parent'),
      session.non_resident_outcome,
      0,
    )
  if (n % 4 === 1)
    parentForm(
      parties.find((p) => p.role === 'resident_parent'),
      session.resident_outcome,
      1,
    )
  const child = parties.find((p) => p.kind === 'child' && canAnswer(p, session.local_date))
  const together =
    session.resident_outcome !== 'did_not_attend' && session.non_resident_outcome !== 'did_not_attend'
  if (n % 5 === 2 && child && together)
    rows.push({
      ...base,
      id: newId(),
      party_id: child.id,
      form: 'child',
      answers: JSON.stringify({ today: score(n, 4), safe: score(n, 5), again: score(n, 6) }),
      comment_sealed: seal(n % 3 === 2 ? CHILD_COMMENTS[n % CHILD_COMMENTS.length] : undefined),
      submitted_by_user_id: ctx.tabletUserOn(session.local_date),
      submitted_at: addMinutes(session.ends_at, 3),
    })
  return rows
}
