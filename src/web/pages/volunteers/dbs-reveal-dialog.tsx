import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { formatDay } from '../../volunteering-dates'
import { DBS_LEVEL_LABELS } from '../../volunteering-words'
import { Dialog } from '../referrals/shared/dialog'
import { Facts } from '../referrals/shared/facts'

/**
 * A DBS record's certificate details, fetched only when asked for: the law asks for a record of
 * everyone they are shown to, so every view is logged. They are gone when the dialog closes.
 */
export function DbsRevealDialog({
  recordId,
  name,
  onClose,
}: {
  recordId: string
  name: string
  onClose: () => void
}) {
  const reveal = useMutation({
    gcTime: 0,
    mutationFn: () =>
      call(api.GET('/api/volunteer-records/{recordId}/dbs', { params: { path: { recordId } } })),
  })
  const shown = reveal.data
  return (
    <Dialog title={`DBS certificate details: ${name}`} onClose={onClose}>
      <Stack>
        <Alert color="yellow" variant="light" title="Every view is logged">
          Seeing these details is written in the audit trail with your name and the time.
        </Alert>
        {shown ? (
          <>
            <Facts
              facts={[
                { label: 'Decision', value: shown.passed ? 'Cleared' : 'Not cleared' },
                { label: 'Issued on', value: formatDay(shown.completedOn) },
                { label: 'Expires on', value: formatDay(shown.expiresOn) },
                {
                  label: 'Level',
                  value: shown.detail ? DBS_LEVEL_LABELS[shown.detail.level] : 'Not recorded',
                },
                {
                  label: 'Certificate number',
                  value: (
                    <span style={{ fontFamily: 'monospace' }}>
                      {shown.detail?.certificateNumber ?? 'Not recorded'}
                    </span>
                  ),
                },
                {
                  label: 'Update service',
                  value: shown.detail?.onUpdateService
                    ? `Yes, checked on ${formatDay(shown.detail.updateServiceCheckedOn)}`
                    : 'No',
                },
              ]}
            />
            <Text size="sm">This view has been logged.</Text>
          </>
        ) : null}
        <FormError error={reveal.error} title="The details were not shown" />
        <Group>
          {shown ? null : (
            <Button onClick={() => reveal.mutate()} loading={reveal.isPending}>
              Show the details
            </Button>
          )}
          <Button variant={shown ? 'filled' : 'default'} onClick={onClose}>
            {shown ? 'Close and hide' : 'Cancel'}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  )
}
