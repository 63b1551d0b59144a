import type { RiskFlag, ServiceType } from '../../api/types'

/** The kinds of help, explained for a parent rather than a professional. */
export const SERVICE_HELP: Record<ServiceType, { label: string; description: string }> = {
  supported: {
    label: 'Supported contact',
    description:
      'You and your children spend time together in a shared room, with staff and volunteers nearby.',
  },
  supervised: {
    label: 'Supervised contact',
    description: 'A trained worker stays with you and your children the whole time and writes a report.',
  },
  handover: {
    label: 'Handover',
    description: 'The children pass from one parent to the other at the centre. You do not need to meet.',
  },
  indirect: {
    label: 'Letters and cards',
    description: 'Letters, cards or gifts are passed on through the centre, without sharing addresses.',
  },
  escorted: {
    label: 'Escorted contact',
    description: 'Time together away from the centre, with a worker coming along.',
  },
  virtual: {
    label: 'Video calls',
    description: 'Time together by video call, arranged by the centre.',
  },
}

/** The risk questions, asked gently. Each box ticked tells the centre one thing. */
export const GENTLE_RISKS: { flag: RiskFlag; label: string }[] = [
  {
    flag: 'domestic_abuse',
    label: 'There has been abuse or violence between us, or I feel afraid of the other parent',
  },
  {
    flag: 'non_molestation_order',
    label: 'A court order stops one of us contacting the other (a non-molestation order)',
  },
  { flag: 'other_protective_order', label: 'Another court order or bail condition affects contact' },
  { flag: 'child_protection', label: 'Social services are, or have been, involved with the children' },
  { flag: 'abduction_risk', label: 'I worry the children could be taken away without agreement' },
  { flag: 'substance_misuse', label: 'Drugs or alcohol are a worry for one of us' },
  { flag: 'mental_health', label: 'Mental health is a worry for one of us' },
  { flag: 'allegations', label: 'Allegations have been made that the centre should know about' },
]
