import { Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import { hasRole, useSession } from '../../auth/session'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { AddCentreForm } from './add-centre-form'
import { CentreCard } from './centre-card'
import { OrganisationCard } from './organisation-card'
import { SessionDaySettingsCard } from './session-day-settings'
import { VolunteeringSection } from './volunteering-section'

export const centresKey = ['centres'] as const

/** Organisation settings (administrators) and centres with their venues and rooms (administrators and coordinators). */
export function SettingsPage() {
  const { data: session } = useSession()
  const isAdmin = hasRole(session, 'admin')
  const centres = useQuery({ queryKey: centresKey, queryFn: () => call(api.GET('/api/centres')) })

  return (
    <>
      <PageTitle
        title="Centres and settings"
        intro="Where your contact sessions happen, and how your organisation works."
      />
      <Stack gap="xl">
        {isAdmin ? <OrganisationCard /> : null}
        <section aria-labelledby="centres-heading">
          <Title order={2} id="centres-heading" mb={4}>
            Centres
          </Title>
          <Text c="dimmed" mb="md">
            Each centre has venues (buildings), and each venue has rooms where families meet.
          </Text>
          {centres.isPending ? <Loading label="Loading centres" /> : null}
          <FormError error={centres.error} title="We could not load your centres" />
          <Stack gap="lg">
            {centres.data?.map((centre) => (
              <CentreCard key={centre.id} centreId={centre.id} canEditCentre={isAdmin} />
            ))}
            {centres.data?.length === 0 ? <Text>There are no centres yet.</Text> : null}
            {isAdmin ? <AddCentreForm /> : null}
          </Stack>
        </section>
        <SessionDaySettingsCard isAdmin={isAdmin} />
        <VolunteeringSection isAdmin={isAdmin} />
      </Stack>
    </>
  )
}
