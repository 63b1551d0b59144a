import { Alert, Anchor, Button, Text, Title } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import { api, call } from '../../api/client'
import type { VenueView } from '../../api/types'
import { FormError } from '../../components/form-error'
import type { ClosureView } from '../calendar/types'
import { formatLocalDate } from '../referrals/dates'
import { ClosureForm, type ClosureAdded } from './closure-form'
import classes from './settings.module.css'

interface Props {
  venue: VenueView
  centreId: string
  closures: ClosureView[]
}

/** "25 Dec 2025" or "24 Dec 2025 to 1 Jan 2026". */
export function closureDays(closure: Pick<ClosureView, 'firstDay' | 'lastDay'>): string {
  if (closure.firstDay === closure.lastDay) return formatLocalDate(closure.firstDay)
  return `${formatLocalDate(closure.firstDay)} to ${formatLocalDate(closure.lastDay)}`
}

/** Days ahead when the venue (or the whole centre) is closed, with a form to add one. */
export function VenueClosures({ venue, centreId, closures }: Props) {
  const [adding, setAdding] = useState(false)
  const [added, setAdded] = useState<ClosureAdded | null>(null)
  const headingId = `closures-${venue.id}`
  return (
    <section aria-labelledby={headingId}>
      <Title order={5} id={headingId}>
        Closures
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Days the venue or the whole centre is shut, such as bank holidays. Nothing can be booked then.
      </Text>
      {added && added.affected > 0 ? (
        <Alert
          color="yellow"
          variant="light"
          mb="sm"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title={
            added.affected === 1
              ? '1 session is already booked on those days: move or cancel it'
              : `${added.affected} sessions are already booked on those days: move or cancel them`
          }
          withCloseButton
          closeButtonLabel="Close message"
          onClose={() => setAdded(null)}
        >
          <Anchor component={Link} to={`/calendar/${venue.id}?view=week&date=${added.firstDay}`}>
            Open the calendar for {formatLocalDate(added.firstDay)}
          </Anchor>
        </Alert>
      ) : null}
      {closures.length === 0 ? <Text size="sm">No closures ahead.</Text> : null}
      {closures.length > 0 ? (
        <ul className={classes.rooms} aria-label={`Closures at ${venue.name}`}>
          {closures.map((closure) => (
            <ClosureRow key={closure.id} closure={closure} />
          ))}
        </ul>
      ) : null}
      <div>
        {adding ? (
          <ClosureForm
            venue={venue}
            centreId={centreId}
            onDone={(result) => {
              setAdding(false)
              setAdded(result)
            }}
          />
        ) : (
          <Button size="sm" variant="light" mt="xs" onClick={() => setAdding(true)}>
            Add a closure
          </Button>
        )}
      </div>
    </section>
  )
}

function ClosureRow({ closure }: { closure: ClosureView }) {
  const queryClient = useQueryClient()
  const remove = useMutation({
    mutationFn: () =>
      call(api.DELETE('/api/closures/{closureId}', { params: { path: { closureId: closure.id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['venue-openings'] })
      await queryClient.invalidateQueries({ queryKey: ['calendar'] })
    },
  })
  const days = closureDays(closure)
  return (
    <li className={classes.room}>
      <div>
        <Text fw={600} size="sm">
          {days}: {closure.reason}
        </Text>
        <Text size="sm" c="dimmed">
          {closure.venueId === null ? 'The whole centre' : 'This venue only'}
        </Text>
      </div>
      <Button
        size="xs"
        variant="default"
        loading={remove.isPending}
        onClick={() => remove.mutate()}
        aria-label={`Withdraw closure: ${days}`}
      >
        Withdraw
      </Button>
      <FormError error={remove.error} title="The closure was not withdrawn" />
    </li>
  )
}
