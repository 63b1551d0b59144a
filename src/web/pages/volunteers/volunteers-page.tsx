import { Button, Group, Stack, Text } from '@mantine/core'
import { IconUserPlus } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { AddEnquiryForm } from './add-enquiry-form'
import { RecruitmentBoard } from './board'
import { CentrePicker } from './centre-picker'
import { boardQuery, useCentreChoice } from './queries'
import { VolunteersNav } from './volunteers-nav'

/** The recruitment board: everyone from a first enquiry to leaving, and what stops each one working. */
export function VolunteersPage() {
  const { centres, centre, choose, isPending, error } = useCentreChoice()
  const board = useQuery({ ...boardQuery(centre?.id), enabled: Boolean(centre) })
  const [adding, setAdding] = useState(false)
  return (
    <>
      <PageTitle
        title="Volunteers"
        intro="Everyone from a first enquiry to leaving. Open a name to move them on or record a check."
      />
      <VolunteersNav />
      <Stack gap="lg">
        <CentrePicker centres={centres} value={centre?.id} onChange={choose} />
        {isPending || board.isPending ? <Loading label="Loading the board" /> : null}
        <FormError error={error ?? board.error} title="We could not load the board" />
        {!isPending && centres.length === 0 ? <Text>You do not work in any centre yet.</Text> : null}
        {centre && adding ? (
          <AddEnquiryForm centres={centres} centreId={centre.id} onDone={() => setAdding(false)} />
        ) : null}
        {centre && !adding ? (
          <Group>
            <Button
              leftSection={<IconUserPlus size={18} aria-hidden="true" />}
              onClick={() => setAdding(true)}
            >
              Add an enquiry
            </Button>
          </Group>
        ) : null}
        {board.data ? <RecruitmentBoard board={board.data} /> : null}
      </Stack>
    </>
  )
}
