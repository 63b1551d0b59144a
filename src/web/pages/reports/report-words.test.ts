import { describe, expect, it } from 'vitest'
import { downloadWords, previewPdfUrl, sideWords, threeMonthsBefore } from './report-words'

describe('report words', () => {
  it('says whose side a referrer acts for, and neutral for a court adviser', () => {
    expect(sideWords('resident')).toBe('acts for the resident parent')
    expect(sideWords('non_resident')).toBe('acts for the visiting parent')
    expect(sideWords(null)).toBe('neutral')
  })

  it('says whether and how often a release was downloaded', () => {
    expect(downloadWords({ firstDownloadedAt: null, downloads: 0 })).toBe('Not yet')
    expect(downloadWords({ firstDownloadedAt: '2026-11-30T10:00:00Z', downloads: 1 })).toBe('Yes, once')
    expect(downloadWords({ firstDownloadedAt: '2026-11-30T10:00:00Z', downloads: 3 })).toBe('Yes, 3 times')
  })

  it('goes back three months, to the month’s last day when it is shorter, and across a year', () => {
    expect(threeMonthsBefore('2026-11-28')).toBe('2026-08-28')
    expect(threeMonthsBefore('2026-05-31')).toBe('2026-02-28')
    expect(threeMonthsBefore('2027-01-15')).toBe('2026-10-15')
  })

  it('builds the preview address with every part of the request', () => {
    expect(
      previewPdfUrl('c-1', { kind: 'attendance', from: '2026-09-01', to: '2026-11-30', referralId: 'r-1' }),
    ).toBe('/api/cases/c-1/reports/preview.pdf?kind=attendance&from=2026-09-01&to=2026-11-30&referralId=r-1')
  })
})
