import type { HistoryReferral } from './demo-history-timeline'

/**
 * Referrals of the last fifteen months that never became cases. Twice the centre was full: on the
 * day it put two families on the waiting list (see HISTORY_CASES, weeks 44 and 24) it turned one
 * more away. Every name is made up.
 */
export const HISTORY_REFERRALS: readonly HistoryReferral[] = [
  {
    family: {
      source: 'court_adviser',
      service: 'supported',
      frequency: 'Weekly, Sunday mornings',
      resident: 'Becca Tocque',
      visiting: 'Jay Tocque',
      children: [['Rosa Tocque', 56]],
    },
    week: 58,
    intake: true,
    decision: 'withdraw',
    decidedAfterDays: 12,
    reason:
      'The parents agreed at the court adviser’s meeting that the grandmother will supervise handovers: withdrawn.',
  },
  {
    family: {
      source: 'self',
      service: 'handover',
      frequency: 'Handovers on Tuesday and Thursday evenings',
      resident: 'Kayleigh Rabet',
      visiting: 'Brandon Rabet',
      children: [['Kai Rabet', 64]],
    },
    week: 55,
    decision: 'decline',
    decidedAfterDays: 6,
    reason:
      'The family asked for handovers on weekday evenings, when the centre is closed; we suggested Family Mediation Jersey.',
  },
  {
    family: {
      source: 'self',
      service: 'supported',
      frequency: 'Fortnightly, Sunday mornings',
      resident: 'Sasha Perrée',
      visiting: 'Rhys Perrée',
      children: [['Mabel Perrée', 36]],
    },
    week: 50,
    intake: true,
    decision: 'withdraw',
    decidedAfterDays: 9,
    reason:
      'Ms Perrée rang: the parents have made arrangements between themselves and will call again if needed.',
  },
  {
    family: {
      source: 'court_adviser',
      service: 'supported',
      frequency: 'Weekly, Sunday mornings',
      resident: 'Paula Le Vesconte',
      visiting: 'Trevor Le Vesconte',
      children: [['Hattie Le Vesconte', 50]],
    },
    week: 45,
    decision: 'decline',
    decidedAfterDays: 8,
    reason:
      'The centre is full until the spring and the court wants contact to start within four weeks; we suggested another service.',
  },
  {
    family: {
      source: 'social_services',
      service: 'supervised',
      frequency: 'Weekly, assessed contact with reports',
      resident: 'Tammy Sohier',
      visiting: 'Glen Sohier',
      children: [
        ['Roman Sohier', 75],
        ['Mila Sohier', 28],
      ],
      flags: ['child_protection'],
    },
    week: 36,
    decision: 'decline',
    decidedAfterDays: 5,
    reason:
      'The social worker asked for assessed contact with reports to the court, which the centre does not offer: referred on.',
  },
  {
    family: {
      source: 'solicitor',
      service: 'supported',
      frequency: 'Fortnightly, Sunday afternoons',
      resident: 'Anna Le Quéré',
      visiting: 'Piers Le Quéré',
      children: [['Hugo Le Quéré', 88]],
    },
    week: 30,
    decision: 'withdraw',
    decidedAfterDays: 14,
    reason:
      'The court made an order for unsupervised time at the hearing: the solicitor withdrew the referral.',
  },
  {
    family: {
      source: 'self',
      service: 'supported',
      frequency: 'Weekly, Sunday afternoons',
      resident: 'Carys Le Lievre',
      visiting: 'Dan Le Lievre',
      children: [['Nell Le Lievre', 44]],
    },
    week: 25,
    decision: 'decline',
    decidedAfterDays: 8,
    reason:
      'The centre is full and cannot offer a place for at least three months; the parents may refer again in the summer.',
  },
  {
    family: {
      source: 'mediator',
      service: 'supported',
      frequency: 'Fortnightly, Sunday mornings',
      resident: 'Bethan Coutanche',
      visiting: 'Joel Coutanche',
      children: [['Willow Coutanche', 40]],
    },
    week: 14,
    intake: true,
    decision: 'withdraw',
    decidedAfterDays: 10,
    reason:
      'Agreed at mediation that time will be at the grandparents’ home: the mediator withdrew the referral.',
  },
  {
    family: {
      source: 'court_adviser',
      service: 'supported',
      frequency: 'Weekly, Sunday mornings',
      resident: 'Tasha Bertram',
      visiting: 'Lloyd Bertram',
      children: [['Kit Bertram', 46]],
    },
    week: 10,
    intake: true,
    decision: 'decline',
    decidedAfterDays: 16,
    reason:
      'At his pre-visit Mr Bertram said he would not keep to the ground rules about the court case: supported contact cannot be offered.',
  },
]
