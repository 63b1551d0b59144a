import type { ProtectedField, Side } from '../referrals/parties.schemas'
import type { ReportLine } from './report-content'

// The check every report passes before it leaves the centre (R-CONF-1, domain rules 6.4): no
// party's address, phone, email, school or new partner may appear in it, nor anything that looks
// like a postcode, a phone number or an email address. A finding says whose, what and where,
// never the value itself, so the finding can be shown and kept without leaking what it found.

/** One person's protected details, as the centre holds them. */
export interface ProtectedValues {
  side: Side | null
  /** Their role on the case (resident_parent, child…), to say whose detail it is. */
  role: string
  values: Partial<Record<ProtectedField, string | null>>
}

export interface RedactionFinding {
  side: Side | null
  field: string
  where: string
  message: string
}

export interface RedactionResult {
  checked: string[]
  findings: RedactionFinding[]
  ok: boolean
}

/** Values shorter than this are too common to look for ("Flat", "2"). */
const MIN_LENGTH = 4

const FIELD_WORDS: Record<ProtectedField, string> = {
  address: 'address',
  phone: 'phone number',
  email: 'email address',
  school: 'school',
  newPartner: 'new partner’s details',
}

const ROLE_WORDS: Record<string, string> = {
  child: 'a child',
  resident_parent: 'the resident parent',
  non_resident_parent: 'the visiting parent',
}

const sideWords = (side: Side | null): string => {
  if (side === 'resident') return 'the resident parent’s side'
  if (side === 'non_resident') return 'the visiting parent’s side'
  return 'no side'
}

/** Lower case, straight quotes, commas as spaces, one space between words: how text is compared. */
export const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[,;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** True when the value appears in the text as whole words (not inside a longer word). */
export function containsWords(text: string, value: string): boolean {
  const needle = normalise(value)
  if (needle.length < MIN_LENGTH) return false
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(needle)}(?![\\p{L}\\p{N}])`, 'u').test(normalise(text))
}

const POSTCODE = /\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b/gi
const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi
/** Digits with at most two separators (space, dot, dash, brackets) between them: a phone number as written. */
const DIGIT_RUN = /\+?\d(?:[ .\-()]{0,2}\d)*/g

/** A phone number's digits without the country code or trunk zero: "+44 7700 900001" → "7700900001". */
export function phoneDigits(text: string): string {
  let digits = text.replace(/\D/g, '')
  if (digits.startsWith('0044')) digits = digits.slice(4)
  else if (digits.startsWith('44') && digits.length >= 12) digits = digits.slice(2)
  return digits.replace(/^0+/, '')
}

/** The parts of an address worth looking for: the whole, its postcode, its first line. */
export function addressParts(address: string): { part: string; words: string }[] {
  const parts = [{ part: address, words: 'it' }]
  const postcode = address.match(POSTCODE)?.at(-1)
  if (postcode) parts.push({ part: postcode, words: 'its postcode' })
  const firstLine = address.split(/[,\n]/)[0]?.trim() ?? ''
  if (firstLine !== address.trim()) parts.push({ part: firstLine, words: 'its first line' })
  return parts.filter((p) => normalise(p.part).length >= MIN_LENGTH)
}

/** Which part of the value is in the text ("it", "its postcode"...), or null. */
function matchOf(field: ProtectedField, value: string, text: string): string | null {
  if (field === 'phone') {
    const wanted = phoneDigits(value)
    if (wanted.length < MIN_LENGTH) return null
    const runs = text.match(DIGIT_RUN) ?? []
    return runs.some((run) => phoneDigits(run).includes(wanted)) ? 'it' : null
  }
  if (field === 'address' || field === 'newPartner') {
    const postcodeOf = (part: string) => normalise(part).replace(/ /g, '')
    for (const { part, words } of addressParts(value)) {
      if (words === 'its postcode') {
        const found = (text.match(POSTCODE) ?? []).some((code) => postcodeOf(code) === postcodeOf(part))
        if (found) return words
      } else if (containsWords(text, part)) return words
    }
    return null
  }
  return containsWords(text, value) ? 'it' : null
}

function whose(person: ProtectedValues): string {
  const role = ROLE_WORDS[person.role] ?? 'someone'
  return person.side ? `${role} on ${sideWords(person.side)}` : role
}

/** What kinds of detail were looked for, in words (never the values). */
function checkedKinds(people: ProtectedValues[]): string[] {
  const kinds = new Set<string>()
  for (const person of people)
    for (const [field, value] of Object.entries(person.values) as [ProtectedField, string | null][])
      if (value && value.trim() !== '') kinds.add(`${FIELD_WORDS[field]} of ${whose(person)}`)
  return [...kinds, 'any UK postcode', 'any phone number (10 digits or more)', 'any email address']
}

type Generic = 'postcode' | 'phone' | 'email'
const GENERIC_COVERED_BY: Record<Generic, ProtectedField[]> = {
  postcode: ['address', 'newPartner'],
  phone: ['phone'],
  email: ['email'],
}

function genericKinds(text: string): Generic[] {
  const kinds: Generic[] = []
  if ((text.match(POSTCODE) ?? []).length > 0) kinds.push('postcode')
  if ((text.match(DIGIT_RUN) ?? []).some((run) => run.replace(/\D/g, '').length >= 10)) kinds.push('phone')
  if ((text.match(EMAIL) ?? []).length > 0) kinds.push('email')
  return kinds
}

const GENERIC_WORDS: Record<Generic, string> = {
  postcode: 'Something that looks like a postcode',
  phone: 'Something that looks like a phone number',
  email: 'An email address',
}

/**
 * Looks for every person's protected details, and for anything shaped like a postcode, phone
 * number or email address, in every line of a report. A report with findings may not be released.
 */
export function checkRedaction(
  people: ProtectedValues[],
  lines: ReportLine[],
  /** Values the report must print that may look like a postcode (a case reference such as "C-AB12CD"). */
  known: string[] = [],
): RedactionResult {
  const findings: RedactionFinding[] = []
  const knownValues = known
    .filter((value) => value.trim() !== '')
    .map((value) => new RegExp(escape(value), 'gi'))
  for (const line of lines) {
    const found = new Set<ProtectedField>()
    for (const person of people) {
      for (const [field, value] of Object.entries(person.values) as [ProtectedField, string | null][]) {
        if (!value) continue
        const part = matchOf(field, value, line.text)
        if (!part) continue
        found.add(field)
        // One finding for each person's side, field and place is enough to find and fix it.
        if (findings.some((f) => f.side === person.side && f.field === field && f.where === line.heading))
          continue
        const what = part === 'it' ? '' : ` (${part})`
        findings.push({
          side: person.side,
          field,
          where: line.heading,
          message: `The ${FIELD_WORDS[field]} of ${whose(person)}${what} appears under “${line.heading}”. Take it out before the report is released.`,
        })
      }
    }
    const unknown = knownValues.reduce((text, value) => text.replace(value, ' '), line.text)
    for (const kind of genericKinds(unknown)) {
      if (GENERIC_COVERED_BY[kind].some((field) => found.has(field))) continue
      if (findings.some((f) => f.side === null && f.field === kind && f.where === line.heading)) continue
      findings.push({
        side: null,
        field: kind,
        where: line.heading,
        message: `${GENERIC_WORDS[kind]} appears under “${line.heading}”. Take it out, or check it is not anyone’s private detail.`,
      })
    }
  }
  return { checked: checkedKinds(people), findings, ok: findings.length === 0 }
}
