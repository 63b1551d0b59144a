import { buildApp } from '../src/server/app'
import type { Deps } from '../src/domain/context'

/** The real server on a free loopback port, and a signed-in session cookie for one user. */
export async function startSignedIn(
  deps: Deps,
  login: { email: string; password: string },
): Promise<{ address: string; cookie: string; close: () => Promise<void> }> {
  const app = await buildApp({
    deps,
    cookies: { secure: false },
    publicOrigin: 'http://127.0.0.1',
    webRoot: null,
    apiDocs: false,
    trustProxy: false,
    deliveryConfigured: false,
  })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const response = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(login),
  })
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  return { address, cookie, close: () => app.close() }
}
