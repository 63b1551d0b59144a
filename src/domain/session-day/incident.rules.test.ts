import { describe, expect, it } from 'vitest'
import {
  actionsSentence,
  concernedAdult,
  coordinatorAlertFor,
  incidentFlag,
  isCritical,
  readPeople,
  referrerDueAt,
  referrerNoticeFor,
  suggestSanction,
  type LadderWarning,
} from './incident.rules'
import { SESSION_DAY_DEFAULTS } from './session-day-settings'

const LONDON = 'Europe/London'
const DEFAULTS = { referrerNoticeTime: '10:00', referrerNoticeWorkingDays: 1 }

describe('critical incidents', () => {
  it('are the critical ones, safeguarding matters and serious injuries', () => {
    expect(isCritical('rule_breach', 'critical')).toBe(true)
    expect(isCritical('aggression', 'serious')).toBe(false)
    expect(isCritical('safeguarding_concern', 'low')).toBe(true)
    expect(isCritical('disclosure_by_child', 'moderate')).toBe(true)
    expect(isCritical('attempted_abduction', 'low')).toBe(true)
    expect(isCritical('injury', 'serious')).toBe(true)
    expect(isCritical('injury', 'moderate')).toBe(false)
    expect(isCritical('child_distress', 'serious')).toBe(false)
  })
})

describe('when the referrer must hear of an incident', () => {
  it('is 10:00 on the next working day by default', () => {
    // Monday morning → Tuesday 10:00 (British Summer Time: 09:00 UTC).
    expect(referrerDueAt('2026-06-01T08:00:00.000Z', LONDON, DEFAULTS)).toBe('2026-06-02T09:00:00.000Z')
    // Thursday evening → Friday.
    expect(referrerDueAt('2026-06-04T18:00:00.000Z', LONDON, DEFAULTS)).toBe('2026-06-05T09:00:00.000Z')
  })

  it('skips the weekend: Friday, Saturday and Sunday all fall due on Monday', () => {
    const monday = '2026-06-08T09:00:00.000Z'
    expect(referrerDueAt('2026-06-05T14:00:00.000Z', LONDON, DEFAULTS)).toBe(monday)
    expect(referrerDueAt('2026-06-06T10:30:00.000Z', LONDON, DEFAULTS)).toBe(monday)
    expect(referrerDueAt('2026-06-07T16:00:00.000Z', LONDON, DEFAULTS)).toBe(monday)
  })

  it('keeps the local time across the clock changes', () => {
    // Saturday before the clocks go back (25 October 2026): Monday 10:00 GMT.
    expect(referrerDueAt('2026-10-24T10:30:00.000Z', LONDON, DEFAULTS)).toBe('2026-10-26T10:00:00.000Z')
    // Saturday before the clocks go forward (28 March 2027): Monday 10:00 BST.
    expect(referrerDueAt('2027-03-27T11:00:00.000Z', LONDON, DEFAULTS)).toBe('2027-03-29T09:00:00.000Z')
  })

  it('counts from the local date, not the UTC one', () => {
    // Friday 21:00 in New York is already Saturday in UTC: still due Monday 10:00 there.
    expect(referrerDueAt('2026-07-04T01:00:00.000Z', 'America/New_York', DEFAULTS)).toBe(
      '2026-07-06T14:00:00.000Z',
    )
  })

  it('follows the centre’s time and number of working days', () => {
    const twoDays = { referrerNoticeTime: '16:30', referrerNoticeWorkingDays: 2 }
    // Thursday → Monday 16:30.
    expect(referrerDueAt('2026-06-04T12:00:00.000Z', LONDON, twoDays)).toBe('2026-06-08T15:30:00.000Z')
  })

  it('with no working days to wait, is the same working day, never before the incident', () => {
    const sameDay = { referrerNoticeTime: '17:00', referrerNoticeWorkingDays: 0 }
    expect(referrerDueAt('2026-06-01T08:00:00.000Z', LONDON, sameDay)).toBe('2026-06-01T16:00:00.000Z')
    expect(referrerDueAt('2026-06-06T10:00:00.000Z', LONDON, sameDay)).toBe('2026-06-08T16:00:00.000Z')
    expect(referrerDueAt('2026-06-01T17:00:00.000Z', LONDON, sameDay)).toBe('2026-06-01T17:00:00.000Z')
  })
})

describe('the ladder', () => {
  const settings = SESSION_DAY_DEFAULTS
  const incident = { id: 'inc-1', category: 'rule_breach' as const, occurredAt: '2026-06-06T10:30:00.000Z' }
  const warning = (level: LadderWarning['level'], issuedAt: string, incidentId: string | null = null) => ({
    level,
    issuedAt,
    incidentId,
  })

  it('withdraws the place at once for violence, aggression or intimidation (R-INC-2)', () => {
    expect(suggestSanction(settings, { ...incident, category: 'aggression' }, [])).toEqual({
      level: 'place_withdrawn',
      because: 'Violence, aggression or intimidation costs the place at once (R-INC-2)',
    })
    expect(suggestSanction(settings, { ...incident, category: 'intoxication' }, [])?.level).toBe(
      'place_withdrawn',
    )
  })

  it('treats any category the centre lists as zero tolerance the same way', () => {
    const strict = { ...settings, zeroToleranceCategories: ['rule_breach' as const] }
    const suggestion = suggestSanction(strict, incident, [])
    expect(suggestion?.level).toBe('place_withdrawn')
    expect(suggestion?.because).toContain('R-INC-2')
    expect(suggestSanction(strict, { ...incident, category: 'aggression' }, [])?.level).toBe('verbal_warning')
  })

  it('steps from a verbal warning to written warnings to suspension (R-INC-3)', () => {
    expect(suggestSanction(settings, incident, [])?.level).toBe('verbal_warning')
    const verbal = warning('verbal_warning', '2026-05-02T10:00:00.000Z')
    expect(suggestSanction(settings, incident, [verbal])?.level).toBe('written_warning')
    const written = warning('written_warning', '2026-05-16T10:00:00.000Z')
    expect(suggestSanction(settings, incident, [verbal, written])?.level).toBe('written_warning')
    const second = warning('written_warning', '2026-05-30T10:00:00.000Z')
    const suspended = suggestSanction(settings, incident, [verbal, written, second])
    expect(suspended?.level).toBe('service_suspended')
    expect(suspended?.because).toContain('2 written warnings')
    expect(
      suggestSanction({ ...settings, warningsBeforeSuspension: 3 }, incident, [written, second])?.level,
    ).toBe('written_warning')
  })

  it('withdraws the place after a suspension within the year', () => {
    const suspension = warning('service_suspended', '2026-01-10T10:00:00.000Z')
    expect(suggestSanction(settings, incident, [suspension])?.level).toBe('place_withdrawn')
  })

  it('counts only the twelve months before, and not warnings for this incident or after it', () => {
    const old = warning('written_warning', '2025-06-05T10:00:00.000Z')
    const older = warning('written_warning', '2025-01-05T10:00:00.000Z')
    expect(suggestSanction(settings, incident, [old, older])?.level).toBe('verbal_warning')
    const justInside = warning('written_warning', '2025-06-06T10:30:00.000Z')
    expect(suggestSanction(settings, incident, [justInside])?.level).toBe('written_warning')
    const forThis = warning('verbal_warning', '2026-06-06T10:00:00.000Z', 'inc-1')
    const later = warning('written_warning', '2026-06-07T10:00:00.000Z')
    expect(suggestSanction(settings, incident, [forThis, later])?.level).toBe('verbal_warning')
  })

  it('suggests nothing for incidents that are not about an adult’s conduct', () => {
    expect(suggestSanction(settings, { ...incident, category: 'child_distress' }, [])).toBeNull()
    expect(suggestSanction(settings, { ...incident, category: 'disclosure_by_child' }, [])).toBeNull()
  })

  it('concerns the first adult among the people involved', () => {
    expect(concernedAdult(['child', 'dad', 'mum'], new Set(['mum', 'dad']))).toBe('dad')
    expect(concernedAdult(['child'], new Set(['mum']))).toBeNull()
    const adults = new Set(['mum', 'dad'])
    expect(readPeople('{"ids":["child","mum"],"concerns":"mum"}', adults)).toEqual({
      ids: ['child', 'mum'],
      concerns: 'mum',
    })
    // A bare list of ids (the demo data keeps them so): the adult is found from it.
    expect(readPeople('["child","dad","mum"]', adults)).toEqual({
      ids: ['child', 'dad', 'mum'],
      concerns: 'dad',
    })
    expect(readPeople('{"ids":["child"],"concerns":null}', adults)).toEqual({
      ids: ['child'],
      concerns: null,
    })
  })
})

describe('the words that leave the system', () => {
  const facts = {
    centreName: 'Harbour Contact Centre',
    caseReference: 'CASE-0042',
    occurredAt: '2026-06-06T09:30:00.000Z',
    timeZone: LONDON,
    category: 'aggression' as const,
    severity: 'serious' as const,
    actions: ['session_ended_early', 'asked_to_leave', 'police_called'] as const,
  }

  it('says what was done in one sentence', () => {
    expect(actionsSentence([])).toBe('No action was recorded.')
    expect(actionsSentence(['first_aid'])).toBe('First aid was given.')
    expect(actionsSentence([...facts.actions])).toBe(
      'The session was ended early, a person was asked to leave and the police were called.',
    )
  })

  it('tells the coordinators what, when and where to read it, with no account', () => {
    const alert = coordinatorAlertFor({ ...facts, critical: false, link: 'https://kb.example/incidents/1' })
    expect(alert.subject).toBe('Incident at Harbour Contact Centre: aggression or intimidation (CASE-0042)')
    expect(alert.text).toContain('Saturday 6 June 2026 at 10:30')
    expect(alert.text).toContain('Severity: Serious')
    expect(alert.text).toContain('https://kb.example/incidents/1')
    expect(coordinatorAlertFor({ ...facts, critical: true, link: 'x' }).text).toContain('(critical incident)')
  })

  it('tells the referrer whether sessions are suspended and that the centre will be in touch', () => {
    const notice = referrerNoticeFor({ ...facts, suspendedFrom: '2026-06-13', recipientName: 'Fran Adviser' })
    expect(notice.subject).toBe('Incident at Harbour Contact Centre (CASE-0042)')
    expect(notice.text).toContain('Dear Fran Adviser,')
    expect(notice.text).toContain('suspended from Saturday 13 June 2026')
    expect(notice.text).toContain('The centre will be in touch')
    const none = referrerNoticeFor({ ...facts, suspendedFrom: null, recipientName: null })
    expect(none.text).toContain('no sessions are suspended')
    expect(none.text.startsWith('Hello,')).toBe(true)
  })

  it('flags the case with the category and the date', () => {
    expect(incidentFlag('aggression', '2026-06-06')).toBe(
      'An incident (aggression or intimidation) on Saturday 6 June 2026 needs a review of the case.',
    )
  })
})
