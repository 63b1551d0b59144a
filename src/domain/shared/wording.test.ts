import { describe, expect, it } from 'vitest'
import { sayDay, sayMoment } from './wording'

describe('dates and times in words', () => {
  it('says a day', () => {
    expect(sayDay('2029-01-07')).toBe('Sunday 7 January 2029')
  })

  it("says a moment on the centre's clock, summer time included", () => {
    expect(sayMoment('2026-07-05T09:00:00.000Z', 'Europe/Jersey')).toBe('Sunday 5 July 2026 at 10:00')
    expect(sayMoment('2026-12-06T10:00:00.000Z', 'Europe/Jersey')).toBe('Sunday 6 December 2026 at 10:00')
  })
})
