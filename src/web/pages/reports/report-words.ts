import type { ReleaseView, ReportKind, Side } from '../../api/types'
import { formatDay } from '../../volunteering-dates'

// Reports to referrers in plain words: what kind, whose side, which period, what was found.

export const KIND_LABELS: Record<ReportKind, string> = {
  attendance: 'Attendance: dates and times only',
  supervised: 'Supervised contact report',
}

/** A short name for tables and lists. */
export const KIND_SHORT: Record<ReportKind, string> = {
  attendance: 'Attendance',
  supervised: 'Supervised contact',
}

export const KIND_HINTS: Record<ReportKind, string> = {
  attendance:
    'Who came, and when they arrived and left. Supported contact discloses only dates and times, so this is the only report a supported family’s referrer may have.',
  supervised:
    'The released observation records of each supervised session, with a caution about what they can and cannot show.',
}

/** Whose side the referrer acts for; a court adviser acts for neither. */
export function sideWords(side: Side | null): string {
  if (side === 'resident') return 'acts for the resident parent'
  if (side === 'non_resident') return 'acts for the visiting parent'
  return 'neutral'
}

/** "1 Sep 2026 to 30 Nov 2026". */
export const periodWords = (from: string, to: string): string => `${formatDay(from)} to ${formatDay(to)}`

/** Whether the referrer has downloaded it yet, in words. */
export function downloadWords(release: Pick<ReleaseView, 'firstDownloadedAt' | 'downloads'>): string {
  if (!release.firstDownloadedAt) return 'Not yet'
  return release.downloads === 1 ? 'Yes, once' : `Yes, ${release.downloads} times`
}

/** The same day three months earlier (or the month's last day when it has fewer days). */
export function threeMonthsBefore(date: string): string {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7)) - 1 - 3
  const day = Number(date.slice(8, 10))
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return new Date(Date.UTC(year, month, Math.min(day, lastDay))).toISOString().slice(0, 10)
}

/** Where the download of a released report is. */
export const releasePdfUrl = (releaseId: string): string =>
  `/api/report-releases/${encodeURIComponent(releaseId)}/pdf`

/** The PDF preview of what a release would send, for a new tab. */
export function previewPdfUrl(
  caseId: string,
  request: { kind: ReportKind; from: string; to: string; referralId: string },
): string {
  const query = new URLSearchParams(request)
  return `/api/cases/${encodeURIComponent(caseId)}/reports/preview.pdf?${query.toString()}`
}
