import type { Runtime } from '../runtime'

/** Placeholder replaced by the demo seed. */
export async function seedDemoIfEmpty(_runtime: Runtime): Promise<void> {
  await Promise.resolve()
}
