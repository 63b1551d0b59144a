import type { Side } from '../referrals/parties.schemas'
import { sayDay } from '../shared/wording'
import {
  OBSERVATION_SECTIONS,
  type ObservationSection,
  type ObservationSections,
} from './session-day.schemas'

// What a report to a referrer says, line by line, from plain facts (domain rules 6.2–6.4, 3.13).
// No database and no protected details here: the builder is never given an address, phone, email
// or school, so it cannot print one. The PDF prints exactly these lines; the redaction check reads them.

export interface ReportLine {
  heading: string
  text: string
}

/** Rows under column headings, such as one row per session. */
export interface ReportTable {
  kind: 'table'
  heading: string
  columns: string[]
  /** Each column's share of the page width; they add up to 1. */
  widths: number[]
  rows: string[][]
}

/** Paragraphs under a heading: level 1 for a session, level 2 for a part of its record. */
export interface ReportText {
  kind: 'text'
  heading: string
  level: 1 | 2
  /** Where a line of it is, in words a coordinator can find: the heading and, under a session, its date. */
  where: string
  paragraphs: string[]
}

export type ReportSection = ReportTable | ReportText

export interface ReportContent {
  title: string
  /** The facts under the title; a fact without a label is printed as a sentence of its own. */
  facts: { label: string | null; value: string }[]
  sections: ReportSection[]
  /** Printed at the foot of every page. */
  footer: string
}

export interface ReportHeading {
  centreName: string
  caseReference: string
  children: { fullName: string; dateOfBirth: string | null }[]
  from: string
  to: string
  /** Who receives it, as the release log names them ("Fran Adviser, JFCAS"). */
  recipient: string
  /** The centre's date on which it goes out (or would, for a preview). */
  releasedOn: string
}

export const CAUTION =
  'This report records what the supervisor saw and heard. It is factual and is not an assessment; it makes no recommendation about contact or residence and should be read with that in mind.'

export const SUPPORTED_FOOTER = 'Supported contact centres disclose dates and times of attendance only.'

/** "Mia Example", born 2020-06-01 → "M. E., born 2020": children appear by initials only. */
export function childInitials(child: { fullName: string; dateOfBirth: string | null }): string {
  const initials = child.fullName
    .split(/[\s-]+/)
    .map((part) => part.replace(/[^\p{L}]/gu, '').charAt(0))
    .filter((letter) => letter !== '')
    .map((letter) => `${letter.toUpperCase()}.`)
    .join(' ')
  const name = initials === '' ? 'A child' : initials
  const year = child.dateOfBirth?.slice(0, 4)
  return year ? `${name}, born ${year}` : name
}

function headingFacts(heading: ReportHeading): ReportContent['facts'] {
  const children = heading.children.map(childInitials)
  return [
    { label: 'Centre', value: heading.centreName },
    { label: 'Case reference', value: heading.caseReference },
    {
      label: heading.children.length === 1 ? 'Child' : 'Children',
      value: children.join('; ') || 'None named',
    },
    { label: 'Period', value: `${sayDay(heading.from)} to ${sayDay(heading.to)}` },
    { label: null, value: `Released to ${heading.recipient} on ${sayDay(heading.releasedOn)}` },
  ]
}

/** The report line by line, as the preview shows it and the PDF prints it. */
export function linesOf(content: ReportContent): ReportLine[] {
  const lines: ReportLine[] = [{ heading: 'Title', text: content.title }]
  for (const fact of content.facts)
    lines.push({ heading: 'Heading', text: fact.label ? `${fact.label}: ${fact.value}` : fact.value })
  for (const section of content.sections) {
    if (section.kind === 'table') {
      for (const row of section.rows)
        lines.push({
          heading: section.heading,
          text: section.columns.map((column, i) => `${column}: ${row[i] ?? ''}`).join('; '),
        })
      continue
    }
    if (section.paragraphs.length === 0) lines.push({ heading: section.where, text: section.heading })
    for (const paragraph of section.paragraphs) lines.push({ heading: section.where, text: paragraph })
  }
  lines.push({ heading: 'Footer', text: content.footer })
  return lines
}

// ---------- Dates and times (attendance) ----------

export type Outcome = 'attended' | 'late' | 'did_not_attend'

/** One tap at the door, in the centre's local time; voided taps are mistakes put right. */
export interface RegisterEntry {
  kind: string
  side: Side | null
  /** The listed person's role (resident_parent, grandparent…), or null for an unlisted visitor. */
  role: string | null
  /** Local `HH:mm`. */
  time: string
  /** The instant, for ordering. */
  at: string
  voided: boolean
}

export interface AttendanceSessionFacts {
  date: string
  localStart: string
  localEnd: string
  status: string
  /** Whether the session has started by the time of the report. */
  started: boolean
  /** Each side's own arrival time (local `HH:mm`), to tell lateness from the register. */
  arrivesAt: Record<Side, string>
  cancellation: { by: string; noticeHours: number | null } | null
  outcome: { resident: Outcome | null; nonResident: Outcome | null; explained: boolean } | null
  register: RegisterEntry[]
  /** Local `HH:mm` the session ended early, if it did (the reason is not disclosed). */
  endedEarlyAt: string | null
}

const SIDE_WORDS: Record<Side, string> = { non_resident: 'Visiting parent', resident: 'Resident parent' }

const ROLE_WORDS: Record<string, string> = {
  resident_parent: 'resident parent',
  non_resident_parent: 'visiting parent',
  grandparent: 'grandparent',
  foster_carer: 'foster carer',
  new_partner: 'partner',
  other_relative: 'relative',
  named_attendee: 'named attendee',
  social_worker: 'social worker',
  referrer: 'referrer',
  other: 'other adult',
}

const CANCELLER_WORDS: Record<string, string> = {
  centre: 'the centre',
  resident: 'the resident parent',
  non_resident: 'the visiting parent',
}

const minutesOf = (time: string): number => {
  const [h, m] = time.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/** First arrival and last departure of a side at the door, leaving out voided taps. */
export function registerTimes(
  register: RegisterEntry[],
  side: Side,
): { arrived: string | null; left: string | null } {
  const own = register.filter((e) => !e.voided && e.side === side).sort((a, b) => a.at.localeCompare(b.at))
  return {
    arrived: own.find((e) => e.kind === 'arrived')?.time ?? null,
    left: own.filter((e) => e.kind === 'left').at(-1)?.time ?? null,
  }
}

function sideCell(facts: AttendanceSessionFacts, side: Side, lateAfterMinutes: number): string {
  if (facts.status === 'cancelled' || facts.status === 'suspended') return '–'
  const times = registerTimes(facts.register, side)
  if (times.arrived !== null) {
    const late = minutesOf(times.arrived) - minutesOf(facts.arrivesAt[side])
    const span = `${times.arrived}–${times.left ?? 'not signed out'}`
    return late > lateAfterMinutes ? `Yes, ${span} (${late} min late)` : `Yes, ${span}`
  }
  const outcome = side === 'resident' ? facts.outcome?.resident : facts.outcome?.nonResident
  if (outcome === 'attended') return 'Yes (times not registered)'
  if (outcome === 'late') return 'Yes, late (times not registered)'
  if (outcome === 'did_not_attend') return 'No'
  return facts.started ? 'Not recorded' : 'Not yet held'
}

function whoAttended(facts: AttendanceSessionFacts, childCount: number): string | null {
  const present = facts.register.filter((e) => !e.voided && e.kind === 'arrived')
  const words: string[] = []
  for (const entry of present) {
    const side = entry.side === 'resident' ? 'resident' : 'visiting'
    const word = entry.role ? (ROLE_WORDS[entry.role] ?? 'other adult') : `a visitor with the ${side} parent`
    const label = entry.role && !entry.role.endsWith('_parent') ? `${word} (${side} side)` : word
    if (!words.includes(label)) words.push(label)
  }
  if (present.length === 0 && facts.outcome) {
    if (facts.outcome.nonResident === 'attended' || facts.outcome.nonResident === 'late')
      words.push('visiting parent')
    if (facts.outcome.resident === 'attended' || facts.outcome.resident === 'late')
      words.push('resident parent')
  }
  const handedOver = facts.register.some((e) => !e.voided && e.kind === 'child_handed_over')
  if (handedOver) words.push(childCount > 1 ? 'the children' : 'the child')
  return words.length > 0 ? `Attended: ${words.join(', ')}.` : null
}

const hoursWords = (hours: number): string => {
  if (hours < 1) return 'less than an hour’s notice'
  const whole = Math.floor(hours)
  return whole === 1 ? '1 hour’s notice' : `${whole} hours’ notice`
}

function notesCell(facts: AttendanceSessionFacts, childCount: number): string {
  const notes: string[] = []
  if (facts.status === 'cancelled') {
    const by = CANCELLER_WORDS[facts.cancellation?.by ?? ''] ?? 'the centre'
    const notice = facts.cancellation?.noticeHours
    notes.push(
      `Cancelled by ${by}${notice === null || notice === undefined ? '' : `, ${hoursWords(notice)}`}.`,
    )
  }
  if (facts.status === 'suspended') notes.push('Suspended: the family’s sessions were on hold.')
  const missed = (['non_resident', 'resident'] as const).filter(
    (side) =>
      (side === 'resident' ? facts.outcome?.resident : facts.outcome?.nonResident) === 'did_not_attend',
  )
  if (missed.length > 0) {
    const who = missed.map((side) => SIDE_WORDS[side].toLowerCase()).join(' and ')
    const reason = facts.outcome?.explained ? 'a reason was given' : 'no reason was given'
    notes.push(`Did not attend: ${who}; ${reason}.`)
  }
  if (facts.endedEarlyAt) notes.push(`Ended early at ${facts.endedEarlyAt}.`)
  const attended = facts.status === 'cancelled' ? null : whoAttended(facts, childCount)
  if (attended) notes.push(attended)
  if (facts.status === 'scheduled' && !facts.started) notes.push('Booked.')
  return notes.join(' ')
}

const SHORT_DAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})

/** "Sat 5 Dec 2026": short enough for a table column. */
export function shortDay(date: string): string {
  const parts = SHORT_DAY.formatToParts(new Date(`${date}T00:00:00Z`))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`
}

/**
 * The "Dates and times" report (domain rules 6.3): for each session of the period, when it was
 * booked, whether each parent came and when, who attended and any cancellation or missed session
 * with its kind of reason. No narrative, no names of adults, no free-text reasons.
 */
export function buildAttendanceReport(
  heading: ReportHeading,
  sessions: AttendanceSessionFacts[],
  lateAfterMinutes: number,
): ReportContent {
  const ordered = [...sessions].sort((a, b) =>
    `${a.date}${a.localStart}`.localeCompare(`${b.date}${b.localStart}`),
  )
  const childCount = heading.children.length
  const table: ReportTable = {
    kind: 'table',
    heading: 'Attendance',
    columns: ['Date', 'Booked', SIDE_WORDS.non_resident, SIDE_WORDS.resident, 'Notes'],
    widths: [0.19, 0.14, 0.19, 0.19, 0.29],
    rows: ordered.map((s) => [
      shortDay(s.date),
      `${s.localStart}–${s.localEnd}`,
      sideCell(s, 'non_resident', lateAfterMinutes),
      sideCell(s, 'resident', lateAfterMinutes),
      notesCell(s, childCount),
    ]),
  }
  const empty: ReportText = {
    kind: 'text',
    heading: 'Attendance',
    level: 1,
    where: 'Attendance',
    paragraphs: ['No sessions were booked for this family in the period.'],
  }
  return {
    title: 'Dates and times report',
    facts: headingFacts(heading),
    sections: [ordered.length > 0 ? table : empty],
    footer: SUPPORTED_FOOTER,
  }
}

// ---------- Supervised contact ----------

export const SECTION_HEADINGS: Record<ObservationSection, string> = {
  arrival: 'Arrival',
  greeting: 'Greeting',
  play: 'Play and interaction',
  care: 'Care given',
  childResponses: 'The child’s responses',
  boundaries: 'Boundaries',
  concerns: 'Concerns',
  intervention: 'Intervention',
  ending: 'The end and parting',
  quotes: 'Direct quotes',
}

/** A released observation record and the session it records. */
export interface ObservationFacts {
  date: string
  localStart: string
  localEnd: string
  author: string
  checkedBy: string | null
  sections: ObservationSections
}

const paragraphsOf = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')

function observationSections(record: ObservationFacts): ReportSection[] {
  const when = `${sayDay(record.date)}, ${record.localStart} to ${record.localEnd}`
  const sections: ReportSection[] = [
    {
      kind: 'text',
      heading: when,
      level: 1,
      where: when,
      paragraphs: [`Supervised by: ${record.author}`, `Checked by: ${record.checkedBy ?? 'not recorded'}`],
    },
  ]
  for (const name of OBSERVATION_SECTIONS) {
    const paragraphs = paragraphsOf(record.sections[name])
    if (paragraphs.length === 0) continue
    const heading = SECTION_HEADINGS[name]
    sections.push({
      kind: 'text',
      heading,
      level: 2,
      where: `${heading}, ${sayDay(record.date)}`,
      paragraphs,
    })
  }
  return sections
}

/**
 * The supervised contact report (domain rules 3.13, 6.2): each released observation record of the
 * period with who supervised and who checked it, the cautionary note and the distribution line.
 * Records not yet released are left out; the report says how many.
 */
export function buildSupervisedReport(
  heading: ReportHeading,
  records: ObservationFacts[],
  unreleased: number,
): ReportContent {
  const ordered = [...records].sort((a, b) =>
    `${a.date}${a.localStart}`.localeCompare(`${b.date}${b.localStart}`),
  )
  const intro: string[] = []
  if (ordered.length === 0) intro.push('No observation records of this period have been released.')
  if (unreleased > 0)
    intro.push(
      `${unreleased === 1 ? 'One record' : `${unreleased} records`} of this period ${unreleased === 1 ? 'is' : 'are'} still being checked and ${unreleased === 1 ? 'is' : 'are'} not included.`,
    )
  const sections: ReportSection[] = [
    { kind: 'text', heading: 'Please note', level: 1, where: 'Please note', paragraphs: [CAUTION, ...intro] },
    ...ordered.flatMap(observationSections),
    {
      kind: 'text',
      heading: 'Distribution',
      level: 1,
      where: 'Distribution',
      paragraphs: [`${heading.recipient}, ${sayDay(heading.releasedOn)}`],
    },
  ]
  return {
    title: 'Supervised contact report',
    facts: headingFacts(heading),
    sections,
    footer: `Confidential: for ${heading.recipient} only. Factual record; not an assessment.`,
  }
}
