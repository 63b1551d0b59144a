import { Button, Group, Radio, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import { notifyDone } from '../shared/notify'
import { api, call } from '../../../api/client'
import type { ReferralDetail } from '../../../api/types'
import { FormError } from '../../../components/form-error'
import { Loading } from '../../../components/loading'
import { formatDate } from '../../../format'
import { useReferralAction } from '../queries'
import { ActionError } from './action-error'
import { ActionPanel } from './action-panel'

/** Joins the other parent's self-referral into this one: each parent applies separately. */
export function LinkForm({ referral, onDone }: { referral: ReferralDetail; onDone: () => void }) {
  const query = {
    status: 'received' as const,
    channel: 'self' as const,
    centreId: referral.centreId,
    limit: 200,
  }
  const candidates = useQuery({
    queryKey: ['referrals', query],
    queryFn: () => call(api.GET('/api/referrals', { params: { query } })),
  })
  const others = (candidates.data?.referrals ?? []).filter((r) => r.id !== referral.id)
  const form = useForm({
    initialValues: { otherReferralId: '' },
    validate: { otherReferralId: (v) => (v ? null : 'Choose the other parent’s application') },
  })
  const link = useReferralAction(
    referral.id,
    (values: { otherReferralId: string }) =>
      call(
        api.POST('/api/referrals/{referralId}/link', {
          params: { path: { referralId: referral.id } },
          body: values,
        }),
      ),
    () => {
      notifyDone('Applications joined', 'Both parents are on this referral.')
      onDone()
    },
  )
  return (
    <ActionPanel title="Join the other parent’s application">
      {candidates.isPending ? <Loading label="Loading self-referrals" /> : null}
      <FormError error={candidates.error} title="We could not load the other applications" />
      {candidates.data && others.length === 0 ? (
        <Text>No other self-referral to this centre is waiting to be joined.</Text>
      ) : null}
      <form onSubmit={form.onSubmit((values) => link.mutate(values))} noValidate>
        <Stack>
          {others.length > 0 ? (
            <Radio.Group
              label="Which application is from the other parent?"
              required
              {...form.getInputProps('otherReferralId')}
            >
              <Stack mt="xs" gap="xs">
                {others.map((r) => (
                  <Radio
                    key={r.id}
                    value={r.id}
                    label={`${r.reference}: ${r.familyLabel}`}
                    description={`Received ${formatDate(r.receivedAt)}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
          ) : null}
          <ActionError error={link.error} title="The applications were not joined" />
          <Group>
            {others.length > 0 ? (
              <Button type="submit" loading={link.isPending}>
                Join applications
              </Button>
            ) : null}
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionPanel>
  )
}
