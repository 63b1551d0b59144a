import { z } from 'zod'
import { createApiToken } from '../../domain/auth/api-tokens'
import { ApiTokenCreateSchema } from '../../domain/auth/auth.schemas'
import { commandLineActorFor } from '../../domain/organisation/command-line-lookups'
import type { Runtime } from '../runtime'
import { succeeded, type CommandResult } from './command'

export const TokenCreateOptionsSchema = z.object({
  user: z.email('must be an email address'),
  name: ApiTokenCreateSchema.shape.name,
  days: z.coerce.number().int('must be a whole number').min(1).max(365).default(90),
})
export type TokenCreateOptions = z.infer<typeof TokenCreateOptionsSchema>

/**
 * Creates an API token acting as the user (audited under their name); stdout holds only the token.
 * @throws AppError NOT_FOUND for an unknown email; CONFLICT for an account that is not active.
 */
export async function runTokenCreate(runtime: Runtime, options: TokenCreateOptions): Promise<CommandResult> {
  const actor = await commandLineActorFor(runtime.deps, options.user)
  const created = await createApiToken(runtime.deps, actor, { name: options.name, days: options.days })
  return succeeded(
    [created.token],
    [
      `API token "${created.name}" for ${options.user} (id ${created.id}) expires ${created.expiresAt}. It is shown only once.`,
    ],
  )
}
