import { Button, Group, Text } from '@mantine/core'
import { IconCheck } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { api, call } from '../../../api/client'
import { FormError } from '../../../components/form-error'
import { formatDate } from '../../../format'

interface Props {
  partyId: string
  name: string
  rules: { id: string; version: number }
  /** When known (on a case), whether this adult has signed the current version and when. */
  signed?: { signedCurrent: boolean; signedAt: string | null }
  onSigned?: () => Promise<void>
}

/** Records that an adult signed the current ground rules in person, usually at the pre-visit. */
export function GroundRulesSign({ partyId, name, rules, signed, onSigned }: Props) {
  const sign = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/parties/{partyId}/ground-rules', {
          params: { path: { partyId } },
          body: { versionId: rules.id, method: 'in_person' },
        }),
      ),
    onSuccess: async () => onSigned?.(),
  })
  if (signed?.signedCurrent || sign.isSuccess) {
    return (
      <Text size="sm" c="kin.8" fw={600}>
        <IconCheck size={16} aria-hidden="true" style={{ verticalAlign: 'text-bottom' }} /> Signed the ground
        rules (version {rules.version}){signed?.signedAt ? ` on ${formatDate(signed.signedAt)}` : ''}
      </Text>
    )
  }
  return (
    <>
      <Group gap="xs">
        <Text size="sm">
          {signed
            ? `Has not signed the ground rules (version ${rules.version}).`
            : `Ground rules, version ${rules.version}:`}
        </Text>
        <Button
          size="compact-sm"
          variant="default"
          loading={sign.isPending}
          onClick={() => sign.mutate()}
          aria-label={`Record signature of ${name}`}
        >
          Record signature
        </Button>
      </Group>
      <FormError error={sign.error} title="The signature was not recorded" />
    </>
  )
}
