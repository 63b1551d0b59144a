import type {
  Duty,
  MyVolunteering,
  RequirementState,
  RotaProblem,
  RotaView,
  SuggestionView,
} from '../../../domain/volunteers/volunteers.schemas'

// Volunteering in words, shared by the rota, the hours page and a volunteer's own page. The labels
// are the server's own (domain/volunteers/volunteer.rules.ts), copied: web/ imports schemas only.

export type { Duty, MyVolunteering, RequirementState, RotaProblem, RotaView, SuggestionView }
export type Shift = RotaView['shifts'][number]
export type Position = Shift['positions'][number]
export type Placed = Position['assigned'][number]
export type SwapRequest = RotaView['swaps'][number]
export type MyShift = MyVolunteering['shifts'][number]

export const DUTY_LABELS: Record<Duty, string> = {
  team_leader: 'Team leader',
  supervisor: 'Supervisor',
  escort: 'Escort',
  reception: 'Reception',
  floor: 'Floor',
}

/** A volunteer's job on a shift: "Supervising C-2026-0003", "Escort for C-2026-0007", "Team leader". */
export function jobWords(shift: Pick<MyShift, 'duty' | 'sessionLabel'>): string {
  if (shift.sessionLabel && shift.duty === 'supervisor') return `Supervising ${shift.sessionLabel}`
  if (shift.sessionLabel && shift.duty === 'escort') return `Escort for ${shift.sessionLabel}`
  return DUTY_LABELS[shift.duty]
}

/** The rota's label for a swap whose shift has gone (the session moved, or a closure was added). */
export const GONE_SHIFT = 'A shift that no longer exists'

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** "3 hours 30 minutes", "1 hour", "45 minutes". */
export function hoursWords(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  const parts: string[] = []
  if (hours > 0) parts.push(`${hours} hour${hours === 1 ? '' : 's'}`)
  if (rest > 0 || hours === 0) parts.push(`${rest} minute${rest === 1 ? '' : 's'}`)
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

/** True when a problem refuses the placement outright (soft ones only warn). */
export const isHard = (problems: readonly RotaProblem[]): boolean => problems.some((p) => p.hard)

/** The first day of the month a date falls in, and the last. */
export const monthStart = (date: string): string => `${date.slice(0, 7)}-01`
export function monthEnd(date: string): string {
  const [year = 2000, month = 1] = date.split('-').map(Number)
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${date.slice(0, 7)}-${String(last).padStart(2, '0')}`
}
/** The first day of the month `by` months on (negative for earlier). */
export function shiftMonth(date: string, by: number): string {
  const [year = 2000, month = 1] = date.split('-').map(Number)
  const moved = new Date(Date.UTC(year, month - 1 + by, 1))
  return moved.toISOString().slice(0, 10)
}
const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
/** "August 2026". */
export const formatMonth = (date: string): string =>
  monthName.format(new Date(`${monthStart(date)}T00:00:00Z`))

const shortDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})
/** "3 Jan 2027" for a local date. */
export const formatShortDate = (date: string): string => shortDate.format(new Date(`${date}T00:00:00Z`))

const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`

/** What to do about a requirement, in plain words: "First aid: expires on 3 Jan 2027 — please book a refresher". */
export function dueWords(state: RequirementState): string {
  const what = `${state.title}: ${lowerFirst(state.detail)}`
  if (state.code === 'policies') return `${what} — see “Policies to read” below`
  switch (state.status) {
    case 'expiring':
      return state.code === 'dbs'
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
