import { describe, expect, it } from 'vitest'
import {
  changedSections,
  hasChanges,
  missingSections,
  reconcile,
  retryDelay,
  textsOf,
  withSaved,
} from './observation-draft'

const base = textsOf({ arrival: 'Mum brought Amy at 10:00.', play: 'Lego.' })

describe('changedSections', () => {
  it('sends only the sections that differ from the saved copy', () => {
    const onScreen = { ...base, play: 'Lego, then a puzzle.', quotes: '"Again!"' }
    expect(changedSections(onScreen, base)).toEqual({ play: 'Lego, then a puzzle.', quotes: '"Again!"' })
  })

  it('treats spaces still being typed at the ends as no change, since the server trims', () => {
    const onScreen = { ...base, play: 'Lego. ' }
    expect(changedSections(onScreen, base)).toEqual({})
    expect(hasChanges(onScreen, base)).toBe(false)
  })

  it('sends a section emptied on screen, so clearing text is saved too', () => {
    expect(changedSections({ ...base, play: '' }, base)).toEqual({ play: '' })
  })
})

describe('withSaved', () => {
  it('marks what was sent as saved and keeps what was typed meanwhile as a change', () => {
    const saved = withSaved(base, { play: 'Lego and cars ' })
    expect(saved.play).toBe('Lego and cars')
    const onScreen = { ...base, play: 'Lego and cars, then tea.' }
    expect(changedSections(onScreen, saved)).toEqual({ play: 'Lego and cars, then tea.' })
  })
})

describe('reconcile', () => {
  it('takes the newer version when the server holds what the screen holds', () => {
    const onScreen = { ...base, play: 'Lego and cars.' }
    expect(reconcile(onScreen, base, onScreen)).toEqual({ kind: 'merged', texts: onScreen })
  })

  it('brings in a section changed only elsewhere and keeps the sections changed here', () => {
    const onScreen = { ...base, play: 'Lego and cars.' }
    const server = { ...base, ending: 'Waved goodbye at 12:00.' }
    const result = reconcile(onScreen, base, server)
    expect(result).toEqual({
      kind: 'merged',
      texts: { ...base, play: 'Lego and cars.', ending: 'Waved goodbye at 12:00.' },
    })
  })

  it('never replaces text typed here with different text saved elsewhere: the person chooses', () => {
    const onScreen = { ...base, play: 'Lego and cars.' }
    const server = { ...base, play: 'Painting.' }
    expect(reconcile(onScreen, base, server)).toEqual({ kind: 'clash', sections: ['play'] })
  })
})

describe('missingSections', () => {
  it('names the required sections that are empty or only spaces', () => {
    const texts = { ...base, arrival: '   ' }
    expect(missingSections(texts, ['arrival', 'play', 'ending'])).toEqual(['arrival', 'ending'])
  })
})

describe('retryDelay', () => {
  it('waits longer after each failure, up to half a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(retryDelay)).toEqual([
      2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ])
  })
})
