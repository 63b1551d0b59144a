import SwaggerParser from '@apidevtools/swagger-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../tests/support/test-app'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

describe('OpenAPI document', () => {
  it('is valid OpenAPI 3 and documents every /api route', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(response.statusCode).toBe(200)
    const document = response.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>()
    expect(document.openapi).toMatch(/^3\./)
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined()
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    )
    const routes = t.app.routeTable
      .filter((r) => r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`)
    expect(routes.filter((r) => !documented.has(r))).toEqual([])
    expect(routes.length).toBe(documented.size)
  })

  it('serves the API browser', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('swagger')
    const csp = String(page.headers['content-security-policy'])
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toMatch(/https:|swagger\.io/)
  })

  it('matches the committed copy the web client is generated from', async () => {
    const { readFile } = await import('node:fs/promises')
    const committed = JSON.parse(await readFile('docs/openapi.json', 'utf8')) as unknown
    const live = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<unknown>()
    expect(live, 'run npm run gen:api').toEqual(committed)
  })
})
