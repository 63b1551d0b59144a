import {
  collectCspViolations,
  demoLogin,
  expect,
  readTotpSecret,
  signIn,
  signOut,
  submitPassword,
  test,
  totpCode,
} from './fixtures'

test('a coordinator turns on two-factor sign-in, signs out, and signs back in with a code', async ({
  page,
}) => {
  const coordinator = demoLogin('coordinator')
  const csp = collectCspViolations(page)
  await signIn(page, coordinator)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My account' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible()
  const twoFactor = page.getByRole('region', { name: 'Two-factor sign-in' })
  await twoFactor.getByRole('button', { name: 'Set up two-factor sign-in' }).click()
  await twoFactor.getByRole('textbox', { name: 'Your password' }).fill(coordinator.password)
  await twoFactor.getByRole('button', { name: 'Start set-up' }).click()

  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible()
  const secret = await readTotpSecret(page)
  await page.getByLabel('Type the 6-digit code the app shows').fill(totpCode(secret))
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()

  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10)
  await page.getByRole('button', { name: 'I have saved these' }).click()
  await expect(twoFactor.getByText('On', { exact: true })).toBeVisible()

  await signOut(page)
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0)

  await submitPassword(page, coordinator)
  await expect(page.getByRole('heading', { level: 1, name: 'Check it is you' })).toBeVisible()
  // The code just used to confirm set-up may not be used twice, so type the next period's code.
  await page.getByLabel('6-digit code').fill(totpCode(secret, 1))
  await page.getByRole('button', { name: 'Continue' }).click()

  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Hello, Demo' })).toBeVisible()
  expect(csp).toEqual([])
})

test('when the organisation requires it, a volunteer sets up two-factor at sign-in and can use a recovery code', async ({
  page,
  browser,
}) => {
  const volunteer = demoLogin('volunteer')
  const adminContext = await browser.newContext()
  const admin = await adminContext.newPage()
  await signIn(admin, demoLogin('admin'))
  const requirement = async (on: boolean) => {
    await admin.goto('/settings')
    const toggle = admin.getByRole('switch', { name: 'Require two-factor sign-in for staff' })
    await toggle.setChecked(on, { force: true })
    await admin.getByRole('button', { name: 'Save organisation' }).click()
    await expect(admin.getByText('Organisation settings are up to date.')).toBeVisible()
  }

  try {
    await requirement(true)

    await submitPassword(page, volunteer)
    await expect(page.getByRole('heading', { level: 1, name: 'Set up two-factor sign-in' })).toBeVisible()
    await page.getByRole('button', { name: 'Start set-up' }).click()
    const secret = await readTotpSecret(page)
    await page.getByLabel('Type the 6-digit code the app shows').fill(totpCode(secret))
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()

    const codes = await page.getByTestId('recovery-codes').getByRole('listitem').allTextContents()
    expect(codes).toHaveLength(10)
    await page.getByRole('button', { name: 'I have saved these' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Demo' })).toBeVisible()

    await signOut(page)
    await submitPassword(page, volunteer)
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click()
    await page.getByLabel('Recovery code').fill(codes[0] ?? '')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Demo' })).toBeVisible()
  } finally {
    await requirement(false)
    await adminContext.close()
  }
})
