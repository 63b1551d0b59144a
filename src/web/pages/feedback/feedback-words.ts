import type { FeedbackQuestionSummary } from '../../api/types'

// Feedback in plain words: the five faces, the parent's four questions, averages said aloud.

/** 1 to 5: the faces' names, read out and printed under each face. */
export const SCORES = [1, 2, 3, 4, 5] as const
export type ScoreValue = (typeof SCORES)[number]

export const SCORE_LABELS: Record<ScoreValue, string> = {
  1: 'Very unhappy',
  2: 'Unhappy',
  3: 'OK',
  4: 'Happy',
  5: 'Very happy',
}

/** Bar colours from red to green; the number is always written beside each bar as well. */
export const SCORE_COLORS: Record<ScoreValue, string> = {
  1: 'var(--mantine-color-red-8)',
  2: 'var(--mantine-color-orange-8)',
  3: 'var(--mantine-color-gray-6)',
  4: 'var(--mantine-color-teal-6)',
  5: 'var(--mantine-color-kin-8)',
}

export const PARENT_QUESTIONS = ['welcome', 'safe', 'childEnjoyed', 'staffHelpful'] as const
export type ParentQuestion = (typeof PARENT_QUESTIONS)[number]

export const PARENT_QUESTION_WORDS: Record<ParentQuestion, string> = {
  welcome: 'Did you feel welcome at the centre?',
  safe: 'Did you feel safe?',
  childEnjoyed: 'Did your child enjoy their time?',
  staffHelpful: 'Were the volunteers and staff helpful?',
}

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })

/** "Average 4.6 out of 5", or that there are no answers yet. */
export function averageWords(average: number | null): string {
  if (average === null) return 'No answers yet'
  return `Average ${oneDecimal.format(average)} out of 5`
}

/** How many gave each face, for a chart's text alternative: "Very unhappy 0, Unhappy 1, …". */
export function countsWords(counts: readonly number[]): string {
  return SCORES.map((score, i) => `${SCORE_LABELS[score]} ${counts[i] ?? 0}`).join(', ')
}

/** A question's chart, said in one sentence. */
export function chartWords(question: Pick<FeedbackQuestionSummary, 'label' | 'counts' | 'average'>): string {
  return `${question.label}: ${countsWords(question.counts)}. ${averageWords(question.average)}.`
}

/** "1 response" or "12 responses". */
export const responsesWords = (count: number): string => (count === 1 ? '1 response' : `${count} responses`)
