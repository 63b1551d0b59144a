import type { Role, RoomKind } from './api/types'

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' })

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  return dateTime.format(new Date(iso))
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  return dateOnly.format(new Date(iso))
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  coordinator: 'Coordinator',
  volunteer: 'Volunteer',
  referrer: 'Referrer',
  parent: 'Parent',
}

export const ROLE_ORDER: Role[] = ['admin', 'coordinator', 'volunteer', 'referrer', 'parent']

export const ROOM_KIND_LABELS: Record<RoomKind, string> = {
  family_room: 'Family room',
  private_room: 'Private room',
  waiting_area: 'Waiting area',
  reception: 'Reception',
  outdoor: 'Outdoor space',
  other: 'Other',
}
