import type { z } from 'zod'
import { loadConfig } from '../../config/env'
import { AppError } from '../../domain/errors'
import { assertNoPendingMigrations, openRuntime, type Runtime } from '../runtime'

/** What a command prints and how it ends; refusals (exit 2) are thrown as AppError instead. */
export interface CommandResult {
  exitCode: 0 | 1
  stdout: string[]
  stderr: string[]
}

export const succeeded = (stdout: string[], stderr: string[] = []): CommandResult => ({
  exitCode: 0,
  stdout,
  stderr,
})
export const failed = (stdout: string[], stderr: string[]): CommandResult => ({ exitCode: 1, stdout, stderr })

/** Parses command line options with zod; a bad argument is INVALID_INPUT, so the CLI exits 2. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.map(String).map(optionName).join('.') || 'arguments'}: ${issue.message}`,
  )
  throw new AppError('INVALID_INPUT', problems.join('; '))
}

const optionName = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`

export function printResult(result: CommandResult): void {
  for (const line of result.stdout) process.stdout.write(`${line}\n`)
  for (const line of result.stderr) process.stderr.write(`${line}\n`)
  if (result.exitCode !== 0) process.exitCode = result.exitCode
}

/**
 * Opens the configured database, runs the command and closes it. Commands other than set-up ones
 * refuse a schema with pending migrations, as the server does.
 */
export async function withRuntime(
  run: (runtime: Runtime) => Promise<CommandResult>,
  options: { requireMigrated: boolean } = { requireMigrated: true },
): Promise<void> {
  const runtime = await openRuntime(loadConfig())
  try {
    if (options.requireMigrated) await assertNoPendingMigrations(runtime)
    printResult(await run(runtime))
  } finally {
    await runtime.close()
  }
}
