import { verifyAuditLog } from '../../domain/audit/verify-audit'
import type { Runtime } from '../runtime'
import { failed, succeeded, type CommandResult } from './command'

const EXPLAIN = {
  hash_mismatch: 'the row was changed after it was written',
  chain_broken: 'a row before it was deleted, inserted or moved',
} as const

/** Recomputes the audit log's hash chain: exit 0 when intact, 1 naming the first broken row. */
export async function runAuditVerify(runtime: Runtime): Promise<CommandResult> {
  const result = await verifyAuditLog(runtime.deps.db)
  if (result.firstBreak === null) return succeeded([`audit log ok: ${result.rowsChecked} rows`])
  const { seq, id, reason } = result.firstBreak
  return failed(
    [`audit log BROKEN at seq ${seq} (id ${id}): ${reason}: ${EXPLAIN[reason]}`],
    [`${result.rowsChecked - 1} rows before it are intact; rows after it were not checked.`],
  )
}
