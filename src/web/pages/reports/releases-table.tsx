import { Anchor, Box, Button, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { Link } from 'react-router'
import type { ReleaseView } from '../../api/types'
import { PlainList } from '../../components/plain-list'
import { TableScroll } from '../../components/table-scroll'
import { formatDate, formatDateTime } from '../../format'
import { useAfterDownload } from './report-queries'
import { downloadWords, KIND_SHORT, periodWords, releasePdfUrl, sideWords } from './report-words'

export interface ReleaseColumns {
  /** The case reference; a link to the case file for the desk. */
  caseRef?: 'text' | 'link'
  /** To whom it went. */
  recipient?: boolean
  /** Who released it. */
  releasedBy?: boolean
}

interface Props {
  releases: ReleaseView[]
  caption: string
  columns: ReleaseColumns
}

/** Released reports: a table on a wide screen, a list of cards on a phone; each with its download. */
export function ReleasesTable({ releases, caption, columns }: Props) {
  return (
    <>
      <Box visibleFrom="md">
        <TableScroll label={caption} minWidth={640}>
          <Table striped verticalSpacing="xs">
            <Table.Caption>{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {columns.caseRef ? <Table.Th scope="col">Case</Table.Th> : null}
                <Table.Th scope="col">What</Table.Th>
                {columns.recipient ? <Table.Th scope="col">To whom</Table.Th> : null}
                <Table.Th scope="col">Released</Table.Th>
                {columns.releasedBy ? <Table.Th scope="col">By whom</Table.Th> : null}
                <Table.Th scope="col">{columns.recipient ? 'Referrer downloaded?' : 'Downloaded?'}</Table.Th>
                <Table.Th scope="col">
                  <span className="sr-only">Download</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {releases.map((release) => (
                <Table.Tr key={release.id}>
                  {columns.caseRef ? (
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <CaseRef release={release} link={columns.caseRef === 'link'} />
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {KIND_SHORT[release.kind]}
                    </Text>
                    <Text size="sm">{periodWords(release.from, release.to)}</Text>
                  </Table.Td>
                  {columns.recipient ? (
                    <Table.Td>
                      <Recipient release={release} />
                    </Table.Td>
                  ) : null}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(release.releasedAt)}</Table.Td>
                  {columns.releasedBy ? <Table.Td>{release.releasedBy ?? '—'}</Table.Td> : null}
                  <Table.Td>{downloadWords(release)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <DownloadButton release={release} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Box>
      <PlainList hiddenFrom="md" gap="sm" aria-label={caption}>
        {releases.map((release) => (
          <Paper key={release.id} component="li" withBorder radius="md" p="sm">
            <Stack gap={4}>
              <Group justify="space-between" gap="xs" align="flex-start">
                <Text fw={700}>{KIND_SHORT[release.kind]}</Text>
                {columns.caseRef ? <CaseRef release={release} link={columns.caseRef === 'link'} /> : null}
              </Group>
              <Text size="sm">{periodWords(release.from, release.to)}</Text>
              {columns.recipient ? (
                <Text size="sm">
                  To <Recipient release={release} />
                </Text>
              ) : null}
              <Text size="sm">
                Released {formatDate(release.releasedAt)}
                {columns.releasedBy && release.releasedBy ? ` by ${release.releasedBy}` : ''}
              </Text>
              <Text size="sm">
                {columns.recipient ? 'Referrer downloaded' : 'Downloaded'}:{' '}
                {downloadWords(release).toLowerCase()}
              </Text>
              <Group>
                <DownloadButton release={release} />
              </Group>
            </Stack>
          </Paper>
        ))}
      </PlainList>
    </>
  )
}

function CaseRef({ release, link }: { release: ReleaseView; link: boolean }) {
  if (!link) return <Text ff="monospace">{release.caseReference}</Text>
  return (
    <Anchor component={Link} to={`/cases/${release.caseId}`} ff="monospace">
      {release.caseReference}
    </Anchor>
  )
}

function Recipient({ release }: { release: ReleaseView }) {
  return (
    <>
      {release.recipient}{' '}
      <Text span size="sm" c="dimmed">
        ({sideWords(release.recipientSide)})
      </Text>
    </>
  )
}

function DownloadButton({ release }: { release: ReleaseView }) {
  const afterDownload = useAfterDownload()
  return (
    <Button
      component="a"
      href={releasePdfUrl(release.id)}
      download
      size="xs"
      variant="default"
      styles={{ label: { whiteSpace: 'nowrap' } }}
      leftSection={<IconDownload size={16} aria-hidden="true" />}
      aria-label={`Download PDF: ${KIND_SHORT[release.kind]}, case ${release.caseReference}, ${periodWords(release.from, release.to)}`}
      onClick={afterDownload}
    >
      Download PDF
    </Button>
  )
}
