import { describe, expect, it } from 'vitest'
import type { IncidentSummary } from '../../api/types'
import { byUrgency, formatMoment, referrerNotice } from './incident-words'

describe('referrerNotice', () => {
  const now = Date.parse('2026-11-30T08:00:00Z')

  it('says when the referrer was told, once they were', () => {
    const notice = referrerNotice(
      { referrerDueAt: '2026-11-30T10:00:00Z', referrerNotifiedAt: '2026-11-30T09:12:00Z' },
      now,
    )
    expect(notice).toEqual({ words: `Referrer told ${formatMoment('2026-11-30T09:12:00Z')}`, late: false })
  })

  it('says by when the referrer must be told, and that it is late once the time has passed', () => {
    const due = { referrerDueAt: '2026-11-30T10:00:00Z', referrerNotifiedAt: null }
    expect(referrerNotice(due, now)?.late).toBe(false)
    expect(referrerNotice(due, now)?.words).toMatch(/^Referrer to be told by /)
    expect(referrerNotice(due, Date.parse('2026-11-30T10:01:00Z'))).toEqual({
      words: `Referrer not told yet: was due by ${formatMoment('2026-11-30T10:00:00Z')}`,
      late: true,
    })
  })

  it('says nothing when no notice is due', () => {
    expect(referrerNotice({ referrerDueAt: null, referrerNotifiedAt: null }, now)).toBeNull()
  })
})

describe('byUrgency', () => {
  const incident = (id: string, patch: Partial<IncidentSummary>) =>
    ({ id, status: 'open', critical: false, occurredAt: '2026-11-28T13:00:00Z', ...patch }) as IncidentSummary

  it('puts open incidents first, critical ones first among them, then the newest', () => {
    const list = [
      incident('closed-critical', { status: 'closed', critical: true }),
      incident('open-old', { occurredAt: '2026-11-01T13:00:00Z' }),
      incident('open-critical', { critical: true, occurredAt: '2026-10-01T13:00:00Z' }),
      incident('open-new', {}),
      incident('reviewed', { status: 'reviewed' }),
    ]
    expect(list.sort(byUrgency).map((i) => i.id)).toEqual([
      'open-critical',
      'open-new',
      'open-old',
      'reviewed',
      'closed-critical',
    ])
  })
})
