import fs from 'node:fs'
import path from 'node:path'
import { Command, CommanderError } from 'commander'
import { ConfigError, loadConfig } from '../config/env'
import { migrateToLatest } from '../db/migrate'
import { AppError } from '../domain/errors'
import { buildApp } from '../server/app'
import { serve } from './commands/serve'
import { openRuntime } from './runtime'

const program = new Command()
program.name('kinbridge').description('Kinbridge: child contact centre management').exitOverride()

program
  .command('serve')
  .description('Run the web server')
  .option('--migrate', 'apply pending migrations first', false)
  .option('--demo-if-empty', 'seed the demo organisation when the database has none', false)
  .action(async (options: { migrate: boolean; demoIfEmpty: boolean }) => {
    const { seedDemoIfEmpty } = await import('./commands/seed')
    await serve(loadConfig(), options, seedDemoIfEmpty)
  })

program
  .command('migrate')
  .description('Apply every pending database migration')
  .action(async () => {
    const runtime = await openRuntime(loadConfig())
    try {
      const applied = await migrateToLatest(runtime.deps.db)
      console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.')
    } finally {
      await runtime.close()
    }
  })

program
  .command('openapi')
  .description('Write the OpenAPI document to a file')
  .requiredOption('--out <file>', 'where to write it')
  .action(async (options: { out: string }) => {
    const config = loadConfig({ ...process.env, DATA_DIR: process.env.DATA_DIR ?? './data' })
    const runtime = await openRuntime({ ...config, database: { kind: 'sqlite', file: ':memory:' } })
    try {
      const app = await buildApp({
        deps: runtime.deps,
        cookies: { secure: false },
        publicOrigin: config.publicUrl.origin,
        webRoot: null,
        apiDocs: false,
        trustProxy: false,
        deliveryConfigured: false,
      })
      await app.ready()
      fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true })
      fs.writeFileSync(options.out, `${JSON.stringify(app.swagger(), null, 2)}\n`)
      await app.close()
    } finally {
      await runtime.close()
    }
  })

export async function registerMoreCommands(): Promise<void> {
  const { registerAdminCommands } = await import('./commands/admin')
  registerAdminCommands(program)
  const { registerIncidentCommands } = await import('./commands/incidents')
  registerIncidentCommands(program)
  const { registerReportCommands } = await import('./commands/report')
  registerReportCommands(program)
}

try {
  await registerMoreCommands()
  await program.parseAsync(process.argv)
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2)
  if (error instanceof AppError || error instanceof ConfigError) {
    console.error(`error: ${error.message}`)
    process.exit(2)
  }
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
