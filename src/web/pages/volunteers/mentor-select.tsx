import { Select, type SelectProps } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { teamQuery } from './queries'

/** Chooses a mentor from the centre's active volunteers (those in their own first year cannot mentor). */
export function MentorSelect({
  centreId,
  volunteerId,
  ...props
}: { centreId: string; volunteerId: string } & Omit<SelectProps, 'data'>) {
  const team = useQuery(teamQuery(centreId, 'active'))
  const data = (team.data?.volunteers ?? [])
    .filter((v) => v.id !== volunteerId)
    .map((v) => ({ value: v.id, label: v.fullName }))
  return (
    <Select
      label="Mentor"
      description="An active volunteer who works beside them in their first year."
      placeholder={team.isPending ? 'Loading the team…' : 'Choose a mentor'}
      nothingFoundMessage="No active volunteers"
      searchable
      clearable
      data={data}
      maw={420}
      {...props}
    />
  )
}
