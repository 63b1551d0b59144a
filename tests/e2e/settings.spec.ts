import { expect, test } from './fixtures'

test('renaming the organisation is saved and shown after a reload', async ({ adminPage: page }) => {
  await page.goto('/settings')
  const name = page.getByLabel('Organisation name')
  const original = await name.inputValue()
  const renamed = `${original} (renamed)`

  await name.fill(renamed)
  await page.getByRole('button', { name: 'Save organisation' }).click()
  await expect(page.getByText('Organisation settings are up to date.')).toBeVisible()

  await page.reload()
  await expect(page.getByLabel('Organisation name')).toHaveValue(renamed)
  await expect(page.getByRole('banner').getByText(renamed)).toBeVisible()

  await page.getByLabel('Organisation name').fill(original)
  await page.getByRole('button', { name: 'Save organisation' }).click()
  await expect(page.getByText('Organisation settings are up to date.')).toBeVisible()
})

test('a room added to a venue is still there after a reload', async ({ adminPage: page }) => {
  await page.goto('/settings')
  const addRoom = page.getByRole('button', { name: /^Add a room to / }).first()
  const venueName = ((await addRoom.textContent()) ?? '').replace('Add a room to ', '').trim()
  const roomName = `Garden room ${Date.now()}`

  await addRoom.click()
  await page.getByLabel('Room name').fill(roomName)
  await page.getByRole('textbox', { name: 'Kind of room' }).click()
  await page.getByRole('option', { name: 'Outdoor space' }).click()
  await page.getByLabel('Families at once').fill('2')
  await page.getByRole('button', { name: 'Add room', exact: true }).click()
  await expect(page.getByText(roomName)).toBeVisible()

  await page.reload()
  const rooms = page.getByRole('list', { name: `Rooms at ${venueName}` })
  const room = rooms.getByRole('listitem').filter({ hasText: roomName })
  await expect(room).toBeVisible()
  await expect(room).toContainText('Outdoor space · 2 families at once')
})
