import { Temporal } from 'temporal-polyfill'
import { plusDays } from '../scheduling/schedule.rules'
import type {
  AvailabilityWindow,
  Duty,
  Gate,
  RequirementKind,
  RequirementState,
  RequirementStatus,
  VolunteerStage,
} from './volunteers.schemas'

// Pure rules about volunteers: the pipeline, where each stands on each requirement, and who can be
// rostered. Every screen and every refusal is worked out here, so they cannot disagree.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** "3 Oct 2026": cheap enough to call for every cell of a matrix. */
export const sayDay = (date: string): string =>
  `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}`

export const plusMonths = (date: string, months: number): string =>
  Temporal.PlainDate.from(date).add({ months }).toString()

/** Whole years between a date of birth and a day. */
export function ageOn(dateOfBirth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4))
  return on.slice(5) < dateOfBirth.slice(5) ? years - 1 : years
}

// ---------- The pipeline ----------

/** Stages from which a volunteer may be placed on a shift. */
export const ROSTERABLE_STAGES: readonly VolunteerStage[] = ['mentored', 'active', 'leaving']
/** Stages still on the way in: the pipeline the staffing chart counts. */
export const PIPELINE_STAGES: readonly VolunteerStage[] = [
  'enquiry',
  'role_meeting',
  'application',
  'references',
  'dbs_applied',
  'cleared',
  'training',
]

/** Allowed moves. Anyone on the way in may withdraw; anyone rostered may leave. */
export const STAGE_MOVES: Record<VolunteerStage, readonly VolunteerStage[]> = {
  enquiry: ['role_meeting', 'withdrawn'],
  role_meeting: ['application', 'withdrawn'],
  application: ['references', 'withdrawn'],
  references: ['dbs_applied', 'withdrawn'],
  dbs_applied: ['cleared', 'withdrawn'],
  cleared: ['training', 'withdrawn'],
  training: ['mentored', 'active', 'withdrawn'],
  mentored: ['active', 'leaving', 'left'],
  active: ['leaving', 'left'],
  leaving: ['active', 'left'],
  left: ['enquiry'],
  withdrawn: ['enquiry'],
}

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

export const DUTY_LABELS: Record<Duty, string> = {
  team_leader: 'Team leader',
  supervisor: 'Supervisor',
  escort: 'Escort',
  reception: 'Reception',
  floor: 'Floor',
}

// ---------- Requirements ----------

export interface RequirementFacts {
  id: string
  code: string
  title: string
  kind: RequirementKind
  mandatory: boolean
  validMonths: number | null
  dueDays: number | null
  gates: readonly Gate[]
}

export interface RecordFacts {
  requirementId: string
  completedOn: string
  expiresOn: string | null
  passed: boolean
  renewalStartedOn: string | null
}

/** One must-read policy as it stands for one volunteer. */
export interface PolicyFacts {
  title: string
  currentPublishedOn: string
  acknowledgedCurrent: boolean
  acknowledgedEarlier: boolean
}

export interface StatusOptions {
  /** Records expiring within this many days show as expiring (the first alert). */
  expiringWithinDays: number
  policyGraceDays: number
}

const SEVERITY: Record<RequirementStatus, number> = {
  optional: 0,
  ok: 1,
  expiring: 2,
  renewal: 3,
  due: 4,
  expired: 5,
  overdue: 6,
  missing: 7,
}
export const BLOCKING: ReadonlySet<RequirementStatus> = new Set(['expired', 'overdue', 'missing'])

/** The expiry a record gets when none is given: its completion plus the requirement's validity. */
export const defaultExpiry = (
  req: Pick<RequirementFacts, 'validMonths'>,
  completedOn: string,
): string | null => (req.validMonths === null ? null : plusMonths(completedOn, req.validMonths))

function state(
  req: RequirementFacts,
  status: RequirementStatus,
  detail: string,
  extra: Partial<Pick<RequirementState, 'completedOn' | 'expiresOn' | 'dueOn' | 'renewalStartedOn'>> = {},
): RequirementState {
  return {
    requirementId: req.id,
    code: req.code,
    title: req.title,
    kind: req.kind,
    status,
    blocks: BLOCKING.has(status) && req.gates.length > 0,
    gates: [...req.gates],
    completedOn: extra.completedOn ?? null,
    expiresOn: extra.expiresOn ?? null,
    dueOn: extra.dueOn ?? null,
    renewalStartedOn: extra.renewalStartedOn ?? null,
    detail,
  }
}

function notDone(
  req: RequirementFacts,
  startedOn: string | null,
  asOf: string,
  what: string,
): RequirementState {
  if (!req.mandatory) return state(req, 'optional', 'Not done (optional)')
  if (req.dueDays === null) return state(req, 'missing', `${what}: needed before starting`)
  if (startedOn === null) return state(req, 'due', `${what}: due within ${req.dueDays} days of starting`)
  const dueOn = plusDays(startedOn, req.dueDays)
  return asOf > dueOn
    ? state(req, 'overdue', `${what}: was due by ${sayDay(dueOn)}`, { dueOn })
    : state(req, 'due', `${what}: due by ${sayDay(dueOn)}`, { dueOn })
}

/**
 * Where a volunteer stands on one requirement on a day. `record` is their latest record for it;
 * `policies` (for the policies requirement) lists each must-read policy as it stands for them.
 */
export function requirementState(
  req: RequirementFacts,
  record: RecordFacts | undefined,
  startedOn: string | null,
  asOf: string,
  options: StatusOptions,
  policies: readonly PolicyFacts[] = [],
): RequirementState {
  if (req.kind === 'policies') return policiesState(req, startedOn, asOf, options, policies)
  if (!record) return notDone(req, startedOn, asOf, 'Not done')
  if (!record.passed) {
    const refused = state(req, 'missing', req.kind === 'dbs' ? 'Not cleared' : 'Not passed', {
      completedOn: record.completedOn,
    })
    return req.mandatory ? refused : state(req, 'optional', 'Not passed (optional)')
  }
  const dates = {
    completedOn: record.completedOn,
    expiresOn: record.expiresOn,
    renewalStartedOn: record.renewalStartedOn,
  }
  const renewal = record.renewalStartedOn
    ? `renewal in progress since ${sayDay(record.renewalStartedOn)}`
    : null
  if (record.expiresOn !== null && record.expiresOn < asOf) {
    return state(
      req,
      'expired',
      `Expired on ${sayDay(record.expiresOn)}${renewal ? `; ${renewal}` : ''}`,
      dates,
    )
  }
  if (renewal) {
    const runs = record.expiresOn ? `; the current one runs to ${sayDay(record.expiresOn)}` : ''
    return state(req, 'renewal', `${renewal[0]?.toUpperCase()}${renewal.slice(1)}${runs}`, dates)
  }
  if (record.expiresOn !== null && record.expiresOn <= plusDays(asOf, options.expiringWithinDays)) {
    return state(req, 'expiring', `Expires on ${sayDay(record.expiresOn)}`, dates)
  }
  return state(
    req,
    'ok',
    record.expiresOn ? `Valid until ${sayDay(record.expiresOn)}` : `Done on ${sayDay(record.completedOn)}`,
    dates,
  )
}

function policiesState(
  req: RequirementFacts,
  startedOn: string | null,
  asOf: string,
  options: StatusOptions,
  policies: readonly PolicyFacts[],
): RequirementState {
  const outstanding = policies.filter((p) => !p.acknowledgedCurrent)
  if (outstanding.length === 0) {
    return state(
      req,
      'ok',
      policies.length === 0
        ? 'No policies to read'
        : policies.length === 1
          ? 'The policy is read'
          : `All ${policies.length} policies read`,
    )
  }
  const each = outstanding.map((policy) => {
    // New to someone already working (a new version, or a policy added after they started): they have
    // a grace period from its publication. Anyone not yet started reads it before starting.
    const addedSinceStart = startedOn !== null && policy.currentPublishedOn > startedOn
    if (!policy.acknowledgedEarlier && !addedSinceStart)
      return notDone(req, startedOn, asOf, `${policy.title} not read`)
    const what = policy.acknowledgedEarlier ? `New version of ${policy.title}` : `New policy ${policy.title}`
    const dueOn = plusDays(policy.currentPublishedOn, options.policyGraceDays)
    return asOf > dueOn
      ? state(req, 'overdue', `${what} not read: was due by ${sayDay(dueOn)}`, { dueOn })
      : state(req, 'due', `${what} to read by ${sayDay(dueOn)}`, { dueOn })
  })
  const worst = each.reduce((a, b) => (SEVERITY[b.status] > SEVERITY[a.status] ? b : a))
  const more = outstanding.length > 1 ? ` (${outstanding.length} policies to read)` : ''
  return { ...worst, detail: `${worst.detail}${more}` }
}

/** The worst of several states, for a one-word summary. */
export const worstStatus = (states: readonly RequirementState[]): RequirementStatus =>
  states.reduce<RequirementStatus>((w, s) => (SEVERITY[s.status] > SEVERITY[w] ? s.status : w), 'ok')

/**
 * The requirements that stop a volunteer doing a duty: those blocking, gating every shift or that duty;
 * and one not mandatory for everyone but gating this duty by name, not done or not passed (a
 * supervisor needs the supervisor qualification, R-STF-5).
 */
export const blockingFor = (states: readonly RequirementState[], duty: Duty): RequirementState[] =>
  states.flatMap((s) => {
    if (s.blocks && (s.gates.includes('*') || s.gates.includes(duty))) return [s]
    if (s.status !== 'optional' || !s.gates.includes(duty)) return []
    const detail = `${s.detail.replace(/ \(optional\)$/, '')}: needed for ${DUTY_LABELS[duty].toLowerCase()} places`
    return [{ ...s, status: 'missing' as const, blocks: true, detail }]
  })

// ---------- Rostering ----------

export interface VolunteerFacts {
  id: string
  fullName: string
  stage: VolunteerStage
  duties: readonly Duty[]
  mentorId: string | null
  startedOn: string | null
  mentoringUntil: string | null
  plannedEndOn: string | null
  availability: readonly AvailabilityWindow[]
  exceptions: readonly { firstDay: string; lastDay: string; kind: 'unavailable' | 'available' }[]
  maxShiftsPerMonth: number
}

/** A volunteer in their mentored first year works beside their mentor and leads nothing. */
export const isMentee = (v: Pick<VolunteerFacts, 'stage' | 'mentorId'>): boolean =>
  v.stage === 'mentored' && v.mentorId !== null

/** Why the stage alone stops a volunteer working on a day, or null. */
export function stageProblem(v: VolunteerFacts, date: string): string | null {
  if (!ROSTERABLE_STAGES.includes(v.stage))
    return `${v.fullName} is at “${STAGE_LABELS[v.stage]}” and cannot be rostered yet`
  if (v.stage === 'leaving' && v.plannedEndOn !== null && date > v.plannedEndOn)
    return `${v.fullName} leaves on ${sayDay(v.plannedEndOn)}`
  return null
}

/** Why a volunteer cannot take a duty, or null. Floor and reception are open to anyone rosterable. */
export function dutyProblem(v: VolunteerFacts, duty: Duty): string | null {
  if (duty === 'floor' || duty === 'reception') return null
  if (isMentee(v))
    return `${v.fullName} is in their mentored first year and cannot be ${DUTY_LABELS[duty].toLowerCase()}`
  if (!v.duties.includes(duty))
    return `${v.fullName} is not down as ${duty === 'escort' ? 'an' : 'a'} ${DUTY_LABELS[duty].toLowerCase()}`
  return null
}

/** True when the volunteer said they can work that day between those local times. */
export function isAvailable(
  v: VolunteerFacts,
  date: string,
  weekday: number,
  from: string,
  to: string,
): boolean {
  const covering = v.exceptions.filter((e) => e.firstDay <= date && date <= e.lastDay)
  if (covering.some((e) => e.kind === 'unavailable')) return false
  if (covering.some((e) => e.kind === 'available')) return true
  return v.availability.some((w) => w.weekday === weekday && w.from <= from && w.to >= to)
}

export const overlaps = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) =>
  a.startsAt < b.endsAt && b.startsAt < a.endsAt
