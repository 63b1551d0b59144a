import { describe, expect, it } from 'vitest'
import {
  financialYearStart,
  isQuarter,
  lastCompleteQuarter,
  longDay,
  monthLong,
  monthShort,
  periodPresets,
  quarterMonths,
  quarterName,
  quarterOf,
  quarterOptions,
  quarterRange,
  shiftQuarter,
} from './statistics-dates'

describe('quarters of the April–March year', () => {
  it('puts April to June in Q1 and January to March in Q4 of the year before', () => {
    expect(quarterOf('2026-04-01')).toBe('2026-Q1')
    expect(quarterOf('2026-06-30')).toBe('2026-Q1')
    expect(quarterOf('2026-07-01')).toBe('2026-Q2')
    expect(quarterOf('2026-11-26')).toBe('2026-Q3')
    expect(quarterOf('2027-01-01')).toBe('2026-Q4')
    expect(quarterOf('2027-03-31')).toBe('2026-Q4')
  })

  it('gives the first and last day of a quarter', () => {
    expect(quarterRange('2026-Q1')).toEqual({ from: '2026-04-01', to: '2026-06-30' })
    expect(quarterRange('2026-Q3')).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(quarterRange('2026-Q4')).toEqual({ from: '2027-01-01', to: '2027-03-31' })
    expect(quarterRange('2027-Q4')).toEqual({ from: '2028-01-01', to: '2028-03-31' })
  })

  it('steps across the year end both ways', () => {
    expect(shiftQuarter('2026-Q4', 1)).toBe('2027-Q1')
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4')
    expect(shiftQuarter('2026-Q3', -8)).toBe('2024-Q3')
  })

  it('takes the last complete quarter as the one before today’s', () => {
    expect(lastCompleteQuarter('2026-11-26')).toBe('2026-Q2')
    expect(lastCompleteQuarter('2026-04-01')).toBe('2025-Q4')
    expect(lastCompleteQuarter('2027-03-31')).toBe('2026-Q3')
  })

  it('names a quarter and its months in words', () => {
    expect(quarterName('2026-Q3')).toBe('Q3 2026/27')
    expect(quarterName('2099-Q1')).toBe('Q1 2099/00')
    expect(quarterMonths('2026-Q3')).toBe('October, November and December 2026')
    expect(quarterMonths('2026-Q4')).toBe('January, February and March 2027')
  })

  it('offers the quarter under way and the eight before it, newest first', () => {
    const options = quarterOptions('2026-11-26')
    expect(options).toHaveLength(9)
    expect(options[0]).toEqual({ value: '2026-Q3', label: 'Q3 2026/27: October to December 2026 (so far)' })
    expect(options[1]).toEqual({ value: '2026-Q2', label: 'Q2 2026/27: July to September 2026' })
    expect(options.at(-1)?.value).toBe('2024-Q3')
  })

  it('knows a quarter when it sees one', () => {
    expect(isQuarter('2026-Q3')).toBe(true)
    expect(isQuarter('2026-Q5')).toBe(false)
    expect(isQuarter('2026Q3')).toBe(false)
    expect(isQuarter(null)).toBe(false)
  })
})

describe('period presets', () => {
  it('counts the periods still under way to today', () => {
    const presets = Object.fromEntries(periodPresets('2026-11-26').map((p) => [p.key, [p.from, p.to]]))
    expect(presets).toEqual({
      'this-quarter': ['2026-10-01', '2026-11-26'],
      'last-quarter': ['2026-07-01', '2026-09-30'],
      'this-year': ['2026-04-01', '2026-11-26'],
      'last-12-months': ['2025-12-01', '2026-11-26'],
    })
  })

  it('starts the financial year in the April before a day in January to March', () => {
    expect(financialYearStart('2027-02-14')).toBe('2026-04-01')
    expect(financialYearStart('2026-04-01')).toBe('2026-04-01')
    expect(periodPresets('2027-02-14').find((p) => p.key === 'last-quarter')).toMatchObject({
      from: '2026-10-01',
      to: '2026-12-31',
    })
  })
})

describe('months and days in words', () => {
  it('writes them as people say them', () => {
    expect(monthShort('2026-09')).toBe('Sep')
    expect(monthLong('2027-01')).toBe('January 2027')
    expect(longDay('2026-03-01')).toBe('1 March 2026')
  })
})
