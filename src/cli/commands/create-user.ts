import { z } from 'zod'
import { cliOrigin } from '../../domain/access/actor'
import { RoleSchema } from '../../domain/access/roles'
import {
  assertCentreInOrganisation,
  resolveCommandLineOrganisation,
} from '../../domain/organisation/command-line-lookups'
import { createUserWithPassword } from '../../domain/organisation/set-up-organisation'
import type { Runtime } from '../runtime'
import { succeeded, type CommandResult } from './command'
import { generatePassword } from './generated-password'

export const CreateUserOptionsSchema = z.object({
  email: z.email('must be an email address').transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1, 'must not be empty').max(120),
  role: RoleSchema,
  centre: z.uuid('must be a centre id').optional(),
  organisation: z.uuid('must be an organisation id').optional(),
})
export type CreateUserOptions = z.infer<typeof CreateUserOptionsSchema>

/**
 * Creates an active account with one role (in one centre, or organisation-wide) and a one-time password.
 * @throws AppError NOT_FOUND for an unknown organisation or centre; INVALID_INPUT when several
 * organisations exist and none is named; CONFLICT when the email is taken.
 */
export async function runCreateUser(runtime: Runtime, options: CreateUserOptions): Promise<CommandResult> {
  const { deps } = runtime
  const organisationId = await resolveCommandLineOrganisation(deps, options.organisation)
  if (options.centre) await assertCentreInOrganisation(deps, organisationId, options.centre)
  const password = generatePassword()
  const userId = await createUserWithPassword(deps, cliOrigin(), {
    organisationId,
    email: options.email,
    displayName: options.name,
    password,
    roles: [{ role: options.role, centreId: options.centre ?? null }],
  })
  const where = options.centre ? `centre ${options.centre}` : 'every centre'
  return succeeded([
    `Created ${options.role} ${options.name} <${options.email}> (${userId}) in organisation ${organisationId}, ${where}`,
    `One-time password: ${password}`,
    'This password is shown only once. Sign in and change it.',
  ])
}
