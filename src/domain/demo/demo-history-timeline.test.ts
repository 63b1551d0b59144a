import { describe, expect, it } from 'vitest'
import { addDays, capacityWeight } from '../cases/cases.rules'
import { IntakeSettingsSchema } from '../intake/intake.schemas'
import { COURT_FAMILIES } from './demo-court-families'
import { CLOSED_FAMILY, SELF_FAMILIES, SOCIAL_FAMILIES } from './demo-families'
import { HISTORY_CASES } from './demo-history-families'
import { HISTORY_REFERRALS } from './demo-history-referrals'
import {
  HALL_CAPACITY_UNITS,
  HALL_LAST_WEEK,
  HALL_ROOM,
  VESTRY,
  hallClosures,
  historyTimeline,
  isClosedOn,
  pipeSunday,
  referralDates,
} from './demo-history-timeline'
import { pastSunday } from './demo-intake'
import { PENDING_REFERRALS } from './demo-pending-referrals'
import { DEMO_APPLICANTS, DEMO_VOLUNTEERS } from './demo-volunteers'

// Days the demo might be seeded on: a Thursday, a Sunday, Christmas Eve, Easter Monday, New Year's
// Day and the last day of February, across the years.
const TODAYS = [
  '2026-11-26',
  '2026-11-29',
  '2026-12-24',
  '2027-03-29',
  '2028-01-01',
  '2028-02-29',
  '2031-06-15',
]
const settings = IntakeSettingsSchema.parse({})
const ROOMS: Record<string, number> = { [HALL_ROOM]: 6, [VESTRY]: 1 }

const timelines = (today: string) => {
  const closures = hallClosures(today)
  return HISTORY_CASES.map((spec) => ({ spec, timeline: historyTimeline(spec, today, closures) }))
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3))

describe.each(TODAYS)('the demo centre’s history, seeded on %s', (today) => {
  const closures = hallClosures(today)
  const all = timelines(today)

  it('tells each family in order, every case closed before today and every session at the hall before the move', () => {
    const lastHallSunday = pastSunday(today, HALL_LAST_WEEK)
    for (const { spec, timeline } of all) {
      const who = spec.family.visiting
      const order = [
        timeline.receivedAt,
        timeline.intakeAt,
        timeline.assessedAt,
        ...(timeline.waitlistedAt ? [timeline.waitlistedAt] : []),
        timeline.openedAt,
        ...timeline.reviews.map((r) => r.at),
        timeline.closedAt,
      ]
      expect(order, who).toEqual([...order].sort())
      expect(timeline.preVisitsOn < timeline.assessedAt.slice(0, 10), who).toBe(true)
      expect(timeline.openedAt < (timeline.sessions[0]?.date ?? ''), who).toBe(true)
      expect(timeline.closedAt.slice(0, 10) < today, who).toBe(true)
      const last = timeline.sessions.at(-1)?.date ?? ''
      expect(last <= lastHallSunday, who).toBe(true)
      expect(timeline.closedAt.slice(0, 10) > last, who).toBe(true)
      // Every child was born before the family was referred.
      for (const [child, months] of spec.family.children)
        expect(addDays(today, -Math.floor(months * 30.4)) < timeline.receivedAt.slice(0, 10), child).toBe(
          true,
        )
    }
  })

  it('books nothing on a day the hall was closed, and the burst pipe called off one open Sunday', () => {
    const pipe = pipeSunday(today, closures)
    expect(isClosedOn(closures, pipe)).toBe(false)
    const sessions = all.flatMap((f) => f.timeline.sessions)
    for (const s of sessions) expect(s.skipped).toBe(isClosedOn(closures, s.date))
    expect(sessions.filter((s) => s.calledOff).length).toBeGreaterThanOrEqual(4)
    expect(sessions.every((s) => s.calledOff === (s.date === pipe))).toBe(true)
    expect(closures.map((c) => c.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Christmas/), expect.stringMatching(/^Easter/)]),
    )
  })

  it('never puts more families in a room than it holds, nor more weight on a Sunday than the hall offers', () => {
    const booked = all.flatMap(({ spec, timeline }) =>
      timeline.sessions
        .filter((s) => !s.skipped)
        .map((s) => {
          const plan = timeline.plans[s.plan]
          if (!plan) throw new Error(`no plan for ${spec.family.visiting} on ${s.date}`)
          const babies = spec.family.children.filter(([, m]) => m < 30).length
          const from = minutes(plan.startsAt)
          return {
            date: s.date,
            room: plan.room,
            from,
            to: from + plan.durationMinutes,
            weight: capacityWeight(plan.level, babies, settings),
          }
        }),
    )
    for (const s of booked) {
      const sharing = booked.filter(
        (o) => o.date === s.date && o.room === s.room && o.from < s.to && s.from < o.to,
      )
      expect(sharing.length, `${s.date} ${s.room}`).toBeLessThanOrEqual(ROOMS[s.room] ?? 0)
    }
    for (const date of new Set(booked.map((s) => s.date))) {
      const weight = booked.filter((s) => s.date === date).reduce((sum, s) => sum + s.weight, 0)
      expect(weight, date).toBeLessThanOrEqual(HALL_CAPACITY_UNITS)
    }
  })

  it('turned a family away on each day it had to put two on the waiting list', () => {
    const waitlisted = all.flatMap((f) =>
      f.timeline.waitlistedAt ? [f.timeline.waitlistedAt.slice(0, 10)] : [],
    )
    const declined = HISTORY_REFERRALS.filter((r) => r.decision === 'decline').map((r) =>
      referralDates(r, today).decidedAt.slice(0, 10),
    )
    const fullDays = [...new Set(waitlisted)]
    expect(fullDays).toHaveLength(2)
    for (const day of fullDays) {
      expect(waitlisted.filter((d) => d === day)).toHaveLength(2)
      expect(declined).toContain(day)
    }
    for (const r of HISTORY_REFERRALS)
      expect(referralDates(r, today).decidedAt.slice(0, 10) < today).toBe(true)
  })
})

describe('the history’s families', () => {
  it('share no name with each other, today’s families, the waiting referrals or the volunteers', () => {
    const names = (f: {
      resident: string
      visiting: string
      children: readonly (readonly [string, number])[]
    }) => [f.resident, f.visiting, ...f.children.map(([name]) => name)]
    const history = [
      ...HISTORY_CASES.map((c) => c.family),
      ...HISTORY_REFERRALS.map((r) => r.family),
    ].flatMap(names)
    expect(new Set(history).size).toBe(history.length)
    const others = new Set([
      ...[...COURT_FAMILIES, ...SOCIAL_FAMILIES, ...SELF_FAMILIES, CLOSED_FAMILY].flatMap(names),
      ...PENDING_REFERRALS.flatMap((p) => names(p.family)),
      ...[...DEMO_VOLUNTEERS, ...DEMO_APPLICANTS].map((v) => v.fullName),
    ])
    expect(history.filter((name) => others.has(name))).toEqual([])
  })

  it('come mostly from the family court advisers, some from the other usual sources', () => {
    const sources = [...HISTORY_CASES.map((c) => c.family), ...HISTORY_REFERRALS.map((r) => r.family)].map(
      (f) => f.source,
    )
    const count = (source: string) => sources.filter((s) => s === source).length
    expect({
      court_adviser: count('court_adviser'),
      self: count('self'),
      social_services: count('social_services'),
      solicitor: count('solicitor'),
      mediator: count('mediator'),
    }).toEqual({ court_adviser: 18, self: 8, social_services: 4, solicitor: 3, mediator: 3 })
  })
})
