import { Button, Group } from '@mantine/core'
import { Link, useLocation } from 'react-router'

const LINKS = [
  { to: '/volunteers', label: 'Recruitment board' },
  { to: '/volunteers/compliance', label: 'Compliance' },
  { to: '/volunteers/staffing', label: 'Staffing' },
  { to: '/rota', label: 'Rota' },
  { to: '/volunteer-hours', label: 'Hours' },
]

/** The volunteer pages side by side; the one open is marked for screen readers as well as by colour. */
export function VolunteersNav() {
  const { pathname, search } = useLocation()
  const centre = new URLSearchParams(search).get('centre')
  return (
    <Group component="nav" aria-label="Volunteer pages" gap="xs" mb="lg">
      {LINKS.map((link) => {
        const current = pathname === link.to
        const keepCentre = centre && link.to.startsWith('/volunteers') ? `?centre=${centre}` : ''
        return (
          <Button
            key={link.to}
            component={Link}
            to={`${link.to}${keepCentre}`}
            variant={current ? 'filled' : 'default'}
            aria-current={current ? 'page' : undefined}
            size="sm"
          >
            {link.label}
          </Button>
        )
      })}
    </Group>
  )
}
