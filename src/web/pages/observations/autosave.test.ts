import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../api/client'
import type { ObservationSections, ObservationView } from '../../api/types'
import { Autosave, DEBOUNCE_MS, type AutosaveApi } from './autosave'
import type { KeptDraft } from './draft-memory'
import { textsOf } from './observation-draft'

const record = (version: number, sections: ObservationSections): ObservationView => ({
  id: 'obs-1',
  sessionId: 'session-1',
  caseId: 'case-1',
  caseReference: 'KB-0001',
  date: '2026-11-28',
  localStart: '13:00',
  localEnd: '14:00',
  serviceType: 'supervised',
  status: 'draft',
  version,
  sections,
  author: { id: 'user-1', name: 'Vera Volunteer' },
  checkedBy: null,
  savedAt: `2026-11-28T13:${String(version).padStart(2, '0')}:00Z`,
  submittedAt: null,
  releasedAt: null,
  returnNote: null,
  dueOn: '2026-12-05',
  can: { edit: true, submit: true, release: false, return: false },
})

const offline = () => new ApiError('INTERNAL', 'We could not reach Kinbridge.', 0)
const signedOut = () => new ApiError('UNAUTHENTICATED', 'Please sign in.', 401)
const stale = () => new ApiError('CONFLICT', 'Changed since', 409, { rule: 'stale-version', version: 3 })

/** A server that keeps one record and answers with it, or with the errors queued for it. */
function fakeServer(start: ObservationView | null) {
  let stored = start
  const failures: ApiError[] = []
  const saves: { sections: ObservationSections; version: number }[] = []
  let kept: KeptDraft | undefined
  const api: AutosaveApi = {
    save: (body) => {
      saves.push(body)
      const failure = failures.shift()
      if (failure) return Promise.reject(failure)
      if ((stored?.version ?? 0) !== body.version) return Promise.reject(stale())
      const sections = { ...stored?.sections }
      for (const [key, value] of Object.entries(body.sections)) sections[key as 'play'] = value.trim()
      stored = record(body.version + 1, sections)
      return Promise.resolve(stored)
    },
    read: () => Promise.resolve(stored),
    renewToken: () => Promise.resolve(),
    remember: (draft) => {
      kept = draft
    },
  }
  return {
    api,
    saves,
    failNext: (...errors: ApiError[]) => failures.push(...errors),
    /** Another tab or device saves the record. */
    saveElsewhere: (sections: ObservationSections) => {
      stored = record((stored?.version ?? 0) + 1, { ...stored?.sections, ...sections })
    },
    stored: () => stored,
    kept: () => kept,
  }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('Autosave', () => {
  it('saves the changed sections once typing stops, on the version it holds', async () => {
    const server = fakeServer(record(1, { arrival: 'Mum brought Amy.' }))
    const autosave = new Autosave(server.api, server.stored())
    autosave.setText('play', 'Lego')
    autosave.setText('play', 'Lego and cars')
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 100)
    expect(server.saves).toEqual([])
    await vi.advanceTimersByTimeAsync(200)
    expect(server.saves).toEqual([{ sections: { play: 'Lego and cars' }, version: 1 }])
    expect(autosave.getSnapshot().state).toEqual({ kind: 'saved', at: server.stored()?.savedAt })
    expect(autosave.getSnapshot().dirty).toBe(false)
    expect(server.kept()).toBeUndefined()
  })

  it('creates the record with version 0 on the first save', async () => {
    const server = fakeServer(null)
    const autosave = new Autosave(server.api, null)
    autosave.setText('arrival', 'Dad brought Sam at 13:00.')
    await autosave.saveNow()
    expect(server.saves[0]?.version).toBe(0)
    expect(autosave.getSnapshot().observation?.version).toBe(1)
  })

  it('keeps the text and tries again, waiting longer each time, when the network fails', async () => {
    const server = fakeServer(record(1, {}))
    const autosave = new Autosave(server.api, server.stored())
    server.failNext(offline(), offline())
    autosave.setText('play', 'Puzzle')
    await autosave.saveNow()
    expect(autosave.getSnapshot().state.kind).toBe('retrying')
    expect(autosave.getSnapshot().texts.play).toBe('Puzzle')
    expect(server.kept()?.texts.play).toBe('Puzzle')
    await vi.advanceTimersByTimeAsync(2_000)
    expect(server.saves).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(3_000)
    expect(server.saves).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(server.saves).toHaveLength(3)
    expect(autosave.getSnapshot().state.kind).toBe('saved')
    expect(server.stored()?.sections.play).toBe('Puzzle')
  })

  it('waits for the person to sign in again after a 401, then saves what is on screen', async () => {
    const server = fakeServer(record(1, {}))
    const autosave = new Autosave(server.api, server.stored())
    server.failNext(signedOut())
    autosave.setText('care', 'Nappy changed at 13:20.')
    await autosave.saveNow()
    expect(autosave.getSnapshot().state.kind).toBe('signed_out')
    autosave.setText('care', 'Nappy changed at 13:20 by Dad.')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(server.saves).toHaveLength(1)
    autosave.resume()
    await vi.runAllTimersAsync()
    expect(server.stored()?.sections.care).toBe('Nappy changed at 13:20 by Dad.')
    expect(autosave.getSnapshot().state.kind).toBe('saved')
  })

  it('takes a newer version saved elsewhere when it does not clash, and saves again', async () => {
    const server = fakeServer(record(1, { arrival: 'Mum brought Amy.' }))
    const autosave = new Autosave(server.api, server.stored())
    server.saveElsewhere({ ending: 'Waved goodbye.' })
    autosave.setText('play', 'Lego')
    await vi.runAllTimersAsync()
    expect(server.stored()?.sections).toEqual({
      arrival: 'Mum brought Amy.',
      ending: 'Waved goodbye.',
      play: 'Lego',
    })
    expect(autosave.getSnapshot().texts.ending).toBe('Waved goodbye.')
    expect(autosave.getSnapshot().state.kind).toBe('saved')
  })

  it('asks before replacing anything when the same section was saved elsewhere differently', async () => {
    const server = fakeServer(record(1, { play: 'Lego' }))
    const autosave = new Autosave(server.api, server.stored())
    server.saveElsewhere({ play: 'Painting' })
    autosave.setText('play', 'Lego and cars')
    await vi.runAllTimersAsync()
    const state = autosave.getSnapshot().state
    expect(state.kind).toBe('clash')
    expect(state.kind === 'clash' ? state.sections : []).toEqual(['play'])
    expect(autosave.getSnapshot().texts.play).toBe('Lego and cars')
    expect(server.stored()?.sections.play).toBe('Painting')

    autosave.settleClash('mine')
    await vi.runAllTimersAsync()
    expect(server.stored()?.sections.play).toBe('Lego and cars')
  })

  it('can take the copy saved elsewhere instead', async () => {
    const server = fakeServer(record(1, { play: 'Lego' }))
    const autosave = new Autosave(server.api, server.stored())
    server.saveElsewhere({ play: 'Painting' })
    autosave.setText('play', 'Lego and cars')
    autosave.setText('quotes', '"Again!"')
    await vi.runAllTimersAsync()
    autosave.settleClash('saved')
    await vi.runAllTimersAsync()
    expect(autosave.getSnapshot().texts.play).toBe('Painting')
    expect(server.stored()?.sections).toEqual({ play: 'Painting', quotes: '"Again!"' })
  })

  it('stops and keeps the text when the record was sent for checking elsewhere', async () => {
    const server = fakeServer(record(1, {}))
    const autosave = new Autosave(server.api, server.stored())
    server.failNext(new ApiError('CONFLICT', 'Sent for checking', 409, { rule: 'OBS-LOCKED' }))
    autosave.setText('play', 'Lego')
    await vi.runAllTimersAsync()
    expect(autosave.getSnapshot().state.kind).toBe('refused')
    expect(autosave.getSnapshot().texts.play).toBe('Lego')
    expect(server.saves).toHaveLength(1)
  })

  it('starts from text kept in memory and saves it straight away, keeping newer text saved elsewhere', async () => {
    const server = fakeServer(record(1, { play: 'Lego' }))
    const kept = { texts: textsOf({ play: 'Lego and a long story' }), base: textsOf({ play: 'Lego' }) }
    server.saveElsewhere({ ending: 'Waved goodbye.' })
    const autosave = new Autosave(server.api, server.stored(), kept)
    expect(autosave.getSnapshot().dirty).toBe(true)
    autosave.start()
    await vi.runAllTimersAsync()
    expect(server.stored()?.sections).toEqual({ play: 'Lego and a long story', ending: 'Waved goodbye.' })
  })

  it('flush says whether everything on screen is saved', async () => {
    const server = fakeServer(record(1, {}))
    const autosave = new Autosave(server.api, server.stored())
    autosave.setText('play', 'Lego')
    expect(await autosave.flush()).toBe(true)
    server.failNext(offline())
    autosave.setText('play', 'Lego and cars')
    expect(await autosave.flush()).toBe(false)
  })
})
