import { randomId } from '@mantine/hooks'
import type { Attendance, PartyRole, RiskFlag, ServiceType, Side } from '../../../api/types'
import { courtOrderBody, type CourtOrderValues } from '../shared/court-order-fields'

// The draft lives in React state only: never in browser storage (nothing may outlive sign-out).

export interface ChildValues {
  key: string
  fullName: string
  dateOfBirth: string
  needs: { feedingHelp: boolean; changingHelp: boolean; medical: string; language: string; other: string }
  protected: { school: string }
}

export interface AdultValues {
  key: string
  role: Exclude<PartyRole, 'child'>
  side: Side | ''
  fullName: string
  details: {
    relationshipToChild: string
    language: string
    interpreterNeeded: boolean
    accessibility: string
  }
  protected: { address: string; phone: string; email: string }
  attendance: Attendance
}

export interface ReferralValues {
  centreId: string
  sourceCode: string
  serviceRequested: ServiceType | ''
  frequencyRequested: string
  referrer: {
    name: string
    organisation: string
    role: string
    email: string
    phone: string
    actingFor: 'resident' | 'non_resident' | 'both'
  }
  children: ChildValues[]
  adults: AdultValues[]
  courtOrders: (CourtOrderValues & { key: string })[]
  risk: { flags: RiskFlag[]; narrative: string }
}

export const newChild = (): ChildValues => ({
  key: randomId(),
  fullName: '',
  dateOfBirth: '',
  needs: { feedingHelp: false, changingHelp: false, medical: '', language: '', other: '' },
  protected: { school: '' },
})

export const newAdult = (role: AdultValues['role'] = 'named_attendee'): AdultValues => ({
  key: randomId(),
  role,
  side: '',
  fullName: '',
  details: { relationshipToChild: '', language: '', interpreterNeeded: false, accessibility: '' },
  protected: { address: '', phone: '', email: '' },
  attendance: 'allowed',
})

export const emptyReferral = (): ReferralValues => ({
  centreId: '',
  sourceCode: '',
  serviceRequested: '',
  frequencyRequested: '',
  referrer: { name: '', organisation: '', role: '', email: '', phone: '', actingFor: 'both' },
  children: [newChild()],
  adults: [newAdult('resident_parent'), newAdult('non_resident_parent')],
  courtOrders: [],
  risk: { flags: [], narrative: '' },
})

export interface Problem {
  /** The form field it belongs to, as the server names it ("children.0.fullName"). */
  path: string
  message: string
}

const EMAIL = /^\S+@\S+\.\S+$/
const childName = (c: ChildValues, i: number) => c.fullName.trim() || `child ${i + 1}`
const adultName = (a: AdultValues, i: number) => a.fullName.trim() || `adult ${i + 1}`

/** What must be filled in before the referral can be sent, in the order of the form. */
export function missingToSend(values: ReferralValues, isDesk: boolean): Problem[] {
  const problems: Problem[] = []
  const add = (path: string, message: string) => problems.push({ path, message })
  if (!values.centreId) add('centreId', 'Choose the centre')
  if (!values.sourceCode) add('sourceCode', 'Choose who referred the family')
  if (!values.serviceRequested) add('serviceRequested', 'Choose the service asked for')
  const r = values.referrer
  const anyReferrer = [r.name, r.organisation, r.role, r.email, r.phone].some((v) => v.trim())
  if (isDesk && anyReferrer && !r.name.trim()) add('referrer.name', 'Enter the referrer’s name')
  if (r.email.trim() && !EMAIL.test(r.email.trim()))
    add('referrer.email', 'Enter the referrer’s email correctly')
  if (values.children.length === 0) add('children', 'Add at least one child')
  values.children.forEach((c, i) => {
    if (!c.fullName.trim()) add(`children.${i}.fullName`, `Enter the name of child ${i + 1}`)
    if (!c.dateOfBirth) add(`children.${i}.dateOfBirth`, `Enter the date of birth of ${childName(c, i)}`)
  })
  if (values.adults.length === 0) add('adults', 'Add at least one adult')
  values.adults.forEach((a, i) => {
    if (!a.fullName.trim()) add(`adults.${i}.fullName`, `Enter the name of adult ${i + 1}`)
    const email = a.protected.email.trim()
    if (email && !EMAIL.test(email))
      add(`adults.${i}.protected.email`, `Enter ${adultName(a, i)}’s email correctly`)
  })
  return problems
}

/** What the centre will still need before intake can start; the referral can be sent without it. */
export function neededForIntake(values: ReferralValues): string[] {
  const needed: string[] = []
  const parents = [
    { role: 'resident_parent', label: 'the parent the children live with' },
    { role: 'non_resident_parent', label: 'the visiting parent' },
  ] as const
  for (const { role, label } of parents) {
    const index = values.adults.findIndex((a) => a.role === role)
    const parent = values.adults[index]
    if (!parent) {
      needed.push(`Details of ${label}`)
      continue
    }
    const { address, phone, email } = parent.protected
    if (![address, phone, email].some((v) => v.trim()))
      needed.push(`A phone number, email or address for ${adultName(parent, index)}`)
  }
  return needed
}

const isParent = (role: string) => role === 'resident_parent' || role === 'non_resident_parent'

/** Staff record who referred the family, if anyone; a referrer is named from their own account. */
function referrerBody(r: ReferralValues['referrer'], isDesk: boolean, me: { name: string; email: string }) {
  if (!isDesk) return { ...r, name: me.name, email: me.email }
  const anyReferrer = [r.name, r.organisation, r.role, r.email, r.phone].some((v) => v.trim())
  return anyReferrer ? { ...r, name: r.name.trim() } : null
}

/** The body for POST /api/referrals. */
export function toCreateBody(values: ReferralValues, isDesk: boolean, me: { name: string; email: string }) {
  return {
    centreId: values.centreId,
    sourceCode: values.sourceCode,
    serviceRequested: values.serviceRequested as ServiceType,
    frequencyRequested: values.frequencyRequested,
    referrer: referrerBody(values.referrer, isDesk, me),
    children: values.children.map(({ key: _key, ...child }) => child),
    adults: values.adults.map(({ key: _key, side, ...adult }) => ({
      ...adult,
      side: isParent(adult.role) || side === '' ? null : side,
    })),
    courtOrders: values.courtOrders.map(({ key: _key, ...order }) => courtOrderBody(order)),
    risk: values.risk,
  }
}
