import type { Role } from '../access/roles'
import type { ROOM_KINDS } from '../organisation/organisation.schemas'

/**
 * The demo organisation, shaped like the reference centre (docs: centre-facts): a Jersey centre that
 * moved from a church hall to a school. Every demo account shares one published password, so the demo
 * organisation never requires two-factor and is only ever seeded into an empty database.
 */
export const DEMO_PASSWORD = 'grands-vaux-sundays-2015'

export const DEMO_EMAIL_DOMAIN = 'demo.kinbridge.local'

export const DEMO_ORGANISATION = {
  name: 'St Helier Family Hub',
  centreName: 'St Helier Child Contact Centre',
  timeZone: 'Europe/Jersey',
} as const

type RoomKind = (typeof ROOM_KINDS)[number]

export interface DemoVenue {
  name: string
  address: string
  hasSeparateEntrances: boolean
  archived: boolean
  rooms: { name: string; kind: RoomKind; capacityFamilies: number }[]
}

export const DEMO_VENUES: readonly DemoVenue[] = [
  {
    name: 'Town Church Hall',
    address: 'St Helier, Jersey (previous venue)',
    hasSeparateEntrances: false,
    archived: true,
    rooms: [{ name: 'Main hall', kind: 'family_room', capacityFamilies: 6 }],
  },
  {
    name: 'Grands Vaux School',
    address: 'Grands Vaux, St Helier, Jersey',
    hasSeparateEntrances: true,
    archived: false,
    rooms: [
      { name: 'Family room', kind: 'family_room', capacityFamilies: 6 },
      { name: 'Quiet room', kind: 'private_room', capacityFamilies: 1 },
      { name: 'Resident parent waiting area', kind: 'waiting_area', capacityFamilies: 1 },
      { name: 'Reception', kind: 'reception', capacityFamilies: 1 },
    ],
  },
]

export interface DemoUser {
  role: Role
  displayName: string
  /** Staff work in the demo centre; the others' roles apply organisation-wide. */
  centreScoped: boolean
}

export const DEMO_USERS: readonly DemoUser[] = [
  { role: 'admin', displayName: 'Demo Admin', centreScoped: false },
  { role: 'coordinator', displayName: 'Demo Coordinator', centreScoped: true },
  { role: 'volunteer', displayName: 'Demo Volunteer', centreScoped: true },
  { role: 'referrer', displayName: 'Demo Referrer (JFCAS)', centreScoped: false },
  { role: 'parent', displayName: 'Demo Parent', centreScoped: false },
]

export const demoEmail = (role: Role): string => `${role}@${DEMO_EMAIL_DOMAIN}`
