import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decideEntry,
  entriesUntil,
  firstArrivalOf,
  inBuilding,
  isRegisterComplete,
  minutesLate,
  outcomeOf,
  personKey,
  presenceOf,
  standingWarnings,
  whereaboutsOf,
  type DoorPerson,
  type DoorTimes,
  type EntryFacts,
  type RegisterEntry,
} from './door.rules'
import { ATTENDANCE_KINDS, type AttendanceKind } from './session-day.schemas'

const NICK: DoorPerson = {
  id: 'nick',
  kind: 'adult',
  side: 'non_resident',
  name: 'Nick',
  attendance: 'allowed',
}
const GRAN: DoorPerson = {
  id: 'gran',
  kind: 'adult',
  side: 'non_resident',
  name: 'Gran',
  attendance: 'allowed',
}
const RITA: DoorPerson = { id: 'rita', kind: 'adult', side: 'resident', name: 'Rita', attendance: 'allowed' }
const MIA: DoorPerson = { id: 'mia', kind: 'child', side: 'resident', name: 'Mia', attendance: 'allowed' }
const BARRY: DoorPerson = {
  id: 'barry',
  kind: 'adult',
  side: 'non_resident',
  name: 'Barry',
  attendance: 'not_allowed',
}
const PEOPLE = [NICK, GRAN, RITA, MIA, BARRY]

const TIMES: DoorTimes = {
  firstParty: 'non_resident',
  startsAt: '2026-11-28T10:00:00.000Z',
  endsAt: '2026-11-28T12:00:00.000Z',
  arrivesAt: { non_resident: '2026-11-28T09:45:00.000Z', resident: '2026-11-28T10:00:00.000Z' },
}

const at = (hhmm: string) => `2026-11-28T${hhmm}:00.000Z`
const line = (kind: AttendanceKind, who: DoorPerson, time: string): RegisterEntry => ({
  kind,
  partyId: who.id,
  side: who.side,
  name: who.name,
  at: at(time),
})
const visitor = (kind: AttendanceKind, name: string, time: string): RegisterEntry => ({
  kind,
  partyId: null,
  side: 'non_resident',
  name,
  at: at(time),
})

function decide(entry: RegisterEntry, register: RegisterEntry[], person: DoorPerson | null = null) {
  const facts: EntryFacts = {
    entry,
    person: person ?? PEOPLE.find((p) => p.id === entry.partyId) ?? null,
    register,
    people: PEOPLE,
    times: TIMES,
    lateAfterMinutes: 10,
  }
  return decideEntry(facts)
}
const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code)

describe('who is in the building', () => {
  it('follows arrivals and departures in time order, whatever order they were sent in', () => {
    const register = [
      line('left', NICK, '12:15'),
      line('arrived', NICK, '09:44'),
      line('arrived', RITA, '10:00'),
    ]
    expect([...inBuilding(register).keys()]).toEqual(['rita'])
    expect(presenceOf(register, 'non_resident')).toBe('left')
    expect(presenceOf(register, 'resident')).toBe('in')
    expect(presenceOf([], 'resident')).toBe('expected')
    expect(entriesUntil(register, at('10:00')).map((e) => e.at)).toEqual([at('09:44'), at('10:00')])
  })

  it('knows an unlisted visitor by their side and the name they gave, in any case', () => {
    const register = [visitor('arrived', 'Cousin Carl', '09:50'), visitor('left', ' cousin carl ', '10:10')]
    expect(personKey(register[0] as RegisterEntry)).toBe('visitor:non_resident:cousin carl')
    expect(inBuilding(register).size).toBe(0)
  })

  it('tracks a child from the parent who brought them, into the session and back', () => {
    expect(whereaboutsOf([], 'mia')).toBe('with_resident')
    const handed = [line('child_handed_over', MIA, '10:02')]
    expect(whereaboutsOf(handed, 'mia')).toBe('in_session')
    expect(whereaboutsOf([...handed, line('child_returned', MIA, '11:58')], 'mia')).toBe('returned')
  })

  it('counts lateness in whole minutes after the grace', () => {
    expect(minutesLate(at('09:55'), at('09:45'), 10)).toBeNull()
    expect(minutesLate(at('09:56'), at('09:45'), 10)).toBe(11)
    expect(minutesLate(at('09:30'), at('09:45'), 0)).toBeNull()
    expect(
      firstArrivalOf([visitor('arrived', 'Carl', '09:30'), line('arrived', GRAN, '09:40')], 'non_resident'),
    ).toBe(at('09:40'))
  })
})

describe('deciding a tap at the door', () => {
  it('refuses anything but refused entry for someone not allowed, naming them', () => {
    const refused = decide(line('arrived', BARRY, '09:40'), [])
    expect(refused.refusal).toMatchObject({ code: 'CONFLICT', rule: 'DOOR-NOT-ALLOWED' })
    expect(refused.refusal?.message).toContain('Barry')
    expect(refused.refusal?.message).toContain('must not come in')
    expect(decide(line('refused_entry', BARRY, '09:40'), []).refusal).toBeNull()
  })

  it('asks before the parties are in the building together, and before the second comes first', () => {
    const both = decide(line('arrived', RITA, '10:00'), [line('arrived', NICK, '09:44')])
    expect(both.refusal).toBeNull()
    expect(codes(both.toConfirm)).toEqual(['DOOR-BOTH-IN'])
    expect(both.toConfirm[0]?.message).toContain('Nick')
    const early = decide(line('arrived', RITA, '09:40'), [])
    expect(codes(early.toConfirm)).toEqual(['DOOR-ORDER'])
    // Once the first party has come and gone, the second may come without either warning.
    const after = decide(line('arrived', RITA, '10:00'), [
      line('arrived', NICK, '09:44'),
      line('left', NICK, '09:50'),
    ])
    expect(after.toConfirm).toEqual([])
    // The first party's own people arrive without asking.
    expect(decide(line('arrived', GRAN, '09:46'), [line('arrived', NICK, '09:44')]).toConfirm).toEqual([])
  })

  it('asks before letting in someone not on the list', () => {
    const decision = decide(visitor('arrived', 'Cousin Carl', '09:50'), [line('arrived', NICK, '09:44')])
    expect(codes(decision.toConfirm)).toEqual(['DOOR-UNLISTED'])
    expect(decide(visitor('refused_entry', 'Cousin Carl', '09:50'), []).toConfirm).toEqual([])
  })

  it('refuses leaving without arriving and arriving twice', () => {
    expect(decide(line('left', NICK, '10:00'), []).refusal?.rule).toBe('DOOR-NOT-IN')
    expect(decide(line('arrived', NICK, '10:00'), [line('arrived', NICK, '09:44')]).refusal?.rule).toBe(
      'DOOR-ALREADY-IN',
    )
    // A line sent late, for a time before the arrival, is judged as of its own time.
    expect(decide(line('left', NICK, '09:40'), [line('arrived', NICK, '09:44')]).refusal?.rule).toBe(
      'DOOR-NOT-IN',
    )
  })

  it('hands over only children, once, and returns only those handed over', () => {
    expect(decide(line('child_handed_over', NICK, '10:00'), []).refusal).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'partyId',
    })
    expect(decide(line('arrived', MIA, '10:00'), []).refusal).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'kind',
    })
    expect(decide(line('child_returned', MIA, '10:00'), []).refusal?.rule).toBe('DOOR-CHILD-NOT-HANDED-OVER')
    const handed = [line('child_handed_over', MIA, '10:02')]
    expect(decide(line('child_handed_over', MIA, '10:03'), handed).refusal?.rule).toBe(
      'DOOR-CHILD-HANDED-OVER',
    )
    expect(decide(line('child_returned', MIA, '11:58'), handed).refusal).toBeNull()
  })

  it('notes lateness on a first arrival, and a resident leaving while a child is handed over', () => {
    const late = decide(line('arrived', NICK, '09:56'), [])
    expect(late.notes).toEqual([{ code: 'DOOR-LATE', message: 'Nick arrived 11 minutes after their time.' }])
    const again = decide(line('arrived', NICK, '10:30'), [
      line('arrived', NICK, '09:44'),
      line('left', NICK, '10:10'),
    ])
    expect(again.notes).toEqual([])
    const leaving = decide(line('left', RITA, '10:10'), [
      line('arrived', NICK, '09:44'),
      line('arrived', RITA, '10:00'),
      line('child_handed_over', MIA, '10:02'),
    ])
    expect(leaving.refusal).toBeNull()
    expect(codes(leaving.notes)).toEqual(['DOOR-CHILD-NOT-RETURNED'])
  })
})

describe('the outcome from the register', () => {
  const whole = [
    line('arrived', NICK, '09:44'),
    line('arrived', RITA, '10:00'),
    line('child_handed_over', MIA, '10:02'),
    line('child_returned', MIA, '11:58'),
    line('left', RITA, '12:00'),
  ]
  const DURING = { now: '2026-12-05T11:00:00.000Z', endsAt: '2026-12-05T12:00:00.000Z' }
  const AFTER = { now: '2026-12-05T12:30:00.000Z', endsAt: '2026-12-05T12:00:00.000Z' }
  it('is complete once everyone who came has left and every child is back', () => {
    expect(isRegisterComplete(whole, PEOPLE, DURING)).toBe(false)
    expect(isRegisterComplete([...whole, line('left', NICK, '12:15')], PEOPLE, DURING)).toBe(true)
    expect(isRegisterComplete([], PEOPLE, AFTER)).toBe(false)
    expect(isRegisterComplete([line('refused_entry', BARRY, '09:40')], PEOPLE, AFTER)).toBe(false)
    const childOut = [
      line('arrived', RITA, '10:00'),
      line('child_handed_over', MIA, '10:02'),
      line('left', RITA, '10:05'),
    ]
    expect(isRegisterComplete(childOut, PEOPLE, AFTER)).toBe(false)
  })

  it('waits for the other side until the session is over when only one side has come and gone', () => {
    const oneSide = [line('arrived', NICK, '09:44'), line('left', NICK, '09:50')]
    expect(isRegisterComplete(oneSide, PEOPLE, DURING)).toBe(false)
    expect(isRegisterComplete(oneSide, PEOPLE, AFTER)).toBe(true)
  })

  it('counts a side that never came as a missed session and a late first arrival as late', () => {
    expect(outcomeOf(whole, TIMES, 10)).toEqual({ resident: 'attended', non_resident: 'attended' })
    expect(outcomeOf([line('arrived', NICK, '10:05')], TIMES, 10)).toEqual({
      resident: 'did_not_attend',
      non_resident: 'late',
    })
    // An unlisted visitor does not stand in for the family.
    expect(outcomeOf([visitor('arrived', 'Carl', '09:40')], TIMES, 10).non_resident).toBe('did_not_attend')
  })
})

describe('what the board warns about now', () => {
  it('warns of both parties inside, an unlisted visitor, the wrong order, lateness and a child not returned', () => {
    const now = at('10:20')
    expect(codes(standingWarnings([], PEOPLE, TIMES, now, 10))).toEqual(['DOOR-LATE', 'DOOR-LATE'])
    const register = [line('arrived', RITA, '09:58'), visitor('arrived', 'Carl', '10:01')]
    expect(codes(standingWarnings(register, PEOPLE, TIMES, now, 10))).toEqual([
      'DOOR-BOTH-IN',
      'DOOR-UNLISTED',
    ])
    const orderOnly = [line('arrived', RITA, '09:50')]
    expect(codes(standingWarnings(orderOnly, PEOPLE, TIMES, at('09:52'), 10))).toEqual(['DOOR-ORDER'])
    const stillOut = [line('arrived', RITA, '10:00'), line('child_handed_over', MIA, '10:01')]
    expect(codes(standingWarnings(stillOut, PEOPLE, TIMES, at('12:05'), 10))).toContain(
      'DOOR-CHILD-NOT-RETURNED',
    )
    expect(codes(standingWarnings(stillOut, PEOPLE, TIMES, at('11:55'), 10))).not.toContain(
      'DOOR-CHILD-NOT-RETURNED',
    )
  })
})

describe('properties of the register', () => {
  interface Tap {
    kind: AttendanceKind
    who: DoorPerson | string
    minute: number
    confirm: boolean
  }
  const tapArb: fc.Arbitrary<Tap> = fc.record({
    kind: fc.constantFrom(...ATTENDANCE_KINDS),
    who: fc.constantFrom<DoorPerson | string>(...PEOPLE, 'Carl', 'Dee'),
    minute: fc.integer({ min: 0, max: 240 }),
    confirm: fc.boolean(),
  })
  const toEntry = (tap: Tap) => {
    const time = new Date(Date.parse(at('09:00')) + tap.minute * 60_000).toISOString()
    return typeof tap.who === 'string'
      ? {
          entry: { kind: tap.kind, partyId: null, side: 'non_resident' as const, name: tap.who, at: time },
          person: null,
        }
      : {
          entry: { kind: tap.kind, partyId: tap.who.id, side: tap.who.side, name: tap.who.name, at: time },
          person: tap.who,
        }
  }

  /** Plays taps through the rules as a door would, in the order they arrive; returns the register kept. */
  function play(taps: Tap[]) {
    const register: RegisterEntry[] = []
    for (const tap of taps) {
      const { entry, person } = toEntry(tap)
      const decision = decideEntry({
        entry,
        person,
        register,
        people: PEOPLE,
        times: TIMES,
        lateAfterMinutes: 10,
      })
      if (decision.refusal) continue
      if (decision.toConfirm.length > 0 && !tap.confirm) continue
      register.push(entry)
    }
    return register
  }

  it('never lets in someone who must not come, and moves children only by handover and return', () => {
    fc.assert(
      fc.property(fc.array(tapArb, { maxLength: 40 }), (taps) => {
        const register = play(taps)
        expect(register.some((e) => e.partyId === BARRY.id && e.kind !== 'refused_entry')).toBe(false)
        const sorted = entriesUntil(register, at('23:59'))
        expect(
          sorted
            .filter((e) => e.kind === 'child_returned' || e.kind === 'child_handed_over')
            .every((e) => e.partyId === MIA.id),
        ).toBe(true)
        expect(sorted.some((e) => e.partyId === MIA.id && (e.kind === 'arrived' || e.kind === 'left'))).toBe(
          false,
        )
      }),
    )
  })

  it('keeps taps in time order consistent: a leaving follows an arrival, an arrival never doubles', () => {
    const ordered = fc
      .array(tapArb, { maxLength: 40 })
      .map((taps) => [...taps].sort((a, b) => a.minute - b.minute))
    fc.assert(
      fc.property(ordered, (taps) => {
        const register = play(taps)
        const inside = new Set<string>()
        for (const entry of register) {
          const key = personKey(entry)
          if (entry.kind === 'arrived') {
            expect(inside.has(key)).toBe(false)
            inside.add(key)
          }
          if (entry.kind === 'left') {
            expect(inside.has(key)).toBe(true)
            inside.delete(key)
          }
        }
        expect(new Set(inBuilding(register).keys())).toEqual(inside)
        // A child is returned only while handed over, and handed over only while not.
        let handedOver = false
        for (const entry of register.filter((e) => e.partyId === MIA.id)) {
          if (entry.kind === 'child_handed_over') expect(handedOver).toBe(false)
          if (entry.kind === 'child_returned') expect(handedOver).toBe(true)
          handedOver = entry.kind === 'child_handed_over'
        }
        expect(whereaboutsOf(register, MIA.id) === 'in_session').toBe(handedOver)
        // A side counts as in exactly when someone of it is inside.
        for (const side of ['resident', 'non_resident'] as const)
          expect(presenceOf(register, side) === 'in').toBe(
            [...inBuilding(register).values()].some((e) => e.side === side),
          )
      }),
    )
  })

  it('gives a side that came attended or late, and one that never came did not attend', () => {
    fc.assert(
      fc.property(fc.array(tapArb, { maxLength: 30 }), fc.integer({ min: 0, max: 60 }), (taps, grace) => {
        const register = play(taps)
        const outcome = outcomeOf(register, TIMES, grace)
        for (const side of ['resident', 'non_resident'] as const) {
          const came = register.some((e) => e.kind === 'arrived' && e.side === side && e.partyId !== null)
          expect(outcome[side] === 'did_not_attend').toBe(!came)
        }
      }),
    )
  })

  it('reports lateness only beyond the grace, and more lateness the later one comes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -120, max: 240 }), fc.integer({ min: 0, max: 120 }), (minutes, grace) => {
        const arrived = new Date(Date.parse(TIMES.arrivesAt.resident) + minutes * 60_000).toISOString()
        const late = minutesLate(arrived, TIMES.arrivesAt.resident, grace)
        expect(late).toBe(minutes > grace ? minutes : null)
      }),
    )
  })

  it('never counts someone as inside who was never recorded arriving', () => {
    fc.assert(
      fc.property(fc.array(tapArb, { maxLength: 30 }), (taps) => {
        const register = play(taps)
        for (const [key] of inBuilding(register))
          expect(register.some((e) => e.kind === 'arrived' && personKey(e) === key)).toBe(true)
      }),
    )
  })
})
