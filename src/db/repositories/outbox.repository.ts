import type { Insertable } from 'kysely'
import type { Db } from '../connect'
import type { OutboxRow, OutboxTable } from '../database'
import type { OrgScope } from './users.repository'

export async function insertOutboxMessage(db: Db, row: Insertable<OutboxTable>): Promise<void> {
  await db.insertInto('outbox').values(row).execute()
}

export const listOutbox = (db: Db, scope: OrgScope, limit: number): Promise<OutboxRow[]> =>
  db
    .selectFrom('outbox')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()

export const findOutboxMessage = (db: Db, scope: OrgScope, id: string): Promise<OutboxRow | undefined> =>
  db
    .selectFrom('outbox')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .executeTakeFirst()

export const listDueOutbox = (db: Db, now: string, limit: number): Promise<OutboxRow[]> =>
  db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute()

export async function markOutboxSent(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'sent', sent_at: at, last_error: null, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute()
}

export async function markOutboxAttemptFailed(
  db: Db,
  id: string,
  error: string,
  nextAttemptAt: string,
  giveUp: boolean,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({
      status: giveUp ? 'failed' : 'pending',
      last_error: error.slice(0, 500),
      next_attempt_at: nextAttemptAt,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .execute()
}
