import { expect, test } from '@playwright/test'

// Proves the harness: the server global-setup started answers with the web app and the API.
test('the web app loads in Chromium', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveTitle(/Kinbridge/)
})

test('the OpenAPI document is served', async ({ request }) => {
  const response = await request.get('/api/openapi.json')
  expect(response.status()).toBe(200)
  const document = (await response.json()) as { openapi?: unknown; info?: { title?: unknown } }
  expect(document.openapi).toBe('3.1.0')
  expect(document.info?.title).toBe('Kinbridge API')
})
