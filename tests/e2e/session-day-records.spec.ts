import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Download, Page } from '@playwright/test'
import type { ReferralDetail } from '../../src/domain/referrals/referrals.schemas'
import type {
  AttendanceEventView,
  ObservationView,
  ReleaseView,
} from '../../src/domain/session-day/session-day.schemas'
import {
  demoLogin,
  expect,
  expectFitsViewport,
  expectNoAxeViolations,
  signIn,
  signOut,
  test,
} from './fixtures'
import {
  addDays,
  adminApi,
  allSent,
  apiOf,
  cardOf,
  caseWords,
  DESKTOP,
  newBrowserPage,
  newCoordinator,
  personRow,
  PHONE,
  readBoard,
  readOutbox,
  registerLines,
  SCREENSHOTS,
  sessionOf,
  shoot,
  shootPart,
  TABLET,
  todayIn,
  type Api,
} from './session-day-support'

// What the session day leaves behind: nothing of the families in the browser once the volunteer
// signs out (CLI-1), even after taps waited offline; and reports to referrers, checked for protected
// details before release, logged, and downloaded by the referrer from their own area.

const stamp = Date.now().toString(36)

// ---------- What the browser keeps ----------

interface Kept {
  localStorage: Record<string, string | null>
  sessionStorage: Record<string, string | null>
  indexedDB: { name: string; stores: Record<string, unknown[]> }[]
  caches: { name: string; entries: { url: string; body: string }[] }[]
  serviceWorkers: string[]
}

/** Everything the page's origin holds in the browser: both storages, every database, cache and worker. */
function keptBy(page: Page): Promise<Kept> {
  return page.evaluate(async () => {
    const entriesOf = (storage: Storage) =>
      Object.fromEntries(Object.keys(storage).map((key) => [key, storage.getItem(key)]))
    const databases = []
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue
      const name = info.name
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`))
      })
      const stores: Record<string, unknown[]> = {}
      for (const store of Array.from(db.objectStoreNames)) {
        stores[store] = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll()
          request.onsuccess = () => resolve(request.result as unknown[])
          request.onerror = () => reject(request.error ?? new Error(`cannot read ${store}`))
        })
      }
      db.close()
      databases.push({ name, stores })
    }
    const caches = []
    for (const name of await globalThis.caches.keys()) {
      const cache = await globalThis.caches.open(name)
      const entries = []
      for (const request of await cache.keys())
        entries.push({ url: request.url, body: (await (await cache.match(request))?.text()) ?? '' })
      caches.push({ name, entries })
    }
    const registrations = (await navigator.serviceWorker?.getRegistrations()) ?? []
    return {
      localStorage: entriesOf(localStorage),
      sessionStorage: entriesOf(sessionStorage),
      indexedDB: databases,
      caches,
      serviceWorkers: registrations.map((r) => r.scope),
    }
  })
}

/** One entry in each storage the page can write to, each found again by keptBy. */
async function leaveSomethingBehind(page: Page): Promise<void> {
  await page.evaluate(async () => {
    localStorage.setItem('left-behind', 'a preference')
    sessionStorage.setItem('left-behind', 'a step')
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('left-behind', 1)
      request.onupgradeneeded = () => request.result.createObjectStore('things').put('a thing', 1)
      request.onsuccess = () => {
        request.result.close()
        resolve()
      }
      request.onerror = () => reject(request.error ?? new Error('cannot write'))
    })
    const cache = await caches.open('left-behind')
    await cache.put('/left-behind', new Response('a page'))
  })
  const kept = await keptBy(page)
  expect(kept.indexedDB).toEqual([{ name: 'left-behind', stores: { things: ['a thing'] } }])
  expect(kept.caches).toEqual([
    {
      name: 'left-behind',
      entries: [{ url: expect.stringMatching(/\/left-behind$/) as unknown, body: 'a page' }],
    },
  ])
}

function expectNothingOf(kept: Kept, words: string[], when: string): void {
  const all = JSON.stringify(kept)
  for (const word of words) expect(all, `the browser keeps “${word}” ${when}`).not.toContain(word)
}

const emptiness = (kept: Kept) => ({
  localStorage: Object.keys(kept.localStorage).length,
  sessionStorage: Object.keys(kept.sessionStorage).length,
  indexedDB: kept.indexedDB.length,
  caches: kept.caches.length,
  serviceWorkers: kept.serviceWorkers.length,
})
const NOTHING = { localStorage: 0, sessionStorage: 0, indexedDB: 0, caches: 0, serviceWorkers: 0 }

test('after signing out the browser holds nothing of the families, and taps still waiting make sign-out ask first (CLI-1)', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const tablet = await newBrowserPage(browser, TABLET)
  const context = tablet.context()
  await signIn(tablet, demoLogin('volunteer'))
  const door = await apiOf(tablet)
  const board = await readBoard(door)
  const ahier = sessionOf(board, 'Scott Ahier')
  const secrets = board.sessions.flatMap(caseWords)
  expect(secrets).toContain('Scott Ahier')

  // The board is never kept by the browser's cache either.
  const read = tablet.waitForResponse((r) => new URL(r.url()).pathname === '/api/today')
  await tablet.goto('/today')
  expect((await read).headers()['cache-control']).toBe('no-store')
  const card = cardOf(tablet, ahier)
  const scott = personRow(card, 'Scott Ahier')
  await expect(scott).toContainText('Expected 09:45')
  expectNothingOf(await keptBy(tablet), secrets, 'while the board is open')

  // Offline: the tap waits in the page's memory, and the banner says so.
  await context.setOffline(true)
  const banner = tablet.getByRole('status').filter({ hasText: /^Offline/ })
  await expect(banner).toContainText('Keep this page open.')
  await card.getByRole('button', { name: 'Scott Ahier Arrived', exact: true }).click()
  await expect(banner).toContainText('Offline — 1 tap waiting to send. Keep this page open.')
  await expect(scott).toContainText(/In the building since \d\d:\d\d/)
  await expect(registerLines(card, 'Scott Ahier arrived')).toContainText('Waiting to send')
  const tappedBy = Date.now()
  expectNothingOf(await keptBy(tablet), secrets, 'while a tap waits offline')
  await expectNoAxeViolations(tablet, 'today, offline with a tap waiting (tablet)')
  await shoot(tablet, 'today-offline.png', false)

  // Signing out now would lose the tap: the app asks first, and the volunteer stays.
  await tablet
    .getByRole('banner')
    .getByRole('button', { name: /^Sign out/ })
    .click()
  const ask = tablet.getByRole('dialog', { name: 'Sign out now?' })
  await expect(ask).toContainText('1 tap at the door has not been sent yet.')
  await expect(ask.getByRole('button', { name: 'Sign out anyway' })).toBeVisible()
  await expect(ask).toHaveCSS('opacity', '1')
  await shoot(tablet, 'sign-out-ask.png', false)
  await expectNoAxeViolations(tablet, 'sign out now? (tablet)')
  await ask.getByRole('button', { name: 'Stay signed in' }).click()
  await expect(ask).toHaveCount(0)
  await expect(banner).toContainText('1 tap waiting to send')

  // Back online, the tap goes out with the time it was tapped.
  const onlineAt = Date.now()
  await context.setOffline(false)
  await allSent(tablet)
  await expect(banner).toHaveCount(0)
  await expect(registerLines(card, 'Scott Ahier arrived')).toContainText('Recorded')
  const recorded = (await readBoard(door)).sessions
    .find((s) => s.id === ahier.id)
    ?.events.filter((e: AttendanceEventView) => e.name === 'Scott Ahier' && e.kind === 'arrived' && !e.voided)
  expect(recorded).toHaveLength(1)
  expect(Date.parse(recorded?.[0]?.at ?? ''), 'the tap keeps the time it was made').toBeLessThanOrEqual(
    tappedBy,
  )
  expect(Date.parse(recorded?.[0]?.at ?? '')).toBeLessThan(onlineAt)
  expectNothingOf(await keptBy(tablet), secrets, 'once the tap is sent')

  // Signing out clears the site's data, whoever wrote it: something left in every kind of storage (by
  // an older version of the app, say) is gone too. The answer says so and the browser holds nothing.
  await leaveSomethingBehind(tablet)
  expect(emptiness(await keptBy(tablet))).toEqual({
    ...NOTHING,
    localStorage: 1,
    sessionStorage: 1,
    indexedDB: 1,
    caches: 1,
  })
  const loggedOut = tablet.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/auth/logout' && r.request().method() === 'POST',
  )
  await signOut(tablet)
  const logout = await loggedOut
  expect(logout.status()).toBe(204)
  const clear = (await logout.allHeaders())['clear-site-data'] ?? ''
  expect(clear).toContain('"cache"')
  expect(clear).toContain('"storage"')
  await expect.poll(async () => emptiness(await keptBy(tablet))).toEqual(NOTHING)
  expectNothingOf(await keptBy(tablet), secrets, 'after signing out')
  await expect(tablet.getByText('Scott Ahier')).toHaveCount(0)
  // The board cannot be opened again from this browser without signing in.
  await tablet.goto('/today')
  await expect(tablet.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  expect(emptiness(await keptBy(tablet))).toEqual(NOTHING)
  await context.close()
})

// ---------- Reports to referrers ----------

const COORDINATOR = { name: 'Alex Le Quesne', email: `alex.${stamp}@coordinators.example` }

async function savePdf(download: Download, name: string): Promise<Buffer> {
  const file = path.join(SCREENSHOTS, name)
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await download.saveAs(file)
  const bytes = fs.readFileSync(file)
  expect(bytes.subarray(0, 5).toString('latin1'), `${name} is a PDF`).toBe('%PDF-')
  renderFirstPage(file)
  return bytes
}

/** Page 1 of a PDF as a picture next to it, when poppler's pdftoppm is there to draw it. */
function renderFirstPage(file: string): void {
  const out = file.replace(/\.pdf$/, '')
  const drawn = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, out])
  if (drawn.error) return
  expect(drawn.status, `pdftoppm ${file}: ${drawn.stderr.toString()}`).toBe(0)
}

/** The demo referrer's own referral of a new family, taken by the desk through intake to a case. */
async function referrersOwnCase(desk: Api, referrer: Api, centreId: string, today: string): Promise<string> {
  const family = `Sarre ${stamp}`
  const referral = await referrer.post<ReferralDetail>('/api/referrals', {
    centreId,
    sourceCode: 'court_adviser',
    serviceRequested: 'supported',
    frequencyRequested: 'Fortnightly, Sunday mornings',
    referrer: {
      name: 'Demo Referrer',
      organisation: 'JFCAS',
      role: 'Family court adviser',
      actingFor: 'both',
    },
    children: [{ fullName: `Maisie ${family}`, dateOfBirth: '2020-06-01' }],
    adults: [
      { role: 'resident_parent', fullName: `Laura ${family}`, protected: { phone: '07700 900461' } },
      {
        role: 'non_resident_parent',
        fullName: `Tom ${family}`,
        protected: { email: `tom.${stamp}@example.org` },
      },
    ],
    risk: { flags: [] },
  })
  await desk.post(`/api/referrals/${referral.id}/start-intake`)
  const heldOn = addDays(today, -7)
  const visits = referral.parties.flatMap((p, index) => {
    if (p.kind === 'child') return [{ partyId: p.id, kind: 'child_familiarisation', index }]
    if (p.role === 'resident_parent' || p.role === 'non_resident_parent')
      return [{ partyId: p.id, kind: 'adult', index }]
    return []
  })
  for (const { index, ...visit } of visits) {
    const scheduledAt = new Date(Date.parse(`${heldOn}T09:00:00Z`) + index * 2 * 3_600_000).toISOString()
    const planned = await desk.post<ReferralDetail>(`/api/referrals/${referral.id}/pre-visits`, {
      ...visit,
      scheduledAt,
    })
    const made = planned.preVisits.find((v) => v.partyId === visit.partyId && v.scheduledAt === scheduledAt)
    await desk.patch(`/api/pre-visits/${made?.id ?? ''}`, {
      outcome: 'held',
      heldOn,
      checklist: { rulesExplained: true },
    })
  }
  await desk.post(`/api/referrals/${referral.id}/risk-assessments`, {
    level: 'low',
    recommendedService: 'supported',
    factors: [],
    conditions: ['Staggered arrival'],
    sections: [
      { title: 'Domestic abuse', answers: [{ question: 'Any history?', answer: 'None disclosed' }] },
    ],
  })
  const accepted = await desk.post<ReferralDetail>(`/api/referrals/${referral.id}/decision`, {
    decision: 'accept',
    reason: 'Meets the centre’s criteria for supported contact',
  })
  expect(accepted.caseId, 'the referral became a case').toBeTruthy()
  return accepted.caseId ?? ''
}

test('a report released to a referrer: checked for protected details, logged, and downloaded from the referrer’s area', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const desk = await newCoordinator(browser, DESKTOP, COORDINATOR)
  const deskApi = await apiOf(desk)
  const [centre] = await deskApi.get<{ id: string; timeZone: string }[]>('/api/centres')
  if (!centre) throw new Error('The demo has no centre')
  const today = todayIn(centre.timeZone)

  // The family with released observation records.
  const { observations } = await deskApi.get<{ observations: Omit<ObservationView, 'sections'>[] }>(
    '/api/observations',
  )
  const released = observations.filter((o) => o.status === 'released')
  const caseId = released.find((o) => released.filter((r) => r.caseId === o.caseId).length >= 2)?.caseId
  expect(caseId, 'the demo has a family with two released records').toBeTruthy()
  const ref = released.find((o) => o.caseId === caseId)?.caseReference ?? ''
  const { recipients } = await deskApi.get<{ recipients: { referralId: string; label: string }[] }>(
    `/api/cases/${caseId ?? ''}/report-recipients`,
  )
  expect(recipients).toHaveLength(1)
  const to = recipients[0]?.label ?? ''

  await desk.goto(`/cases/${caseId ?? ''}`)
  const section = desk.getByRole('region', { name: 'Reports to referrers' })
  await expect(section.getByRole('radio', { name: new RegExp(`^${to} \\(`) })).toBeChecked()
  await expect(section.getByRole('radio', { name: 'Supervised contact report' })).toBeChecked()
  await section.getByRole('button', { name: 'Check what will go out' }).click()
  await expect(section.getByRole('alert').filter({ hasText: 'Nothing protected found' })).toBeVisible()
  await expect(
    section.getByText(/^Supervised contact report for .+: \d+ sessions in the period\.$/),
  ).toBeVisible()
  const count = Number(
    (await section.getByText(/: \d+ sessions in the period\.$/).textContent())?.match(/(\d+) sessions/)?.[1],
  )
  expect(count, 'the released records go into the report').toBeGreaterThanOrEqual(2)
  await expect(section.getByRole('region', { name: 'What will go out, line by line' })).toBeVisible()
  await shootPart(section, 'report-check.png')
  // The preview as a PDF, marked as not released.
  const previewUrl = await section.getByRole('link', { name: /^Open the PDF preview/ }).getAttribute('href')
  const preview = await desk.request.get(previewUrl ?? '')
  expect(preview.headers()['content-type']).toContain('application/pdf')
  const previewFile = path.join(SCREENSHOTS, 'report-preview.pdf')
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  fs.writeFileSync(previewFile, await preview.body())
  expect((await preview.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  renderFirstPage(previewFile)

  // An attendance report, checked then released; the release log shows it.
  await section.getByRole('radio', { name: 'Attendance: dates and times only' }).check()
  await section.getByRole('button', { name: 'Check what will go out' }).click()
  await expect(section.getByRole('alert').filter({ hasText: 'Nothing protected found' })).toBeVisible()
  await expect(section.getByText(/^Attendance report for .+: \d+ sessions? in the period\.$/)).toBeVisible()
  await section.getByRole('button', { name: `Release to ${to}` }).click()
  const confirm = desk.getByRole('dialog', { name: `Release to ${to}?` })
  await expect(confirm).toContainText('The release is logged and cannot be taken back.')
  await confirm.getByRole('button', { name: `Yes, release to ${to}` }).click()
  await expect(section.getByRole('status').filter({ hasText: `Released to ${to}` })).toBeVisible()
  const log = section.getByRole('table', { name: `Reports released for case ${ref}` })
  const row = log.getByRole('row').filter({ hasText: 'Attendance' }).filter({ hasText: COORDINATOR.name })
  await expect(row).toContainText(to)
  await expect(row).toContainText('Not yet')
  await shootPart(section, 'report-released.png')
  const [deskCopy] = await Promise.all([
    desk.waitForEvent('download'),
    row.getByRole('link', { name: /^Download PDF: Attendance/ }).click(),
  ])
  await savePdf(deskCopy, 'report-attendance.pdf')

  // A referrer with a sign-in: the demo referrer refers a family, the desk takes it to a case and
  // releases its attendance report, and the referrer downloads it from their own area.
  const referrerPage = await newBrowserPage(browser, DESKTOP)
  await signIn(referrerPage, demoLogin('referrer'))
  // Earlier journeys may have filled the centre's places: the admin makes room for one more family.
  const { api: capacityAdmin, context: adminContext } = await adminApi(browser)
  const intake = await capacityAdmin.get<{ centreCapacityUnits: number }>('/api/intake-settings')
  await capacityAdmin.patch('/api/intake-settings', { centreCapacityUnits: intake.centreCapacityUnits + 4 })
  await adminContext.close()
  const ownCase = await referrersOwnCase(deskApi, await apiOf(referrerPage), centre.id, today)
  const ownRecipients = await deskApi.get<{ recipients: { referralId: string; hasAccount: boolean }[] }>(
    `/api/cases/${ownCase}/report-recipients`,
  )
  const mine = ownRecipients.recipients.find((r) => r.hasAccount)
  expect(mine, 'the referrer has a sign-in').toBeDefined()
  const release = await deskApi.post<ReleaseView>(`/api/cases/${ownCase}/reports`, {
    kind: 'attendance',
    from: addDays(today, -30),
    to: today,
    referralId: mine?.referralId,
  })
  await referrerPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click()
  await expect(referrerPage.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible()
  const table = referrerPage.getByRole('table', { name: 'Reports released to you, newest first' })
  const line = table.getByRole('row').filter({ hasText: release.caseReference })
  await expect(line).toContainText('Attendance')
  await expect(table).not.toContainText(ref)
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await referrerPage.setViewportSize(viewport)
    await expectFitsViewport(referrerPage, viewport.width, `referrer reports (${size})`)
    await expectNoAxeViolations(referrerPage, `referrer reports (${size})`)
    await shoot(referrerPage, `referrer-reports-${size}.png`, false)
  }
  await referrerPage.setViewportSize(DESKTOP)
  const [download] = await Promise.all([
    referrerPage.waitForEvent('download'),
    line.getByRole('link', { name: /^Download PDF: Attendance/ }).click(),
  ])
  const bytes = await savePdf(download, 'referrer-report.pdf')
  expect(bytes.length).toBe(release.sizeBytes)
  const after = await deskApi.get<{ releases: ReleaseView[] }>(`/api/cases/${ownCase}/reports`)
  expect(after.releases.find((r) => r.id === release.id)?.downloads, 'the download is logged').toBe(1)

  // The referrer was told by email that it was there, with no more than the case reference.
  const { api: admin, context } = await adminApi(browser)
  const told = (await readOutbox(admin)).find(
    (m) => m.to === demoLogin('referrer').email && m.text.includes(release.caseReference),
  )
  await context.close()
  expect(told?.subject).toBe('A report is ready for you to download in Kinbridge')
  expect(told?.text).not.toContain(stamp)

  await referrerPage.context().close()
  await desk.context().close()
})
