import type { ObservationSummary } from '../../api/types'

export interface QueueGroup {
  key: string
  title: string
  /** What the group is for, in a line. */
  intro: string
  records: ObservationSummary[]
}

const RECENT_DAYS = 30

const byDate = (a: ObservationSummary, b: ObservationSummary) =>
  `${a.date} ${a.localStart}`.localeCompare(`${b.date} ${b.localStart}`)
const newestFirst = (a: ObservationSummary, b: ObservationSummary) =>
  (b.releasedAt ?? '').localeCompare(a.releasedAt ?? '')

/** The day `days` before a local date (`YYYY-MM-DD`). */
function daysBefore(date: string, days: number): string {
  const day = new Date(`${date}T12:00:00Z`)
  day.setUTCDate(day.getUTCDate() - days)
  return day.toISOString().slice(0, 10)
}

/**
 * The desk's queue: records waiting to be checked first (oldest session first), then those
 * returned to their authors, drafts past their due date, drafts still in time, and records
 * released in the last 30 days, newest first. Empty groups are left out.
 */
export function deskQueue(records: ObservationSummary[], today: string): QueueGroup[] {
  const since = daysBefore(today, RECENT_DAYS)
  const of = (status: ObservationSummary['status']) => records.filter((r) => r.status === status)
  const drafts = of('draft').sort(byDate)
  const groups: QueueGroup[] = [
    {
      key: 'submitted',
      title: 'Waiting to be checked',
      intro: 'Read each one, then release it or return it to the author with a note.',
      records: of('submitted').sort(byDate),
    },
    {
      key: 'returned',
      title: 'Returned to the author',
      intro: 'The author is making the changes asked for.',
      records: of('returned').sort(byDate),
    },
    {
      key: 'overdue',
      title: 'Drafts past their due date',
      intro: 'Not yet sent for checking, and due for release already.',
      records: drafts.filter((r) => r.dueOn < today),
    },
    {
      key: 'draft',
      title: 'Being written',
      intro: 'Not yet sent for checking.',
      records: drafts.filter((r) => r.dueOn >= today),
    },
    {
      key: 'released',
      title: 'Released in the last 30 days',
      intro: 'Checked and released; they never change.',
      records: of('released')
        .filter((r) => (r.releasedAt ?? '').slice(0, 10) >= since)
        .sort(newestFirst),
    },
  ]
  return groups.filter((group) => group.records.length > 0)
}

/** An author's own records: returned ones first, as they need something done. */
export function authorQueue(records: ObservationSummary[]): QueueGroup[] {
  const of = (status: ObservationSummary['status']) => records.filter((r) => r.status === status)
  const groups: QueueGroup[] = [
    {
      key: 'returned',
      title: 'Returned to you',
      intro: 'Read the note, make the changes and send the record again.',
      records: of('returned').sort(byDate),
    },
    {
      key: 'draft',
      title: 'Being written',
      intro: 'Finish these and send them for checking.',
      records: of('draft').sort(byDate),
    },
    {
      key: 'submitted',
      title: 'Waiting to be checked',
      intro: 'Someone other than you will check these.',
      records: of('submitted').sort(byDate),
    },
    {
      key: 'released',
      title: 'Released',
      intro: 'Checked and released.',
      records: of('released').sort(newestFirst),
    },
  ]
  return groups.filter((group) => group.records.length > 0)
}
