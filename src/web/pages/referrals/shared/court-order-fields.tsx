import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core'
import type { FieldProps } from './form-props'
import { COURT_ORDER_LABELS, optionsOf } from '../labels'

export interface CourtOrderValues {
  orderType: string
  madeOn: string
  court: string
  conditions: string
  namedPeople: string
  expiresOn: string
}

export const EMPTY_COURT_ORDER: CourtOrderValues = {
  orderType: 'child_arrangements',
  madeOn: '',
  court: '',
  conditions: '',
  namedPeople: '',
  expiresOn: '',
}

/** The API's shape: empty dates become null (empty text the server turns into null itself). */
export function courtOrderBody(values: CourtOrderValues) {
  return {
    orderType: values.orderType as keyof typeof COURT_ORDER_LABELS,
    madeOn: values.madeOn || null,
    court: values.court,
    conditions: values.conditions,
    namedPeople: values.namedPeople,
    expiresOn: values.expiresOn || null,
  }
}

/** The fields of one court order or injunction; `field` gives each input its form props. */
export function CourtOrderFields({ field }: { field: (name: keyof CourtOrderValues) => FieldProps }) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Kind of order"
          data={optionsOf(COURT_ORDER_LABELS)}
          allowDeselect={false}
          required
          {...field('orderType')}
        />
        <TextInput label="Court" {...field('court')} />
        <TextInput label="Made on" type="date" {...field('madeOn')} />
        <TextInput
          label="Ends on"
          description="Leave empty if it has no end date."
          type="date"
          {...field('expiresOn')}
        />
      </SimpleGrid>
      <Textarea
        label="What the order says about contact"
        description="Conditions that affect sessions: who may attend, supervision, handovers."
        autosize
        minRows={2}
        {...field('conditions')}
      />
      <TextInput label="People named in the order" {...field('namedPeople')} />
    </>
  )
}
