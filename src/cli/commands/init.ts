import { z } from 'zod'
import { cliOrigin } from '../../domain/access/actor'
import { STAFF_ROLES } from '../../domain/access/roles'
import { AppError } from '../../domain/errors'
import { countAllOrganisations } from '../../domain/organisation/command-line-lookups'
import { TimeZoneSchema } from '../../domain/organisation/organisation.schemas'
import { setUpOrganisationWithAdmin } from '../../domain/organisation/set-up-organisation'
import type { Runtime } from '../runtime'
import { succeeded, type CommandResult } from './command'
import { generatePassword } from './generated-password'

const Name = z.string().trim().min(1, 'must not be empty').max(120)

export const InitOptionsSchema = z.object({
  organisation: Name,
  centre: Name,
  timeZone: TimeZoneSchema,
  adminEmail: z.email('must be an email address').transform((email) => email.toLowerCase()),
  adminName: Name.default('Administrator'),
  another: z.boolean().default(false),
  requireTwoFactor: z.boolean().default(true),
})
export type InitOptions = z.infer<typeof InitOptionsSchema>

/**
 * Creates an organisation, its first centre and an admin with a one-time password printed once.
 * @throws AppError CONFLICT when an organisation exists and --another was not given, or the email is taken.
 */
export async function runInit(runtime: Runtime, options: InitOptions): Promise<CommandResult> {
  const { deps } = runtime
  if (!options.another && (await countAllOrganisations(deps)) > 0) {
    throw new AppError(
      'CONFLICT',
      'An organisation already exists. Add people with "kinbridge create-user", or pass --another to set up a second organisation.',
    )
  }
  const password = generatePassword()
  const created = await setUpOrganisationWithAdmin(deps, cliOrigin(), {
    organisationName: options.organisation,
    centreName: options.centre,
    timeZone: options.timeZone,
    requireStaffTwoFactor: options.requireTwoFactor,
    admin: { email: options.adminEmail, displayName: options.adminName, password },
  })
  return succeeded([
    `Created organisation "${options.organisation}" (${created.organisationId})`,
    `Created centre "${options.centre}" (${created.centreId}) in ${options.timeZone}`,
    options.requireTwoFactor
      ? `Two-factor authentication is required for staff (${STAFF_ROLES.join(', ')}): the admin sets it up at first sign-in.`
      : 'Two-factor authentication is NOT required for staff (--no-require-two-factor).',
    '',
    `Admin: ${options.adminName} <${options.adminEmail}>`,
    `One-time password: ${password}`,
    '',
    'This password is shown only once. Sign in and change it.',
  ])
}
