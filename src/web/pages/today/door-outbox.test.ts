import { describe, expect, it } from 'vitest'
import { buildSession, buildTap } from './door-fixtures'
import { DoorOutbox, type OutboxPorts } from './door-outbox'
import type { DoorOp } from './door-queue'

class ApiLikeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

const offline = () => new ApiLikeError(0, 'INTERNAL', 'We could not reach Kinbridge.')

/** An outbox with a scripted server and a hand-moved clock. */
function harness(answers: ((op: DoorOp) => Error | null)[] = []) {
  const sent: DoorOp[] = []
  const recorded: string[] = []
  const timers: { run: () => void; at: number }[] = []
  const calls = { signedOut: 0, staleToken: 0, staleBoard: 0 }
  let now = 1_000_000
  const ports: OutboxPorts = {
    send: (op) => {
      sent.push(op)
      const answer = answers.shift()?.(op) ?? null
      return answer ? Promise.reject(answer) : Promise.resolve(buildSession())
    },
    onRecorded: (op) => {
      recorded.push(op.clientId)
    },
    onSignedOut: () => (calls.signedOut += 1),
    onStaleToken: () => (calls.staleToken += 1),
    onStaleBoard: () => (calls.staleBoard += 1),
    now: () => now,
    setTimer: (run, ms) => {
      const timer = { run, at: now + ms }
      timers.push(timer)
      return timer
    },
    clearTimer: (timer) => {
      const index = timers.indexOf(timer as (typeof timers)[number])
      if (index >= 0) timers.splice(index, 1)
    },
  }
  const outbox = new DoorOutbox(ports, true)
  /** Moves the clock on and runs the timers that came due, waiting for the sends they start. */
  const advance = async (ms: number) => {
    now += ms
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(timer), 1)
      timer.run()
    }
    await outbox.pump()
  }
  return { outbox, sent, recorded, timers, calls, advance, answers }
}

describe('the door outbox', () => {
  it('sends taps in the order tapped and forgets them once recorded', async () => {
    const h = harness()
    const first = buildTap()
    const second = buildTap({ kind: 'left' })
    h.outbox.add(first)
    h.outbox.add(second)
    await h.outbox.pump()
    expect(h.sent.map((op) => op.clientId)).toEqual([first.clientId, second.clientId])
    expect(h.recorded).toEqual([first.clientId, second.clientId])
    expect(h.outbox.getSnapshot().queue).toEqual([])
  })

  it('keeps taps while the connection is down and resends the same ones, in order, when it returns', async () => {
    const h = harness([offline])
    const first = buildTap()
    const second = buildTap({ kind: 'left' })
    h.outbox.add(first)
    await h.outbox.pump()
    expect(h.outbox.getSnapshot().reachable).toBe(false)
    h.outbox.add(second)
    await h.outbox.pump()
    expect(h.sent).toHaveLength(1)
    expect(h.outbox.getSnapshot().queue.map((i) => i.status)).toEqual(['waiting', 'waiting'])
    await h.advance(2_000)
    expect(h.sent.map((op) => op.clientId)).toEqual([first.clientId, first.clientId, second.clientId])
    expect(h.outbox.getSnapshot()).toMatchObject({ queue: [], reachable: true })
  })

  it('sends nothing while the browser is offline, then everything at once when it is back', async () => {
    const h = harness()
    h.outbox.setBrowserOnline(false)
    h.outbox.add(buildTap())
    h.outbox.add(buildTap())
    await h.outbox.pump()
    expect(h.sent).toHaveLength(0)
    expect(h.outbox.getSnapshot().queue).toHaveLength(2)
    h.outbox.setBrowserOnline(true)
    await h.outbox.pump()
    expect(h.sent).toHaveLength(2)
    expect(h.outbox.getSnapshot().queue).toHaveLength(0)
  })

  it('asks the volunteer when the server wants warnings confirmed, then resends with them', async () => {
    const warning = { code: 'DOOR-BOTH-IN', message: 'The resident parent is in the building.' }
    const h = harness([
      () =>
        new ApiLikeError(409, 'CONFLICT', 'Confirm first', {
          rule: 'needs-confirmation',
          warnings: [warning],
        }),
    ])
    const tap = buildTap()
    h.outbox.add(tap)
    await h.outbox.pump()
    expect(h.outbox.getSnapshot().queue[0]).toMatchObject({ status: 'confirm', warnings: [warning] })
    expect(h.calls.staleBoard).toBe(1)
    h.outbox.confirm(tap.clientId, ['DOOR-BOTH-IN'])
    await h.outbox.pump()
    expect(h.sent.at(-1)).toMatchObject({ clientId: tap.clientId, confirmed: ['DOOR-BOTH-IN'], at: tap.at })
    expect(h.outbox.getSnapshot().queue).toEqual([])
  })

  it('stops on a refusal and shows it as not recorded until dismissed, and the next tap goes on', async () => {
    const h = harness([
      () => new ApiLikeError(409, 'CONFLICT', 'Barry may not come in', { rule: 'DOOR-NOT-ALLOWED' }),
    ])
    const refused = buildTap()
    const next = buildTap()
    h.outbox.add(refused)
    h.outbox.add(next)
    await h.outbox.pump()
    await h.advance(60_000)
    expect(h.sent.map((op) => op.clientId)).toEqual([refused.clientId, next.clientId])
    expect(h.outbox.getSnapshot().queue).toEqual([
      expect.objectContaining({ status: 'failed', message: 'Barry may not come in' }),
    ])
    expect(h.calls.staleBoard).toBe(1)
    expect(h.outbox.drop(refused.clientId)).toBe(true)
    expect(h.outbox.getSnapshot().queue).toEqual([])
  })

  it('keeps taps through an expired sign-in and sends them once the person signs in again', async () => {
    const h = harness([() => new ApiLikeError(401, 'UNAUTHENTICATED', 'Sign in again')])
    const tap = buildTap()
    h.outbox.add(tap)
    await h.outbox.pump()
    expect(h.calls.signedOut).toBe(1)
    expect(h.outbox.getSnapshot()).toMatchObject({
      signedOut: true,
      queue: [expect.objectContaining({ status: 'waiting' })],
    })
    await h.advance(60_000)
    expect(h.sent).toHaveLength(1)
    h.outbox.setSignedIn()
    await h.advance(0)
    expect(h.sent.map((op) => op.clientId)).toEqual([tap.clientId, tap.clientId])
    expect(h.outbox.getSnapshot()).toMatchObject({ signedOut: false, queue: [] })
  })

  it('renews a refused CSRF token and tries again', async () => {
    const h = harness([() => new ApiLikeError(403, 'CSRF_REJECTED', 'Refresh')])
    h.outbox.add(buildTap())
    await h.outbox.pump()
    expect(h.calls.staleToken).toBe(1)
    await h.advance(2_000)
    expect(h.sent).toHaveLength(2)
    expect(h.outbox.getSnapshot().queue).toEqual([])
  })

  it('cancels a tap not yet sent, and forgets everything when cleared', async () => {
    const h = harness()
    h.outbox.setBrowserOnline(false)
    const cancelled = buildTap()
    h.outbox.add(cancelled)
    h.outbox.add(buildTap())
    expect(h.outbox.drop(cancelled.clientId)).toBe(true)
    expect(h.outbox.getSnapshot().queue).toHaveLength(1)
    h.outbox.clear()
    h.outbox.setBrowserOnline(true)
    await h.outbox.pump()
    expect(h.outbox.getSnapshot().queue).toEqual([])
    expect(h.sent).toEqual([])
  })

  it('ignores the answer to a send made before the queue was cleared', async () => {
    const h = harness()
    h.outbox.add(buildTap())
    h.outbox.clear()
    await h.outbox.pump()
    expect(h.recorded).toEqual([])
    expect(h.outbox.getSnapshot().queue).toEqual([])
  })
})
