import { describe, expect, it } from 'vitest'
import { averageWords, chartWords, countsWords, responsesWords } from './feedback-words'

describe('feedback words', () => {
  it('says the average out of 5 with one decimal, or that no one has answered', () => {
    expect(averageWords(4.5833)).toBe('Average 4.6 out of 5')
    expect(averageWords(4)).toBe('Average 4.0 out of 5')
    expect(averageWords(null)).toBe('No answers yet')
  })

  it('gives a chart its text alternative: each face with its count, then the average', () => {
    expect(countsWords([0, 1, 2, 5, 9])).toBe('Very unhappy 0, Unhappy 1, OK 2, Happy 5, Very happy 9')
    expect(chartWords({ label: 'Felt welcome', counts: [0, 0, 0, 1, 3], average: 4.75 })).toBe(
      'Felt welcome: Very unhappy 0, Unhappy 0, OK 0, Happy 1, Very happy 3. Average 4.8 out of 5.',
    )
  })

  it('counts responses in words', () => {
    expect(responsesWords(1)).toBe('1 response')
    expect(responsesWords(0)).toBe('0 responses')
  })
})
