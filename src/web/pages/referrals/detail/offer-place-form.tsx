import { Button, Group, Stack, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifyDone } from '../shared/notify'
import { api, ApiError, call } from '../../../api/client'
import { useReferralAction } from '../queries'
import { ActionError } from './action-error'
import { ActionPanel } from './action-panel'

/** Offers a waiting family the place that has come free; this opens their case. */
export function OfferPlaceForm({
  referralId,
  familyLabel,
  onDone,
}: {
  referralId: string
  familyLabel: string
  onDone: () => void
}) {
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (v) => (v.trim().length >= 5 ? null : 'Give a reason') },
  })
  const offer = useReferralAction(
    referralId,
    (values: { reason: string }) =>
      call(
        api.POST('/api/referrals/{referralId}/offer-place', {
          params: { path: { referralId } },
          body: { reason: values.reason.trim() },
        }),
      ),
    () => {
      notifyDone('Place offered', `${familyLabel} now have a case.`)
      onDone()
    },
  )
  return (
    <ActionPanel title={`Offer ${familyLabel} a place`}>
      <form
        onSubmit={form.onSubmit((values) =>
          offer.mutate(values, { onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()) }),
        )}
        noValidate
      >
        <Stack>
          <Textarea
            label="Reason"
            description="For example: a supported place came free on Sundays."
            required
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <ActionError error={offer.error} title="The place was not offered" />
          <Group>
            <Button type="submit" loading={offer.isPending}>
              Offer place
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionPanel>
  )
}
