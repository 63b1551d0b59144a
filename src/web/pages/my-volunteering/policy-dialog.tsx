import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { formatDateTime } from '../../format'
import { formatDay } from '../../volunteering-dates'
import { ActionError } from '../referrals/detail/action-error'
import { notifyDone } from '../referrals/shared/notify'
import { useMyAction } from './my-volunteering-queries'

/**
 * A policy's current text, the whole screen on a phone, ending with "I have read and understood
 * this". Like the app's other dialogs: no scroll lock (the CSP refuses it) and no <header>.
 */
export function PolicyDialog({ policyId, onClose }: { policyId: string; onClose: () => void }) {
  const phone = useMediaQuery('(max-width: 36em)', false)
  const policy = useQuery({
    queryKey: ['policy', policyId],
    queryFn: () => call(api.GET('/api/policies/{policyId}', { params: { path: { policyId } } })),
  })
  const acknowledge = useMyAction(
    (versionId: string) =>
      call(
        api.POST('/api/policies/{policyId}/acknowledge', {
          params: { path: { policyId } },
          body: { versionId },
        }),
      ),
    () => {
      notifyDone('Thank you', 'We have recorded that you have read it.')
      onClose()
    },
  )
  const data = policy.data
  return (
    <Modal.Root opened onClose={onClose} size="xl" fullScreen={phone} lockScroll={false}>
      <Modal.Overlay />
      <Modal.Content>
        <Group justify="space-between" align="flex-start" wrap="nowrap" p="md" pb={0}>
          <Modal.Title fw={700} fz="lg">
            {data?.title ?? 'Policy'}
          </Modal.Title>
          <Modal.CloseButton aria-label="Close" />
        </Group>
        <Modal.Body pt="md">
          {policy.isPending ? <Loading label="Loading the policy" /> : null}
          <FormError error={policy.error} title="We could not load the policy" />
          {data ? (
            <Stack gap="md">
              <Text size="sm" c="dimmed">
                Version {data.version}, published {formatDay(data.publishedOn)}
              </Text>
              {data.changes ? (
                <Alert color="blue" variant="light" title="What has changed">
                  {data.changes}
                </Alert>
              ) : null}
              <Text style={{ whiteSpace: 'pre-wrap' }}>{data.body}</Text>
              <ActionError error={acknowledge.error} title="It was not recorded" />
              {data.acknowledgedAt ? (
                <Text fw={600}>You read this version on {formatDateTime(data.acknowledgedAt)}.</Text>
              ) : (
                <Button
                  size="md"
                  onClick={() => acknowledge.mutate(data.versionId)}
                  loading={acknowledge.isPending}
                >
                  I have read and understood this
                </Button>
              )}
            </Stack>
          ) : null}
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  )
}
