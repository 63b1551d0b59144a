import { Button, Fieldset, Group, Stack, Text } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { randomId } from '@mantine/hooks'
import { IconPlus } from '@tabler/icons-react'
import { CourtOrderFields, EMPTY_COURT_ORDER } from '../shared/court-order-fields'
import type { ReferralValues } from './referral-values'

/** Any court orders or injunctions; a copy can be uploaded once the referral is saved. */
export function CourtOrdersFields({ form }: { form: UseFormReturnType<ReferralValues> }) {
  const { courtOrders } = form.getValues()
  return (
    <Stack gap="md">
      {courtOrders.length === 0 ? <Text>No court orders added.</Text> : null}
      {courtOrders.map((order, i) => (
        <Fieldset key={order.key} legend={`Court order ${i + 1}`} radius="md">
          <Stack gap="sm">
            <CourtOrderFields field={(name) => form.getInputProps(`courtOrders.${i}.${name}`)} />
            <Group>
              <Button variant="subtle" color="red" onClick={() => form.removeListItem('courtOrders', i)}>
                Remove court order {i + 1}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      ))}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={18} aria-hidden="true" />}
          onClick={() => form.insertListItem('courtOrders', { ...EMPTY_COURT_ORDER, key: randomId() })}
          disabled={courtOrders.length >= 12}
        >
          Add a court order
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        You can upload a copy of each order after saving the referral.
      </Text>
    </Stack>
  )
}
