import { Button, Group } from '@mantine/core'
import { Link, useLocation } from 'react-router'

const LINKS = [
  { to: '/statistics', label: 'Dashboard' },
  { to: '/statistics/caseload', label: 'Caseload' },
  { to: '/statistics/quarterly-return', label: 'Quarterly return' },
  { to: '/statistics/service-report', label: 'Commissioner and trustees' },
]

/** Choices that mean the same on every statistics page, so they follow the person between them. */
const SHARED = ['centre']
/** The period is shared by the two pages that count over one. */
const PERIOD_PAGES = ['/statistics', '/statistics/service-report']

/** The statistics pages side by side; the one open is marked for screen readers as well as by colour. */
export function StatisticsNav() {
  const { pathname, search } = useLocation()
  const current = new URLSearchParams(search)
  const carried = (to: string) => {
    const keys =
      PERIOD_PAGES.includes(pathname) && PERIOD_PAGES.includes(to) ? [...SHARED, 'from', 'to'] : SHARED
    const next = new URLSearchParams()
    for (const key of keys) {
      const value = current.get(key)
      if (value) next.set(key, value)
    }
    const query = next.toString()
    return query ? `${to}?${query}` : to
  }
  return (
    <Group component="nav" aria-label="Statistics pages" gap="xs" mb="lg">
      {LINKS.map((link) => {
        const isCurrent = pathname === link.to
        return (
          <Button
            key={link.to}
            component={Link}
            to={carried(link.to)}
            variant={isCurrent ? 'filled' : 'default'}
            aria-current={isCurrent ? 'page' : undefined}
            size="sm"
          >
            {link.label}
          </Button>
        )
      })}
    </Group>
  )
}
