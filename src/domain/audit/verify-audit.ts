import type { Db } from '../../db/connect'
import { GENESIS_HASH, auditRowHash } from '../../db/audit-chain'
import { walkAuditChain } from '../../db/repositories/audit.repository'

export interface AuditVerification {
  ok: boolean
  rowsChecked: number
  /** The first row where the chain breaks, and why. */
  firstBreak: { seq: number; id: string; reason: 'hash_mismatch' | 'chain_broken' } | null
}

/**
 * Recomputes the hash chain of the whole audit log; any edited, deleted, inserted or reordered row
 * breaks it at that row.
 */
export async function verifyAuditLog(db: Db): Promise<AuditVerification> {
  let expectedPrev = GENESIS_HASH
  let rowsChecked = 0
  let firstBreak: AuditVerification['firstBreak'] = null
  await walkAuditChain(db, (row) => {
    if (firstBreak) return
    rowsChecked += 1
    if (row.prev_hash !== expectedPrev) {
      firstBreak = { seq: row.seq, id: row.id, reason: 'chain_broken' }
      return
    }
    const { seq: _seq, hash, ...fields } = row
    if (auditRowHash(fields) !== hash) {
      firstBreak = { seq: row.seq, id: row.id, reason: 'hash_mismatch' }
      return
    }
    expectedPrev = hash
  })
  return { ok: firstBreak === null, rowsChecked, firstBreak }
}
