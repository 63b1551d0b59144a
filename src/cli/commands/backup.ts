import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { z } from 'zod'
import { AppError } from '../../domain/errors'
import type { Runtime } from '../runtime'
import { failed, succeeded, type CommandResult } from './command'

export const BackupOptionsSchema = z.object({ file: z.string().trim().min(1, 'name the backup file') })
export type BackupOptions = z.infer<typeof BackupOptionsSchema>

export const POSTGRES_BACKUP_HELP =
  'kinbridge backup works on SQLite only. On PostgreSQL use pg_dump: pg_dump --format=custom --file=<file> "$DATABASE_URL" (restore with pg_restore --clean --if-exists --dbname="$DATABASE_URL" <file>).'

const removeWithSidecars = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true })
}

/** Makes the copy one self-contained file (no -wal beside it), then checks it opened read-only. */
function checkCopy(file: string): string {
  const writable = new Database(file, { fileMustExist: true })
  try {
    writable.pragma('journal_mode = DELETE')
  } finally {
    writable.close()
  }
  const copy = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[]
    return rows.map((row) => row.integrity_check).join('; ')
  } finally {
    copy.close()
  }
}

function assertNewFile(target: string): void {
  if (fs.existsSync(target))
    throw new AppError(
      'CONFLICT',
      `${target} already exists: backups never overwrite, choose a new file name`,
    )
  if (!fs.existsSync(path.dirname(target)))
    throw new AppError('NOT_FOUND', `The folder ${path.dirname(target)} does not exist`)
}

/**
 * Copies the live SQLite database with the online backup API (writers carry on), checks the copy with
 * integrity_check and only then gives it its name; a copy that fails the check is deleted.
 * @throws AppError CONFLICT when the file exists; UNAVAILABLE on PostgreSQL (use pg_dump).
 */
export async function runBackup(runtime: Runtime, options: BackupOptions): Promise<CommandResult> {
  const sqlite = runtime.connected.sqlite
  if (runtime.connected.kind !== 'sqlite' || !sqlite) throw new AppError('UNAVAILABLE', POSTGRES_BACKUP_HELP)
  const target = path.resolve(options.file)
  assertNewFile(target)
  const partial = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(4).toString('hex')}.partial`,
  )
  try {
    await sqlite.backup(partial)
    const integrity = checkCopy(partial)
    if (integrity !== 'ok')
      return failed([], [`error: the copy failed integrity_check (${integrity}); it was deleted`])
    fs.chmodSync(partial, 0o600)
    try {
      // link() never replaces an existing file, so a file created meanwhile is not overwritten.
      fs.linkSync(partial, target)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') assertNewFile(target)
      throw error
    }
  } finally {
    removeWithSidecars(partial)
  }
  const bytes = fs.statSync(target).size
  return succeeded(
    [`backup written: ${target} (${bytes} bytes, integrity_check ok)`],
    [
      'Protected fields are sealed with the encryption key (ENCRYPTION_KEY or kinbridge.key in DATA_DIR): keep a copy of the key apart from the backups, or they cannot be read in full.',
    ],
  )
}
