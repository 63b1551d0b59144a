import { Alert, Anchor, Badge, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconShieldCheck } from '@tabler/icons-react'
import { Link } from 'react-router'
import { useSession } from '../auth/session'
import { PageTitle } from '../components/page-title'
import { ROLE_LABELS } from '../format'
import { visibleNavItems } from '../shell/navigation'
import { StaffingCard } from './volunteers/staffing-card'
import classes from './home-page.module.css'

const DESCRIPTIONS: Record<string, string> = {
  '/referrals': 'New referrals, pre-visits, risk assessments and decisions.',
  '/cases': 'Families with a place: contact level, reviews, notes and warnings.',
  '/waiting-list': 'Families waiting for a place, and the places free at each centre.',
  '/calendar': 'Sessions at each venue, room by room, and the day sheet for the door.',
  '/volunteers': 'The recruitment board, volunteers’ checks and training, and staffing at a glance.',
  '/my-family': 'Your details, your children and the centre’s ground rules.',
  '/settings': 'Your organisation, centres, venues and rooms.',
  '/people': 'Invite staff, volunteers, referrers and parents, and choose what they can do.',
  '/outbox': 'Emails Kinbridge has sent or is waiting to send.',
  '/audit': 'A record of who did what, and when.',
  '/account': 'Your password, two-factor sign-in and where you are signed in.',
}

/** A friendly start page: who you are, your organisation and what you can do here. */
export function HomePage() {
  const { data: session } = useSession()
  if (!session) return null
  const { user, organisation, roles } = session
  const firstName = user.displayName.split(' ')[0] ?? user.displayName
  const roleNames = [...new Set(roles.map((grant) => ROLE_LABELS[grant.role]))]
  const isDesk = roles.some((grant) => grant.role === 'admin' || grant.role === 'coordinator')
  const destinations = visibleNavItems(roles.map((grant) => grant.role)).filter((item) => item.to !== '/')

  return (
    <>
      <PageTitle title={`Hello, ${firstName}`} intro={`Welcome to Kinbridge for ${organisation.name}.`} />
      <Stack gap="lg">
        <Card withBorder radius="md" padding="lg">
          <Title order={2} size="h4" mb="xs">
            You are signed in as
          </Title>
          <Text fw={600}>{user.displayName}</Text>
          <Text>{user.email}</Text>
          <Group gap="xs" mt="sm" aria-label="Your roles">
            {roleNames.map((name) => (
              <Badge key={name} variant="outline" color="kin" size="lg">
                {name}
              </Badge>
            ))}
          </Group>
        </Card>
        {user.hasTwoFactor ? null : (
          <Alert
            color="yellow"
            variant="light"
            title="Protect your account"
            icon={<IconShieldCheck aria-hidden="true" />}
          >
            Two-factor sign-in keeps families’ information safe even if someone learns your password.{' '}
            <Anchor component={Link} to="/account">
              Set it up on your account page
            </Anchor>
            .
          </Alert>
        )}
        {isDesk ? <StaffingCard /> : null}
        <section aria-labelledby="things-to-do">
          <Title order={2} size="h3" id="things-to-do" mb="sm">
            What you can do
          </Title>
          <div className={classes.grid}>
            {destinations.map((item) => (
              <Card key={item.to} withBorder radius="md" padding="lg" className={classes.card}>
                <Group wrap="nowrap" align="flex-start">
                  <ThemeIcon variant="light" size="xl" radius="md" aria-hidden="true">
                    <item.icon size={26} />
                  </ThemeIcon>
                  <div>
                    <Anchor component={Link} to={item.to} fw={600} fz="lg" className={classes.cardLink}>
                      {item.label}
                    </Anchor>
                    <Text size="sm" c="dimmed" mt={4}>
                      {DESCRIPTIONS[item.to]}
                    </Text>
                  </div>
                </Group>
              </Card>
            ))}
          </div>
        </section>
      </Stack>
    </>
  )
}
