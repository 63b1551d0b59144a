import { Box, Burger, Button, Group, NavLink, Stack, Text, VisuallyHidden } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconLogout } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { Navigate, NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router'
import { signOut, useSession } from '../auth/session'
import { FormError } from '../components/form-error'
import { Loading } from '../components/loading'
import classes from './app-layout.module.css'
import { BrandMark } from './brand-mark'
import { visibleNavItems } from './navigation'
import { unsentWork } from '../unsent-work'
import { Dialog } from '../pages/referrals/shared/dialog'

/**
 * The signed-in frame: header with the organisation and sign-out, navigation (a burger menu on
 * phones) and the page. Sends anyone not fully signed in to the sign-in page.
 */
export function AppLayout() {
  const session = useSession()
  const location = useLocation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [navOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false)
  const [signingOut, setSigningOut] = useState(false)
  // What signing out now would lose, while the person decides.
  const [unsent, setUnsent] = useState<string[] | null>(null)

  // A chosen page replaces the phone menu.
  useEffect(() => closeNav(), [location.pathname, closeNav])

  if (session.isPending) return <Loading label="Loading Kinbridge" />
  if (session.error) {
    return (
      <Box component="main" p="md">
        <FormError error={session.error} title="We could not load Kinbridge" />
      </Box>
    )
  }
  if (session.data?.stage !== 'active') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />
  }

  const { organisation, user, roles } = session.data
  const items = visibleNavItems(roles.map((grant) => grant.role))
  const handleSignOut = async () => {
    setUnsent(null)
    setSigningOut(true)
    await signOut(queryClient)
    await navigate('/login', { replace: true })
  }
  const askToSignOut = () => {
    const waiting = unsentWork()
    if (waiting.length > 0) setUnsent(waiting)
    else void handleSignOut()
  }

  return (
    <div className={classes.shell}>
      <a href="#main" className={classes.skipLink}>
        Skip to main content
      </a>
      <header className={classes.header}>
        <Group gap="sm" wrap="nowrap" className={classes.headerStart}>
          <Burger
            opened={navOpen}
            onClick={toggleNav}
            hiddenFrom="sm"
            size="sm"
            aria-label={navOpen ? 'Close menu' : 'Open menu'}
            aria-expanded={navOpen}
            aria-controls="main-navigation"
          />
          <BrandMark />
          <Text className={classes.organisation} visibleFrom="xs" truncate="end" title={organisation.name}>
            {organisation.name}
          </Text>
        </Group>
        <Button
          variant="default"
          leftSection={<IconLogout size={18} aria-hidden="true" />}
          onClick={askToSignOut}
          loading={signingOut}
        >
          Sign out
          <VisuallyHidden> {user.displayName}</VisuallyHidden>
        </Button>
      </header>
      {unsent !== null && (
        <Dialog onClose={() => setUnsent(null)} title="Sign out now?">
          <Stack>
            {unsent?.map((line) => (
              <Text key={line}>{line}</Text>
            ))}
            <Text>
              Signing out wipes them from this device. Stay signed in until the connection is back and they
              are sent.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setUnsent(null)}>
                Stay signed in
              </Button>
              <Button color="red.8" onClick={() => void handleSignOut()}>
                Sign out anyway
              </Button>
            </Group>
          </Stack>
        </Dialog>
      )}
      <div className={classes.body}>
        <nav id="main-navigation" aria-label="Main" className={classes.nav} data-open={navOpen || undefined}>
          <div className={classes.navInner}>
            <Text className={classes.navOrganisation} hiddenFrom="xs" fw={600}>
              {organisation.name}
            </Text>
            {items.map((item) => (
              <NavLink
                key={item.to}
                component={RouterNavLink}
                to={item.to}
                end={item.to === '/'}
                label={item.label}
                leftSection={<item.icon size={20} aria-hidden="true" />}
                className={classes.navLink}
              />
            ))}
          </div>
        </nav>
        <main id="main" tabIndex={-1} className={classes.main}>
          <Outlet />
        </main>
      </div>
    </div>
  )
}
