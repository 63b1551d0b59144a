import { PostgresAdapter, sql } from 'kysely'
import type { Db } from '../connect'
import type { AuditRow } from '../database'
import { GENESIS_HASH, auditRowHash, type ChainedFields } from '../audit-chain'

export type NewAuditRow = Omit<ChainedFields, 'prev_hash'>

// Any constant: the advisory lock that serialises appends to the chain on PostgreSQL.
const AUDIT_CHAIN_LOCK = 4_711_001

async function appendInTransaction(trx: Db, row: NewAuditRow): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx)
  }
  const last = await trx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  const chained: ChainedFields = { ...row, prev_hash: last?.hash ?? GENESIS_HASH }
  await trx
    .insertInto('audit_log')
    .values({ ...chained, hash: auditRowHash(chained) })
    .execute()
}

/** Appends one row to the hash chain, inside the caller's transaction when there is one. */
export async function appendAuditRow(db: Db, row: NewAuditRow): Promise<void> {
  if (db.isTransaction) {
    await appendInTransaction(db, row)
    return
  }
  await db.transaction().execute((trx) => appendInTransaction(trx, row))
}

export interface AuditPage {
  organisationId: string
  beforeSeq?: number | undefined
  limit: number
}

export async function listAuditRows(db: Db, page: AuditPage): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll().where('organisation_id', '=', page.organisationId)
  if (page.beforeSeq !== undefined) query = query.where('seq', '<', page.beforeSeq)
  return query.orderBy('seq', 'desc').limit(page.limit).execute()
}

/** Walks the whole chain in order, a batch at a time, handing each row to the visitor. */
export async function walkAuditChain(
  db: Db,
  visit: (row: AuditRow) => void,
  batchSize = 2000,
): Promise<void> {
  let after = -1
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq', 'asc')
      .limit(batchSize)
      .execute()
    for (const row of rows) visit(row)
    const last = rows.at(-1)
    if (!last || rows.length < batchSize) return
    after = last.seq
  }
}
