import type { SessionDaySettings } from '../../api/types'

// The session-day rules in plain words, for the settings card.

type Category = SessionDaySettings['zeroToleranceCategories'][number]

export const CATEGORY_WORDS: Record<Category, string> = {
  aggression: 'Violence, aggression or intimidation, inside or just outside',
  intoxication: 'Coming under the influence of drink or drugs',
  attempted_abduction: 'Trying to take the child',
  unauthorised_person: 'Bringing someone who is not allowed to come',
  rule_breach: 'Breaking a ground rule',
  child_distress: 'The child acutely distressed',
  injury: 'Someone hurt',
  safeguarding_concern: 'A safeguarding concern',
  disclosure_by_child: 'Something the child disclosed',
  allegation_against_staff: 'An allegation against staff or a volunteer',
  property_damage: 'Damage to property',
  late_or_no_show: 'Lateness, or not coming',
}

export const CATEGORIES = Object.keys(CATEGORY_WORDS) as Category[]

function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'
  return `${n}${suffix}`
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** "By 10:00 on the 1st working day after the incident", or the same day for 0. */
export function noticeWords(time: string, workingDays: number): string {
  if (workingDays === 0) return `By ${time} on the day of the incident`
  return `By ${time} on the ${ordinal(workingDays)} working day after the incident`
}

/** Each rule as a label and a sentence, for a coordinator who reads them. */
export function settingsFacts(s: SessionDaySettings): { label: string; value: string }[] {
  const categories = s.zeroToleranceCategories.map((c) => CATEGORY_WORDS[c].toLowerCase())
  return [
    {
      label: 'The referrer is told of an incident',
      value: noticeWords(s.referrerNoticeTime, s.referrerNoticeWorkingDays),
    },
    {
      label: 'Observation records are released',
      value: `Within ${plural(s.observationDueWorkingDays, 'working day')} of the session`,
    },
    { label: 'Late', value: `More than ${plural(s.lateAfterMinutes, 'minute')} after their arrival time` },
    {
      label: 'Incidents that cost the place at once',
      value: categories.length > 0 ? sentence(new Intl.ListFormat('en-GB').format(categories)) : 'None',
    },
    {
      label: 'Written warnings before suspension',
      value: `${plural(s.warningsBeforeSuspension, 'written warning')} in a year`,
    },
    { label: 'Feedback from parents', value: s.feedbackOn ? 'Asked after each session' : 'Not asked' },
  ]
}
