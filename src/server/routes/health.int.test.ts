import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

describe('health', () => {
  it('is alive and ready on a migrated database, without saying anything about data', async () => {
    const live = await t.app.inject({ method: 'GET', url: '/healthz' })
    expect(live.statusCode).toBe(200)
    expect(live.json()).toEqual({ status: 'ok' })
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toEqual({ status: 'ready' })
  })
})
