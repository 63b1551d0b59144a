import type { Db } from '../db/connect'
import type { Clock } from './shared/clock'
import type { FieldCrypto } from './shared/field-crypto'

/** What every use case needs from the outside world, passed in so tests can control it. */
export interface Deps {
  db: Db
  clock: Clock
  fieldCrypto: FieldCrypto
  /** Where links in emails point. */
  publicUrl: URL
}
