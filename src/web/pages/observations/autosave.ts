import { ApiError } from '../../api/client'
import type { ObservationSection, ObservationSections, ObservationView } from '../../api/types'
import type { KeptDraft } from './draft-memory'
import { changedSections, hasChanges, reconcile, retryDelay, textsOf, type Texts } from './observation-draft'

export const DEBOUNCE_MS = 1_500

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** The network or the server failed; another try is on its way. */
  | { kind: 'retrying' }
  /** The sign-in expired: nothing is sent until the person signs in again. */
  | { kind: 'signed_out' }
  /** Saved elsewhere with different text: the person chooses which to keep. */
  | { kind: 'clash'; sections: ObservationSection[]; server: ObservationView }
  /** Refused (sent for checking elsewhere, not the author): the text stays on screen. */
  | { kind: 'refused'; error: ApiError }

export interface Snapshot {
  texts: Texts
  state: SaveState
  observation: ObservationView | null
  /** Something on screen is not saved yet. */
  dirty: boolean
}

/** How the record reaches the server; the page passes the API, tests pass stand-ins. */
export interface AutosaveApi {
  save: (body: { sections: ObservationSections; version: number }) => Promise<ObservationView>
  /** The copy the server holds now. */
  read: () => Promise<ObservationView | null>
  /** Reads the session's CSRF token again (it changes when the person signs in elsewhere). */
  renewToken: () => Promise<void>
  /** Keeps unsaved text in memory for the sign-in round trip; undefined forgets it. */
  remember: (draft: KeptDraft | undefined) => void
}

const isRetryable = (error: ApiError) => error.status === 0 || error.status >= 500 || error.status === 429
const ruleOf = (error: unknown) =>
  error instanceof ApiError ? (error.details as { rule?: unknown } | undefined)?.rule : undefined
const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError('INTERNAL', 'We could not reach Kinbridge.', 0)
const WAITING: SaveState['kind'][] = ['signed_out', 'clash', 'refused']

/**
 * Keeps an observation record saved while it is typed: shortly after typing stops and when a box
 * loses focus, it sends only the sections that changed, on the version last saved. The text on
 * screen is never replaced without asking. Failures are retried with a growing wait; an expired
 * sign-in waits for the person to sign in again; a save refused as out of date is reconciled
 * with the newer copy (domain rules 3.13, SESS-2).
 */
export class Autosave {
  private snapshot: Snapshot
  private base: Texts
  private version: number
  private listeners = new Set<() => void>()
  private inFlight: Promise<void> | null = null
  private again = false
  private failures = 0
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly api: AutosaveApi,
    initial: ObservationView | null,
    kept?: KeptDraft,
  ) {
    this.base = textsOf(initial?.sections)
    this.version = initial?.version ?? 0
    let texts = this.base
    let state: SaveState = { kind: 'idle' }
    if (kept) {
      const result = reconcile(kept.texts, kept.base, this.base)
      texts = result.kind === 'merged' ? result.texts : kept.texts
      if (result.kind === 'clash' && initial)
        state = { kind: 'clash', sections: result.sections, server: initial }
    }
    this.snapshot = { texts, state, observation: initial, dirty: hasChanges(texts, this.base) }
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = () => this.snapshot

  /** Text kept from before a trip to the sign-in page is saved as soon as the page is back. */
  start(): void {
    if (this.snapshot.dirty) this.schedule(0)
  }

  stop(): void {
    clearTimeout(this.timer)
    // Leaving the page inside the app: one last try; the text stays in memory if it fails.
    if (this.snapshot.dirty) void this.saveNow()
  }

  setText(section: ObservationSection, value: string): void {
    this.update({ texts: { ...this.snapshot.texts, [section]: value } })
    if (!this.isWaitingForPerson() && this.snapshot.state.kind !== 'retrying') this.schedule(DEBOUNCE_MS)
  }

  /** Saves what is on screen now; resolves when that save (and any that queued behind it) is done. */
  async saveNow(): Promise<void> {
    clearTimeout(this.timer)
    if (this.isWaitingForPerson()) return
    if (this.inFlight) {
      this.again = true
      return this.inFlight
    }
    this.inFlight = this.attempt()
    await this.inFlight
    this.inFlight = null
    if (this.again && !this.isWaitingForPerson() && this.snapshot.state.kind !== 'retrying') {
      this.again = false
      await this.saveNow()
    }
  }

  /** Saves now and says whether everything on screen is saved. */
  async flush(): Promise<boolean> {
    await this.saveNow()
    if (this.inFlight) await this.inFlight
    return this.version > 0 && !this.snapshot.dirty
  }

  /** Signed in again, or told to try now: save what is on screen. */
  resume(): void {
    this.failures = 0
    this.update({ state: { kind: 'idle' } })
    void this.saveNow()
  }

  /** After a clash: keep this screen's text (it replaces the other copy), or take the other copy. */
  settleClash(keep: 'mine' | 'saved'): void {
    const state = this.snapshot.state
    if (state.kind !== 'clash') return
    const server = textsOf(state.server.sections)
    const texts = { ...this.snapshot.texts }
    for (const section of Object.keys(server) as ObservationSection[]) {
      const untouched = texts[section].trim() === this.base[section].trim()
      if (untouched || (keep === 'saved' && state.sections.includes(section)))
        texts[section] = server[section]
    }
    this.takeServerCopy(state.server, texts)
    this.resume()
  }

  /** Another call on this page found the sign-in gone: wait for the person to sign in again. */
  markSignedOut(): void {
    clearTimeout(this.timer)
    this.update({ state: { kind: 'signed_out' } })
  }

  /** The record changed by another action on this page (sent for checking). */
  replaceObservation(observation: ObservationView): void {
    this.version = observation.version
    this.update({ observation })
  }

  private isWaitingForPerson(): boolean {
    return WAITING.includes(this.snapshot.state.kind)
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.saveNow(), delay)
  }

  private update(patch: Partial<Snapshot>): void {
    const next = { ...this.snapshot, ...patch }
    next.dirty = hasChanges(next.texts, this.base)
    this.snapshot = next
    this.api.remember(next.dirty ? { texts: next.texts, base: this.base } : undefined)
    for (const listener of this.listeners) listener()
  }

  private takeServerCopy(server: ObservationView, texts: Texts): void {
    this.base = textsOf(server.sections)
    this.version = server.version
    this.update({ observation: server, texts })
  }

  private async attempt(): Promise<void> {
    const changes = changedSections(this.snapshot.texts, this.base)
    if (Object.keys(changes).length === 0) {
      const savedAt = this.snapshot.observation?.savedAt
      if (this.snapshot.state.kind === 'retrying')
        this.update({ state: savedAt ? { kind: 'saved', at: savedAt } : { kind: 'idle' } })
      return
    }
    this.update({ state: { kind: 'saving' } })
    try {
      const saved = await this.api.save({ sections: changes, version: this.version })
      this.failures = 0
      this.base = textsOf(saved.sections)
      this.version = saved.version
      this.update({ observation: saved, state: { kind: 'saved', at: saved.savedAt } })
    } catch (error) {
      try {
        await this.onFailure(asApiError(error))
      } catch (second) {
        this.onFailureToSettle(asApiError(second))
      }
    }
  }

  private async onFailure(error: ApiError): Promise<void> {
    if (error.status === 401) return this.update({ state: { kind: 'signed_out' } })
    this.failures += 1
    if (isRetryable(error)) return this.retryLater()
    if (error.code === 'CSRF_REJECTED' && this.failures <= 2) {
      await this.api.renewToken()
      return this.schedule(0)
    }
    if (ruleOf(error) === 'stale-version' && this.failures <= 5) return this.settleStale()
    if (ruleOf(error) === 'OBS-LOCKED') {
      const server = await this.api.read()
      if (server) this.replaceObservation(server)
    }
    this.update({ state: { kind: 'refused', error } })
  }

  private onFailureToSettle(error: ApiError): void {
    if (error.status === 401) return this.update({ state: { kind: 'signed_out' } })
    this.retryLater()
  }

  private retryLater(): void {
    this.update({ state: { kind: 'retrying' } })
    this.schedule(retryDelay(this.failures))
  }

  /** A save was refused as out of date: bring the newer copy in, or ask when it clashes. */
  private async settleStale(): Promise<void> {
    const server = await this.api.read()
    if (!server) throw new ApiError('INTERNAL', 'The record could not be read.', 0)
    const result = reconcile(this.snapshot.texts, this.base, textsOf(server.sections))
    if (result.kind === 'clash') {
      this.update({ state: { kind: 'clash', sections: result.sections, server } })
      return
    }
    this.takeServerCopy(server, result.texts)
    if (!server.can.edit) {
      const error = new ApiError('CONFLICT', 'This record has been sent for checking.', 409, {
        rule: 'OBS-LOCKED',
      })
      return this.update({ state: { kind: 'refused', error } })
    }
    this.schedule(0)
  }
}
