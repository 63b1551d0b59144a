import { findOutboxMessage, listOutbox as listOutboxRows } from '../../db/repositories/outbox.repository'
import type { OutboxRow } from '../../db/database'
import { hasRole, scopeOf, type Actor } from '../access/actor'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import type { OutboxMessageView } from './outbox.schemas'

const presentMessage = (row: OutboxRow): OutboxMessageView => ({
  id: row.id,
  to: row.to_address,
  subject: row.subject,
  text: row.text_body,
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
  createdAt: row.created_at,
  sentAt: row.sent_at,
})

function assertAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) throw new AppError('FORBIDDEN', 'Only an admin can read the outbox')
}

/** The organisation's outgoing mail, newest first: how admins read mail when no SMTP server is set. */
export async function listOutbox(deps: Deps, actor: Actor, limit = 100): Promise<OutboxMessageView[]> {
  assertAdmin(actor)
  return (await listOutboxRows(deps.db, scopeOf(actor), limit)).map(presentMessage)
}

export async function getOutboxMessage(deps: Deps, actor: Actor, id: string): Promise<OutboxMessageView> {
  assertAdmin(actor)
  const row = await findOutboxMessage(deps.db, scopeOf(actor), id)
  if (!row) throw notFound('Message')
  return presentMessage(row)
}
