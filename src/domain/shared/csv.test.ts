import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from './csv'

describe('CSV export (INJ-3)', () => {
  it('prefixes cells a spreadsheet would run as formulas', () => {
    for (const value of ['=1+1', '+44 7700', '-2', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCell(value).replace(/^"/, '').startsWith("'")).toBe(true)
    expect(csvCell('Ava Smith')).toBe('Ava Smith')
  })

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('Smith, Ava')).toBe('"Smith, Ava"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(toCsv(['a', 'b'], [['1', 'x\ny']])).toBe('a,b\r\n1,"x\ny"\r\n')
  })
})
