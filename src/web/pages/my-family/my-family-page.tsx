import { Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { FamilyCard } from './family-card'
import { FeedbackCard } from './feedback-card'
import { MySessionsCard } from './my-sessions-card'

/** A parent's own area: their details, their children, where things stand, and the ground rules. */
export function MyFamilyPage() {
  const family = useQuery({ queryKey: ['my-family'], queryFn: () => call(api.GET('/api/my/family')) })
  return (
    <>
      <PageTitle
        title="My family"
        intro="Your sessions, your details, your children, and the centre’s ground rules."
      />
      {family.isPending ? <Loading label="Loading your family" /> : null}
      <FormError error={family.error} title="We could not load your family’s details" />
      {family.data?.families.length === 0 ? (
        <Text>The centre has not linked your account to a family yet. Please contact the centre.</Text>
      ) : null}
      <Stack gap="lg">
        {family.data?.families.some((f) => f.status === 'case_active' || f.status === 'case_closed') ? (
          <MySessionsCard />
        ) : null}
        {family.data?.families.some((f) => f.status === 'case_active' || f.status === 'case_closed') ? (
          <FeedbackCard />
        ) : null}
        {family.data?.families.map((f) => (
          <FamilyCard key={f.referralReference} family={f} />
        ))}
      </Stack>
    </>
  )
}
