import {
  IconAddressBook,
  IconAlertOctagon,
  IconNotes,
  IconFolders,
  IconHeartHandshake,
  IconHourglass,
  IconInbox,
  IconBuildingCommunity,
  IconChartBar,
  IconCalendarEvent,
  IconCalendarUser,
  IconClockHour4,
  IconDoorEnter,
  IconFileReport,
  IconMoodHappy,
  IconHome,
  IconListDetails,
  IconMail,
  IconUserCircle,
  IconUserHeart,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react'
import type { Role } from '../api/types'

export interface NavItem {
  to: string
  label: string
  icon: Icon
  /** Who sees the link; undefined means everyone signed in. */
  roles?: Role[]
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Home', icon: IconHome },
  { to: '/today', label: 'Today', icon: IconDoorEnter, roles: ['admin', 'coordinator', 'volunteer'] },
  { to: '/referrals', label: 'Referrals', icon: IconInbox, roles: ['admin', 'coordinator', 'referrer'] },
  { to: '/cases', label: 'Cases', icon: IconFolders, roles: ['admin', 'coordinator'] },
  { to: '/waiting-list', label: 'Waiting list', icon: IconHourglass, roles: ['admin', 'coordinator'] },
  { to: '/calendar', label: 'Calendar', icon: IconCalendarEvent, roles: ['admin', 'coordinator'] },
  {
    to: '/observations',
    label: 'Session records',
    icon: IconNotes,
    roles: ['admin', 'coordinator', 'volunteer'],
  },
  { to: '/incidents', label: 'Incidents', icon: IconAlertOctagon, roles: ['admin', 'coordinator'] },
  { to: '/volunteers', label: 'Volunteers', icon: IconUsersGroup, roles: ['admin', 'coordinator'] },
  { to: '/rota', label: 'Rota', icon: IconCalendarUser, roles: ['admin', 'coordinator'] },
  { to: '/volunteer-hours', label: 'Hours', icon: IconClockHour4, roles: ['admin', 'coordinator'] },
  { to: '/reports', label: 'Reports', icon: IconFileReport, roles: ['admin', 'coordinator', 'referrer'] },
  { to: '/feedback', label: 'Feedback', icon: IconMoodHappy, roles: ['admin', 'coordinator'] },
  { to: '/statistics', label: 'Statistics', icon: IconChartBar, roles: ['admin', 'coordinator'] },
  { to: '/my-family', label: 'My family', icon: IconHeartHandshake, roles: ['parent'] },
  { to: '/my-volunteering', label: 'My volunteering', icon: IconUserHeart, roles: ['volunteer'] },
  {
    to: '/settings',
    label: 'Centres and settings',
    icon: IconBuildingCommunity,
    roles: ['admin', 'coordinator'],
  },
  { to: '/people', label: 'People', icon: IconAddressBook, roles: ['admin'] },
  { to: '/outbox', label: 'Outbox', icon: IconMail, roles: ['admin'] },
  { to: '/audit', label: 'Audit trail', icon: IconListDetails, roles: ['admin'] },
  { to: '/account', label: 'My account', icon: IconUserCircle },
]

export function visibleNavItems(roles: Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)))
}
