import fc from 'fast-check'
import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import {
  addMinutes,
  bookingConflicts,
  doorClash,
  localParts,
  noticeHours,
  occurrenceDates,
  openingRunsOn,
  sessionTimes,
  weekdayOf,
  zonedInstant,
  type BookingFacts,
  type ClosureFacts,
  type ExistingSession,
  type OpeningFacts,
  type Recurrence,
} from './schedule.rules'
import type { Frequency } from './scheduling.schemas'

const LONDON = 'Europe/London'
const JERSEY = 'Europe/Jersey'
const ZONES = [LONDON, JERSEY] as const

const STAGGER = {
  firstArrivingParty: 'non_resident',
  arrivalOffsetMinutes: 15,
  departureHoldMinutes: 15,
} as const
const DOORS = { doorMinutes: 10, allowSeparateEntrancesInsteadOfStagger: true }
const NO_SEPARATE = { doorMinutes: 10, allowSeparateEntrancesInsteadOfStagger: false }

const series = (overrides: Partial<Recurrence> & Pick<Recurrence, 'frequency' | 'firstOn'>): Recurrence => ({
  lastOn: null,
  weekOfMonth: null,
  ...overrides,
})

describe('occurrenceDates', () => {
  it('weekly: every seven days from the first date, up to the horizon', () => {
    expect(occurrenceDates(series({ frequency: 'weekly', firstOn: '2027-03-06' }), '2027-04-03')).toEqual([
      '2027-03-06',
      '2027-03-13',
      '2027-03-20',
      '2027-03-27',
      '2027-04-03',
    ])
  })

  it('fortnightly: every fourteen days, stopping at the last date when it comes before the horizon', () => {
    expect(
      occurrenceDates(
        series({ frequency: 'fortnightly', firstOn: '2027-03-06', lastOn: '2027-05-01' }),
        '2027-12-31',
      ),
    ).toEqual(['2027-03-06', '2027-03-20', '2027-04-03', '2027-04-17', '2027-05-01'])
    // A last date between two occurrences ends the series at the one before it.
    expect(
      occurrenceDates(
        series({ frequency: 'fortnightly', firstOn: '2027-03-06', lastOn: '2027-04-16' }),
        '2027-12-31',
      ),
    ).toEqual(['2027-03-06', '2027-03-20', '2027-04-03'])
  })

  it('the horizon bounds a series without a last date, and an earlier horizon bounds one with it', () => {
    expect(
      occurrenceDates(
        series({ frequency: 'weekly', firstOn: '2027-03-06', lastOn: '2027-12-31' }),
        '2027-03-20',
      ),
    ).toEqual(['2027-03-06', '2027-03-13', '2027-03-20'])
  })

  it('a last date on the first date gives one occurrence; before it, none', () => {
    expect(
      occurrenceDates(
        series({ frequency: 'weekly', firstOn: '2027-03-06', lastOn: '2027-03-06' }),
        '2028-01-01',
      ),
    ).toEqual(['2027-03-06'])
    expect(
      occurrenceDates(
        series({ frequency: 'weekly', firstOn: '2027-03-06', lastOn: '2027-03-05' }),
        '2028-01-01',
      ),
    ).toEqual([])
    expect(
      occurrenceDates(series({ frequency: 'monthly_date', firstOn: '2027-03-06' }), '2027-03-05'),
    ).toEqual([])
  })

  it('monthly_date: the 31st falls on the last day of shorter months, and back on the 31st after', () => {
    expect(
      occurrenceDates(series({ frequency: 'monthly_date', firstOn: '2027-01-31' }), '2027-07-31'),
    ).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
      '2027-06-30',
      '2027-07-31',
    ])
    // A leap year's February has a 29th; a series on the 30th uses it.
    expect(
      occurrenceDates(series({ frequency: 'monthly_date', firstOn: '2028-01-30' }), '2028-03-31'),
    ).toEqual(['2028-01-30', '2028-02-29', '2028-03-30'])
  })

  it('monthly_weekday: the 2nd Saturday of each month', () => {
    const dates = occurrenceDates(
      series({ frequency: 'monthly_weekday', firstOn: '2027-01-09', weekOfMonth: 2 }),
      '2027-06-30',
    )
    expect(dates).toEqual([
      '2027-01-09',
      '2027-02-13',
      '2027-03-13',
      '2027-04-10',
      '2027-05-08',
      '2027-06-12',
    ])
    for (const date of dates) {
      expect(weekdayOf(date)).toBe(6)
      expect(Math.ceil(Number(date.slice(8)) / 7)).toBe(2)
    }
  })

  it('monthly_weekday with -1: the last Sunday of each month, whether it has four or five', () => {
    const dates = occurrenceDates(
      series({ frequency: 'monthly_weekday', firstOn: '2027-01-31', weekOfMonth: -1 }),
      '2027-06-30',
    )
    expect(dates).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-28',
      '2027-04-25',
      '2027-05-30',
      '2027-06-27',
    ])
    for (const date of dates) {
      expect(weekdayOf(date)).toBe(7)
      const nextWeek = Temporal.PlainDate.from(date).add({ days: 7 })
      expect(nextWeek.month).not.toBe(Temporal.PlainDate.from(date).month)
    }
  })

  it('monthly_weekday: an occurrence before the first date is not booked; the last date bounds it', () => {
    // First date is the 3rd Saturday of March; "2nd Saturday" starts in April.
    expect(
      occurrenceDates(
        series({ frequency: 'monthly_weekday', firstOn: '2027-03-20', weekOfMonth: 2, lastOn: '2027-05-07' }),
        '2027-12-31',
      ),
    ).toEqual(['2027-04-10'])
  })

  it('one_off: only the first date, whatever the horizon beyond it', () => {
    expect(occurrenceDates(series({ frequency: 'one_off', firstOn: '2027-03-06' }), '2029-01-01')).toEqual([
      '2027-03-06',
    ])
    expect(occurrenceDates(series({ frequency: 'one_off', firstOn: '2027-03-06' }), '2027-03-06')).toEqual([
      '2027-03-06',
    ])
  })

  it('property: a series is strictly increasing, never duplicates, and stays within its bounds', () => {
    const day = fc
      .integer({ min: 0, max: 3 * 366 })
      .map((n) => Temporal.PlainDate.from('2026-01-01').add({ days: n }).toString())
    fc.assert(
      fc.property(
        fc.constantFrom<Frequency>('weekly', 'fortnightly', 'monthly_date', 'monthly_weekday', 'one_off'),
        day,
        fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
        fc.integer({ min: 0, max: 800 }),
        fc.constantFrom(1, 2, 3, 4, -1),
        (frequency, firstOn, lastAfter, horizonAfter, weekOfMonth) => {
          const plus = (n: number) => Temporal.PlainDate.from(firstOn).add({ days: n }).toString()
          const lastOn = lastAfter === null ? null : plus(lastAfter)
          const until = plus(horizonAfter)
          const dates = occurrenceDates({ frequency, firstOn, lastOn, weekOfMonth }, until)
          expect(new Set(dates).size).toBe(dates.length)
          for (let i = 1; i < dates.length; i++) expect((dates[i] ?? '') > (dates[i - 1] ?? '')).toBe(true)
          for (const date of dates) {
            expect(date >= firstOn).toBe(true)
            expect(date <= until).toBe(true)
            if (lastOn) expect(date <= lastOn).toBe(true)
          }
          if (frequency === 'weekly' || frequency === 'fortnightly' || frequency === 'one_off')
            expect(dates[0]).toBe(firstOn)
          if (frequency === 'monthly_weekday')
            for (const date of dates) expect(weekdayOf(date)).toBe(weekdayOf(firstOn))
        },
      ),
    )
  })
})

describe('zonedInstant across daylight saving (the wall clock in the centre’s zone)', () => {
  for (const zone of ZONES) {
    it(`${zone}: GMT in winter, BST in summer`, () => {
      expect(zonedInstant('2027-01-16', '10:00', zone)).toBe('2027-01-16T10:00:00.000Z')
      expect(zonedInstant('2027-07-17', '10:00', zone)).toBe('2027-07-17T09:00:00.000Z')
    })

    it(`${zone}: 01:30 on the last Sunday of March does not exist and moves forward to 02:30 BST`, () => {
      const instant = zonedInstant('2027-03-28', '01:30', zone)
      expect(instant).toBe('2027-03-28T01:30:00.000Z')
      expect(localParts(instant, zone)).toEqual({ date: '2027-03-28', time: '02:30' })
      // Just either side of the gap.
      expect(zonedInstant('2027-03-28', '00:59', zone)).toBe('2027-03-28T00:59:00.000Z')
      expect(zonedInstant('2027-03-28', '02:00', zone)).toBe('2027-03-28T01:00:00.000Z')
    })

    it(`${zone}: 01:30 on the last Sunday of October happens twice and takes the earlier (BST)`, () => {
      const instant = zonedInstant('2027-10-31', '01:30', zone)
      expect(instant).toBe('2027-10-31T00:30:00.000Z')
      expect(localParts(instant, zone)).toEqual({ date: '2027-10-31', time: '01:30' })
      expect(zonedInstant('2027-10-31', '02:00', zone)).toBe('2027-10-31T02:00:00.000Z')
    })

    it(`${zone}: the change day itself keeps 10:00 local`, () => {
      expect(zonedInstant('2027-03-28', '10:00', zone)).toBe('2027-03-28T09:00:00.000Z')
      expect(zonedInstant('2027-10-31', '10:00', zone)).toBe('2027-10-31T10:00:00.000Z')
    })
  }

  it('property: every weekly or fortnightly occurrence has the same weekday and the same local start, whatever the DST', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom<Frequency>('weekly', 'fortnightly'),
        fc.integer({ min: 0, max: 2 * 365 }),
        // Hour 01 is the hour that is missing or doubled on the change days; every other exists once.
        fc.integer({ min: 0, max: 23 }).filter((h) => h !== 1),
        fc.integer({ min: 0, max: 59 }),
        (zone, frequency, offset, hour, minute) => {
          const firstOn = Temporal.PlainDate.from('2026-06-01').add({ days: offset }).toString()
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
          const until = Temporal.PlainDate.from(firstOn).add({ days: 400 }).toString()
          const dates = occurrenceDates({ frequency, firstOn, lastOn: null, weekOfMonth: null }, until)
          const step = frequency === 'weekly' ? 7 : 14
          expect(dates.length).toBe(Math.floor(400 / step) + 1)
          const offsets = new Set<number>()
          for (const date of dates) {
            const times = sessionTimes(date, time, 120, zone, STAGGER)
            expect(localParts(times.startsAt, zone)).toEqual({ date, time })
            expect(weekdayOf(date)).toBe(weekdayOf(firstOn))
            expect(Date.parse(times.endsAt) - Date.parse(times.startsAt)).toBe(120 * 60_000)
            offsets.add(Date.parse(`${date}T${time}:00Z`) - Date.parse(times.startsAt))
          }
          // 400 days always cross both changes: the same local time is two different UTC offsets.
          expect([...offsets].sort()).toEqual([0, 3_600_000])
        },
      ),
      { numRuns: 60 },
    )
  }, 30_000)
})

describe('sessionTimes: each party’s arrival and departure (R-ARR-1, R-ARR-2)', () => {
  it('visiting parent first (the default): in 15 minutes early, held 15 minutes after', () => {
    const times = sessionTimes('2027-01-16', '10:00', 120, LONDON, STAGGER)
    expect(times).toEqual({
      startsAt: '2027-01-16T10:00:00.000Z',
      endsAt: '2027-01-16T12:00:00.000Z',
      nonResident: { arrivesAt: '2027-01-16T09:45:00.000Z', leavesAt: '2027-01-16T12:15:00.000Z' },
      resident: { arrivesAt: '2027-01-16T10:00:00.000Z', leavesAt: '2027-01-16T12:00:00.000Z' },
      occupiedFrom: '2027-01-16T09:45:00.000Z',
      occupiedUntil: '2027-01-16T12:15:00.000Z',
    })
  })

  it('resident parent first, with its own offset and hold', () => {
    const times = sessionTimes('2027-07-17', '14:00', 90, LONDON, {
      firstArrivingParty: 'resident',
      arrivalOffsetMinutes: 10,
      departureHoldMinutes: 20,
    })
    expect(times.resident).toEqual({
      arrivesAt: '2027-07-17T12:50:00.000Z',
      leavesAt: '2027-07-17T14:50:00.000Z',
    })
    expect(times.nonResident).toEqual({
      arrivesAt: '2027-07-17T13:00:00.000Z',
      leavesAt: '2027-07-17T14:30:00.000Z',
    })
    expect(times.occupiedFrom).toBe(times.resident.arrivesAt)
    expect(times.occupiedUntil).toBe(times.resident.leavesAt)
  })

  it('off-site: travel minutes widen the first party’s window either side', () => {
    const times = sessionTimes('2027-01-16', '10:00', 60, LONDON, STAGGER, 30)
    expect(times.nonResident).toEqual({
      arrivesAt: '2027-01-16T09:15:00.000Z',
      leavesAt: '2027-01-16T11:45:00.000Z',
    })
    expect(times.resident).toEqual({
      arrivesAt: '2027-01-16T10:00:00.000Z',
      leavesAt: '2027-01-16T11:00:00.000Z',
    })
    expect(times.occupiedFrom).toBe('2027-01-16T09:15:00.000Z')
    expect(times.occupiedUntil).toBe('2027-01-16T11:45:00.000Z')
  })

  it('a session on the night the clocks go forward still lasts its full length', () => {
    const times = sessionTimes('2027-03-28', '00:30', 120, JERSEY, STAGGER)
    expect(times.startsAt).toBe('2027-03-28T00:30:00.000Z')
    expect(times.endsAt).toBe('2027-03-28T02:30:00.000Z')
    expect(localParts(times.endsAt, JERSEY).time).toBe('03:30')
  })
})

describe('doorClash: the two parties never at the door together (R-ARR-1..3)', () => {
  const times = (arrivalOffsetMinutes: number, departureHoldMinutes = 15, travel = 0) =>
    sessionTimes(
      '2027-01-16',
      '10:00',
      120,
      LONDON,
      { firstArrivingParty: 'non_resident', arrivalOffsetMinutes, departureHoldMinutes },
      travel,
    )
  const sameDoor = { resident: 'Front door', nonResident: 'Front door' }
  const ownDoors = { resident: 'Front door', nonResident: 'Side door' }
  const mainDoor = { resident: null, nonResident: null }

  it('staggered by 15 minutes with a 10-minute door: no clash, even through one door', () => {
    expect(doorClash(times(15), sameDoor, DOORS)).toBeNull()
    expect(doorClash(times(15), mainDoor, NO_SEPARATE)).toBeNull()
    // Exactly the door time apart is still apart.
    expect(doorClash(times(10, 10), sameDoor, NO_SEPARATE)).toBeNull()
  })

  it('an offset of 5 with a 10-minute door clashes at arrival', () => {
    const clash = doorClash(times(5), mainDoor, DOORS)
    expect(clash).toMatch(/arrival/)
    expect(clash).toMatch(/10 minutes/)
  })

  it('a hold of 5 with a 10-minute door clashes at departure', () => {
    expect(doorClash(times(15, 5), mainDoor, DOORS)).toMatch(/departure/)
  })

  it('separate entrances allow arriving together when the centre allows it, not when it does not', () => {
    expect(doorClash(times(0, 0), ownDoors, DOORS)).toBeNull()
    expect(doorClash(times(5), ownDoors, DOORS)).toBeNull()
    expect(doorClash(times(0, 0), ownDoors, NO_SEPARATE)).not.toBeNull()
    expect(doorClash(times(5), ownDoors, NO_SEPARATE)).not.toBeNull()
  })

  it('the same entrance named for both, or one party without an entrance, is not separate', () => {
    expect(doorClash(times(5), sameDoor, DOORS)).not.toBeNull()
    expect(doorClash(times(5), { resident: 'Side door', nonResident: null }, DOORS)).not.toBeNull()
    expect(doorClash(times(5), { resident: null, nonResident: 'Side door' }, DOORS)).not.toBeNull()
  })

  it('property: through one door, a clash exactly when the door time exceeds the stagger either end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 45 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (offset, hold, travel, doorMinutes, allowSeparate) => {
          const settings = { doorMinutes, allowSeparateEntrancesInsteadOfStagger: allowSeparate }
          const clash = doorClash(times(offset, hold, travel), sameDoor, settings)
          expect(clash !== null).toBe(doorMinutes > offset + travel || doorMinutes > hold + travel)
          expect(doorClash(times(offset, hold, travel), ownDoors, settings) === null).toBe(
            allowSeparate || clash === null,
          )
        },
      ),
    )
  })
})

describe('openingRunsOn', () => {
  const opening: OpeningFacts = {
    id: 'opening-sat',
    venueId: 'venue-1',
    weekday: 6,
    startsAt: '10:00',
    endsAt: '16:00',
    everyWeeks: 2,
    firstOn: '2027-01-02',
    lastOn: '2027-03-27',
    capacityUnits: 6,
  }

  it('every other Saturday from its first date, and only between its first and last dates', () => {
    const saturdays = Array.from({ length: 16 }, (_, i) =>
      Temporal.PlainDate.from('2026-12-19')
        .add({ days: 7 * i })
        .toString(),
    )
    expect(saturdays.filter((d) => openingRunsOn(opening, d))).toEqual([
      '2027-01-02',
      '2027-01-16',
      '2027-01-30',
      '2027-02-13',
      '2027-02-27',
      '2027-03-13',
      '2027-03-27',
    ])
  })

  it('never on another weekday', () => {
    expect(openingRunsOn(opening, '2027-01-03')).toBe(false)
    expect(openingRunsOn(opening, '2027-01-01')).toBe(false)
    expect(openingRunsOn({ ...opening, everyWeeks: 1 }, '2027-01-09')).toBe(true)
    expect(openingRunsOn({ ...opening, everyWeeks: 1 }, '2027-01-10')).toBe(false)
  })

  it('counts weeks from the first date even when that date is not on the weekday', () => {
    const sunday = { ...opening, weekday: 7, lastOn: null }
    expect(openingRunsOn(sunday, '2027-01-03')).toBe(true)
    expect(openingRunsOn(sunday, '2027-01-10')).toBe(false)
    expect(openingRunsOn(sunday, '2027-01-17')).toBe(true)
  })
})

describe('bookingConflicts: each rule a booking breaks, with what it clashes with', () => {
  const DATE = '2027-03-06' // a Saturday
  const opening: OpeningFacts = {
    id: 'opening-sat',
    venueId: 'venue-1',
    weekday: 6,
    startsAt: '09:00',
    endsAt: '17:00',
    everyWeeks: 1,
    firstOn: '2027-01-02',
    lastOn: null,
    capacityUnits: 6,
  }
  const facts = (
    overrides: Partial<BookingFacts> & { startsAt?: string; duration?: number } = {},
  ): BookingFacts => {
    const { startsAt = '10:00', duration = 120, ...rest } = overrides
    const date = rest.date ?? DATE
    return {
      date,
      times: sessionTimes(date, startsAt, duration, LONDON, STAGGER),
      caseId: 'case-a',
      roomId: 'family-room',
      roomName: 'Family room',
      roomCapacity: 4,
      venueId: 'venue-1',
      offsite: false,
      capacityWeight: 1,
      entrances: { resident: 'Front door', nonResident: 'Side door' },
      ...rest,
    }
  }
  let counter = 0
  const existing = (
    overrides: Partial<ExistingSession> & { date?: string; startsAt?: string; duration?: number } = {},
  ): ExistingSession => {
    const { date = DATE, startsAt = '10:00', duration = 120, ...rest } = overrides
    const times = sessionTimes(date, startsAt, duration, LONDON, STAGGER)
    counter += 1
    return {
      id: `session-${counter}`,
      caseId: `case-${counter}`,
      roomId: 'family-room',
      venueId: 'venue-1',
      startsAt: times.startsAt,
      endsAt: times.endsAt,
      occupiedFrom: times.occupiedFrom,
      occupiedUntil: times.occupiedUntil,
      capacityWeight: 1,
      reference: `C-${counter}`,
      ...rest,
    }
  }
  const check = (
    f: BookingFacts,
    others: ExistingSession[] = [],
    closures: ClosureFacts[] = [],
    openings: OpeningFacts[] = [opening],
    settings = DOORS,
  ) => bookingConflicts(f, others, openings, closures, LONDON, settings)
  const rules = (conflicts: { rule: string }[]) => conflicts.map((c) => c.rule)

  it('a booking inside the hours, in a free room, with its own doors has no conflicts', () => {
    expect(check(facts())).toEqual([])
  })

  it('SCH-CLOSED: a centre-wide closure, or one of this venue; another venue’s closure does not apply', () => {
    const bankHoliday: ClosureFacts = {
      id: 'closure-1',
      venueId: null,
      firstDay: '2027-03-05',
      lastDay: '2027-03-07',
      reason: 'Bank holiday',
    }
    const conflicts = check(facts(), [], [bankHoliday])
    expect(conflicts).toEqual([
      {
        rule: 'SCH-CLOSED',
        message: expect.stringContaining('Bank holiday') as string,
        date: DATE,
        clashesWith: ['closure-1'],
      },
    ])
    expect(rules(check(facts(), [], [{ ...bankHoliday, venueId: 'venue-1' }]))).toEqual(['SCH-CLOSED'])
    expect(check(facts(), [], [{ ...bankHoliday, venueId: 'venue-2' }])).toEqual([])
    expect(check(facts(), [], [{ ...bankHoliday, firstDay: '2027-03-07', lastDay: '2027-03-08' }])).toEqual(
      [],
    )
    expect(rules(check(facts(), [], [{ ...bankHoliday, firstDay: DATE, lastDay: DATE }]))).toEqual([
      'SCH-CLOSED',
    ])
  })

  it('SCH-OPENING: from the first arrival to the last departure inside the hours', () => {
    // 09:15 start: the visiting parent comes at 09:00, just as the venue opens.
    expect(check(facts({ startsAt: '09:15' }))).toEqual([])
    // 14:45 for two hours: the visiting parent is held until 17:00, just as it closes.
    expect(check(facts({ startsAt: '14:45' }))).toEqual([])
    const early = check(facts({ startsAt: '09:10' }))
    expect(early).toEqual([
      {
        rule: 'SCH-OPENING',
        message: expect.stringContaining('08:55') as string,
        date: DATE,
        clashesWith: ['opening-sat'],
      },
    ])
    expect(early[0]?.message).toContain('09:00–17:00')
    const late = check(facts({ startsAt: '15:00' }))
    expect(rules(late)).toEqual(['SCH-OPENING'])
    expect(late[0]?.message).toContain('17:15')
  })

  it('SCH-OPENING: a day the venue is closed, or another venue’s opening, is no opening at all', () => {
    const sunday = check(facts({ date: '2027-03-07' }))
    expect(sunday).toEqual([
      {
        rule: 'SCH-OPENING',
        message: 'The venue is not open that day.',
        date: '2027-03-07',
        clashesWith: [],
      },
    ])
    expect(rules(check(facts(), [], [], [{ ...opening, venueId: 'venue-2' }]))).toEqual(['SCH-OPENING'])
    expect(rules(check(facts(), [], [], [{ ...opening, lastOn: '2027-02-27' }]))).toEqual(['SCH-OPENING'])
  })

  it('off-site sessions are not held to the venue’s hours', () => {
    expect(check(facts({ date: '2027-03-07', offsite: true, venueId: null, roomId: null }))).toEqual([])
  })

  it('SCH-CAPACITY: the opening’s units are weighted by each family’s input', () => {
    const small = { ...opening, capacityUnits: 3 }
    const two = [
      existing({ capacityWeight: 1.5, startsAt: '10:00' }),
      existing({ capacityWeight: 1.5, startsAt: '13:00' }),
    ]
    const full = check(facts(), two, [], [small])
    expect(full).toEqual([
      {
        rule: 'SCH-CAPACITY',
        message: expect.stringContaining('3 units') as string,
        date: DATE,
        clashesWith: two.map((s) => s.id),
      },
    ])
    // Weighted, not counted: one family of 1.5 leaves room for 1.5 more.
    expect(check(facts({ capacityWeight: 1.5 }), two.slice(0, 1), [], [small])).toEqual([])
    expect(rules(check(facts({ capacityWeight: 2 }), two.slice(0, 1), [], [small]))).toEqual(['SCH-CAPACITY'])
    // Indirect contact takes no units.
    expect(check(facts({ capacityWeight: 0 }), two, [], [small])).toEqual([])
  })

  it('SCH-CAPACITY: sessions at another venue or on another day take none of this opening', () => {
    const small = { ...opening, capacityUnits: 1 }
    const elsewhere = [
      existing({ venueId: 'venue-2', roomId: 'other-room' }),
      existing({ date: '2027-03-13', roomId: 'family-room' }),
    ]
    expect(check(facts(), elsewhere, [], [small])).toEqual([])
    expect(rules(check(facts(), [existing({ roomId: 'other-room' })], [], [small]))).toEqual(['SCH-CAPACITY'])
  })

  it('SCH-ROOM: the family room holds four families at a time, the private room one', () => {
    const three = [existing(), existing(), existing()]
    expect(check(facts(), three)).toEqual([])
    const four = [...three, existing({ startsAt: '11:00' })]
    const full = check(facts(), four)
    expect(full).toEqual([
      {
        rule: 'SCH-ROOM',
        message: expect.stringContaining('4 families') as string,
        date: DATE,
        clashesWith: four.map((s) => s.id),
      },
    ])
    for (const s of four) expect(full[0]?.message).toContain(s.reference)

    const privateRoom = { roomId: 'private-room', roomName: 'Quiet room', roomCapacity: 1 }
    const taken = existing({ roomId: 'private-room', startsAt: '11:30' })
    expect(check(facts(privateRoom), [taken])).toEqual([
      {
        rule: 'SCH-ROOM',
        message: expect.stringMatching(/Quiet room holds one family/) as string,
        date: DATE,
        clashesWith: [taken.id],
      },
    ])
    // Back to back is not at the same time.
    expect(
      check(facts({ ...privateRoom, startsAt: '12:00' }), [existing({ roomId: 'private-room' })]),
    ).toEqual([])
    // Other rooms do not count.
    expect(check(facts(privateRoom), four)).toEqual([])
  })

  it('SCH-CASE: the same family cannot be booked twice at once, counting arrivals and departures', () => {
    const own = existing({ caseId: 'case-a', roomId: 'private-room', startsAt: '12:00' })
    expect(check(facts(), [own])).toEqual([
      { rule: 'SCH-CASE', message: expect.any(String) as string, date: DATE, clashesWith: [own.id] },
    ])
    // Later that day, once everyone has gone, is fine.
    expect(
      check(facts(), [existing({ caseId: 'case-a', roomId: 'private-room', startsAt: '12:30' })]),
    ).toEqual([])
    // Another family at the same time in another room is fine.
    expect(check(facts(), [existing({ roomId: 'private-room', startsAt: '12:00' })])).toEqual([])
  })

  it('R-ARR-1: a door clash is reported with the other rules', () => {
    const times = sessionTimes(DATE, '10:00', 120, LONDON, { ...STAGGER, arrivalOffsetMinutes: 5 })
    const sameDoor = { resident: 'Front door', nonResident: 'Front door' }
    const conflicts = check({ ...facts(), times, entrances: sameDoor })
    expect(conflicts).toEqual([
      { rule: 'R-ARR-1', message: expect.stringContaining('door') as string, date: DATE, clashesWith: [] },
    ])
    expect(check({ ...facts(), times })).toEqual([])
    expect(rules(check({ ...facts(), times }, [], [], [opening], NO_SEPARATE))).toEqual(['R-ARR-1'])
  })

  it('every broken rule is listed at once', () => {
    const taken = existing({ roomId: 'private-room' })
    const conflicts = check(
      {
        ...facts({ roomId: 'private-room', roomName: 'Quiet room', roomCapacity: 1 }),
        entrances: { resident: null, nonResident: null },
        times: sessionTimes(DATE, '10:00', 420, LONDON, { ...STAGGER, arrivalOffsetMinutes: 0 }),
      },
      [taken],
      [{ id: 'closure-1', venueId: null, firstDay: DATE, lastDay: DATE, reason: 'Flooded' }],
    )
    expect(rules(conflicts)).toEqual(['SCH-CLOSED', 'SCH-OPENING', 'SCH-ROOM', 'R-ARR-1'])
  })
})

describe('noticeHours', () => {
  it('hours between being told and the start, to a tenth; negative when told afterwards', () => {
    const start = '2027-03-06T10:00:00.000Z'
    expect(noticeHours('2027-03-05T10:00:00.000Z', start)).toBe(24)
    expect(noticeHours(addMinutes(start, -90), start)).toBe(1.5)
    expect(noticeHours(addMinutes(start, 30), start)).toBe(-0.5)
  })
})

describe('occurrenceDates on chosen dates (a travelling parent)', () => {
  const rule = (dates: string[], lastOn: string | null = null) => ({
    frequency: 'on_dates' as const,
    firstOn: '2027-03-01',
    lastOn,
    weekOfMonth: null,
    dates,
  })
  it('keeps each chosen date once, in order, inside the plan’s bounds and the horizon', () => {
    expect(
      occurrenceDates(rule(['2027-05-02', '2027-02-28', '2027-03-07', '2027-05-02']), '2027-12-31'),
    ).toEqual(['2027-03-07', '2027-05-02'])
    expect(occurrenceDates(rule(['2027-03-07', '2027-05-02'], '2027-04-30'), '2027-12-31')).toEqual([
      '2027-03-07',
    ])
    expect(occurrenceDates(rule(['2027-03-07', '2027-05-02']), '2027-04-01')).toEqual(['2027-03-07'])
    expect(occurrenceDates(rule([]), '2027-12-31')).toEqual([])
  })
})
