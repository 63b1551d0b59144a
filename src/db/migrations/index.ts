import type { Migration } from 'kysely'
import * as foundation from './20261125T0900Z-foundation'
import * as referralsAndCases from './20261126T0900Z-referrals-and-cases'
import * as scheduling from './20261126T1300Z-scheduling'
import * as volunteers from './20261126T1500Z-volunteers'
import * as sessionDay from './20261126T1800Z-session-day'
import * as statistics from './20261127T0900Z-statistics'

/** Every migration, in order. Names are UTC timestamps; a migration once released is never edited. */
export const migrations: Record<string, Migration> = {
  '20261125T0900Z-foundation': foundation,
  '20261126T0900Z-referrals-and-cases': referralsAndCases,
  '20261126T1300Z-scheduling': scheduling,
  '20261126T1500Z-volunteers': volunteers,
  '20261126T1800Z-session-day': sessionDay,
  '20261127T0900Z-statistics': statistics,
}
