/**
 * The questions a coordinator works through in the risk assessment (domain rules 3.7: domestic
 * abuse, child protection, abduction, substance misuse, the child's own wishes). Answers may stay
 * empty; the sections keep every assessment in the same shape.
 */
export const RISK_SECTIONS: { title: string; questions: string[] }[] = [
  {
    title: 'Domestic abuse',
    questions: [
      'Is there any history or allegation of domestic abuse between the adults?',
      'Which protective orders or bail conditions are in place, and what do they require of the centre?',
    ],
  },
  {
    title: 'Child protection',
    questions: [
      'Is any child on a child protection plan, or are social services involved with the family?',
      'Is there any concern that an adult who will attend could harm the children?',
    ],
  },
  {
    title: 'Abduction',
    questions: [
      'Is there any risk that a child could be taken from the centre, or out of the island or country?',
      'Who holds the children’s passports, and does an order restrict travel?',
    ],
  },
  {
    title: 'Substance misuse',
    questions: [
      'Is there any concern about drugs or alcohol for an adult who will attend?',
      'How will staff check on the day that an adult is fit to attend?',
    ],
  },
  {
    title: 'Child’s wishes',
    questions: [
      'What do the children say about seeing the visiting parent?',
      'How will the children be prepared for the first session?',
    ],
  },
]
