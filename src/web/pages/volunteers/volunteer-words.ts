import type { Duty, Gate, RequirementKind, RequirementStatus, VolunteerStage } from './types'

// Volunteers in the centres' words. The stage and duty labels are the server's own
// (domain/volunteers/volunteer.rules.ts), copied: web/ imports schemas only. Records keyed by the
// API's types, so a new code fails the type check until it has a label.

export const STAGE_LABELS: Record<VolunteerStage, string> = {
  enquiry: 'Enquiry',
  role_meeting: 'Meeting about the role',
  application: 'Application and agreement',
  references: 'References',
  dbs_applied: 'DBS check applied',
  cleared: 'Cleared',
  training: 'Training',
  mentored: 'Mentored first year',
  active: 'Active',
  leaving: 'Leaving',
  left: 'Left',
  withdrawn: 'Withdrawn',
}

/** The board's columns, in pipeline order; those who left or withdrew are shown only on request. */
export const BOARD_STAGES: VolunteerStage[] = [
  'enquiry',
  'role_meeting',
  'application',
  'references',
  'dbs_applied',
  'cleared',
  'training',
  'mentored',
  'active',
  'leaving',
]
export const PAST_STAGES: VolunteerStage[] = ['left', 'withdrawn']

export const DUTY_LABELS: Record<Duty, string> = {
  team_leader: 'Team leader',
  supervisor: 'Supervisor',
  escort: 'Escort',
  reception: 'Reception',
  floor: 'Floor',
}

export const KIND_LABELS: Record<RequirementKind, string> = {
  dbs: 'DBS check',
  training: 'Training',
  qualification: 'Qualification',
  checklist: 'Checklist item',
  policies: 'Policies read',
}

/** Duties a coordinator gives; floor and reception are open to anyone who can be rostered. */
export const GIVEN_DUTIES: Duty[] = ['team_leader', 'supervisor', 'escort']

export const STATUS_LABELS: Record<RequirementStatus, string> = {
  ok: 'OK',
  expiring: 'Expiring',
  renewal: 'Renewal in progress',
  due: 'Due',
  expired: 'Expired',
  overdue: 'Overdue',
  missing: 'Missing',
  optional: 'Optional',
}

/** One short word for a matrix cell; the full label and detail go in its accessible name. */
export const STATUS_SHORT: Record<RequirementStatus, string> = {
  ok: 'OK',
  expiring: 'Expiring',
  renewal: 'Renewal',
  due: 'Due',
  expired: 'Expired',
  overdue: 'Overdue',
  missing: 'Missing',
  optional: '—',
}

/** Mantine colours; the word and the icon always carry the meaning too. */
export const STATUS_COLORS: Record<RequirementStatus, string> = {
  ok: 'kin',
  expiring: 'yellow',
  renewal: 'blue',
  due: 'gray',
  expired: 'red',
  overdue: 'red',
  missing: 'red',
  optional: 'gray',
}

/** Worst first, for summaries and sorting. */
export const STATUS_ORDER: RequirementStatus[] = [
  'missing',
  'expired',
  'overdue',
  'expiring',
  'renewal',
  'due',
  'ok',
  'optional',
]

/** Anything the coordinator should look at: everything but done and optional. */
export const isProblem = (status: RequirementStatus): boolean => status !== 'ok' && status !== 'optional'

/** What needs looking at now: a problem that is more than a course due after starting. */
export const isUrgent = (status: RequirementStatus): boolean => isProblem(status) && status !== 'due'

export const DBS_LEVEL_LABELS = {
  enhanced_barred: 'Enhanced with barred list',
  enhanced: 'Enhanced',
  standard: 'Standard',
  basic: 'Basic',
} as const

/** The button that moves a volunteer on: "Move to Training", "Mark as withdrawn". */
export function moveLabel(from: VolunteerStage, to: VolunteerStage): string {
  if (to === 'withdrawn') return 'Mark as withdrawn'
  if (to === 'left') return 'Mark as left'
  if (to === 'enquiry' && (from === 'left' || from === 'withdrawn')) return 'Start again as an enquiry'
  if (to === 'active' && from === 'leaving') return 'Staying on: back to Active'
  return `Move to ${STAGE_LABELS[to]}`
}

/** The refusal rules the API names, said as what to do next. */
export const RULE_HINTS: Record<string, string> = {
  'VOL-STAGE': 'That move is not one of the next steps from this stage.',
  'VOL-REFERENCES': 'Record the references received on this file, then try again.',
  'VOL-DBS': 'Record the cleared DBS check under “Requirements”, then try again.',
  'VOL-AGE': 'Volunteers must be old enough on the day they start.',
  'VOL-MENTOR': 'Choose an active volunteer as their mentor.',
  'VOL-BLOCKED': 'Each of these must be done before they can work a shift:',
  'VOL-MENTORING': 'Tick “Sign off the mentored year early” and say why, or wait until it is over.',
  'VOL-LEAVING': 'Give the planned last day.',
  'VOL-USES-CENTRE': 'Someone who uses the centre cannot volunteer there.',
  STALE: 'Reload the page to see the latest, then try again.',
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "3 Oct 2026" for a local date, whatever the browser's time zone. */
export function formatDay(date: string | null | undefined): string {
  if (!date) return '—'
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}`
}

/** Today in the browser, as a local date. */
export function todayLocal(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The last day of the month `months` on from a date: 0 is the end of this month. */
export function endOfMonth(date: string, months = 0): string {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7)) - 1 + months
  return new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10)
}

/** How long a requirement lasts: "3 years", "18 months", "Does not expire". */
export function validityWords(validMonths: number | null): string {
  if (validMonths === null) return 'Does not expire'
  if (validMonths % 12 === 0) {
    const years = validMonths / 12
    return years === 1 ? '1 year' : `${years} years`
  }
  return validMonths === 1 ? '1 month' : `${validMonths} months`
}

/** When a requirement must be done: "Before starting", "Within 90 days of starting". */
export const deadlineWords = (dueDays: number | null): string =>
  dueDays === null ? 'Before starting' : `Within ${dueDays} day${dueDays === 1 ? '' : 's'} of starting`

/** What a requirement stops when it is missing or lapsed. */
export function gatesWords(gates: readonly Gate[]): string {
  if (gates.length === 0) return 'Nothing: kept for the record'
  if (gates.includes('*')) return 'Every shift'
  return gates.map((gate) => (gate === '*' ? 'Every shift' : DUTY_LABELS[gate])).join(', ')
}

/**
 * A requirement's title short enough for a matrix column: the part before a colon ("NACCC 1"), or
 * the first words up to about 24 characters. The full title stays in the accessible name.
 */
export function shortTitle(title: string, max = 24): string {
  const colon = title.indexOf(':')
  if (colon > 0 && colon <= max) return title.slice(0, colon)
  if (title.length <= max) return title
  const words = title.split(' ')
  let short = ''
  for (const word of words) {
    if (`${short} ${word}`.trim().length > max - 1) break
    short = `${short} ${word}`.trim()
  }
  return `${short || title.slice(0, max - 1)}…`
}

const WEEKDAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays']

/** A weekly pattern in words, one line per day: "Saturdays 09:30–13:00 and 14:00–16:00". */
export function availabilityLines(
  windows: readonly { weekday: number; from: string; to: string }[],
): string[] {
  const byDay = new Map<number, string[]>()
  for (const w of [...windows].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from))) {
    const list = byDay.get(w.weekday) ?? []
    list.push(`${w.from}–${w.to}`)
    byDay.set(w.weekday, list)
  }
  return [...byDay].map(([day, times]) => `${WEEKDAYS[day - 1] ?? ''} ${times.join(' and ')}`)
}

/** A round top for a chart's scale: 18 → 20, 7 → 8, 130 → 150. */
export function niceMax(value: number): number {
  if (value <= 0) return 1
  const magnitude = 10 ** Math.floor(Math.log10(value))
  const steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]
  for (const step of steps) if (step * magnitude >= value) return step * magnitude
  return 10 * magnitude
}

/** "1 volunteer", "3 volunteers". */
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`

/** "60, 30, 7" as days, largest first; null unless it is 1 to 6 whole numbers from 1 to 365. */
export function parseAlertDays(text: string): number[] | null {
  const parts = text.split(/[,\s]+/).filter(Boolean)
  if (parts.length < 1 || parts.length > 6 || parts.some((p) => !/^\d+$/.test(p))) return null
  const days = parts.map(Number)
  if (days.some((d) => d < 1 || d > 365)) return null
  return [...new Set(days)].sort((a, b) => b - a)
}
