import { v7 as newId } from 'uuid'
import type { Db } from '../../src/db/connect'

export interface BulkOrganisation {
  organisationId: string
  centreId: string
}

/**
 * Inserts many organisations, each with one centre and many families (a referral, a case and a
 * child with two parents), straight into the tables: a data set for query plans and benchmarks.
 * Family f of an organisation has the reference R-<o>-<f> and people named "kid f", "mum f", "dad f".
 */
export async function insertBulkFamilies(
  db: Db,
  organisations: number,
  families: number,
): Promise<BulkOrganisation[]> {
  const now = new Date().toISOString()
  const made: BulkOrganisation[] = []
  for (let o = 0; o < organisations; o += 1) {
    const organisationId = newId()
    const centreId = newId()
    made.push({ organisationId, centreId })
    await db
      .insertInto('organisations')
      .values({
        id: organisationId,
        name: `Bulk ${o}`,
        require_staff_mfa: 0,
        created_at: now,
        updated_at: now,
      })
      .execute()
    await db
      .insertInto('centres')
      .values({
        id: centreId,
        organisation_id: organisationId,
        name: 'Bulk centre',
        time_zone: 'Europe/London',
        created_at: now,
        updated_at: now,
      })
      .execute()
    for (let start = 0; start < families; start += 100) {
      const referrals = []
      const cases = []
      const parties = []
      for (let f = start; f < Math.min(families, start + 100); f += 1) {
        const referralId = newId()
        const caseId = newId()
        const at = new Date(Date.UTC(2020, 0, 1) + f * 3_600_000).toISOString()
        const open = f % 3 !== 0
        referrals.push({
          id: referralId,
          organisation_id: organisationId,
          centre_id: centreId,
          reference: `R-${o}-${f}`,
          status: open ? 'accepted' : 'received',
          channel: 'staff',
          source_code: f % 2 === 0 ? 'court_adviser' : 'self',
          service_requested: 'supported',
          frequency_requested: null,
          referrer_user_id: null,
          referrer_name: null,
          referrer_organisation: null,
          referrer_role: null,
          referrer_email: null,
          referrer_phone: null,
          referrer_acting_for: null,
          risk_flags: '[]',
          risk_sealed: null,
          received_at: at,
          status_changed_at: at,
          decision_reason: null,
          decided_by_user_id: null,
          decided_at: null,
          accepted_level: null,
          waitlisted_at: null,
          case_id: open ? caseId : null,
          merged_into_id: null,
          created_at: at,
          updated_at: at,
        })
        if (open)
          cases.push({
            id: caseId,
            organisation_id: organisationId,
            centre_id: centreId,
            referral_id: referralId,
            reference: `C-${o}-${f}`,
            status: 'active',
            service_level: f % 4 === 0 ? 'supervised' : 'supported',
            capacity_weight: 1,
            opened_at: at,
            review_due_on: at.slice(0, 10),
            risk_flags: f % 5 === 0 ? '["domestic_abuse"]' : '[]',
            closed_at: null,
            closure_outcome: null,
            closure_reason: null,
            created_at: at,
            updated_at: at,
          })
        for (const [kind, role, name] of [
          ['child', 'child', `kid ${f}`],
          ['adult', 'resident_parent', `mum ${f}`],
          ['adult', 'non_resident_parent', `dad ${f}`],
        ] as const)
          parties.push({
            id: newId(),
            organisation_id: organisationId,
            referral_id: referralId,
            case_id: open ? caseId : null,
            kind,
            role,
            side: null,
            full_name: name,
            search_name: name,
            date_of_birth: null,
            details: '{}',
            protected_sealed: null,
            protected_present: '[]',
            attendance: 'allowed',
            authorised_by: null,
            safety_flags: '[]',
            user_id: null,
            created_at: at,
            updated_at: at,
          })
      }
      await db.insertInto('referrals').values(referrals).execute()
      if (cases.length > 0) await db.insertInto('cases').values(cases).execute()
      await db.insertInto('parties').values(parties).execute()
    }
  }
  return made
}
