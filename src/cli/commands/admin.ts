import type { Command } from 'commander'
import { migrateToLatest } from '../../db/migrate'
import type { Runtime } from '../runtime'
import { runAuditVerify } from './audit-verify'
import { BackupOptionsSchema, runBackup } from './backup'
import { sendComplianceAlerts } from '../../domain/volunteers/alerts'
import { parseOptions, succeeded, withRuntime, type CommandResult } from './command'
import { CreateUserOptionsSchema, runCreateUser } from './create-user'
import { InitOptionsSchema, runInit } from './init'
import { SeedOptionsSchema, runSeed } from './seed'
import { TokenCreateOptionsSchema, runTokenCreate } from './token'

/** Set-up commands bring a new database up to date first, noting it on stderr (stdout stays clean). */
const migratedFirst =
  (run: (runtime: Runtime) => Promise<CommandResult>) =>
  async (runtime: Runtime): Promise<CommandResult> => {
    const applied = await migrateToLatest(runtime.deps.db)
    const result = await run(runtime)
    if (applied.length === 0) return result
    return { ...result, stderr: [`Applied migrations: ${applied.join(', ')}`, ...result.stderr] }
  }

function registerSetUpCommands(program: Command): void {
  program
    .command('init')
    .description('Create the first organisation, its centre and an admin with a one-time password')
    .requiredOption('--organisation <name>', 'the organisation, e.g. "St Helier Family Hub"')
    .requiredOption('--centre <name>', 'its first centre')
    .requiredOption('--time-zone <zone>', 'the centre time zone, e.g. Europe/Jersey')
    .requiredOption('--admin-email <email>', "the admin's email (their sign-in)")
    .option('--admin-name <name>', "the admin's name")
    .option('--another', 'add an organisation although one exists', false)
    .option('--no-require-two-factor', 'do not require two-factor authentication for staff')
    .action(async (raw: unknown) => {
      const options = parseOptions(InitOptionsSchema, raw)
      await withRuntime(
        migratedFirst((runtime) => runInit(runtime, options)),
        { requireMigrated: false },
      )
    })

  program
    .command('seed')
    .description('Seed the demo organisation into an empty database and print its logins')
    .option('--demo', 'the demo organisation (the only seed)')
    .option('--json', 'print the logins as JSON, alone on stdout', false)
    .action(async (raw: unknown) => {
      const options = parseOptions(SeedOptionsSchema, raw)
      await withRuntime(
        migratedFirst((runtime) => runSeed(runtime, options)),
        { requireMigrated: false },
      )
    })

  program
    .command('create-user')
    .description('Create an active account with one role and print a one-time password')
    .requiredOption('--email <email>', 'their email (their sign-in)')
    .requiredOption('--name <name>', 'their name')
    .requiredOption('--role <role>', 'admin, coordinator, volunteer, referrer or parent')
    .option('--centre <id>', 'limit the role to one centre')
    .option('--organisation <id>', 'the organisation (default: the only one)')
    .action(async (raw: unknown) => {
      const options = parseOptions(CreateUserOptionsSchema, raw)
      await withRuntime((runtime) => runCreateUser(runtime, options))
    })
}

function registerOperationsCommands(program: Command): void {
  const token = program.command('token').description('API tokens')
  token
    .command('create')
    .description('Create an API token acting as a user; prints only the token')
    .requiredOption('--user <email>', 'the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--days <n>', 'days until it expires (1-365)', '90')
    .action(async (raw: unknown) => {
      const options = parseOptions(TokenCreateOptionsSchema, raw)
      await withRuntime((runtime) => runTokenCreate(runtime, options))
    })

  program
    .command('backup')
    .description('Copy the SQLite database to a new file while the server runs, and check the copy')
    .argument('<file>', 'the backup file to create (never overwritten)')
    .action(async (file: string) => {
      const options = parseOptions(BackupOptionsSchema, { file })
      await withRuntime((runtime) => runBackup(runtime, options))
    })

  const volunteers = program.command('volunteers').description('Volunteers')
  volunteers
    .command('alerts')
    .description('Send the reminders for volunteer records about to lapse (the server sends them hourly)')
    .action(async () => {
      await withRuntime(async (runtime) => {
        const sent = await sendComplianceAlerts(runtime.deps)
        return succeeded([`Reminders: ${sent.alerts}; emails queued: ${sent.emails}`])
      })
    })

  const audit = program.command('audit').description('The audit log')
  audit
    .command('verify')
    .description("Recompute the audit log's hash chain; exit 1 naming the first broken row")
    .action(async () => {
      await withRuntime((runtime) => runAuditVerify(runtime))
    })
}

export function registerAdminCommands(program: Command): void {
  registerSetUpCommands(program)
  registerOperationsCommands(program)
}
