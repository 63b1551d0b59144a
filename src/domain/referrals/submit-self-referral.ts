import { findPublicCentre } from '../../db/repositories/organisations.repository'
import { insertParties } from '../../db/repositories/parties.repository'
import { insertReferral } from '../../db/repositories/referrals.repository'
import type { RequestOrigin } from '../access/actor'
import { recordAudit } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { loadIntakeSettings } from '../intake/intake-settings'
import { enqueueEmail } from '../outbox/enqueue-email'
import type { SelfReferralInput, SelfReferralReceipt } from './referrals.schemas'
import { adultRow, childRow, newReference, receivedReferralRow, recordTransition } from './workflow'

const NEXT_STEPS = [
  'The other parent applies separately, with this same form. The centre never shows either of you the other’s address or phone number.',
  'The coordinator reads both applications and contacts each of you, separately, to arrange a pre-visit.',
  'At the pre-visit you see the centre, talk through the arrangements and the ground rules, and sign them.',
  'The centre then tells you whether it can offer a place, or when one is likely.',
]

async function openCentre(deps: Deps, centreId: string) {
  const centre = await findPublicCentre(deps.db, centreId)
  if (!centre) throw notFound('Centre')
  const settings = await loadIntakeSettings(deps.db, { organisationId: centre.organisation_id })
  if (!settings.selfReferralOpen) throw notFound('Centre')
  return { centre, settings }
}

/** What a parent sees before applying. @throws AppError NOT_FOUND when the centre takes no self-referrals. */
export async function getPublicCentre(deps: Deps, centreId: string) {
  const { centre, settings } = await openCentre(deps, centreId)
  return {
    centreId: centre.id,
    centreName: centre.name,
    organisationName: centre.organisation_name,
    servicesOffered: settings.selfReferralServices,
    whatHappensNext: NEXT_STEPS,
  }
}

/**
 * A parent's own application (R-REF-5: each parent applies separately; the centre joins the two).
 * Nothing is kept from a form filled in by a robot, which still sees a receipt.
 * @throws AppError INVALID_INPUT for a service the centre does not take by self-referral (R-REF-7).
 */
export async function submitSelfReferral(
  deps: Deps,
  origin: RequestOrigin,
  centreId: string,
  input: SelfReferralInput,
): Promise<SelfReferralReceipt> {
  const { centre, settings } = await openCentre(deps, centreId)
  const who = { organisationId: centre.organisation_id, userId: null, role: null, origin }
  if (input.website) {
    await recordAudit(deps.db, deps.clock, who, {
      action: 'public.self_referral',
      outcome: 'denied',
      details: { honeypot: true },
    })
    return { reference: newReference('R'), centreName: centre.name, whatHappensNext: NEXT_STEPS }
  }
  if (!settings.selfReferralServices.includes(input.serviceRequested))
    throw new AppError(
      'INVALID_INPUT',
      'This kind of contact needs a referral from a solicitor, court adviser or social worker.',
      {
        issues: [{ path: ['serviceRequested'], message: 'Choose one of the services offered' }],
      },
    )
  const whatHappensNext = input.risk.flags.includes('non_molestation_order')
    ? [
        ...NEXT_STEPS,
        'Because there is an order stopping contact between you, the centre may ask a solicitor or mediator to make the referral instead.',
      ]
    : NEXT_STEPS
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString()
    const source =
      settings.referralSources.find((s) => s.code === 'self')?.code ??
      settings.referralSources[0]?.code ??
      'self'
    const row = receivedReferralRow(
      {
        organisation_id: centre.organisation_id,
        centre_id: centre.id,
        channel: 'self',
        source_code: source,
        service_requested: input.serviceRequested,
        frequency_requested: input.frequencyRequested ?? null,
      },
      input.risk,
      deps.fieldCrypto,
      now,
    )
    const { id, reference } = row
    await insertReferral(trx, row)
    const ctx = {
      organisationId: centre.organisation_id,
      referralId: id,
      caseId: null,
      now,
      crypto: deps.fieldCrypto,
    }
    const { applicant } = input
    await insertParties(trx, [
      ...input.children.map((c) => childRow({ ...c, protected: {} }, ctx)),
      adultRow(
        {
          role: applicant.role,
          side: null,
          fullName: applicant.fullName,
          dateOfBirth: applicant.dateOfBirth ?? null,
          details: {
            language: applicant.language ?? null,
            interpreterNeeded: applicant.interpreterNeeded,
            accessibility: applicant.accessibility ?? null,
            otherParentName: input.otherParentName,
            otherPeopleToAttend: input.otherPeopleToAttend ?? null,
            courtOrderInPlace: input.courtOrderInPlace,
          },
          protected: applicant.contact,
          safetyFlags: [],
        },
        ctx,
      ),
    ])
    await recordTransition(
      trx,
      deps.clock,
      { actor: null, label: 'Public form' },
      {
        organisationId: centre.organisation_id,
        subjectType: 'referral',
        subjectId: id,
        from: null,
        to: 'received',
        reason: 'Self-referral',
      },
    )
    if (applicant.contact.email) {
      await enqueueEmail(trx, deps.clock, {
        organisationId: centre.organisation_id,
        to: applicant.contact.email,
        subject: `${centre.name}: we have your application (${reference})`,
        text: [
          `Thank you. ${centre.name} has your application, reference ${reference}.`,
          '',
          'What happens next:',
          ...whatHappensNext.map((s, i) => `${i + 1}. ${s}`),
        ].join('\n'),
      })
    }
    await recordAudit(trx, deps.clock, who, {
      action: 'public.self_referral',
      resourceType: 'referral',
      resourceIds: [id, centre.id],
    })
    return { reference, centreName: centre.name, whatHappensNext }
  })
}
