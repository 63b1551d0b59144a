import { Anchor, Button, Group, List, Paper, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifyDone } from './notify'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { api, ApiError, call } from '../../../api/client'
import type { CourtOrderView } from '../../../api/types'
import { FormError } from '../../../components/form-error'
import { formatLocalDate } from '../dates'
import { COURT_ORDER_LABELS } from '../labels'
import {
  CourtOrderFields,
  courtOrderBody,
  EMPTY_COURT_ORDER,
  type CourtOrderValues,
} from './court-order-fields'
import { Section } from './section'

interface Props {
  referralId: string
  orders: CourtOrderView[]
  canAdd: boolean
  /** Staff may download the copy of the order. */
  canDownload: boolean
  onAdded: () => Promise<void>
}

/** Court orders and injunctions on the file, and a form to record another. */
export function CourtOrdersSection({ referralId, orders, canAdd, canDownload, onAdded }: Props) {
  const [adding, setAdding] = useState(false)
  return (
    <Section
      title="Court orders"
      intro="Orders and injunctions that say who may see the children, and how."
      actions={
        canAdd && !adding ? (
          <Button variant="default" onClick={() => setAdding(true)}>
            Add court order
          </Button>
        ) : null
      }
    >
      <Stack>
        {orders.length === 0 ? <Text>No court orders recorded.</Text> : null}
        {orders.length > 0 ? (
          <List spacing="sm" listStyleType="none">
            {orders.map((order) => (
              <List.Item key={order.id}>
                <Text fw={600}>{COURT_ORDER_LABELS[order.orderType]}</Text>
                <Text size="sm">
                  {[
                    order.court,
                    order.madeOn ? `made ${formatLocalDate(order.madeOn)}` : null,
                    order.expiresOn ? `ends ${formatLocalDate(order.expiresOn)}` : null,
                  ]
                    .filter(Boolean)
                    .join(', ') || 'No dates recorded'}
                </Text>
                {order.conditions ? <Text size="sm">{order.conditions}</Text> : null}
                {order.namedPeople ? <Text size="sm">Names: {order.namedPeople}</Text> : null}
                {order.documentId && canDownload ? (
                  <Anchor size="sm" href={`/api/documents/${order.documentId}`} download>
                    Download the copy of this order
                  </Anchor>
                ) : null}
              </List.Item>
            ))}
          </List>
        ) : null}
        {adding ? (
          <AddCourtOrderForm
            referralId={referralId}
            onDone={async (added) => {
              if (added) await onAdded()
              setAdding(false)
            }}
          />
        ) : null}
      </Stack>
    </Section>
  )
}

function AddCourtOrderForm({
  referralId,
  onDone,
}: {
  referralId: string
  onDone: (added: boolean) => Promise<void>
}) {
  const form = useForm<CourtOrderValues>({ initialValues: EMPTY_COURT_ORDER })
  const add = useMutation({
    mutationFn: (values: CourtOrderValues) =>
      call(
        api.POST('/api/referrals/{referralId}/court-orders', {
          params: { path: { referralId } },
          body: courtOrderBody(values),
        }),
      ),
    onSuccess: async () => {
      notifyDone('Court order added', 'It is on the file.')
      await onDone(true)
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setErrors(error.fieldErrors())
    },
  })
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={form.onSubmit((values) => add.mutate(values))} noValidate>
        <Stack>
          <CourtOrderFields field={(name) => form.getInputProps(name)} />
          <FormError error={add.error} title="The court order was not added" />
          <Group>
            <Button type="submit" loading={add.isPending}>
              Save court order
            </Button>
            <Button variant="default" onClick={() => void onDone(false)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
