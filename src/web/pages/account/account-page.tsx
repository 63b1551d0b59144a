import { Card, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { ROLE_LABELS } from '../../format'
import { ApiTokensCard } from './api-tokens-card'
import { CalendarFeedsCard } from './calendar-feeds-card'
import { ChangePasswordCard } from './change-password-card'
import { SessionsCard } from './sessions-card'
import { TwoFactorCard } from './two-factor-card'

export const accountQueryKey = ['account'] as const

/** Who has sessions or shifts to show in a calendar feed. */
const FEED_ROLES = new Set<string>(['admin', 'coordinator', 'volunteer', 'parent'])

/** The signed-in person's own account: details, calendar feeds, password, two-factor, devices and API tokens. */
export function AccountPage() {
  const account = useQuery({ queryKey: accountQueryKey, queryFn: () => call(api.GET('/api/account')) })

  return (
    <>
      <PageTitle title="My account" intro="Your sign-in details and how your account is kept safe." />
      {account.isPending ? <Loading label="Loading your account" /> : null}
      <FormError error={account.error} title="We could not load your account" />
      {account.data ? (
        <Stack gap="lg">
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="details-heading">
            <Title order={2} size="h3" id="details-heading" mb="xs">
              Your details
            </Title>
            <Text fw={600}>{account.data.displayName}</Text>
            <Text>{account.data.email}</Text>
            <Text size="sm" c="dimmed" mt="xs">
              {[...new Set(account.data.roles.map((grant) => ROLE_LABELS[grant.role]))].join(', ')}. To change
              your name or email address, ask your organisation’s administrator.
            </Text>
          </Card>
          {account.data.roles.some((grant) => FEED_ROLES.has(grant.role)) ? <CalendarFeedsCard /> : null}
          <ChangePasswordCard />
          <TwoFactorCard twoFactor={account.data.twoFactor} />
          <SessionsCard />
          <ApiTokensCard />
        </Stack>
      ) : null}
    </>
  )
}
