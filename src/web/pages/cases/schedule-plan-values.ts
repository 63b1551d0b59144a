import type {
  CaseDetail,
  CentreDetail,
  PlanView,
  SchedulingSettings,
  ServiceType,
  Side,
} from '../../api/types'
import { SERVICES } from '../referrals/labels'

// The plan form's values: flat strings, as the fields hold them, and the API body made from them.

export type Frequency = PlanView['frequency']

export interface PlanValues {
  serviceType: ServiceType
  frequency: Frequency
  /** For monthly_weekday: '1' to '4', or '-1' for the last. */
  weekOfMonth: string
  /** The first date; when changing a plan, the first date the change applies to. */
  firstOn: string
  lastOn: string
  /** For on_dates: the days a parent who flies in is here. */
  dates: string[]
  startsAt: string
  durationMinutes: number | string
  venueId: string
  roomId: string
  firstArrivingParty: Side
  arrivalOffsetMinutes: number | string
  departureHoldMinutes: number | string
  residentEntrance: string
  residentWaitingRoomId: string
  nonResidentEntrance: string
  nonResidentWaitingRoomId: string
  isOffsite: boolean
  offsitePlace: string
  offsiteTravelMinutes: number | string
  offsiteEscort: string
  offsiteVisitingOrder: string
  skipDates: string[]
  notes: string
  /** Only when changing a plan. */
  reason: string
}

const orNull = (value: string) => (value.trim() ? value.trim() : null)
const toNumber = (value: number | string, fallback: number) => {
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(n) && value !== '' ? n : fallback
}

/** A fresh plan: the case's contact level, the centre's first open venue and its arrival rules. */
export function newPlanValues(
  detail: CaseDetail,
  centre: CentreDetail | undefined,
  settings: SchedulingSettings,
): PlanValues {
  const service = SERVICES.find((s) => s === detail.serviceLevel) ?? 'supported'
  const venue = centre?.venues.find((v) => !v.archived)
  return {
    serviceType: service,
    frequency: 'weekly',
    weekOfMonth: '1',
    firstOn: '',
    lastOn: '',
    dates: [],
    startsAt: '',
    durationMinutes: 120,
    venueId: venue?.id ?? '',
    roomId: '',
    firstArrivingParty: settings.firstArrivingParty,
    arrivalOffsetMinutes: settings.arrivalOffsetMinutes,
    departureHoldMinutes: settings.departureHoldMinutes,
    residentEntrance: '',
    residentWaitingRoomId: '',
    nonResidentEntrance: '',
    nonResidentWaitingRoomId: '',
    isOffsite: service === 'escorted',
    offsitePlace: '',
    offsiteTravelMinutes: 0,
    offsiteEscort: '',
    offsiteVisitingOrder: '',
    skipDates: [],
    notes: '',
    reason: '',
  }
}

/** The plan as it is, to change from a date on. */
export function planValues(plan: PlanView, from: string): PlanValues {
  return {
    serviceType: plan.serviceType,
    frequency: plan.frequency,
    weekOfMonth: String(plan.weekOfMonth ?? 1),
    firstOn: from < plan.firstOn ? plan.firstOn : from,
    lastOn: plan.lastOn ?? '',
    dates: plan.dates.filter((date) => date >= from),
    startsAt: plan.startsAt,
    durationMinutes: plan.durationMinutes,
    venueId: plan.venueId ?? '',
    roomId: plan.roomId ?? '',
    firstArrivingParty: plan.arrival.firstArrivingParty,
    arrivalOffsetMinutes: plan.arrival.arrivalOffsetMinutes,
    departureHoldMinutes: plan.arrival.departureHoldMinutes,
    residentEntrance: plan.arrival.resident.entrance ?? '',
    residentWaitingRoomId: plan.arrival.resident.waitingRoomId ?? '',
    nonResidentEntrance: plan.arrival.nonResident.entrance ?? '',
    nonResidentWaitingRoomId: plan.arrival.nonResident.waitingRoomId ?? '',
    isOffsite: plan.offsite !== null,
    offsitePlace: plan.offsite?.place ?? '',
    offsiteTravelMinutes: plan.offsite?.travelMinutes ?? 0,
    offsiteEscort: plan.offsite?.escort ?? '',
    offsiteVisitingOrder: plan.offsite?.visitingOrderReference ?? '',
    skipDates: [],
    notes: plan.notes ?? '',
    reason: '',
  }
}

type WeekOfMonth = 1 | 2 | 3 | 4 | -1

/** The first date a new plan books: the earliest chosen date for on_dates. */
export const firstDateOf = (values: PlanValues): string =>
  values.frequency === 'on_dates' ? ([...values.dates].sort()[0] ?? '') : values.firstOn

/** The last date: for on_dates the latest chosen date, so none falls beyond the booking horizon. */
function lastDateOf(values: PlanValues): string | null {
  if (values.frequency === 'one_off') return null
  if (values.frequency === 'on_dates') return [...values.dates].sort().at(-1) ?? null
  return orNull(values.lastOn)
}

/** The API body shared by "book" and "change" (without firstOn, from or reason). */
export function planBody(values: PlanValues, skipConflicting: boolean) {
  const repeats = values.frequency !== 'one_off' && values.frequency !== 'on_dates'
  return {
    serviceType: values.serviceType,
    frequency: values.frequency,
    weekOfMonth: values.frequency === 'monthly_weekday' ? (Number(values.weekOfMonth) as WeekOfMonth) : null,
    lastOn: lastDateOf(values),
    dates: values.frequency === 'on_dates' ? [...values.dates].sort() : [],
    startsAt: values.startsAt,
    durationMinutes: toNumber(values.durationMinutes, 120),
    venueId: orNull(values.venueId),
    roomId: orNull(values.roomId),
    arrival: {
      firstArrivingParty: values.firstArrivingParty,
      arrivalOffsetMinutes: toNumber(values.arrivalOffsetMinutes, 0),
      departureHoldMinutes: toNumber(values.departureHoldMinutes, 0),
      resident: {
        entrance: orNull(values.residentEntrance),
        waitingRoomId: orNull(values.residentWaitingRoomId),
      },
      nonResident: {
        entrance: orNull(values.nonResidentEntrance),
        waitingRoomId: orNull(values.nonResidentWaitingRoomId),
      },
    },
    offsite: values.isOffsite
      ? {
          place: values.offsitePlace.trim(),
          travelMinutes: toNumber(values.offsiteTravelMinutes, 0),
          escort: orNull(values.offsiteEscort),
          visitingOrderReference: orNull(values.offsiteVisitingOrder),
        }
      : null,
    skipDates: repeats ? values.skipDates : [],
    skipConflicting,
    notes: orNull(values.notes),
  }
}

/** The API's field names (`arrival.resident.entrance`, `offsite.place`, `from`) as the form's. */
const FIELD_NAMES: Record<string, keyof PlanValues> = {
  from: 'firstOn',
  'arrival.firstArrivingParty': 'firstArrivingParty',
  'arrival.arrivalOffsetMinutes': 'arrivalOffsetMinutes',
  'arrival.departureHoldMinutes': 'departureHoldMinutes',
  'arrival.resident.entrance': 'residentEntrance',
  'arrival.resident.waitingRoomId': 'residentWaitingRoomId',
  'arrival.nonResident.entrance': 'nonResidentEntrance',
  'arrival.nonResident.waitingRoomId': 'nonResidentWaitingRoomId',
  'offsite.place': 'offsitePlace',
  'offsite.travelMinutes': 'offsiteTravelMinutes',
  'offsite.escort': 'offsiteEscort',
  'offsite.visitingOrderReference': 'offsiteVisitingOrder',
}

export function toFormErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [FIELD_NAMES[field] ?? field, message]),
  )
}

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v)

/** Checks made in the browser, before asking the server; the server checks everything again. */
export const planValidation = {
  firstOn: (v: string, all: PlanValues) =>
    isDate(v) || all.frequency === 'on_dates' ? null : 'Enter the date',
  lastOn: (v: string, all: PlanValues) =>
    v && isDate(all.firstOn) && v < all.firstOn ? 'The last date is before the first' : null,
  dates: (v: string[], all: PlanValues) =>
    all.frequency !== 'on_dates' || v.length > 0 ? null : 'Add the dates the parent is here',
  startsAt: (v: string) => (/^\d{2}:\d{2}$/.test(v) ? null : 'Enter the start time, such as 10:15'),
  durationMinutes: (v: number | string) => {
    const n = Number(v)
    return Number.isInteger(n) && n >= 15 && n <= 480 ? null : 'Between 15 minutes and 8 hours'
  },
  venueId: (v: string, all: PlanValues) => (v || all.isOffsite ? null : 'Choose the venue'),
  roomId: (v: string, all: PlanValues) => (v || all.isOffsite ? null : 'Choose the room'),
  offsitePlace: (v: string, all: PlanValues) =>
    !all.isOffsite || v.trim() ? null : 'Say where the session takes place',
}
