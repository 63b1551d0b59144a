import {
  classifyFailure,
  confirmItem,
  confirmationWarnings,
  dropItem,
  enqueue,
  markConfirm,
  markFailed,
  markRetry,
  markSending,
  markSent,
  nextRetryAt,
  nextToSend,
  retryNow,
  type DoorOp,
  type DoorQueue,
  type Failure,
} from './door-queue'
import type { TodaySession } from './types'

/** What the outbox needs from the world: a way to send, and someone to tell what happened. */
export interface OutboxPorts {
  /** Sends one tap or undo; throws a Failure (an ApiError) when it is not recorded. */
  send: (op: DoorOp) => Promise<TodaySession>
  /** Recorded: the session as the server now has it. */
  onRecorded: (op: DoorOp, session: TodaySession) => Promise<void> | void
  /** The sign-in ran out (401): the app asks the person to sign in again. */
  onSignedOut: () => void
  /** The CSRF token was refused: the session is read again, which renews it. */
  onStaleToken: () => void
  /** The server knew something the board did not (it refused a tap, or asked to confirm): read it again. */
  onStaleBoard: () => void
  now: () => number
  setTimer: (run: () => void, ms: number) => unknown
  clearTimer: (timer: unknown) => void
}

export interface OutboxState {
  queue: DoorQueue
  /** The browser says it has a network. */
  browserOnline: boolean
  /** The last request got an answer from the server (false after a failed fetch). */
  reachable: boolean
  /** A send was refused because the sign-in ran out; sending waits until the person signs in again. */
  signedOut: boolean
}

const asFailure = (error: unknown): Failure => {
  const e = error as Partial<Failure> | null
  return {
    status: typeof e?.status === 'number' ? e.status : 0,
    code: e?.code ?? 'INTERNAL',
    details: e?.details,
  }
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : 'Something went wrong. Please try again.'

/**
 * The door's taps on their way to the server, held in memory only: sent one at a time in the order
 * tapped, retried with a growing wait while the connection is down, and kept through an expired
 * sign-in. A tap the server wants confirmed, or refuses, stays visible until the volunteer acts.
 */
export class DoorOutbox {
  private state: OutboxState
  private readonly listeners = new Set<() => void>()
  private timer: unknown = null
  private running: Promise<void> | null = null
  /** Bumped by clear(), so an answer for a queue that was emptied is ignored. */
  private generation = 0

  constructor(
    private readonly ports: OutboxPorts,
    browserOnline: boolean,
  ) {
    this.state = { queue: [], browserOnline, reachable: true, signedOut: false }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): OutboxState => this.state

  private set(change: Partial<OutboxState>): void {
    this.state = { ...this.state, ...change }
    for (const listener of this.listeners) listener()
  }

  add(op: DoorOp): void {
    this.set({ queue: enqueue(this.state.queue, op) })
    void this.pump()
  }

  /** The volunteer goes ahead despite the server's warnings. */
  confirm(clientId: string, codes: string[]): void {
    this.set({ queue: confirmItem(this.state.queue, clientId, codes) })
    void this.pump()
  }

  /** Cancels a tap not yet sent, or dismisses a "Not recorded" one. A tap on its way cannot be. */
  drop(clientId: string): boolean {
    const item = this.state.queue.find((i) => i.op.clientId === clientId)
    if (!item || item.status === 'sending') return false
    this.set({ queue: dropItem(this.state.queue, clientId) })
    void this.pump()
    return true
  }

  setBrowserOnline(online: boolean): void {
    if (!online) return this.set({ browserOnline: false })
    this.set({ browserOnline: true, reachable: true, queue: retryNow(this.state.queue) })
    void this.pump()
  }

  /** Another request (the board) reached the server, or failed to. */
  setReachable(reachable: boolean): void {
    if (reachable === this.state.reachable) return
    this.set(reachable ? { reachable, queue: retryNow(this.state.queue) } : { reachable })
    if (reachable) void this.pump()
  }

  /** Signed in again: what waited is sent, after its back-off. */
  setSignedIn(): void {
    if (!this.state.signedOut) return
    this.set({ signedOut: false })
    void this.pump()
  }

  /** Forgets every tap: the person signed out, or someone else signed in on this tablet. */
  clear(): void {
    this.generation += 1
    this.stopTimer()
    this.set({ queue: [], signedOut: false })
  }

  private stopTimer(): void {
    if (this.timer !== null) this.ports.clearTimer(this.timer)
    this.timer = null
  }

  private schedule(): void {
    this.stopTimer()
    const at = nextRetryAt(this.state.queue)
    if (at === null || !this.state.browserOnline || this.state.signedOut) return
    this.timer = this.ports.setTimer(
      () => {
        this.timer = null
        void this.pump()
      },
      Math.max(0, at - this.ports.now()),
    )
  }

  /** Sends what can be sent now, one at a time; resolves when nothing more can go for now. */
  pump(): Promise<void> {
    this.running ??= this.drain().finally(() => {
      this.running = null
      this.schedule()
    })
    return this.running
  }

  private async drain(): Promise<void> {
    while (this.state.browserOnline && !this.state.signedOut) {
      const item = nextToSend(this.state.queue, this.ports.now())
      if (!item) return
      await this.sendOne(item.op)
    }
  }

  private async sendOne(op: DoorOp): Promise<void> {
    const generation = this.generation
    this.set({ queue: markSending(this.state.queue, op.clientId) })
    let session: TodaySession
    try {
      session = await this.ports.send(op)
    } catch (error) {
      if (generation === this.generation) this.failed(op, error)
      return
    }
    if (generation !== this.generation) return
    try {
      await this.ports.onRecorded(op, session)
    } catch {
      // The board catches up at its next read; the tap itself is recorded.
    }
    this.set({ queue: markSent(this.state.queue, op.clientId), reachable: true })
  }

  private failed(op: DoorOp, error: unknown): void {
    const failure = asFailure(error)
    const queue = this.state.queue
    switch (classifyFailure(failure)) {
      case 'offline':
        return this.set({ queue: markRetry(queue, op.clientId, this.ports.now()), reachable: false })
      case 'signed-out':
        // Counted as an attempt, so a sign-in that keeps being refused is not hammered.
        this.set({ queue: markRetry(queue, op.clientId, this.ports.now()), signedOut: true })
        return this.ports.onSignedOut()
      case 'confirm':
        this.set({ queue: markConfirm(queue, op.clientId, confirmationWarnings(failure.details) ?? []) })
        return this.ports.onStaleBoard()
      case 'rejected':
        this.set({ queue: markFailed(queue, op.clientId, messageOf(error)), reachable: true })
        return this.ports.onStaleBoard()
      case 'retry':
        if (failure.code === 'CSRF_REJECTED') this.ports.onStaleToken()
        return this.set({ queue: markRetry(queue, op.clientId, this.ports.now()), reachable: true })
    }
  }
}
