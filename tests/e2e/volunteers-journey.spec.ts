import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import {
  collectCspViolations,
  demoLogin,
  expect,
  expectFitsViewport,
  expectNoAxeViolations,
  signIn,
  test,
} from './fixtures'

// E2E_SCREENSHOTS lets a local run keep its pictures away from another run's clean-up of test-results.
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? path.join('test-results', 'screenshots')
const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 375, height: 740 }

// Everything the journey needs is made here, so it does not lean on the demo's volunteers.
const stamp = Date.now().toString(36)
const NAME = `Robin Ashcroft ${stamp}`
const EMAIL = `robin.${stamp}@volunteers.example`
const PASSWORD = 'violet kettle harbour 42 lantern'
const CERTIFICATE = '001234567890'
const COORDINATOR_EMAIL = `casey.${stamp}@coordinators.example`

const stageRegion = (page: Page) => page.getByRole('region', { name: 'Stage', exact: true })
const requirement = (page: Page, title: string) =>
  page.getByRole('region', { name: 'Requirements' }).getByRole('listitem').filter({ hasText: title })

/** Opens the move from the file's Stage section and confirms it in the dialog. */
async function openMove(page: Page, label: string): Promise<void> {
  await stageRegion(page).getByRole('button', { name: label }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
}

async function move(page: Page, label: string, stage: string): Promise<void> {
  await openMove(page, label)
  await page.getByRole('dialog').getByRole('button', { name: label }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(stageRegion(page)).toContainText(stage)
}

/** Takes both sizes of a page, checks axe and that nothing scrolls sideways, and keeps the pictures. */
async function check(page: Page, name: string, ready: () => Promise<void>): Promise<void> {
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport)
    await ready()
    await expect(page.getByRole('status')).toHaveCount(0)
    await expectFitsViewport(page, viewport.width, `${name} (${size})`)
    await expectNoAxeViolations(page, `${name} (${size})`)
    await page.screenshot({ path: path.join(SCREENSHOTS, `volunteers-${name}-${size}.png`), fullPage: true })
  }
  await page.setViewportSize(DESKTOP)
}

/**
 * Someone opens the invitation they were sent and chooses a password. The outbox stands in for
 * their inbox; reading it is an administrator's right, so only that step signs in as one.
 */
async function acceptInvitation(browser: Browser, email: string): Promise<Page> {
  const admin = await (await browser.newContext()).newPage()
  await signIn(admin, demoLogin('admin'))
  const outbox = (await (await admin.request.get('/api/outbox')).json()) as {
    messages: { to: string; text: string }[]
  }
  await admin.context().close()
  const link = outbox.messages.find((m) => m.to === email)?.text.match(/\/welcome#token=[\w-]+/)?.[0]
  expect(link, 'the invitation email has a link').toBeTruthy()

  const invited = await (await browser.newContext()).newPage()
  await invited.goto(link ?? '/welcome')
  await invited.getByLabel('New password').fill(PASSWORD)
  await invited.getByLabel('Type it again').fill(PASSWORD)
  await invited.getByRole('button', { name: 'Save my password' }).click()
  await expect(invited.getByText(/Your account is ready/)).toBeVisible()
  return invited
}

/**
 * A coordinator of the journey's own. The demo coordinator may by now sign in with a code only the
 * two-factor journey knows, so the administrator invites a new one, who chooses a password.
 */
async function newCoordinator(browser: Browser, page: Page): Promise<void> {
  const admin = await (await browser.newContext()).newPage()
  await signIn(admin, demoLogin('admin'))
  const session = (await (await admin.request.get('/api/auth/session')).json()) as { csrfToken: string }
  const invited = await admin.request.post('/api/users', {
    data: {
      email: COORDINATOR_EMAIL,
      displayName: 'Casey Coordinator',
      roles: [{ role: 'coordinator', centreId: null }],
    },
    headers: { 'X-CSRF-Token': session.csrfToken },
  })
  expect(invited.status(), 'the coordinator is invited').toBe(201)
  await admin.context().close()
  await (await acceptInvitation(browser, COORDINATOR_EMAIL)).context().close()
  await signIn(page, { email: COORDINATOR_EMAIL, password: PASSWORD })
}

/** The volunteer reads each policy on their own page and says they have understood it. */
async function acknowledgePolicies(volunteer: Page): Promise<void> {
  await signIn(volunteer, { email: EMAIL, password: PASSWORD })
  await volunteer.goto('/my-volunteering')
  const toRead = volunteer.getByRole('list', { name: 'Policies to read' })
  await expect(toRead.getByRole('button', { name: /^Read / }).first()).toBeVisible()
  while ((await toRead.count()) > 0 && (await toRead.getByRole('button', { name: /^Read / }).count()) > 0) {
    await toRead
      .getByRole('button', { name: /^Read / })
      .first()
      .click()
    await volunteer.getByRole('button', { name: 'I have read and understood this' }).click()
    await expect(volunteer.getByRole('dialog')).toHaveCount(0)
  }
  await expect(volunteer.getByText('You have read every policy. Thank you.')).toBeVisible()
}

test('a coordinator takes a new volunteer from enquiry to active, every move checked', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  const csp = collectCspViolations(page)
  await newCoordinator(browser, page)

  // The coordinator's home page has the team at a glance.
  const glance = page.getByRole('region', { name: 'Volunteers at a glance' })
  await expect(glance).toContainText(/\d+ working of \d+ aimed for/)
  await page.screenshot({ path: path.join(SCREENSHOTS, 'volunteers-home-desktop.png') })

  // The board, and an enquiry added to it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Volunteers' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Volunteers' })).toBeVisible()
  await page.getByRole('button', { name: 'Add an enquiry' }).click()
  await page.getByLabel('Full name').fill(NAME)
  await page.getByLabel('Email').fill(EMAIL)
  await page.getByLabel('Phone').fill('07700 900123')
  await page.getByLabel('Date of birth').fill('1975-03-14')
  await page.getByLabel('Notes').fill('Heard about us at the library talk.')
  await page.getByRole('button', { name: 'Add the enquiry' }).click()
  const enquiries = page.getByRole('region', { name: 'Enquiry', exact: true })
  await enquiries.getByRole('link', { name: NAME }).click()
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible()

  // The first steps need nothing more than saying so.
  await move(page, 'Move to Meeting about the role', 'Meeting about the role')
  await move(page, 'Move to Application and agreement', 'Application and agreement')
  await move(page, 'Move to References', 'References')

  // The DBS check is applied for only after two references: the refusal says so, in words.
  await openMove(page, 'Move to DBS check applied')
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Move to DBS check applied' }).click()
  const refusal = dialog.getByRole('alert')
  await expect(refusal).toContainText('They were not moved')
  await expect(refusal).toContainText('2 references are needed before the DBS check; 0 received')
  await expect(refusal).toContainText('Record the references received on this file')
  await page.screenshot({ path: path.join(SCREENSHOTS, 'volunteers-refusal-references.png') })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  const role = page.getByRole('region', { name: 'Duties, mentor and references' })
  await role.getByLabel('References received').fill('2')
  await role.getByRole('button', { name: 'Save duties, mentor and references' }).click()
  await expect(stageRegion(page)).toContainText('2 of 2')
  await move(page, 'Move to DBS check applied', 'DBS check applied')

  // A cleared DBS check: only the level, the number and the update service are kept.
  await requirement(page, 'Enhanced DBS check')
    .getByRole('button', { name: 'Record: Enhanced DBS check' })
    .click()
  const record = page.getByRole('region', { name: 'Record: Enhanced DBS check' })
  await record.getByLabel('Certificate number').fill(CERTIFICATE)
  await record.getByLabel('On the DBS update service').check()
  await record.getByLabel('Update service checked on').fill(new Date().toISOString().slice(0, 10))
  await expect(record.getByRole('radio', { name: 'Cleared to volunteer' })).toBeChecked()
  await record.screenshot({ path: path.join(SCREENSHOTS, 'volunteers-record-dbs.png') })
  await record.getByRole('button', { name: 'Save the record' }).click()
  await expect(requirement(page, 'Enhanced DBS check')).toContainText('Valid until')
  await requirement(page, 'Enhanced DBS check')
    .getByRole('button', { name: 'Show DBS certificate details' })
    .click()
  await expect(page.getByRole('dialog')).toContainText('Every view is logged')
  await page.getByRole('dialog').getByRole('button', { name: 'Show the details' }).click()
  await expect(page.getByRole('dialog')).toContainText(CERTIFICATE)
  await expect(page.getByRole('dialog')).toContainText('This view has been logged.')
  await page.screenshot({ path: path.join(SCREENSHOTS, 'volunteers-dbs-details.png') })
  await page.getByRole('dialog').getByRole('button', { name: 'Close and hide' }).click()
  await move(page, 'Move to Cleared', 'Cleared')
  await move(page, 'Move to Training', 'Training')

  // The mentored year asks for a mentor from the active volunteers.
  await openMove(page, 'Move to Mentored first year')
  await expect(dialog.getByRole('textbox', { name: 'Mentor' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  // Starting work while the policies are unread and the child protection course not done: refused,
  // with each thing that is missing listed.
  await openMove(page, 'Move to Active')
  await dialog.getByLabel('Sign off the mentored year early').check()
  await dialog.getByLabel('Why is the mentored year signed off early?').fill('Six years at another centre')
  await dialog.getByRole('button', { name: 'Move to Active' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Some requirements stop this volunteer working')
  const missing = dialog.getByRole('list', { name: 'What is missing' })
  await expect(missing.getByRole('listitem').filter({ hasText: 'Centre policies read' })).toBeVisible()
  await expect(missing.getByRole('listitem').filter({ hasText: 'Child protection course' })).toBeVisible()
  await page.screenshot({ path: path.join(SCREENSHOTS, 'volunteers-refusal-blockers.png') })
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  // Policies are acknowledged by the volunteer themself, so the coordinator invites them to sign in.
  const details = page.getByRole('region', { name: 'Details', exact: true })
  await expect(details).toContainText('None yet')
  await details.getByRole('button', { name: 'Invite them to sign in' }).click()
  const invitation = page.getByRole('dialog')
  await expect(invitation).toContainText(`We will email ${EMAIL} a link to choose a password`)
  await page.screenshot({ path: path.join(SCREENSHOTS, 'volunteers-invite.png') })
  await invitation.getByRole('button', { name: 'Send the invitation' }).click()
  await expect(invitation).toHaveCount(0)
  await expect(details).toContainText('Linked: they can see their shifts and read the policies')
  await expect(details.getByRole('button', { name: 'Invite them to sign in' })).toHaveCount(0)
  const volunteer = await acceptInvitation(browser, EMAIL)
  await acknowledgePolicies(volunteer)
  await volunteer.context().close()

  // The child protection course, then active with the mentored year signed off.
  await page.reload()
  await expect(requirement(page, 'Centre policies read')).toContainText('OK')
  await requirement(page, 'Child protection course')
    .getByRole('button', { name: 'Record: Child protection course' })
    .click()
  const course = page.getByRole('region', { name: 'Record: Child protection course' })
  await course.getByLabel('Provider (optional)').fill('NSPCC Learning')
  await course.getByRole('button', { name: 'Save the record' }).click()
  await expect(requirement(page, 'Child protection course')).toContainText('Valid until')
  await openMove(page, 'Move to Active')
  await dialog.getByLabel('Sign off the mentored year early').check()
  await dialog.getByLabel('Why is the mentored year signed off early?').fill('Six years at another centre')
  await dialog.getByRole('button', { name: 'Move to Active' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(stageRegion(page)).toContainText('Active')

  // Leaving asks for the planned last day.
  await openMove(page, 'Move to Leaving')
  await dialog.getByRole('button', { name: 'Move to Leaving' }).click()
  await expect(dialog.getByText('Give the planned last day')).toBeVisible()
  await page.screenshot({ path: path.join(SCREENSHOTS, 'volunteers-leaving-dialog.png') })
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  // Every move is in the history, with who made it.
  const history = page.getByRole('region', { name: 'History' }).getByRole('table')
  for (const change of [
    'Enquiry',
    'Enquiry → Meeting about the role',
    'Meeting about the role → Application and agreement',
    'Application and agreement → References',
    'References → DBS check applied',
    'DBS check applied → Cleared',
    'Cleared → Training',
  ])
    await expect(history.getByRole('row').filter({ hasText: change }).first()).toBeVisible()
  await expect(history.getByRole('row').filter({ hasText: 'Training → Active' })).toContainText(
    'Six years at another centre',
  )
  await check(page, 'file', () => expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible())

  // The board shows them under Active.
  await page.goto('/volunteers')
  await expect(
    page.getByRole('region', { name: 'Active', exact: true }).getByRole('link', { name: NAME }),
  ).toBeVisible()
  await check(page, 'board', () =>
    expect(page.getByRole('heading', { level: 2, name: 'Active' })).toBeVisible(),
  )

  // The compliance matrix and staffing, with the new volunteer in them.
  await page
    .getByRole('navigation', { name: 'Volunteer pages' })
    .getByRole('link', { name: 'Compliance' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Compliance' })).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Compliance matrix' }).getByRole('link', { name: NAME }),
  ).toBeVisible()
  await check(page, 'compliance', () =>
    expect(page.getByRole('heading', { level: 1, name: 'Compliance' })).toBeVisible(),
  )
  await page.getByRole('button', { name: 'End of next month' }).click()
  await expect(page).toHaveURL(/asOf=\d{4}-\d{2}-\d{2}/)
  const onlyProblems = page.getByRole('switch', { name: 'Only volunteers with something to look at now' })
  await onlyProblems.click({ force: true })
  await expect(onlyProblems).toBeChecked()
  await expect(page).toHaveURL(/problems=1/)
  await page.screenshot({
    path: path.join(SCREENSHOTS, 'volunteers-compliance-ahead-desktop.png'),
    fullPage: true,
  })

  await page
    .getByRole('navigation', { name: 'Volunteer pages' })
    .getByRole('link', { name: 'Staffing' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Staffing' })).toBeVisible()
  await expect(page.getByRole('img', { name: /^The team: Target \d+, Working \d+/ })).toBeVisible()
  await check(page, 'staffing', () =>
    expect(page.getByRole('heading', { level: 2, name: 'Unfilled places, week by week' })).toBeVisible(),
  )
  expect(csp).toEqual([])
})

test('the volunteering settings list requirements and policies, and fit a phone', async ({
  adminPage: page,
}) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.goto('/settings')
  const section = page.getByRole('region', { name: 'Volunteering' })
  await expect(section.getByRole('list', { name: 'Requirements' })).toContainText('Enhanced DBS check')
  await expect(section.getByRole('list', { name: 'Policies' })).toContainText('Confidentiality')
  await section.getByRole('button', { name: 'Change: First aid' }).click()
  await expect(section.getByLabel('Lasts for (months)')).toHaveValue('36')
  await section.getByRole('button', { name: 'Cancel' }).click()
  await section.getByRole('button', { name: 'Publish a new version: Confidentiality' }).click()
  await expect(page.getByRole('dialog').getByLabel('The policy')).not.toHaveValue('')
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
  await section.getByRole('region', { name: 'Requirements' }).scrollIntoViewIfNeeded()
  await check(page, 'settings', () => expect(section.getByRole('heading', { name: 'Rules' })).toBeVisible())
})
