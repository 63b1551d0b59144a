import { Alert, Anchor, Group, List, Stack } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { TransitionsTable } from '../../components/transitions-table'
import { STAGE_LABELS, stageLabel } from '../../volunteering-words'
import { Section } from '../referrals/shared/section'
import { AvailabilitySection } from './availability-section'
import { DetailsSection } from './details-section'
import { volunteerQuery } from './queries'
import { RequirementsSection } from './requirements-section'
import { RoleSection } from './role-section'
import { StageSection } from './stage-section'
import type { VolunteerFile } from './types'

/** A volunteer's file on one screen: stage, details, duties, requirements, availability and history. */
export function VolunteerPage() {
  const { volunteerId = '' } = useParams()
  const file = useQuery(volunteerQuery(volunteerId))
  if (file.isPending) return <Loading label="Loading the volunteer’s file" />
  if (!file.data) {
    return (
      <>
        <PageTitle title="Volunteer" />
        <FormError error={file.error} title="We could not load this volunteer" />
      </>
    )
  }
  return <VolunteerFileView file={file.data} />
}

function VolunteerFileView({ file }: { file: VolunteerFile }) {
  return (
    <>
      <PageTitle title={file.fullName} intro={`Volunteer: ${STAGE_LABELS[file.stage]}`} />
      <Stack gap="lg">
        <Group>
          <Anchor component={Link} to={`/volunteers?centre=${file.centreId}`} size="sm">
            Back to the recruitment board
          </Anchor>
        </Group>
        {file.blockers.length > 0 ? (
          <Alert
            color="red"
            variant="light"
            title="They cannot be put on the rota"
            icon={<IconAlertTriangle aria-hidden="true" />}
          >
            <List size="sm">
              {file.blockers.map((blocker) => (
                <List.Item key={blocker}>{blocker}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <StageSection file={file} />
        <DetailsSection file={file} />
        <RoleSection key={file.version} file={file} />
        <RequirementsSection file={file} />
        <AvailabilitySection file={file} />
        <Section title="History">
          <TransitionsTable
            transitions={file.history}
            label={`History of ${file.fullName}`}
            stateLabel={stageLabel}
          />
        </Section>
      </Stack>
    </>
  )
}
