import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import type { ApiTokenView } from '../../api/types'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { formatDate } from '../../format'
import { SectionCard } from './section-card'
import { TableScroll } from '../../components/table-scroll'

const tokensKey = ['account-tokens'] as const
const LIFETIMES = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '180', label: '6 months' },
  { value: '365', label: '1 year' },
]

/** Personal API tokens for scripts and other systems: create (secret shown once) and revoke. */
export function ApiTokensCard() {
  const tokens = useQuery({ queryKey: tokensKey, queryFn: () => call(api.GET('/api/account/tokens')) })
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null)

  return (
    <SectionCard
      title="API tokens"
      intro="Only needed if another system or a script talks to Kinbridge for you. Most people never need one."
    >
      <Stack>
        {secret ? (
          <NewTokenSecret name={secret.name} token={secret.token} onDismiss={() => setSecret(null)} />
        ) : null}
        {tokens.isPending ? <Loading label="Loading your tokens" /> : null}
        <FormError error={tokens.error} title="We could not load your tokens" />
        {tokens.data && tokens.data.length > 0 ? <TokenTable tokens={tokens.data} /> : null}
        {tokens.data?.length === 0 ? <Text c="dimmed">You have no API tokens.</Text> : null}
        <CreateTokenForm onCreated={setSecret} />
      </Stack>
    </SectionCard>
  )
}

function NewTokenSecret({ name, token, onDismiss }: { name: string; token: string; onDismiss: () => void }) {
  return (
    <Alert color="yellow" variant="light" title={`Copy your new token “${name}” now`} role="status">
      <Stack gap="xs">
        <Text size="sm">
          This is the only time we will show it. Keep it somewhere safe, like a password manager.
        </Text>
        <Code block data-testid="new-token-secret">
          {token}
        </Code>
        <Group>
          <CopyButton value={token}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy token'}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onDismiss}>I have copied it</Button>
        </Group>
      </Stack>
    </Alert>
  )
}

function TokenTable({ tokens }: { tokens: ApiTokenView[] }) {
  return (
    <TableScroll label="Your API tokens" minWidth={560}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Starts with</Table.Th>
            <Table.Th scope="col">Expires</Table.Th>
            <Table.Th scope="col">Last used</Table.Th>
            <Table.Th scope="col">
              <span className="sr-only">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <TokenRow key={token.id} token={token} />
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  )
}

function TokenRow({ token }: { token: ApiTokenView }) {
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState(false)
  const revoke = useMutation({
    mutationFn: () =>
      call(api.DELETE('/api/account/tokens/{tokenId}', { params: { path: { tokenId: token.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  })
  return (
    <Table.Tr>
      <Table.Td>{token.name}</Table.Td>
      <Table.Td>
        <Code>{token.prefix}…</Code>
      </Table.Td>
      <Table.Td>{formatDate(token.expiresAt)}</Table.Td>
      <Table.Td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : 'Never'}</Table.Td>
      <Table.Td>
        {token.revokedAt ? (
          <Badge color="gray" variant="filled">
            Revoked
          </Badge>
        ) : null}
        {!token.revokedAt && !confirming ? (
          <Button
            size="xs"
            variant="default"
            onClick={() => setConfirming(true)}
            aria-label={`Revoke token ${token.name}`}
          >
            Revoke
          </Button>
        ) : null}
        {!token.revokedAt && confirming ? (
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              color="red"
              loading={revoke.isPending}
              onClick={() => revoke.mutate()}
              aria-label={`Yes, revoke token ${token.name}`}
            >
              Yes, revoke
            </Button>
            <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </Group>
        ) : null}
        <FormError error={revoke.error} />
      </Table.Td>
    </Table.Tr>
  )
}

function CreateTokenForm({ onCreated }: { onCreated: (created: { name: string; token: string }) => void }) {
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: { name: '', days: '90' },
    validate: {
      name: (v) => (v.trim() ? null : 'Give the token a name, such as the system that will use it'),
    },
  })
  const create = useMutation({
    mutationFn: (values: { name: string; days: string }) =>
      call(
        api.POST('/api/account/tokens', { body: { name: values.name.trim(), days: Number(values.days) } }),
      ),
    onSuccess: async (created) => {
      form.reset()
      onCreated({ name: created.name, token: created.token })
      await queryClient.invalidateQueries({ queryKey: tokensKey })
    },
  })
  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
      <Stack gap="sm">
        <Text fw={600}>Create a token</Text>
        <Group align="flex-start" gap="sm">
          <TextInput label="Token name" required maw={280} w="100%" {...form.getInputProps('name')} />
          <Select
            label="Lasts for"
            data={LIFETIMES}
            allowDeselect={false}
            w={160}
            {...form.getInputProps('days')}
          />
        </Group>
        <FormError error={create.error} />
        <Button type="submit" variant="default" w="fit-content" loading={create.isPending}>
          Create token
        </Button>
      </Stack>
    </form>
  )
}
