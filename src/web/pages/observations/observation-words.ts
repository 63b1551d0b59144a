import type { ObservationSection, ObservationStatus } from '../../api/types'

/** One section of the record of a supervised session (domain rules 3.13 and 10.3). */
export interface SectionField {
  key: ObservationSection
  label: string
  /** What to write, in a few words, shown under the label. */
  prompt: string
}

export const SECTION_FIELDS: SectionField[] = [
  {
    key: 'arrival',
    label: 'Arrival and response',
    prompt: 'Who brought the child, arrival times for everyone, any lateness and why, the child’s mood.',
  },
  {
    key: 'greeting',
    label: 'Greeting',
    prompt: 'What was said, any hug or kiss, who started it, how the child responded.',
  },
  {
    key: 'play',
    label: 'Play and interaction',
    prompt: 'Who started play, whether the parent followed the child’s lead, how they talked together.',
  },
  { key: 'care', label: 'Care given', prompt: 'Feeding, changing, comfort: what was done and by whom.' },
  {
    key: 'childResponses',
    label: 'The child’s responses',
    prompt: 'How the child responded through the session.',
  },
  {
    key: 'boundaries',
    label: 'Boundaries',
    prompt: 'Ground rules kept or not kept, and what happened.',
  },
  { key: 'concerns', label: 'Concerns', prompt: 'Facts only: what you saw or heard that worried you.' },
  {
    key: 'intervention',
    label: 'Intervention and the parent’s response',
    prompt: 'When you stepped in, what you said or did, and how the parent responded.',
  },
  { key: 'ending', label: 'The end and parting', prompt: 'How the session ended and how they said goodbye.' },
  {
    key: 'quotes',
    label: 'Direct quotes',
    prompt: 'Word for word, in quotation marks, saying who said it.',
  },
]

/**
 * Sections every record needs before it is sent for checking. The others may stay empty when
 * there was nothing to record (no concerns, no intervention).
 */
export const REQUIRED_SECTIONS: ObservationSection[] = [
  'arrival',
  'greeting',
  'play',
  'childResponses',
  'ending',
]

export const STATUS_WORDS: Record<ObservationStatus, string> = {
  draft: 'Being written',
  submitted: 'Waiting to be checked',
  returned: 'Returned to the author',
  released: 'Checked and released',
}

/** Badge colours dark enough for white text; the words carry the meaning. */
export const STATUS_COLORS: Record<ObservationStatus, string> = {
  draft: 'gray.7',
  submitted: 'blue.8',
  returned: '#b03a0a',
  released: 'kin',
}

export const STANDING_HINT = 'Write what you saw and heard, not opinions. No addresses or phone numbers.'
