import type { Db } from '../../db/connect'

/**
 * A Db for use cases run inside the demo seed's one transaction: each use case opens its own
 * transaction, which Kysely cannot nest, so here `transaction().execute(work)` runs the work in the
 * seed's transaction instead. The whole demo then commits, or rolls back, as one, and a half-seeded
 * demo can never be left behind (a second `seed --demo` would refuse to repair it).
 */
export function joinTransaction(trx: Db): Db {
  const joined = {
    execute: <T>(work: (inner: Db) => Promise<T>): Promise<T> => work(trx),
  }
  return new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => joined
      const value: unknown = Reflect.get(target, property, target)
      // Kysely keeps its state in private fields, which a method only reaches through the real object.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
}
