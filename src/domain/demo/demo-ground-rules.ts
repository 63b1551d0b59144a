import type { IntakeSettings } from '../intake/intake.schemas'

/**
 * The demo centre's ground rules, after the NACCC sample conduct rules (domain rules 5.3) in the
 * reference centre's words: "parenting time", Sundays, no screens, the whole family supported.
 */
export const DEMO_GROUND_RULES = {
  title: 'St Helier Child Contact Centre: ground rules',
  body: [
    'These rules keep the centre a safe and friendly place for every child. Each adult reads and signs them',
    'at their pre-visit. A breach may end a session early; repeated breaches mean the family’s place is lost.',
    '',
    '1. No violence, aggression, intimidation or bad language, inside the centre or directly outside it.',
    '   Aggression from anyone, mother or father, is stopped at once; repeated aggression means you are asked',
    '   to leave.',
    '2. No alcohol or drugs, and do not come to the centre under their influence. No smoking or vaping in',
    '   the school buildings or grounds.',
    '3. Phones off or on silent. No photographs, video or audio recordings unless both parents and the',
    '   coordinator agree; if they do, a volunteer takes the photographs.',
    '4. Do not argue in front of the children. Do not discuss the court case, the other parent or other',
    '   adult matters with your child; do not ask your child where they live, and never pass messages,',
    '   letters or documents through them.',
    '5. Gifts only when both parents have agreed beforehand.',
    '6. Bring a healthy snack if you wish; please keep sweets and fizzy drinks for another day, out of',
    '   consideration for other families.',
    '7. Parenting time is for play and talk: there are no TVs or games consoles. Volunteers are glad to',
    '   suggest games and activities.',
    '8. You feed and change your own baby. A volunteer may help only when you ask, and only with a second',
    '   volunteer present.',
    '9. Arrive and leave at the times you are given, by the entrance you are shown. Anyone who brings a',
    '   child and does not stay uses only the waiting area and the toilets.',
    '10. Only the people named on the referral, or agreed in advance with the coordinator, may attend.',
    '11. Doors stay open unless they have a window. Please help to tidy up at the end.',
    '12. No pets. No court papers may be served at the centre.',
    '13. Speak a language the volunteers understand, or the centre arranges a neutral interpreter aged 18',
    '    or over.',
  ].join('\n'),
}

/**
 * The demo's intake rules: the documented defaults (referral sources, review interval, weights),
 * with room for the families on the books. They take 40.5 units (each family by its contact level,
 * plus half a unit for each baby needing help with feeding or changing), so one more family fits:
 * the coordinator can accept the referral awaiting a decision or offer the waiting family a place,
 * not both.
 */
export const DEMO_INTAKE_SETTINGS: Partial<IntakeSettings> = { centreCapacityUnits: 42 }
