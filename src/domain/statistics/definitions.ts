import type { Definition } from './statistics.schemas'

/**
 * What each figure of the shared measures means, in words a centre can paste into the NACCC
 * national survey or a funder's form. One entry per figure, keyed by its path in `Measures`
 * (for example "sessions.cancelled.late"), in the order the return shows them. The counting in
 * measures.ts and these words must change together.
 */
export const MEASURE_DEFINITIONS: Definition[] = [
  // ---------- Referrals ----------
  {
    figure: 'referrals.received',
    term: 'Referrals received',
    meaning:
      'Referrals that arrived during the period, by the date and time they were received, whatever has happened to them since. A duplicate referral that was merged into another family’s referral is not counted; the referral it was merged into is counted once.',
  },
  {
    figure: 'referrals.bySource',
    term: 'Referrals by source',
    meaning:
      'The referrals received, by who referred the family, using the referral sources set up for the centre, in that order and including sources with none. For the NACCC survey: self-referrals, solicitors, social services, health visitors and mediators go under their own headings; referrals from the family court adviser (Cafcass or JFCAS) are made on the court’s behalf and, like court referrals, NACCC files them under “other”, so add them to “other” there.',
  },
  {
    figure: 'referrals.accepted',
    term: 'Referrals accepted',
    meaning:
      'Referrals accepted for a service during the period, by the date of the decision: a referral received in an earlier period and accepted in this one counts here. A referral accepted from the waiting list counts when it was accepted. Each referral counts once.',
  },
  {
    figure: 'referrals.declined',
    term: 'Referrals declined',
    meaning:
      'Referrals the centre declined (did not accept) during the period, by the date of the decision, whenever they were received. NACCC calls these “rejected”.',
  },
  {
    figure: 'referrals.waitlisted',
    term: 'Referrals put on the waiting list',
    meaning:
      'Referrals put on the waiting list during the period, by the date they were added, whether or not they have left it since.',
  },
  {
    figure: 'referrals.withdrawn',
    term: 'Referrals withdrawn',
    meaning:
      'Referrals withdrawn during the period, by the referrer or the family, before a service started, by the date of the withdrawal.',
  },
  {
    figure: 'referrals.waitingAtEnd',
    term: 'Waiting at the end of the period',
    meaning:
      'Referrals on the waiting list at midnight at the end of the last day of the period, taken from each referral’s history, so a past period shows the list as it was then.',
  },

  // ---------- Families ----------
  {
    figure: 'families.served',
    term: 'Families served',
    meaning:
      'Families with at least one contact session held during the period. A family is one case: brothers and sisters seen together are one family. A case closed during the period still counts if a session was held before it closed.',
  },
  {
    figure: 'families.children',
    term: 'Children served',
    meaning:
      'The children of the families served: each child counts, so a family of three brothers and sisters adds three children.',
  },
  {
    figure: 'families.newFamilies',
    term: 'New families',
    meaning: 'Families whose case opened (the referral was accepted) during the period.',
  },
  {
    figure: 'families.newChildren',
    term: 'Children in new families',
    meaning: 'The children of the new families, each child counted.',
  },
  {
    figure: 'families.activeAtEnd',
    term: 'Families open at the end',
    meaning:
      'Cases open at midnight at the end of the last day of the period. A case closed on or before that day is not counted.',
  },
  {
    figure: 'families.childrenAtEnd',
    term: 'Children open at the end',
    meaning: 'The children of the families open at the end of the period, each child counted.',
  },

  // ---------- Sessions ----------
  {
    figure: 'sessions.available',
    term: 'Sessions available',
    meaning:
      'Family places the centre offered during the period: for each day one of its regular opening sessions ran, the number of families it can take. Days the centre or that venue was closed (bank holidays, closures) offer none.',
  },
  {
    figure: 'sessions.booked',
    term: 'Sessions booked',
    meaning:
      'Family sessions booked for a day in the period, whatever happened to them afterwards (held, not attended, cancelled by a parent or suspended), except sessions the centre itself called off and dates that could not be booked when the plan was made.',
  },
  {
    figure: 'sessions.attended',
    term: 'Sessions held',
    meaning:
      'Booked sessions that took place with both sides there (arriving late still counts), so the children spent the time with the visiting parent.',
  },
  {
    figure: 'sessions.capacityUsedPercent',
    term: 'Capacity used',
    meaning:
      'Sessions booked as a share of sessions available, as a whole percentage. Left blank when no sessions were available.',
  },
  {
    figure: 'sessions.cancelled.total',
    term: 'Sessions cancelled',
    meaning: 'Sessions in the period that were cancelled, by anyone, at any notice.',
  },
  {
    figure: 'sessions.cancelled.byCentre',
    term: 'Cancelled by the centre',
    meaning:
      'Sessions the centre called off (for example staff shortage or bad weather). These are not counted as booked.',
  },
  {
    figure: 'sessions.cancelled.byResident',
    term: 'Cancelled by the resident parent',
    meaning: 'Sessions cancelled by the parent the children live with, or on their behalf.',
  },
  {
    figure: 'sessions.cancelled.byNonResident',
    term: 'Cancelled by the visiting parent',
    meaning: 'Sessions cancelled by the parent who comes to see the children, or on their behalf.',
  },
  {
    figure: 'sessions.cancelled.late',
    term: 'Late cancellations',
    meaning:
      'Sessions cancelled by a parent with less notice than the centre asks for (24 hours unless the centre has set another notice), measured from when the centre was told to the start of the session. Cancellations by the centre are never late cancellations.',
  },
  {
    figure: 'sessions.noShows.sessions',
    term: 'Sessions not attended',
    meaning:
      'Booked sessions that did not take place because a parent did not come, without cancelling (a no-show).',
  },
  {
    figure: 'sessions.noShows.resident',
    term: 'No-shows by the resident parent',
    meaning: 'Times the resident parent (and so the children) did not come to a booked session.',
  },
  {
    figure: 'sessions.noShows.nonResident',
    term: 'No-shows by the visiting parent',
    meaning:
      'Times the visiting parent did not come to a booked session. A session both parents missed counts once for each parent.',
  },

  // ---------- People ----------
  {
    figure: 'people.volunteers',
    term: 'Volunteers',
    meaning:
      'Volunteers on the team on the last day of the period: cleared and in training, in their mentored first year, active, or working their notice. Enquiries, applicants still being checked and those who had left are not counted.',
  },
  {
    figure: 'people.staff',
    term: 'Staff',
    meaning:
      'People with a coordinator or administrator role for the centres the figures cover on the last day of the period, each counted once: someone who works for every centre of the organisation counts once, not once per centre. Accounts that have been switched off are not counted. Volunteers are counted separately.',
  },
  {
    figure: 'people.volunteersJoined',
    term: 'Volunteers joined',
    meaning:
      'Volunteers who started on the team (began their mentored first year, or became active straight away) during the period.',
  },
  {
    figure: 'people.volunteersLeft',
    term: 'Volunteers left',
    meaning: 'Volunteers whose last day on the team fell during the period.',
  },
]
