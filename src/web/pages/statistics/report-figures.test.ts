import { describe, expect, it } from 'vitest'
import { describeFigures, keyFigures, measureSections } from './report-figures'
import { serviceSections } from './service-figures'
import type { Measures, ServiceReport } from './statistics-types'

const measures: Measures = {
  referrals: {
    received: 12,
    bySource: [
      { source: 'court_adviser', label: 'Court adviser', count: 9 },
      { source: 'self', label: 'Self-referral', count: 3 },
    ],
    accepted: 8,
    declined: 1,
    waitlisted: 2,
    withdrawn: 1,
    waitingAtEnd: 4,
  },
  families: { served: 20, children: 26, newFamilies: 5, newChildren: 7, activeAtEnd: 30, childrenAtEnd: 39 },
  sessions: {
    available: 1200,
    booked: 432,
    attended: 400,
    capacityUsedPercent: 36,
    cancelled: { total: 20, byCentre: 4, byResident: 10, byNonResident: 6, late: 3 },
    noShows: { sessions: 12, resident: 5, nonResident: 8 },
  },
  people: { volunteers: 15, staff: 2, volunteersJoined: 1, volunteersLeft: 0 },
}

const service: ServiceReport = {
  audience: 'trustees',
  period: { from: '2026-04-01', to: '2026-06-30', label: 'Q1 2026/27', timeZone: 'Europe/Jersey' },
  centres: [{ id: 'c1', name: 'St Helier' }],
  measures,
  outcomes: {
    levelChanges: [
      { from: 'supervised', to: 'supported', count: 2 },
      { from: null, to: 'handover', count: 1 },
    ],
    progressions: 2,
    closures: [{ outcome: 'moved_on_own_arrangements', label: 'Moved on to own arrangements', count: 3 }],
    closed: 3,
    movedOn: 3,
  },
  waiting: {
    firstSessions: 4,
    medianDays: 35.5,
    meanDays: 40,
    longestDays: 1,
    waitingAtEnd: 4,
    longestWaitingDays: null,
  },
  reviews: { held: 6, onTime: 4, late: 1, dueUnknown: 1, overdueAtEnd: 2 },
  incidents: {
    total: 2,
    byCategory: [{ category: 'verbal_abuse', label: 'Verbal abuse', count: 2 }],
    bySeverity: [{ severity: 'moderate', count: 2 }],
  },
  volunteering: { hours: 1234.5, volunteersContributing: 14, byKind: [{ kind: 'session', hours: 1000 }] },
  definitions: [{ figure: 'sessions.booked', term: 'Sessions booked', meaning: 'Family sessions booked.' }],
}

const values = (sections: ReturnType<typeof measureSections>) =>
  Object.fromEntries(sections.flatMap((s) => s.figures.map((f) => [`${s.id}: ${f.label}`, f.value])))

describe('the quarterly return in sections', () => {
  it('lays the measures out in NACCC’s order, the sources and kinds of cancellation as parts', () => {
    const sections = measureSections(measures)
    expect(sections.map((s) => s.title)).toEqual([
      'Referrals',
      'Families and children',
      'Sessions',
      'Volunteers and staff',
    ])
    const referrals = sections[0]?.figures ?? []
    expect(referrals.slice(0, 5)).toEqual([
      { key: 'referrals.received', label: 'Referrals received', value: '12', depth: 0 },
      { key: 'referrals.bySource', label: 'By referral source', value: '', depth: 1 },
      { key: 'referrals.bySource', label: 'Court adviser', value: '9', depth: 2, isItem: true },
      { key: 'referrals.bySource', label: 'Self-referral', value: '3', depth: 2, isItem: true },
      { key: 'referrals.accepted', label: 'Accepted', value: '8', depth: 0 },
    ])
    expect(values(sections)).toMatchObject({
      'sessions: Sessions available': '1,200',
      'sessions: Capacity used (booked ÷ available)': '36%',
      'sessions: Cancelled late by a parent': '3',
      'sessions: Times the visiting parent did not come': '8',
      'people: Staff (coordinators and administrators) at the end of the period': '2',
    })
  })

  it('shows a dash for capacity used when nothing was available', () => {
    const none = measureSections({
      ...measures,
      sessions: { ...measures.sessions, capacityUsedPercent: null },
    })
    expect(values(none)['sessions: Capacity used (booked ÷ available)']).toBe('—')
  })
})

describe('the commissioners’ and trustees’ sections', () => {
  it('says levels, severities and kinds of hours in words, and waits in days', () => {
    const figures = values(serviceSections(service))
    expect(figures).toMatchObject({
      'outcomes: From supervised contact to supported contact': '2',
      'outcomes: Set to handover': '1',
      'outcomes: Moved on to own arrangements': '3',
      'waiting: Median wait, referral to first session': '35.5 days',
      'waiting: Longest wait, referral to first session': '1 day',
      'waiting: Longest wait so far on the waiting list': '—',
      'incidents: Moderate': '2',
      'volunteering: Approved volunteer hours': '1,234.5',
      'volunteering: Shift': '1,000',
    })
  })

  it('leaves out the heading of a breakdown with nothing in it', () => {
    const none = serviceSections({ ...service, incidents: { total: 0, byCategory: [], bySeverity: [] } })
    expect(none.find((s) => s.id === 'incidents')?.figures.map((f) => f.label)).toEqual([
      'Incidents recorded',
    ])
  })

  it('gives a figure its definition, and a breakdown’s to its heading rather than each row', () => {
    const definitions = [
      ...service.definitions,
      { figure: 'referrals.bySource', term: 'Referrals by source', meaning: 'By who referred.' },
    ]
    const [referrals, , sessions] = measureSections(measures)
    if (!referrals || !sessions) throw new Error('sections missing')
    const booked = describeFigures(sessions, definitions).find((f) => f.key === 'sessions.booked')
    expect(booked?.definition?.meaning).toBe('Family sessions booked.')
    expect(
      describeFigures(sessions, definitions).find((f) => f.key === 'sessions.available')?.definition,
    ).toBeUndefined()
    const sources = describeFigures(referrals, definitions).filter((f) => f.key === 'referrals.bySource')
    expect(sources.map((f) => [f.label, f.definition?.term])).toEqual([
      ['By referral source', 'Referrals by source'],
      ['Court adviser', undefined],
      ['Self-referral', undefined],
    ])
  })
})

describe('the numbers at a glance', () => {
  it('shows the return’s headline numbers, and the service report’s three more', () => {
    expect(keyFigures(measures)).toEqual([
      { label: 'Referrals received', value: '12' },
      { label: 'Families seen', value: '20' },
      { label: 'Children seen', value: '26' },
      { label: 'Sessions attended', value: '400' },
      { label: 'Capacity used', value: '36%' },
    ])
    expect(keyFigures(measures, service).slice(5)).toEqual([
      { label: 'Median wait to a first session', value: '35.5 days' },
      { label: 'Cases closed', value: '3' },
      { label: 'Volunteer hours', value: '1,234.5' },
    ])
  })
})
