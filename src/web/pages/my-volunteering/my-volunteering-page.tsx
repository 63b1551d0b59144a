import { Stack, Text } from '@mantine/core'
import { ApiError } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { AvailabilityCard } from './availability-card'
import { DatesAwayCard } from './dates-away-card'
import { DueCard } from './due-card'
import { MyHoursCard } from './my-hours-card'
import { useMyVolunteering } from './my-volunteering-queries'
import { NextShiftsCard } from './next-shifts-card'
import { PoliciesCard } from './policies-card'
import { RecentShiftsCard } from './recent-shifts-card'

/**
 * A volunteer's own page, made for a phone: shifts, what is due, policies to read, the hours they
 * logged and when they are free.
 */
export function MyVolunteeringPage() {
  const mine = useMyVolunteering()
  const notVolunteer = mine.error instanceof ApiError && mine.error.status === 404
  const data = mine.data
  return (
    <>
      <PageTitle
        title="My volunteering"
        intro="Your shifts, anything due, policies to read, your hours and when you can help."
      />
      {mine.isPending ? <Loading label="Loading your volunteering" /> : null}
      {notVolunteer ? (
        <Text>
          You are not on a centre’s volunteer team yet, so there is nothing to show here. If you volunteer
          with us, please ask the coordinator to link your sign-in to your volunteer record.
        </Text>
      ) : (
        <FormError error={mine.error} title="We could not load your volunteering" />
      )}
      {data ? (
        <Stack gap="lg">
          <NextShiftsCard data={data} />
          <DueCard data={data} />
          <PoliciesCard policies={data.policies} />
          <RecentShiftsCard data={data} />
          <MyHoursCard data={data} />
          <AvailabilityCard volunteerId={data.volunteer.id} availability={data.availability} />
          <DatesAwayCard volunteerId={data.volunteer.id} exceptions={data.availability.exceptions} />
        </Stack>
      ) : null}
    </>
  )
}
