import { describe, expect, it } from 'vitest'
import { csvCell, totalsCsv } from './hours-csv'

describe('hours CSV', () => {
  it('quotes every cell and doubles quotes', () => {
    expect(csvCell('Anne "Nan" Le Brun')).toBe('"Anne ""Nan"" Le Brun"')
    expect(csvCell(12.5)).toBe('"12.5"')
  })

  it('keeps cells a spreadsheet would run as formulas as text', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvCell('+44 1534')).toBe('"\'+44 1534"')
    expect(csvCell('-1')).toBe('"\'-1"')
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"')
    expect(csvCell('\tTab')).toBe('"\'\tTab"')
  })

  it('writes a row per volunteer and a total row, hours as decimals', () => {
    const csv = totalsCsv({
      from: '2026-01-01',
      to: '2026-12-31',
      volunteers: [
        {
          volunteerId: 'v1',
          fullName: '=cmd',
          sessionMinutes: 210,
          trainingMinutes: 60,
          otherMinutes: 0,
          totalMinutes: 270,
          miles: 12.5,
          expensesPence: 450,
          mileagePence: 563,
        },
      ],
      total: { minutes: 270, miles: 12.5, expensesPence: 450, mileagePence: 563, volunteers: 1 },
    })
    const lines = csv.trim().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toBe(
      '"Volunteer","Shift hours","Training hours","Other hours","Total hours","Miles","Mileage (£)","Expenses (£)"',
    )
    expect(lines[1]).toBe('"\'=cmd","3.5","1","0","4.5","12.5","5.63","4.50"')
    expect(lines[2]).toBe('"Total (1 volunteer)","3.5","1","0","4.5","12.5","5.63","4.50"')
  })
})
