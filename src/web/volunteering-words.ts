import type {
  Duty,
  Gate,
  MyVolunteering,
  RequirementKind,
  RequirementState,
  RequirementStatus,
  RotaProblem,
  VolunteerStage,
} from '../domain/volunteers/volunteers.schemas'
import { weekdayName } from './pages/settings/opening-words'

// Volunteering in the centres' words, for the coordinator's pages, the rota, the hours page and a
// volunteer's own page. The stage and duty labels are the server's own
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

/** A stage the API names, in words; a code this page does not know, as it is. */
export const stageLabel = (stage: string): string =>
  stage in STAGE_LABELS ? STAGE_LABELS[stage as VolunteerStage] : stage

/** On the way in: the stages before their first shift, in order. */
export const PIPELINE_STAGES: VolunteerStage[] = [
  'enquiry',
  'role_meeting',
  'application',
  'references',
  'dbs_applied',
  'cleared',
  'training',
]

/** The board's columns, in order; those who left or withdrew are shown only on request. */
export const BOARD_STAGES: VolunteerStage[] = [...PIPELINE_STAGES, 'mentored', 'active', 'leaving']
export const PAST_STAGES: VolunteerStage[] = ['left', 'withdrawn']

export const DUTY_LABELS: Record<Duty, string> = {
  team_leader: 'Team leader',
  supervisor: 'Supervisor',
  escort: 'Escort',
  reception: 'Reception',
  floor: 'Floor',
}

/** Duties a coordinator gives; floor and reception are open to anyone who can be rostered. */
export const GIVEN_DUTIES: Duty[] = ['team_leader', 'supervisor', 'escort']

export const KIND_LABELS: Record<RequirementKind, string> = {
  dbs: 'DBS check',
  training: 'Training',
  qualification: 'Qualification',
  checklist: 'Checklist item',
  policies: 'Policies read',
}

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
  ...STATUS_LABELS,
  renewal: 'Renewal',
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
  'VOL-SIGN-IN': 'Reload the page to see their sign-in as it stands now.',
  STALE: 'Reload the page to see the latest, then try again.',
}

/** How long a requirement lasts: "3 years", "18 months", "Does not expire". */
export function validityWords(validMonths: number | null): string {
  if (validMonths === null) return 'Does not expire'
  if (validMonths % 12 === 0) return plural(validMonths / 12, 'year')
  return plural(validMonths, 'month')
}

/** When a requirement must be done: "Before starting", "Within 90 days of starting". */
export const deadlineWords = (dueDays: number | null): string =>
  dueDays === null ? 'Before starting' : `Within ${plural(dueDays, 'day')} of starting`

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
  let short = ''
  for (const word of title.split(' ')) {
    if (`${short} ${word}`.trim().length > max - 1) break
    short = `${short} ${word}`.trim()
  }
  return `${short || title.slice(0, max - 1)}…`
}

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
  return [...byDay].map(([day, times]) => `${weekdayName(day)}s ${times.join(' and ')}`)
}

/** "1 volunteer", "3 volunteers". */
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`

/** A volunteer's job on a shift: "Supervising C-2026-0003", "Escort for C-2026-0007", "Team leader". */
export function jobWords(shift: Pick<MyVolunteering['shifts'][number], 'duty' | 'sessionLabel'>): string {
  if (shift.sessionLabel && shift.duty === 'supervisor') return `Supervising ${shift.sessionLabel}`
  if (shift.sessionLabel && shift.duty === 'escort') return `Escort for ${shift.sessionLabel}`
  return DUTY_LABELS[shift.duty]
}

/** The rota's label for a swap whose shift has gone (the session moved, or a closure was added). */
export const GONE_SHIFT = 'A shift that no longer exists'

/** True when a problem refuses the placement outright (soft ones only warn). */
export const isHard = (problems: readonly RotaProblem[]): boolean => problems.some((p) => p.hard)

/** "3 hours 30 minutes", "1 hour", "45 minutes". */
export function hoursWords(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  const parts: string[] = []
  if (hours > 0) parts.push(plural(hours, 'hour'))
  if (rest > 0 || hours === 0) parts.push(plural(rest, 'minute'))
  return parts.join(' ')
}

/** Hours as a number with at most one decimal: 12.5. */
export const decimalHours = (minutes: number): string => String(Math.round(minutes / 6) / 10)

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' })
export const formatPounds = (pence: number): string => pounds.format(pence / 100)

/** Pounds typed by a person ("12.50", "£3") as whole pence, or null when empty or not a sum. */
export function penceOf(typed: string): number | null {
  const cleaned = typed.replace(/[£,\s]/g, '')
  if (cleaned === '' || !/^\d+(\.\d{1,2})?$/.test(cleaned)) return null
  return Math.round(Number(cleaned) * 100)
}

const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`

/** What to do about a requirement, in plain words: "First aid: expires on 3 Jan 2027 — please book a refresher". */
export function dueWords(state: RequirementState): string {
  const what = `${state.title}: ${lowerFirst(state.detail)}`
  if (state.kind === 'policies') return `${what} — see “Policies to read” below`
  switch (state.status) {
    case 'expiring':
      return state.kind === 'dbs'
        ? `${what} — please ask the coordinator to start the renewal`
        : `${what} — please book a refresher`
    case 'expired':
      return state.blocks
        ? `${what} — you cannot be put on the rota for this until it is renewed; please talk to the coordinator`
        : `${what} — please book a refresher`
    case 'renewal':
      return `${what} — nothing to do for now`
    case 'due':
      return `${what} — please book it`
    case 'overdue':
    case 'missing':
      return `${what} — please talk to the coordinator`
    case 'ok':
    case 'optional':
      return what
  }
}

/** A round top for a chart's scale: 18 → 20, 7 → 8, 130 → 150. */
export function niceMax(value: number): number {
  if (value <= 0) return 1
  const magnitude = 10 ** Math.floor(Math.log10(value))
  const steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]
  for (const step of steps) if (step * magnitude >= value) return step * magnitude
  return 10 * magnitude
}

/** "60, 30, 7" as days, largest first; null unless it is 1 to 6 whole numbers from 1 to 365. */
export function parseAlertDays(text: string): number[] | null {
  const parts = text.split(/[,\s]+/).filter(Boolean)
  if (parts.length < 1 || parts.length > 6 || parts.some((p) => !/^\d+$/.test(p))) return null
  const days = parts.map(Number)
  if (days.some((d) => d < 1 || d > 365)) return null
  return [...new Set(days)].sort((a, b) => b - a)
}
