import type { Migration } from 'kysely'
import * as foundation from './20261125T0900Z-foundation'

/** Every migration, in order. Names are UTC timestamps; a migration once released is never edited. */
export const migrations: Record<string, Migration> = {
  '20261125T0900Z-foundation': foundation,
}
