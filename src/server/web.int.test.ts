import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../tests/support/test-app'

let t: TestContext
const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-web-'))
beforeAll(async () => {
  fs.mkdirSync(path.join(webRoot, 'assets'))
  fs.writeFileSync(
    path.join(webRoot, 'index.html'),
    '<html><head><meta name="csp-nonce" content="__CSP_NONCE__"></head><body>Kinbridge</body></html>',
  )
  fs.writeFileSync(path.join(webRoot, 'assets', 'app-1234.js'), 'console.log(1)')
  t = await createTestContext({ webRoot })
})
afterAll(async () => {
  await t.close()
  fs.rmSync(webRoot, { recursive: true, force: true })
})

describe('serving the web app', () => {
  it("puts this answer's style nonce in the page, fresh each time and never cached", async () => {
    const first = await t.app.inject({ method: 'GET', url: '/settings/centres' })
    expect(first.statusCode).toBe(200)
    const nonce = /content="([^"]+)"/.exec(first.body)?.[1] ?? ''
    expect(nonce).toMatch(/^[0-9a-f]{32}$/)
    expect(String(first.headers['content-security-policy'])).toMatch(
      new RegExp(`style-src 'self' 'nonce-${nonce}'`),
    )
    expect(first.headers['cache-control']).toBe('no-store')
    const second = await t.app.inject({ method: 'GET', url: '/' })
    expect(second.body).not.toContain(nonce)
  })

  it('caches hashed assets and answers unknown API paths with the error shape, not the page', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-1234.js' })
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const api = await t.app.inject({ method: 'GET', url: '/api/nothing-here' })
    expect(api.statusCode).toBe(404)
    expect(api.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'There is nothing here.' } })
  })
})
