import { randomId } from '@mantine/hooks'
import type { RiskFlag, ServiceType } from '../../api/types'

// Kept in React state only while the parent fills it in; never in browser storage.

export interface SelfChildValues {
  key: string
  fullName: string
  dateOfBirth: string
  feedingHelp: boolean
  changingHelp: boolean
}

export interface SelfReferralValues {
  role: 'resident_parent' | 'non_resident_parent' | ''
  fullName: string
  phone: string
  email: string
  address: string
  language: string
  interpreterNeeded: boolean
  accessibility: string
  otherParentName: string
  children: SelfChildValues[]
  serviceRequested: ServiceType | ''
  frequencyRequested: string
  otherPeopleToAttend: string
  courtOrderInPlace: 'yes' | 'no' | ''
  riskFlags: RiskFlag[]
  riskNarrative: string
  consent: boolean
  /** The honeypot: people never see it, so it stays empty. */
  website: string
}

export const newSelfChild = (): SelfChildValues => ({
  key: randomId(),
  fullName: '',
  dateOfBirth: '',
  feedingHelp: false,
  changingHelp: false,
})

export const emptySelfReferral = (): SelfReferralValues => ({
  role: '',
  fullName: '',
  phone: '',
  email: '',
  address: '',
  language: '',
  interpreterNeeded: false,
  accessibility: '',
  otherParentName: '',
  children: [newSelfChild()],
  serviceRequested: '',
  frequencyRequested: '',
  otherPeopleToAttend: '',
  courtOrderInPlace: '',
  riskFlags: [],
  riskNarrative: '',
  consent: false,
  website: '',
})

const EMAIL = /^\S+@\S+\.\S+$/

/** Each field still to fill in, with a kind message, keyed by the form's own field names. */
export function selfReferralProblems(v: SelfReferralValues): Record<string, string> {
  const problems: Record<string, string> = {}
  if (!v.role) problems.role = 'Tell us whether the children live with you'
  if (!v.fullName.trim()) problems.fullName = 'Enter your name'
  if (!v.phone.trim() && !v.email.trim())
    problems.phone = 'Give a phone number or an email so the centre can reach you'
  if (v.email.trim() && !EMAIL.test(v.email.trim()))
    problems.email = 'Enter your email, such as name@example.org'
  if (!v.otherParentName.trim()) problems.otherParentName = 'Enter the other parent’s name'
  v.children.forEach((c, i) => {
    if (!c.fullName.trim()) problems[`children.${i}.fullName`] = 'Enter your child’s name'
    if (!c.dateOfBirth) problems[`children.${i}.dateOfBirth`] = 'Enter your child’s date of birth'
  })
  if (!v.serviceRequested) problems.serviceRequested = 'Choose the kind of help you would like'
  if (!v.courtOrderInPlace) problems.courtOrderInPlace = 'Tell us whether there is a court order'
  if (!v.consent) problems.consent = 'Tick the box to say the centre may keep these details'
  return problems
}

/** The form's own names for the API's field paths, so the server's messages land on the right field. */
export const SERVER_PATHS: Record<string, string> = {
  'applicant.role': 'role',
  'applicant.fullName': 'fullName',
  'applicant.contact.phone': 'phone',
  'applicant.contact.email': 'email',
  'applicant.contact.address': 'address',
  'applicant.language': 'language',
  'applicant.accessibility': 'accessibility',
  'risk.narrative': 'riskNarrative',
  'risk.flags': 'riskFlags',
}

export function toSelfReferralBody(v: SelfReferralValues) {
  return {
    applicant: {
      role: v.role as 'resident_parent' | 'non_resident_parent',
      fullName: v.fullName.trim(),
      language: v.language,
      interpreterNeeded: v.interpreterNeeded,
      accessibility: v.accessibility,
      contact: { address: v.address, phone: v.phone, email: v.email.trim() },
    },
    otherParentName: v.otherParentName.trim(),
    children: v.children.map((c) => ({
      fullName: c.fullName.trim(),
      dateOfBirth: c.dateOfBirth,
      needs: { feedingHelp: c.feedingHelp, changingHelp: c.changingHelp },
    })),
    serviceRequested: v.serviceRequested as ServiceType,
    frequencyRequested: v.frequencyRequested,
    otherPeopleToAttend: v.otherPeopleToAttend,
    courtOrderInPlace: v.courtOrderInPlace === 'yes',
    risk: { flags: v.riskFlags, narrative: v.riskNarrative },
    consent: true as const,
    website: v.website,
  }
}
