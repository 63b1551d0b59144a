import type { Db } from '../../db/connect'
import { insertOutboxMessage } from '../../db/repositories/outbox.repository'
import type { Clock } from '../shared/clock'
import { newId } from '../shared/ids'

export interface Email {
  organisationId: string | null
  to: string
  subject: string
  text: string
}

/**
 * Puts an email in the outbox inside the caller's transaction, so it is sent if and only if the
 * change that caused it commits. The sender delivers it later; without SMTP admins read it in the app.
 */
export async function enqueueEmail(db: Db, clock: Clock, email: Email): Promise<string> {
  const id = newId()
  const now = clock.now().toISOString()
  await insertOutboxMessage(db, {
    id,
    organisation_id: email.organisationId,
    to_address: email.to,
    subject: email.subject,
    text_body: email.text,
    status: 'pending',
    created_at: now,
    next_attempt_at: now,
    sent_at: null,
  })
  return id
}
