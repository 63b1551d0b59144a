import { describe, expect, it } from 'vitest'
import { noticeWords, settingsFacts } from './session-day-settings-words'

describe('session-day settings in words', () => {
  it('says when the referrer hears of an incident', () => {
    expect(noticeWords('10:00', 1)).toBe('By 10:00 on the 1st working day after the incident')
    expect(noticeWords('09:30', 2)).toBe('By 09:30 on the 2nd working day after the incident')
    expect(noticeWords('16:00', 0)).toBe('By 16:00 on the day of the incident')
  })

  it('reads every rule back to a coordinator in plain words', () => {
    const facts = settingsFacts({
      referrerNoticeTime: '10:00',
      referrerNoticeWorkingDays: 1,
      observationDueWorkingDays: 5,
      lateAfterMinutes: 1,
      zeroToleranceCategories: ['aggression', 'intoxication'],
      warningsBeforeSuspension: 2,
      feedbackOn: false,
    })
    expect(facts.map((f) => f.value)).toEqual([
      'By 10:00 on the 1st working day after the incident',
      'Within 5 working days of the session',
      'More than 1 minute after their arrival time',
      'Violence, aggression or intimidation, inside or just outside and coming under the influence of drink or drugs',
      '2 written warnings in a year',
      'Not asked',
    ])
  })
})
