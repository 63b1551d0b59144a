import { describe, expect, it } from 'vitest'
import type { ObservationSummary } from '../../api/types'
import { authorQueue, deskQueue } from './observation-queue'

let next = 0
const record = (patch: Partial<ObservationSummary>): ObservationSummary => ({
  id: `obs-${++next}`,
  sessionId: `session-${next}`,
  caseId: 'case-1',
  caseReference: 'KB-0001',
  date: '2026-11-21',
  localStart: '13:00',
  localEnd: '14:00',
  serviceType: 'supervised',
  status: 'draft',
  version: 1,
  author: { id: 'user-1', name: 'Vera Volunteer' },
  checkedBy: null,
  savedAt: '2026-11-21T14:10:00Z',
  submittedAt: null,
  releasedAt: null,
  returnNote: null,
  dueOn: '2026-11-28',
  can: { edit: false, submit: false, release: false, return: false },
  ...patch,
})

const shape = (groups: ReturnType<typeof deskQueue>) =>
  groups.map((group) => [group.key, group.records.map((r) => r.id)])

describe('deskQueue', () => {
  it('puts records waiting to be checked first, then returned, overdue drafts, drafts and recent releases', () => {
    const today = '2026-12-01'
    const late = record({ id: 'late', dueOn: '2026-11-30' })
    const inTime = record({ id: 'in-time', dueOn: '2026-12-03' })
    const newer = record({ id: 'newer', status: 'submitted', date: '2026-11-28' })
    const older = record({ id: 'older', status: 'submitted', date: '2026-11-14' })
    const returned = record({ id: 'returned', status: 'returned' })
    const recent = record({ id: 'recent', status: 'released', releasedAt: '2026-11-25T09:00:00Z' })
    const old = record({ id: 'old', status: 'released', releasedAt: '2026-10-01T09:00:00Z' })
    expect(shape(deskQueue([recent, late, newer, returned, old, inTime, older], today))).toEqual([
      ['submitted', ['older', 'newer']],
      ['returned', ['returned']],
      ['overdue', ['late']],
      ['draft', ['in-time']],
      ['released', ['recent']],
    ])
  })

  it('leaves out empty groups', () => {
    expect(shape(deskQueue([record({ id: 'only', status: 'submitted' })], '2026-12-01'))).toEqual([
      ['submitted', ['only']],
    ])
  })
})

describe('authorQueue', () => {
  it('shows the author what was returned to them first', () => {
    const draft = record({ id: 'draft' })
    const returned = record({ id: 'returned', status: 'returned' })
    const released = record({ id: 'released', status: 'released', releasedAt: '2026-11-25T09:00:00Z' })
    expect(shape(authorQueue([released, draft, returned]))).toEqual([
      ['returned', ['returned']],
      ['draft', ['draft']],
      ['released', ['released']],
    ])
  })
})
