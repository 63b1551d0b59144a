import type { RiskFlag } from '../referrals/referrals.schemas'
import type { DemoFamily } from './demo-families'

/** Fictional people and places for the demo's families: Jersey streets, referrers, schools. */

export const STREETS = [
  'Val Plaisant',
  'Rouge Bouillon',
  'Midvale Road',
  'Roseville Street',
  'Stopford Road',
  'Kensington Place',
  'Havre des Pas',
  'Green Street',
  'Clarendon Road',
  'Hue Street',
  'Oxford Road',
  'David Place',
  'Belmont Road',
  'Great Union Road',
  'Dumaresq Street',
  'Don Road',
]

export const NARRATIVES: Partial<Record<RiskFlag, string>> = {
  convictions: 'Father is serving a sentence at HMP La Moye for offences that did not involve children.',
  child_protection: 'The children are on a child protection plan; the social worker attends every review.',
  substance_misuse:
    'Father is in recovery from alcohol misuse and has agreed to a breath test before sessions.',
  mental_health: 'Mother has post-natal depression and is well supported by her GP.',
  domestic_abuse:
    'Mother describes controlling behaviour during the relationship; no incidents since the separation.',
  non_molestation_order: 'A non-molestation order protects the mother until next year.',
}

export interface DemoReferrer {
  name: string
  organisation: string
  role: string
  /** The last digits of the referrer's 07700 900000-900999 number. */
  line: number
}

const JFCAS = { organisation: 'Jersey Family Court Advisory Service (JFCAS)', role: 'Family court adviser' }
const SOCIAL_WORK = { organisation: 'Children’s Social Work, St Helier', role: 'Social worker' }

export const REFERRERS: Partial<Record<DemoFamily['source'], readonly DemoReferrer[]>> = {
  court_adviser: [
    { name: 'Helen Carrel', ...JFCAS, line: 901 },
    { name: 'Andrew Le Cuirot', ...JFCAS, line: 902 },
    { name: 'Fiona Marett', ...JFCAS, line: 903 },
  ],
  social_services: [
    { name: 'Priya Shah', ...SOCIAL_WORK, line: 911 },
    { name: 'Martin Quinn', ...SOCIAL_WORK, line: 912 },
  ],
  solicitor: [
    {
      name: 'Elaine Norman',
      organisation: 'Norman & Hall, advocates and solicitors',
      role: 'Family solicitor',
      line: 921,
    },
  ],
  mediator: [
    { name: 'Paul Whitley', organisation: 'Island Family Mediation', role: 'Family mediator', line: 931 },
  ],
}

/** Phone numbers from the 07700 900000-900999 range Ofcom keeps for fiction; a family's are its own. */
export const phone = (line: number): string => `07700 900${String(line).padStart(3, '0')}`

const slug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')

/** name.surname@example.org: example.org never receives mail (RFC 2606). */
export function demoContactEmail(fullName: string): string {
  const [first = 'parent', ...rest] = fullName.split(' ')
  return `${slug(first)}.${slug(rest.join(''))}@example.org`
}

export const school = (ageMonths: number, n: number): string | null => {
  if (ageMonths < 30) return null
  if (ageMonths < 48) return n % 2 === 0 ? 'Little Ormers Nursery' : 'Sunbeams Pre-school'
  if (ageMonths < 132)
    return ['Les Vaux Primary School', 'Town Park Primary School', 'Colomberie Primary School'][n % 3] ?? null
  return 'Island Secondary College'
}
