import { describe, expect, it } from 'vitest'
import { buildTap } from './door-fixtures'
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
  pendingCount,
  retryDelay,
  retryNow,
  type DoorQueue,
} from './door-queue'

const NOW = 1_000_000

describe('the door queue', () => {
  it('sends the taps one at a time, in the order they were tapped', () => {
    const first = buildTap()
    const second = buildTap({ kind: 'left' })
    let queue: DoorQueue = enqueue(enqueue([], first), second)
    expect(nextToSend(queue, NOW)?.op.clientId).toBe(first.clientId)
    queue = markSending(queue, first.clientId)
    expect(nextToSend(queue, NOW)).toBeNull()
    queue = markSent(queue, first.clientId)
    expect(nextToSend(queue, NOW)?.op.clientId).toBe(second.clientId)
  })

  it('keeps the same client id on every retry, and waits longer each time, up to 30 seconds', () => {
    const tap = buildTap()
    let queue: DoorQueue = enqueue([], tap)
    queue = markRetry(markSending(queue, tap.clientId), tap.clientId, NOW)
    expect(queue[0]).toMatchObject({ status: 'waiting', attempts: 1, retryAt: NOW + 2_000 })
    expect(queue[0]?.op.clientId).toBe(tap.clientId)
    expect(nextToSend(queue, NOW + 1_999)).toBeNull()
    expect(nextToSend(queue, NOW + 2_000)?.op.clientId).toBe(tap.clientId)
    expect([1, 2, 3, 4, 5, 6, 10].map(retryDelay)).toEqual([
      2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ])
    expect(nextRetryAt(queue)).toBe(NOW + 2_000)
  })

  it('holds everything behind a tap waiting out its back-off, so nothing overtakes it', () => {
    const first = buildTap()
    const other = buildTap({ sessionId: 'session-2' })
    let queue: DoorQueue = enqueue(enqueue([], first), other)
    queue = markRetry(queue, first.clientId, NOW)
    expect(nextToSend(queue, NOW)).toBeNull()
  })

  it('tries everything again at once when the connection comes back', () => {
    const tap = buildTap()
    const queue = retryNow(markRetry(markRetry(enqueue([], tap), tap.clientId, NOW), tap.clientId, NOW))
    expect(queue[0]?.attempts).toBe(2)
    expect(nextToSend(queue, NOW)?.op.clientId).toBe(tap.clientId)
  })

  it('holds the later taps of a session while the volunteer confirms, but lets other sessions go', () => {
    const asked = buildTap()
    const sameSession = buildTap({ kind: 'left' })
    const otherSession = buildTap({ sessionId: 'session-2' })
    let queue: DoorQueue = [asked, sameSession, otherSession].reduce<DoorQueue>(enqueue, [])
    queue = markConfirm(queue, asked.clientId, [{ code: 'DOOR-BOTH-IN', message: 'Both in' }])
    expect(nextToSend(queue, NOW)?.op.clientId).toBe(otherSession.clientId)
    expect(pendingCount(queue)).toBe(3)
  })

  it('resends a confirmed tap with the codes the volunteer confirmed, keeping its id and time', () => {
    const tap = buildTap({ confirmed: ['DOOR-ORDER'] })
    let queue: DoorQueue = enqueue([], tap)
    queue = markConfirm(queue, tap.clientId, [{ code: 'DOOR-BOTH-IN', message: 'Both in' }])
    queue = confirmItem(queue, tap.clientId, ['DOOR-BOTH-IN', 'DOOR-ORDER'])
    const item = nextToSend(queue, NOW)
    expect(item?.status).toBe('waiting')
    expect(item?.warnings).toEqual([])
    expect(item?.op).toMatchObject({
      clientId: tap.clientId,
      at: tap.at,
      confirmed: ['DOOR-ORDER', 'DOOR-BOTH-IN'],
    })
  })

  it('drops a cancelled tap, and a refused one stops counting and is never sent again', () => {
    const cancelled = buildTap()
    const refused = buildTap()
    let queue: DoorQueue = enqueue(enqueue([], cancelled), refused)
    queue = dropItem(queue, cancelled.clientId)
    queue = markFailed(queue, refused.clientId, 'Barry Barred may not come in')
    expect(queue).toHaveLength(1)
    expect(queue[0]).toMatchObject({ status: 'failed', message: 'Barry Barred may not come in' })
    expect(pendingCount(queue)).toBe(0)
    expect(nextToSend(queue, NOW)).toBeNull()
    expect(nextRetryAt(queue)).toBeNull()
  })
})

describe('what a failed send means', () => {
  const needsConfirmation = {
    rule: 'needs-confirmation',
    warnings: [{ code: 'DOOR-UNLISTED', message: 'Not on the list' }, { code: 7 }],
  }

  it('keeps the tap when there is no connection or the server has a hiccup', () => {
    expect(classifyFailure({ status: 0, code: 'INTERNAL' })).toBe('offline')
    expect(classifyFailure({ status: 500, code: 'INTERNAL' })).toBe('retry')
    expect(classifyFailure({ status: 503, code: 'UNAVAILABLE' })).toBe('retry')
    expect(classifyFailure({ status: 429, code: 'RATE_LIMITED' })).toBe('retry')
    expect(classifyFailure({ status: 403, code: 'CSRF_REJECTED' })).toBe('retry')
  })

  it('waits for the person to sign in again on 401', () => {
    expect(classifyFailure({ status: 401, code: 'UNAUTHENTICATED' })).toBe('signed-out')
  })

  it('asks the volunteer on a needs-confirmation 409, and reads the warnings from its details', () => {
    expect(classifyFailure({ status: 409, code: 'CONFLICT', details: needsConfirmation })).toBe('confirm')
    expect(confirmationWarnings(needsConfirmation)).toEqual([
      { code: 'DOOR-UNLISTED', message: 'Not on the list' },
    ])
  })

  it('stops on any other 4xx, such as a person who may not come in', () => {
    expect(classifyFailure({ status: 409, code: 'CONFLICT', details: { rule: 'DOOR-NOT-ALLOWED' } })).toBe(
      'rejected',
    )
    expect(confirmationWarnings({ rule: 'DOOR-NOT-ALLOWED' })).toBeNull()
    expect(classifyFailure({ status: 400, code: 'INVALID_INPUT' })).toBe('rejected')
    expect(classifyFailure({ status: 403, code: 'FORBIDDEN', details: { rule: 'DOOR-OFF-DUTY' } })).toBe(
      'rejected',
    )
    expect(classifyFailure({ status: 404, code: 'NOT_FOUND' })).toBe('rejected')
  })
})
