/**
 * The coordinator's lists on a large data set: 5,000 families in the measured organisation among
 * 20 organisations (45,000 families, 135,000 people), through the real server. Method: docs/performance.md.
 */
import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { connect, type DatabaseTarget } from '../src/db/connect'
import { migrateToLatest } from '../src/db/migrate'
import { cliOrigin } from '../src/domain/access/actor'
import { createUserWithPassword } from '../src/domain/organisation/set-up-organisation'
import { systemClock } from '../src/domain/shared/clock'
import { createFieldCrypto } from '../src/domain/shared/field-crypto'
import { startSignedIn } from './server'
import { insertBulkFamilies } from '../tests/support/bulk-families'

const PASSWORD = 'load test passphrase 2026'

export async function benchLists(label: string, target: DatabaseTarget): Promise<void> {
  const connected = await connect(target)
  if (target.kind === 'postgres') {
    await sql`drop schema if exists public cascade`.execute(connected.db)
    await sql`create schema public`.execute(connected.db)
  }
  await migrateToLatest(connected.db)
  const deps = {
    db: connected.db,
    clock: systemClock,
    fieldCrypto: createFieldCrypto(randomBytes(32)),
    publicUrl: new URL('http://127.0.0.1'),
  }
  const started = performance.now()
  const [measured] = await insertBulkFamilies(connected.db, 1, 5000)
  await insertBulkFamilies(connected.db, 19, 2105)
  if (target.kind === 'postgres') await sql`analyze`.execute(connected.db)
  console.log(
    `${label} lists: seeded 45,000 families in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  if (!measured) throw new Error('nothing seeded')
  await createUserWithPassword(deps, cliOrigin(), {
    organisationId: measured.organisationId,
    email: 'lists@example.org',
    displayName: 'Coordinator',
    password: PASSWORD,
    roles: [{ role: 'coordinator', centreId: null }],
  })
  const { address, cookie, close } = await startSignedIn(deps, {
    email: 'lists@example.org',
    password: PASSWORD,
  })
  for (const path of [
    '/api/referrals?status=received',
    '/api/referrals?q=mum%20123',
    '/api/cases?review=overdue',
    '/api/cases?flag=domestic_abuse',
  ]) {
    const result = await autocannon({
      url: address,
      connections: 10,
      duration: 8,
      headers: { cookie },
      requests: [{ method: 'GET', path }],
    })
    console.log(
      `${label} GET ${path}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
    )
  }
  await close()
  await connected.close()
}
