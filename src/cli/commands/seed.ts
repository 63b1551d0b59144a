import { z } from 'zod'
import { loadConfig } from '../../config/env'
import { DEMO_ORGANISATION } from '../../domain/demo/demo-organisation'
import { seedDemoOrganisation, type DemoSeed } from '../../domain/demo/seed-demo'
import { AppError } from '../../domain/errors'
import type { Runtime } from '../runtime'
import { printResult, succeeded, type CommandResult } from './command'

export const SeedOptionsSchema = z.object({
  demo: z.literal(true, 'say what to seed: --demo is the only seed there is'),
  json: z.boolean().default(false),
})
export type SeedOptions = z.infer<typeof SeedOptionsSchema>

export const DEMO_WARNING =
  'WARNING: this is DEMO data. Every demo account shares one published password and two-factor is off: never put real families in this database.'

const PRODUCTION_REFUSAL =
  'NODE_ENV is production: the demo organisation (published password) is never seeded there.'

/** The demo logins as an aligned table, with the warning and the organisation's ids. */
export function formatDemoLogins(seed: DemoSeed): string[] {
  const header = { role: 'role', email: 'email', password: 'password' }
  const rows = [header, ...seed.users]
  const width = (key: 'role' | 'email' | 'password') => Math.max(...rows.map((row) => row[key].length))
  const line = (row: typeof header) =>
    `${row.role.padEnd(width('role'))}  ${row.email.padEnd(width('email'))}  ${row.password}`
  const rule = {
    role: '-'.repeat(width('role')),
    email: '-'.repeat(width('email')),
    password: '-'.repeat(width('password')),
  }
  return [
    DEMO_WARNING,
    '',
    `Demo organisation: ${DEMO_ORGANISATION.name} (${seed.organisationId})`,
    `Centre: ${DEMO_ORGANISATION.centreName} (${seed.centreId}), ${DEMO_ORGANISATION.timeZone}`,
    '',
    ...rows.slice(0, 1).map(line),
    line(rule),
    ...seed.users.map(line),
  ]
}

const asJson = (seed: DemoSeed): string =>
  JSON.stringify(
    {
      users: seed.users.map(({ role, email, password }) => ({ role, email, password })),
      organisationId: seed.organisationId,
      centreId: seed.centreId,
    },
    null,
    2,
  )

/**
 * Seeds the demo organisation into an empty database and prints its logins (a table, or JSON alone on stdout).
 * @throws AppError CONFLICT when the database already has an organisation; FORBIDDEN in production.
 */
export async function runSeed(
  runtime: Runtime,
  options: SeedOptions,
  env = loadConfig().env,
): Promise<CommandResult> {
  if (env === 'production') throw new AppError('FORBIDDEN', PRODUCTION_REFUSAL)
  const seed = await seedDemoOrganisation(runtime.deps, { onlyIfEmpty: true })
  if (!seed) {
    throw new AppError(
      'CONFLICT',
      'The database already has an organisation: the demo is only seeded into an empty database.',
    )
  }
  if (options.json) return succeeded([asJson(seed)], [DEMO_WARNING])
  return succeeded(formatDemoLogins(seed))
}

/**
 * For `serve --demo-if-empty` (npm start): seeds the demo only when there is no organisation yet,
 * then prints the logins.
 */
export async function seedDemoIfEmpty(runtime: Runtime, env = loadConfig().env): Promise<void> {
  if (env === 'production') {
    printResult(succeeded([], [`Not seeding demo data: ${PRODUCTION_REFUSAL}`]))
    return
  }
  const seed = await seedDemoOrganisation(runtime.deps, { onlyIfEmpty: true })
  if (seed) printResult(succeeded(['', ...formatDemoLogins(seed), '']))
}
