import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { demoLogin, expect, signIn, test } from './fixtures'

/**
 * The whole intake in the browser: each parent applies through the public form, the coordinator
 * joins the two applications, holds the pre-visits, assesses risk and accepts, and the family's
 * case file is ready for a first session.
 */
const tag = Math.random().toString(36).slice(2, 7).toUpperCase()
const MUM = `Nadia Q${tag}`
const DAD = `Tomas Q${tag}`
const CHILD = `Ada Q${tag}`

const isoDay = (offsetDays: number): string => {
  const day = new Date(Date.now() + offsetDays * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Jersey' }).format(day)
}

async function apply(page: Page, url: string, who: 'mum' | 'dad'): Promise<string> {
  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1, name: /^Apply to / })).toBeVisible()
  await page
    .getByLabel(who === 'mum' ? 'Yes, they live with me' : 'No, they live with the other parent')
    .check()
  await page.getByLabel('Your full name').fill(who === 'mum' ? MUM : DAD)
  await page.getByLabel('Your phone number').fill(who === 'mum' ? '07700 900401' : '07700 900402')
  await page.getByLabel('Your email').fill(`${who}-${tag.toLowerCase()}@example.org`)
  await page.getByLabel('The other parent’s name').fill(who === 'mum' ? DAD : MUM)
  const child = page.getByRole('group', { name: 'Child 1' })
  await child.getByLabel(/^Name/).fill(CHILD)
  await child.getByLabel(/^Date of birth/).fill('2021-05-04')
  await page.getByLabel('Supported contact').check()
  await page.getByLabel('No, or I am not sure').check()
  await page.getByLabel(/^I agree that /).check()
  await page.getByRole('button', { name: 'Send my application' }).click()
  await expect(page.getByRole('heading', { name: 'Thank you: your application has been sent' })).toBeVisible()
  return (await page.getByTestId('self-referral-reference').textContent()) ?? ''
}

async function arrangePreVisit(page: Page, person: RegExp, at: string): Promise<void> {
  await page
    .getByRole('button', { name: /^(Arrange a pre-visit|Add a pre-visit)$/ })
    .first()
    .click()
  await page.getByRole('textbox', { name: 'Who is the visit for?' }).click()
  await page.getByRole('option', { name: person }).click()
  await page.getByLabel('Date and time').fill(at)
  await page.getByRole('button', { name: 'Arrange pre-visit' }).click()
  await expect(page.getByRole('button', { name: 'Arrange pre-visit' })).toBeHidden()
}

async function recordHeld(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Record how it went: pre-visit with ${name}` }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('It was held').check()
  await dialog.getByLabel('Held on').fill(isoDay(-3))
  await dialog.getByRole('button', { name: 'Save pre-visit' }).click()
  await expect(dialog).toBeHidden()
}

test('two self-referrals become one family with a case ready for its first session', async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000)
  await signIn(page, demoLogin('coordinator'))
  await page.goto('/referrals')
  const formUrl = await page.getByRole('link', { name: 'the public form' }).getAttribute('href')
  expect(formUrl).toMatch(/^\/refer\/[0-9a-f-]{36}$/)

  const parents = await browser.newContext()
  const mumRef = await apply(await parents.newPage(), formUrl ?? '', 'mum')
  const dadRef = await apply(await parents.newPage(), formUrl ?? '', 'dad')
  await parents.close()
  expect(mumRef).toMatch(/^R-/)

  await page.getByLabel('Search').fill(`q${tag.toLowerCase()}`)
  await expect(page.getByRole('link', { name: dadRef })).toBeVisible()
  await page.getByRole('link', { name: mumRef }).click()
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(mumRef) })).toBeVisible()

  await page.getByRole('button', { name: 'Join the other parent’s application' }).click()
  await page.getByLabel(new RegExp(`^${dadRef}: `)).check()
  await page.getByRole('button', { name: 'Join applications' }).click()
  await expect(page.getByRole('button', { name: 'Start intake' })).toBeEnabled()
  await expect(page.getByText(DAD, { exact: true }).first()).toBeVisible()

  await page.getByRole('button', { name: 'Start intake' }).click()
  await arrangePreVisit(page, new RegExp(MUM), `${isoDay(-3)}T10:00`)
  const clash = page.getByText(/Adults are seen separately/)
  await arrangePreVisit(page, new RegExp(DAD), `${isoDay(-3)}T12:00`)
  await expect(clash).toHaveCount(0)
  await arrangePreVisit(page, new RegExp(CHILD), `${isoDay(-3)}T10:30`)
  for (const name of [MUM, DAD, CHILD]) await recordHeld(page, name)

  const rules = page.getByRole('button', { name: /^Record signature of / })
  for (const name of [MUM, DAD])
    await page.getByRole('button', { name: `Record signature of ${name}` }).click()
  await expect(rules).toHaveCount(0)

  await page.getByRole('button', { name: 'Record the risk assessment' }).click()
  await page
    .getByLabel('Is there any history or allegation of domestic abuse between the adults?')
    .fill('None disclosed by either parent at the pre-visits.')
  await page.getByLabel('Low').check()
  await page.getByRole('textbox', { name: 'What do you recommend?' }).click()
  await page.getByRole('option', { name: 'Supported contact' }).click()
  await page.getByRole('button', { name: 'Save risk assessment' }).click()

  await page.getByRole('button', { name: 'Make the decision' }).click()
  await page.getByLabel('Accept: offer the family a place').check()
  await page.getByLabel('Reason').fill('Both parents seen; suitable for supported contact on Sundays.')
  await page.getByRole('button', { name: 'Record decision' }).click()
  await page.getByRole('link', { name: 'Open the case file' }).click()

  await expect(page.getByRole('heading', { level: 1, name: /^Case C-/ })).toBeVisible()
  await expect(page.getByText(CHILD).first()).toBeVisible()
  await page.getByRole('button', { name: 'Add a person' }).click()
  await page.getByRole('textbox', { name: 'Who are they?' }).click()
  await page.getByRole('option', { name: 'Other relative' }).click()
  await page.getByLabel('Full name').fill(`Ivor Q${tag}`)
  await page.getByRole('radio', { name: 'Must not attend' }).check()
  await page.getByRole('button', { name: 'Add person' }).click()
  const uncle = page.getByRole('listitem').filter({ hasText: `Ivor Q${tag}` })
  await expect(uncle.getByText('Must not attend').first()).toBeVisible()
  await page.getByLabel('First session on').fill(isoDay(1))
  await expect(page.getByText(/meets every intake rule/)).toBeVisible()
  // The "Person added" message fades out on its own; axe reads contrast mid-fade, so wait it out.
  await expect(page.getByText('Person added')).toHaveCount(0, { timeout: 15_000 })
  await page.screenshot({ path: 'test-results/intake-journey-case.png', fullPage: true })
  const axe = await new AxeBuilder({ page }).analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])
})
