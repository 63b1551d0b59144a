import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import type { MyFamily } from '../../api/types'
import { FormError } from '../../components/form-error'
import { RulesText } from './rules-text'

type Rules = NonNullable<MyFamily['families'][number]['groundRules']>

/** The centre's ground rules in full, and the parent's own signature. */
export function GroundRulesCard({ rules, centreName }: { rules: Rules; centreName: string }) {
  const queryClient = useQueryClient()
  const sign = useMutation({
    mutationFn: () =>
      call(api.POST('/api/my/ground-rules', { body: { versionId: rules.versionId, method: 'online' } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['my-family'] }),
  })
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {rules.title}
      </Title>
      <Paper
        withBorder
        p="md"
        radius="md"
        bg="gray.0"
        component="article"
        aria-label={`The ground rules of ${centreName}`}
      >
        <RulesText body={rules.body} />
      </Paper>
      {rules.signed ? (
        <Alert
          color="kin"
          variant="light"
          icon={<IconCircleCheck aria-hidden="true" />}
          title="You have signed these ground rules"
        >
          Thank you. If the rules change, we will ask you to read them again.
        </Alert>
      ) : (
        <>
          <Text>Please read the rules. Signing them means you agree to keep to them at every visit.</Text>
          <FormError error={sign.error} title="Your signature was not recorded" />
          <Button size="md" onClick={() => sign.mutate()} loading={sign.isPending} w="fit-content">
            I have read and agree
          </Button>
        </>
      )}
    </Stack>
  )
}
