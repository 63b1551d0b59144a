// Work a page holds in memory that has not reached the server yet (taps at the door waiting for a
// connection, say). Signing out wipes the page's memory on a shared tablet, so it asks first.

type Describe = () => string | null

const sources = new Set<Describe>()

/** Registers a description of unsent work ("3 taps at the door are not sent yet"); returns the undo. */
export function registerUnsentWork(describe: Describe): () => void {
  sources.add(describe)
  return () => sources.delete(describe)
}

/** What would be lost by signing out now, or null when nothing is waiting. */
export function unsentWork(): string[] {
  return [...sources].map((describe) => describe()).filter((text): text is string => text !== null)
}
