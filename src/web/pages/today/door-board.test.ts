import { describe, expect, it } from 'vitest'
import {
  applyOps,
  applyQueue,
  isPendingEvent,
  lastMovement,
  replaceSession,
  visitorsIn,
  warningsForTap,
} from './door-board'
import { AMY, GRAN, NICK, RITA, buildBoard, buildSession, buildTap, recorded } from './door-fixtures'
import { enqueue, markFailed, type DoorQueue } from './door-queue'

const personIn = (session: ReturnType<typeof buildSession>, partyId: string) =>
  session.parties.flatMap((p) => p.people).find((p) => p.partyId === partyId)?.inBuilding

describe('a tap shows on the board before it is sent', () => {
  it('puts the person in the building and their side in, with the time tapped', () => {
    const tap = buildTap()
    const session = applyOps(buildSession(), [tap])
    expect(personIn(session, NICK)).toBe(true)
    expect(personIn(session, GRAN)).toBe(false)
    expect(session.parties.map((p) => p.presence)).toEqual(['in', 'expected'])
    const event = session.events.at(-1)
    expect(event).toMatchObject({ name: 'Nick Example', kind: 'arrived', at: tap.at, voided: false })
    expect(event && isPendingEvent(event)).toBe(true)
  })

  it('shows a side as left once everyone who came for it has gone', () => {
    const arrived = buildTap()
    const granIn = buildTap({ partyId: GRAN, name: 'Gran Example', at: '2026-11-28T09:47:00Z' })
    const left = buildTap({ kind: 'left', at: '2026-11-28T12:15:00Z' })
    const half = applyOps(buildSession(), [arrived, granIn, left])
    expect(half.parties[0]?.presence).toBe('in')
    const granLeft = buildTap({
      kind: 'left',
      partyId: GRAN,
      name: 'Gran Example',
      at: '2026-11-28T12:16:00Z',
    })
    const all = applyOps(buildSession(), [arrived, granIn, left, granLeft])
    expect(all.parties[0]?.presence).toBe('left')
    expect(personIn(all, NICK)).toBe(false)
  })

  it('counts an unlisted visitor for the side they named until they leave', () => {
    const visitor = { partyId: null, side: 'resident' as const, visitorName: 'Jo Friend', name: 'Jo Friend' }
    const inside = applyOps(buildSession(), [buildTap({ ...visitor, confirmed: ['DOOR-UNLISTED'] })])
    expect(inside.parties[1]?.presence).toBe('in')
    expect(inside.events.at(-1)?.listed).toBe(false)
    const gone = applyOps(buildSession(), [
      buildTap(visitor),
      buildTap({ ...visitor, kind: 'left', name: 'jo friend ', at: '2026-11-28T10:30:00Z' }),
    ])
    expect(gone.parties[1]?.presence).toBe('left')
  })

  it('follows the child from the resident parent into the session and back', () => {
    const child = { partyId: AMY, side: null, name: 'Amy Example' }
    const handed = buildTap({ ...child, kind: 'child_handed_over', at: '2026-11-28T10:02:00Z' })
    expect(applyOps(buildSession(), [handed]).children[0]?.whereabouts).toBe('in_session')
    const back = buildTap({ ...child, kind: 'child_returned', at: '2026-11-28T12:01:00Z' })
    expect(applyOps(buildSession(), [back, handed]).children[0]?.whereabouts).toBe('returned')
  })

  it('leaves presence alone when someone is turned away', () => {
    const refused = buildTap({ kind: 'refused_entry', partyId: null, side: null, name: 'Barry Barred' })
    const session = applyOps(buildSession(), [refused])
    expect(session.parties.map((p) => p.presence)).toEqual(['expected', 'expected'])
    expect(session.events).toHaveLength(1)
  })

  it('does not count a tap twice once the server has recorded it', () => {
    const tap = buildTap()
    const server = buildSession({ events: [recorded(tap)], parties: applyOps(buildSession(), [tap]).parties })
    const session = applyOps(server, [tap])
    expect(session.events).toHaveLength(1)
    expect(session.events[0]?.id).toBe(`event-${tap.clientId}`)
  })

  it('undoes a recorded mis-tap at once, and the person is expected again', () => {
    const tap = buildTap()
    const server = buildSession({ events: [recorded(tap, 'event-1')] })
    const session = applyOps(server, [
      { type: 'undo', clientId: 'undo-1', sessionId: 'session-1', eventId: 'event-1', at: tap.at },
    ])
    expect(session.events[0]?.voided).toBe(true)
    expect(personIn(session, NICK)).toBe(false)
    expect(session.parties[0]?.presence).toBe('expected')
  })

  it('leaves sessions without queued taps exactly as the server sent them', () => {
    const other = buildSession({ id: 'session-2' })
    const board = buildBoard([buildSession(), other])
    const shown = applyQueue(board, enqueue([], buildTap()))
    expect(shown.sessions[1]).toBe(other)
    expect(personIn(shown.sessions[0] ?? buildSession(), NICK)).toBe(true)
  })

  it('does not show a tap the server refused', () => {
    const tap = buildTap()
    const queue: DoorQueue = markFailed(enqueue([], tap), tap.clientId, 'Not allowed')
    const board = buildBoard()
    expect(applyQueue(board, queue)).toBe(board)
  })

  it('swaps in the session the server answered with', () => {
    const answered = buildSession({ version: 2 })
    const board = replaceSession(buildBoard([buildSession(), buildSession({ id: 'session-2' })]), answered)
    expect(board.sessions[0]).toBe(answered)
    expect(board.sessions[1]?.id).toBe('session-2')
  })
})

describe('warnings the volunteer confirms before a tap is sent', () => {
  const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code)

  it('asks nothing when the first party arrives on time', () => {
    expect(warningsForTap(buildSession(), buildTap())).toEqual([])
  })

  it('asks when someone is not on the list', () => {
    const tap = { kind: 'arrived' as const, partyId: null, side: 'non_resident' as const, name: 'Jo Friend' }
    const warnings = warningsForTap(buildSession(), tap)
    expect(codes(warnings)).toEqual(['DOOR-UNLISTED'])
    expect(warnings[0]?.message).toContain("Jo Friend is not on this family's list")
  })

  it('asks when the second party comes before the first', () => {
    const tap = { kind: 'arrived' as const, partyId: RITA, side: 'resident' as const, name: 'Rita Example' }
    const warnings = warningsForTap(buildSession(), tap)
    expect(codes(warnings)).toEqual(['DOOR-ORDER'])
    expect(warnings[0]?.message).toContain('09:45')
  })

  it('asks when the other party is in the building, naming the way in that keeps them apart', () => {
    const session = applyOps(buildSession(), [buildTap()])
    const tap = { kind: 'arrived' as const, partyId: RITA, side: 'resident' as const, name: 'Rita Example' }
    const warnings = warningsForTap(session, tap)
    expect(codes(warnings)).toEqual(['DOOR-BOTH-IN'])
    expect(warnings[0]?.message).toBe(
      "Nick Example of the visiting parent's side is in the building. Keep Rita Example apart so the parties do not meet (Main door).",
    )
  })

  it('asks nothing for leaving, turning away or a child handed over', () => {
    const session = applyOps(buildSession(), [buildTap()])
    for (const kind of ['left', 'refused_entry', 'child_handed_over', 'child_returned'] as const)
      expect(
        warningsForTap(session, { kind, partyId: RITA, side: 'resident', name: 'Rita Example' }),
      ).toEqual([])
  })
})

describe('where each person is, for the words beside their name', () => {
  it('gives the last arrival or departure of a person, undone lines left out', () => {
    const arrived = buildTap()
    const left = buildTap({ kind: 'left', at: '2026-11-28T12:15:00Z' })
    const server = buildSession({ events: [recorded(arrived), { ...recorded(left), voided: true }] })
    expect(lastMovement(server, NICK)?.kind).toBe('arrived')
    expect(
      lastMovement(applyOps(server, [buildTap({ kind: 'left', at: '2026-11-28T12:20:00Z' })]), NICK)?.at,
    ).toBe('2026-11-28T12:20:00Z')
    expect(lastMovement(server, RITA)).toBeNull()
  })

  it('lists the unlisted visitors in the building for a side', () => {
    const visitor = { partyId: null, side: 'resident' as const, visitorName: 'Jo Friend', name: 'Jo Friend' }
    const session = applyOps(buildSession(), [buildTap(visitor), buildTap()])
    expect(visitorsIn(session, 'resident').map((e) => e.name)).toEqual(['Jo Friend'])
    expect(visitorsIn(session, 'non_resident')).toEqual([])
  })
})

describe('standing warnings follow the taps not yet sent', () => {
  const bothIn = { code: 'DOOR-BOTH-IN', message: 'Both parties are in the building (Rita; Nick).' }
  const late = { code: 'DOOR-LATE', message: 'The resident parent is 20 minutes late.' }

  it('drops "both in" once one side has left, and keeps the warnings that depend on the clock', () => {
    const nickIn = buildTap()
    const ritaIn = buildTap({
      partyId: RITA,
      side: 'resident',
      name: 'Rita Example',
      at: '2026-11-28T10:01:00Z',
    })
    const server = buildSession({ events: [recorded(nickIn), recorded(ritaIn)], warnings: [bothIn, late] })
    const ritaLeft = buildTap({
      kind: 'left',
      partyId: RITA,
      side: 'resident',
      name: 'Rita Example',
      at: '2026-11-28T10:05:00Z',
    })
    expect(applyOps(server, [ritaLeft]).warnings).toEqual([late])
  })

  it('keeps the server’s words for a warning that still holds, and adds one the taps bring', () => {
    const nickIn = buildTap()
    const server = buildSession({ events: [recorded(nickIn)], warnings: [late] })
    const ritaIn = buildTap({
      partyId: RITA,
      side: 'resident',
      name: 'Rita Example',
      at: '2026-11-28T10:01:00Z',
    })
    const session = applyOps(server, [ritaIn])
    expect(session.warnings.map((w) => w.code)).toEqual(['DOOR-BOTH-IN', 'DOOR-LATE'])
    expect(session.warnings[0]?.message).toContain('Rita Example; Nick Example')
    const both = buildSession({ events: [recorded(nickIn), recorded(ritaIn)], warnings: [bothIn] })
    expect(applyOps(both, [buildTap({ partyId: GRAN, name: 'Gran Example' })]).warnings).toEqual([bothIn])
  })

  it('warns of an unlisted visitor inside and of the second party in before the first', () => {
    const visitor = buildTap({ partyId: null, side: 'resident', visitorName: 'Jo Friend', name: 'Jo Friend' })
    expect(applyOps(buildSession(), [visitor]).warnings.map((w) => w.code)).toEqual([
      'DOOR-UNLISTED',
      'DOOR-ORDER',
    ])
  })
})
