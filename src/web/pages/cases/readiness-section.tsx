import { Alert, Stack, TextInput } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { formatLocalDate, today } from '../referrals/dates'
import { BlockersList } from '../referrals/detail/blockers-list'
import { Section } from '../referrals/shared/section'

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value)

/** Whether the first session could be held on a chosen day, and what stands in the way. */
export function ReadinessSection({ caseId }: { caseId: string }) {
  const [date, setDate] = useState(today)
  const readiness = useQuery({
    queryKey: ['case-readiness', caseId, date],
    queryFn: () =>
      call(
        api.GET('/api/cases/{caseId}/readiness', {
          params: { path: { caseId }, query: { firstSessionOn: date } },
        }),
      ),
    enabled: isDate(date),
  })
  return (
    <Section
      title="Ready for the first session?"
      intro="Pre-visits held on an earlier day, and the ground rules signed by each parent."
    >
      <Stack gap="sm">
        <TextInput
          label="First session on"
          type="date"
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
          w="fit-content"
        />
        <FormError error={readiness.error} title="We could not check readiness" />
        {readiness.data?.ready ? (
          <Alert color="kin" variant="light" icon={<IconCircleCheck aria-hidden="true" />} title="Ready">
            A first session on {formatLocalDate(date)} meets every intake rule.
          </Alert>
        ) : null}
        {readiness.data && !readiness.data.ready ? (
          <BlockersList
            blockers={readiness.data.blockers.map((b) => b.message)}
            label={`Missing before a first session on ${formatLocalDate(date)}`}
          />
        ) : null}
      </Stack>
    </Section>
  )
}
