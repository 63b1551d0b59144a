import { Button, Group } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { reportUrl, type ReportPath } from './statistics-words'

/** The report as a spreadsheet file and as a PDF, for the same choices as on screen. */
export function ReportDownloads({
  path,
  query,
  what,
}: {
  path: ReportPath
  query: Record<string, string | undefined>
  /** What is downloaded, for the buttons' names: "caseload on 26 November 2026". */
  what: string
}) {
  return (
    <Group gap="sm" wrap="wrap" data-testid="report-downloads">
      <Button
        component="a"
        href={reportUrl(path, 'csv', query)}
        download
        variant="default"
        leftSection={<IconDownload size={18} aria-hidden="true" />}
        aria-label={`Download for a spreadsheet (CSV): ${what}`}
      >
        Download for a spreadsheet (CSV)
      </Button>
      <Button
        component="a"
        href={reportUrl(path, 'pdf', query)}
        download
        variant="default"
        leftSection={<IconDownload size={18} aria-hidden="true" />}
        aria-label={`Download as a PDF: ${what}`}
      >
        Download as a PDF
      </Button>
    </Group>
  )
}
