import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import { buildSessionDayWorld, partyOf } from '../../../tests/support/session-day'

describe('the session day world', () => {
  let t: TestContext
  beforeEach(async () => {
    t = await createTestContext()
  })
  afterEach(async () => {
    await t.close()
  })

  it('books a supported and a supervised family on a rota day and moves the clock there', async () => {
    const world = await buildSessionDayWorld(t)
    expect(world.supported.session.date).toBe(world.day)
    expect(world.supervised.session.serviceType).toBe('supervised')
    expect(partyOf(world.supported.file, 'non_resident_parent').fullName).toBe('Nick Example')
    const me = await world.onDuty.browser.get('/api/my/volunteering')
    expect(me.statusCode).toBe(200)
  })
})
