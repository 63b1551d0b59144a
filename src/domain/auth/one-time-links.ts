import type { Db } from '../../db/connect'
import { insertOneTimeLink, retireOneTimeLinks } from '../../db/repositories/credentials.repository'
import type { OneTimeLinksTable } from '../../db/database'
import { addSeconds, type Clock } from '../shared/clock'
import { newId } from '../shared/ids'
import { hashSecret, newSecret } from '../shared/secrets'

export const LINK_LIFETIME_SECONDS: Record<OneTimeLinksTable['purpose'], number> = {
  password_reset: 60 * 60,
  invitation: 7 * 24 * 60 * 60,
}

/**
 * Makes a single-use link for a user, retiring their older ones. The secret travels in the URL
 * fragment, which browsers never send to a server or in a Referer header.
 */
export async function createOneTimeLink(
  db: Db,
  clock: Clock,
  publicUrl: URL,
  user: { id: string; organisation_id: string },
  purpose: OneTimeLinksTable['purpose'],
): Promise<string> {
  const now = clock.now()
  await retireOneTimeLinks(db, user.id, purpose, now.toISOString())
  const token = newSecret()
  await insertOneTimeLink(db, {
    id: newId(),
    token_hash: hashSecret(token),
    user_id: user.id,
    organisation_id: user.organisation_id,
    purpose,
    created_at: now.toISOString(),
    expires_at: addSeconds(now, LINK_LIFETIME_SECONDS[purpose]).toISOString(),
    used_at: null,
  })
  const page = purpose === 'invitation' ? 'welcome' : 'reset-password'
  return new URL(`/${page}#token=${token}`, publicUrl).toString()
}
