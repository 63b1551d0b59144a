import { describe, expect, it } from 'vitest'
import type { RequirementState } from '../domain/volunteers/volunteers.schemas'
import {
  availabilityLines,
  BOARD_STAGES,
  deadlineWords,
  decimalHours,
  dueWords,
  gatesWords,
  hoursWords,
  isProblem,
  isUrgent,
  jobWords,
  moveLabel,
  niceMax,
  parseAlertDays,
  penceOf,
  PIPELINE_STAGES,
  shortTitle,
  stageLabel,
  validityWords,
} from './volunteering-words'

describe('volunteering words', () => {
  it('shortens long requirement titles for a matrix column', () => {
    expect(shortTitle('NACCC 1: The volunteer’s role and NACCC values')).toBe('NACCC 1')
    expect(shortTitle('First aid')).toBe('First aid')
    expect(shortTitle('Review with mentor, 90 days after starting')).toBe('Review with mentor, 90…')
    expect(shortTitle('Supervisor qualification (Level 3 Diploma or equivalent)').length).toBeLessThanOrEqual(
      24,
    )
  })

  it('says validity, deadlines and gates in words', () => {
    expect(validityWords(36)).toBe('3 years')
    expect(validityWords(12)).toBe('1 year')
    expect(validityWords(18)).toBe('18 months')
    expect(validityWords(null)).toBe('Does not expire')
    expect(deadlineWords(null)).toBe('Before starting')
    expect(deadlineWords(90)).toBe('Within 90 days of starting')
    expect(gatesWords(['*'])).toBe('Every shift')
    expect(gatesWords(['supervisor', 'escort'])).toBe('Supervisor, Escort')
    expect(gatesWords([])).toBe('Nothing: kept for the record')
  })

  it('names each move', () => {
    expect(moveLabel('training', 'active')).toBe('Move to Active')
    expect(moveLabel('references', 'withdrawn')).toBe('Mark as withdrawn')
    expect(moveLabel('left', 'enquiry')).toBe('Start again as an enquiry')
    expect(moveLabel('leaving', 'active')).toBe('Staying on: back to Active')
  })

  it('groups a weekly pattern by day', () => {
    expect(
      availabilityLines([
        { weekday: 6, from: '14:00', to: '16:00' },
        { weekday: 6, from: '09:30', to: '13:00' },
        { weekday: 1, from: '18:00', to: '20:00' },
      ]),
    ).toEqual(['Mondays 18:00–20:00', 'Saturdays 09:30–13:00 and 14:00–16:00'])
  })

  it('rounds a chart scale up and tells problems from what is fine', () => {
    expect(niceMax(18)).toBe(20)
    expect(niceMax(7)).toBe(8)
    expect(niceMax(130)).toBe(150)
    expect(niceMax(0)).toBe(1)
    expect(isProblem('expiring')).toBe(true)
    expect(isProblem('ok')).toBe(false)
    expect(isProblem('optional')).toBe(false)
    expect(isUrgent('due')).toBe(false)
    expect(isUrgent('renewal')).toBe(true)
  })

  it('reads reminder days typed as a list', () => {
    expect(parseAlertDays('7, 60 30')).toEqual([60, 30, 7])
    expect(parseAlertDays('30,30')).toEqual([30])
    expect(parseAlertDays('')).toBeNull()
    expect(parseAlertDays('0, 30')).toBeNull()
    expect(parseAlertDays('a week')).toBeNull()
  })

  it('says a stage the API names, and keeps a code it does not know', () => {
    expect(stageLabel('dbs_applied')).toBe('DBS check applied')
    expect(stageLabel('archived')).toBe('archived')
    expect(BOARD_STAGES.slice(0, PIPELINE_STAGES.length)).toEqual(PIPELINE_STAGES)
    expect(BOARD_STAGES.at(-1)).toBe('leaving')
  })

  it('says hours, pounds and a volunteer’s job in words', () => {
    expect(hoursWords(210)).toBe('3 hours 30 minutes')
    expect(hoursWords(60)).toBe('1 hour')
    expect(hoursWords(0)).toBe('0 minutes')
    expect(decimalHours(75)).toBe('1.3')
    expect(penceOf('£12.50')).toBe(1250)
    expect(penceOf('3')).toBe(300)
    expect(penceOf('')).toBeNull()
    expect(penceOf('4.555')).toBeNull()
    expect(jobWords({ duty: 'supervisor', sessionLabel: 'C-2026-0003' })).toBe('Supervising C-2026-0003')
    expect(jobWords({ duty: 'escort', sessionLabel: 'C-2026-0007' })).toBe('Escort for C-2026-0007')
    expect(jobWords({ duty: 'team_leader', sessionLabel: null })).toBe('Team leader')
  })

  it('tells a volunteer what to do about a requirement by its kind, whatever its code', () => {
    const state = {
      requirementId: 'r1',
      code: 'enhanced_check',
      title: 'Enhanced DBS check',
      kind: 'dbs',
      status: 'expiring',
      blocks: false,
      gates: ['*'],
      completedOn: '2024-01-10',
      expiresOn: '2027-01-10',
      dueOn: null,
      renewalStartedOn: null,
      detail: 'Expires on 10 Jan 2027',
    } satisfies RequirementState
    expect(dueWords(state)).toBe(
      'Enhanced DBS check: expires on 10 Jan 2027 — please ask the coordinator to start the renewal',
    )
    expect(dueWords({ ...state, kind: 'training', title: 'First aid' })).toBe(
      'First aid: expires on 10 Jan 2027 — please book a refresher',
    )
    expect(dueWords({ ...state, kind: 'policies', code: 'read_policies', title: 'Policies' })).toBe(
      'Policies: expires on 10 Jan 2027 — see “Policies to read” below',
    )
  })
})
