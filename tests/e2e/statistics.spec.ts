import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import type { Dashboard, QuarterlyReturn } from '../../src/domain/statistics/statistics.schemas'
import { demoLogin, expect, expectFitsViewport, expectNoAxeViolations, signIn, test } from './fixtures'

// The coordinator's statistics, on the demo centre (shaped like the reference centre, with fifteen
// months behind it): the dashboard's charts and their tables, the caseload table centres quote, and
// the NACCC quarterly return as a spreadsheet file and a PDF. Reads only: no shared data changes.

const SCREENSHOTS = path.join('test-results', 'screenshots')
const PHONE = { width: 375, height: 740 }
const DESKTOP = { width: 1280, height: 800 }

const STATISTICS_PAGES = [
  { link: 'Dashboard', heading: 'Statistics', ready: 'chart-sessions' },
  { link: 'Caseload', heading: 'Caseload', ready: 'caseload-table' },
  { link: 'Quarterly return', heading: 'NACCC quarterly return', ready: 'key-figures' },
  { link: 'Commissioner and trustees', heading: 'Commissioner and trustees reports', ready: 'key-figures' },
] as const

const CHARTS = [
  'chart-referrals',
  'chart-children-by-age',
  'chart-sessions',
  'chart-capacity',
  'chart-waiting',
  'chart-outcomes',
  'chart-volunteer-hours',
] as const

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
const todayIn = (timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  )
const count = (n: number): string => n.toLocaleString('en-GB')

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `statistics-${name}.png`), fullPage: true })
}

/** A row's cells as read: its heading cell, then its numbers. */
const cellsOf = (row: Locator): Promise<string[]> =>
  row.locator('th, td').evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').trim()))

/** The report's query, as the page's own download link asks for it. */
async function queryOfDownloads(page: Page): Promise<URLSearchParams> {
  const href = await page
    .getByTestId('report-downloads')
    .getByRole('link', { name: /CSV/ })
    .getAttribute('href')
  return new URL(href ?? '', 'http://x').searchParams
}

async function openStatistics(page: Page): Promise<void> {
  await signIn(page, demoLogin('coordinator'))
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible()
}

const statisticsPage = async (page: Page, target: (typeof STATISTICS_PAGES)[number]) => {
  await page
    .getByRole('navigation', { name: 'Statistics pages' })
    .getByRole('link', { name: target.link })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: target.heading })).toBeVisible()
  await expect(page.getByTestId(target.ready).first()).toBeVisible()
}

test('the coordinator opens Statistics from the menu: every chart, and the sessions chart as a table', async ({
  page,
}) => {
  await openStatistics(page)
  for (const chart of CHARTS) {
    const card = page.getByTestId(chart)
    await expect(card.getByRole('heading', { level: 2 })).toBeVisible()
    await expect(card.getByRole('button', { name: 'Show as a table' })).toBeVisible()
  }
  await expect(page.getByTestId('chart-sessions').getByRole('img').first()).toHaveAccessibleName(
    /^Sessions by month\. /,
  )
  await shoot(page, 'dashboard-desktop')

  // The same figures the API counts, month by month: the demo's year at the hall and the school.
  const query = await queryOfDownloads(page)
  const response = await page.request.get(`/api/reports/dashboard?${query.toString()}`)
  expect(response.ok()).toBe(true)
  const dashboard = (await response.json()) as Dashboard
  const sessions = page.getByTestId('chart-sessions')
  await sessions.getByRole('button', { name: 'Show as a table' }).click()
  const table = sessions.getByRole('table')
  await expect(table).toBeVisible()
  await expect(table.locator('tbody tr')).toHaveCount(dashboard.sessionsByMonth.length)
  const total = (key: 'delivered' | 'cancelled' | 'notAttended') =>
    dashboard.sessionsByMonth.reduce((sum, m) => sum + m[key], 0)
  expect(total('delivered')).toBeGreaterThan(500)
  expect(await cellsOf(table.locator('tfoot tr'))).toEqual([
    'Total',
    count(total('delivered')),
    count(total('cancelled')),
    count(total('notAttended')),
  ])
  const busiest = dashboard.sessionsByMonth.reduce((a, b) => (b.delivered > a.delivered ? b : a))
  const busiestRow = (await table.locator('tbody tr').all())[dashboard.sessionsByMonth.indexOf(busiest)]
  expect(busiestRow && (await cellsOf(busiestRow)).slice(1)).toEqual([
    count(busiest.delivered),
    count(busiest.cancelled),
    count(busiest.notAttended),
  ])
  await expect(sessions.getByRole('button', { name: 'Show as a chart' })).toBeVisible()
  await expectNoAxeViolations(page, 'statistics dashboard, sessions as a table')
})

test('the caseload page shows the reference centre’s 39 children and 33 parents, by referral source', async ({
  page,
}) => {
  await openStatistics(page)
  await statisticsPage(page, STATISTICS_PAGES[1])
  // Other journeys open families' cases today: the table as the demo was seeded is yesterday's.
  const yesterday = addDays(todayIn('Europe/Jersey'), -1)
  await page.getByLabel('On', { exact: true }).fill(yesterday)
  await expect(page).toHaveURL(new RegExp(`on=${yesterday}`))
  const table = page.getByTestId('caseload-table')
  await expect(table.getByRole('columnheader')).toHaveText(['Referred by', 'Children', 'Parents'])
  await expect(table.locator('tbody tr')).toHaveCount(3)
  const rows = await Promise.all((await table.locator('tbody tr, tfoot tr').all()).map(cellsOf))
  expect(rows).toEqual([
    ['Court adviser (Cafcass / JFCAS)', '25', '22'],
    ['Social services', '5', '4'],
    ['Self-referral', '9', '7'],
    ['Total', '39', '33'],
  ])
  await shoot(page, 'caseload-desktop')
})

test('the quarterly return downloads as a spreadsheet file with the figures on screen, and as a PDF', async ({
  page,
}) => {
  await openStatistics(page)
  await statisticsPage(page, STATISTICS_PAGES[2])
  const quarter = (await queryOfDownloads(page)).get('quarter') ?? ''
  expect(quarter).toMatch(/^\d{4}-Q[1-4]$/)
  const api = await page.request.get(`/api/reports/quarterly-return?quarter=${quarter}`)
  const report = (await api.json()) as QuarterlyReturn
  const { referrals, sessions } = report.measures
  expect(referrals.received).toBeGreaterThan(0)
  await expect(page.getByTestId('key-figures')).toContainText(count(referrals.received))
  await shoot(page, 'quarterly-return-desktop')

  const downloads = page.getByTestId('report-downloads')
  const csvDownload = page.waitForEvent('download')
  await downloads.getByRole('link', { name: /^Download for a spreadsheet \(CSV\)/ }).click()
  const csvFile = await csvDownload
  expect(csvFile.suggestedFilename()).toBe(`naccc-return-${quarter}.csv`)
  const csv = fs.readFileSync(await csvFile.path(), 'utf8')
  expect(csv).toMatch(/^section,measure,value\r\nReport,Title,NACCC quarterly return\r\n/)
  // One line a figure: section, measure, value.
  const figure = (section: string, measure: RegExp) =>
    csv
      .split('\r\n')
      .map((line) => line.split(','))
      .find(([from, what]) => from === section && measure.test(what ?? ''))?.[2]
  expect(figure('Referrals', /received/)).toBe(String(referrals.received))
  expect(figure('Referrals', /declined/i)).toBe(String(referrals.declined))
  expect(figure('Sessions', /held/)).toBe(String(sessions.attended))
  expect(csv).not.toMatch(/Le Brocq|Tostevin|Ozouf/)

  const pdfDownload = page.waitForEvent('download')
  await downloads.getByRole('link', { name: /^Download as a PDF/ }).click()
  const pdfFile = await pdfDownload
  expect(pdfFile.suggestedFilename()).toBe(`naccc-return-${quarter}.pdf`)
  const pdf = fs.readFileSync(await pdfFile.path())
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdf.length).toBeGreaterThan(2_000)
})

test('every statistics page passes axe and fits a phone without sideways scrolling, tables open', async ({
  page,
}) => {
  await openStatistics(page)
  for (const target of STATISTICS_PAGES) {
    await page.setViewportSize(DESKTOP)
    if (target.link !== 'Dashboard') await statisticsPage(page, target)
    else await expect(page.getByTestId(target.ready)).toBeVisible()
    await expectNoAxeViolations(page, `${target.heading} (desktop)`)
    await page.setViewportSize(PHONE)
    await expectFitsViewport(page, PHONE.width, target.heading)
    await expectNoAxeViolations(page, `${target.heading} (phone)`)
    if (target.link === 'Dashboard') {
      for (const chart of CHARTS)
        await page.getByTestId(chart).getByRole('button', { name: 'Show as a table' }).click()
      await expect(page.getByTestId('chart-referrals').getByRole('table')).toBeVisible()
      await expectFitsViewport(page, PHONE.width, `${target.heading}, tables open`)
      await expectNoAxeViolations(page, `${target.heading}, tables open (phone)`)
    }
    await shoot(page, `${target.link.toLowerCase().replaceAll(' ', '-')}-phone`)
  }
})
