import fs from 'node:fs'
import type { Command } from 'commander'
import { z } from 'zod'
import { cliOrigin, type Actor } from '../../domain/access/actor'
import { AppError } from '../../domain/errors'
import { resolveCommandLineOrganisation } from '../../domain/organisation/command-line-lookups'
import { LocalDateSchema } from '../../domain/referrals/parties.schemas'
import { caseloadReport } from '../../domain/statistics/caseload'
import { quarterlyReturn } from '../../domain/statistics/quarterly-return'
import { documentCsv } from '../../domain/statistics/statistics-csv'
import {
  caseloadDocument,
  exportHeading,
  quarterlyReturnDocument,
} from '../../domain/statistics/statistics-export'
import { documentPdf } from '../../domain/statistics/statistics-pdf'
import {
  CaseloadSchema,
  QUARTER_PATTERN,
  QuarterlyReturnSchema,
} from '../../domain/statistics/statistics.schemas'
import type { Runtime } from '../runtime'
import { parseOptions, succeeded, withRuntime, type CommandResult } from './command'

const CentreOption = z.uuid('must be a centre id').optional()
const OrganisationOption = z.uuid('must be an organisation id').optional()

export const CaseloadOptionsSchema = z
  .object({
    on: LocalDateSchema,
    format: z.enum(['json', 'csv'], 'must be json or csv').default('json'),
    centre: CentreOption,
    organisation: OrganisationOption,
  })
  .strip()
export type CaseloadOptions = z.infer<typeof CaseloadOptionsSchema>

export const QuarterlyReturnOptionsSchema = z
  .object({
    quarter: z.string().regex(QUARTER_PATTERN, 'Enter a quarter as YYYY-Qn, for example 2026-Q3'),
    format: z.enum(['json', 'csv', 'pdf'], 'must be json, csv or pdf').default('json'),
    out: z.string().trim().min(1, 'must name a file').optional(),
    centre: CentreOption,
    organisation: OrganisationOption,
  })
  .strip()
  .refine((o) => o.format !== 'pdf' || o.out !== undefined, {
    path: ['out'],
    message: 'a PDF goes to a file: add --out <file>',
  })
export type QuarterlyReturnOptions = z.infer<typeof QuarterlyReturnOptionsSchema>

/** The command line reads statistics as an administrator of the whole organisation. */
const commandLineAdmin = (organisationId: string): Actor => ({
  kind: 'cli',
  userId: null,
  organisationId,
  grants: [{ role: 'admin', centreId: null }],
  sessionId: null,
  origin: cliOrigin(),
})

/** A CSV on stdout, byte for byte: its last CRLF loses the "\n" that printing each line adds back. */
const csvLines = (csv: string): string[] => [csv.slice(0, -1)]

/**
 * Writes an export to a new file; an existing file is never overwritten.
 * @throws AppError CONFLICT when the file exists; INVALID_INPUT when its folder does not.
 */
function writeNewFile(file: string, content: string | Buffer): CommandResult {
  try {
    fs.writeFileSync(file, content, { flag: 'wx' })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw new AppError('CONFLICT', `${file} already exists: choose another file`)
    if (code === 'ENOENT') throw new AppError('INVALID_INPUT', `There is no folder for ${file}`)
    throw error
  }
  return succeeded([`Written ${file} (${Buffer.byteLength(content)} bytes)`])
}

/**
 * The caseload by referral source on a day: the API's JSON, or the CSV table.
 * @throws AppError NOT_FOUND for an unknown organisation or centre; INVALID_INPUT when several
 * organisations exist and none is named.
 */
export async function runCaseloadReport(runtime: Runtime, options: CaseloadOptions): Promise<CommandResult> {
  const { deps } = runtime
  const actor = commandLineAdmin(await resolveCommandLineOrganisation(deps, options.organisation))
  const caseload = await caseloadReport(deps, actor, { on: options.on, centreId: options.centre })
  if (options.format === 'json') return succeeded([JSON.stringify(CaseloadSchema.parse(caseload))])
  const heading = await exportHeading(deps, actor, options.centre)
  return succeeded(csvLines(documentCsv(caseloadDocument(caseload, heading))))
}

/**
 * The NACCC quarterly return of a quarter: JSON or CSV on stdout or in a file, a PDF in a file.
 * @throws AppError NOT_FOUND for an unknown organisation or centre; CONFLICT when the file exists.
 */
export async function runQuarterlyReturn(
  runtime: Runtime,
  options: QuarterlyReturnOptions,
): Promise<CommandResult> {
  const { deps } = runtime
  const actor = commandLineAdmin(await resolveCommandLineOrganisation(deps, options.organisation))
  const report = await quarterlyReturn(deps, actor, { quarter: options.quarter, centreId: options.centre })
  if (options.format === 'json') {
    const json = JSON.stringify(QuarterlyReturnSchema.parse(report))
    return options.out === undefined ? succeeded([json]) : writeNewFile(options.out, `${json}\n`)
  }
  const heading = await exportHeading(deps, actor, options.centre)
  const doc = quarterlyReturnDocument(report, heading)
  if (options.format === 'csv') {
    const csv = documentCsv(doc)
    return options.out === undefined ? succeeded(csvLines(csv)) : writeNewFile(options.out, csv)
  }
  return writeNewFile(options.out ?? '', await documentPdf(doc, { createdAt: heading.generatedAt }))
}

/** Statistics and returns from the command line, counted as the API counts them. */
export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('Statistics and returns')
  report
    .command('caseload')
    .description('Children and parents with an open case on a day, by referral source')
    .requiredOption('--on <date>', 'the day, YYYY-MM-DD')
    .option('--format <format>', 'json (as the API answers) or csv', 'json')
    .option('--centre <id>', 'one centre (default: every centre)')
    .option('--organisation <id>', 'the organisation (default: the only one)')
    .action(async (raw: unknown) => {
      const options = parseOptions(CaseloadOptionsSchema, raw)
      await withRuntime((runtime) => runCaseloadReport(runtime, options))
    })
  report
    .command('quarterly-return')
    .description(
      'The NACCC quarterly return (quarters of the April–March year: 2026-Q3 is October to December 2026)',
    )
    .requiredOption('--quarter <quarter>', 'the quarter, e.g. 2026-Q3')
    .option('--format <format>', 'json, csv or pdf (pdf needs --out)', 'json')
    .option('--out <file>', 'write to this new file instead of the screen')
    .option('--centre <id>', 'one centre (default: every centre)')
    .option('--organisation <id>', 'the organisation (default: the only one)')
    .action(async (raw: unknown) => {
      const options = parseOptions(QuarterlyReturnOptionsSchema, raw)
      await withRuntime((runtime) => runQuarterlyReturn(runtime, options))
    })
}
