import type { z } from 'zod'
import { addDays, addMonths } from '../cases/cases.rules'
import {
  CourtOrderInputSchema,
  CreateReferralSchema,
  SelfReferralSchema,
  type CreateReferralInput,
  type SelfReferralInput,
} from '../referrals/referrals.schemas'
import { demoContactEmail, NARRATIVES, phone, REFERRERS, school, STREETS } from './demo-contacts'
import type { DemoChild, DemoFamily } from './demo-families'

/** The family's dates and places, worked out from its number n and the day the demo is seeded. */
function familyFacts(family: DemoFamily, n: number, today: string) {
  const residentAddress = `Flat ${1 + (n % 4)}, ${3 + ((n * 7) % 60)} ${STREETS[n % STREETS.length] ?? ''}, St Helier`
  const visitingAddress =
    family.visitingAddress ?? `${2 + ((n * 13) % 80)} ${STREETS[(n + 7) % STREETS.length] ?? ''}, St Helier`
  const children = family.children.map(([fullName, ageMonths]: DemoChild, i) => ({
    fullName,
    ageMonths,
    dateOfBirth: addDays(addMonths(today, -ageMonths), -((n * 3 + i * 11) % 25)),
    needs: { feedingHelp: ageMonths < 12, changingHelp: ageMonths < 30 },
  }))
  const adultBorn = (years: number) => addDays(addMonths(today, -12 * years), -((n * 37) % 300))
  return {
    residentAddress,
    visitingAddress,
    children,
    residentBorn: adultBorn(26 + (n % 10)),
    visitingBorn: adultBorn(28 + ((n * 3) % 11)),
  }
}

/** Most visiting parents are fathers; a family can say otherwise. */
function relationship(family: DemoFamily, side: 'resident' | 'visiting'): 'Mother' | 'Father' {
  const mother = family.visitingMother === true ? 'visiting' : 'resident'
  return side === mother ? 'Mother' : 'Father'
}

/** A referral as the coordinator enters it from the referrer's form, checked by the same schema as the API. */
export function referralInput(
  family: DemoFamily,
  n: number,
  today: string,
  centreId: string,
): CreateReferralInput {
  const facts = familyFacts(family, n, today)
  const referrers = REFERRERS[family.source] ?? []
  const referrer = referrers[n % Math.max(1, referrers.length)]
  const flags = family.flags ?? []
  const narrative = flags.flatMap((flag) => NARRATIVES[flag] ?? []).join(' ')
  const orders: z.input<typeof CourtOrderInputSchema>[] = []
  if (family.source === 'court_adviser')
    orders.push({
      orderType: 'child_arrangements',
      madeOn: addMonths(today, -2),
      court: 'Royal Court, Family Division',
    })
  if (flags.includes('non_molestation_order'))
    orders.push({
      orderType: 'non_molestation',
      madeOn: addMonths(today, -5),
      expiresOn: addMonths(today, 7),
    })
  const raw: z.input<typeof CreateReferralSchema> = {
    centreId,
    sourceCode: family.source,
    serviceRequested: family.service,
    frequencyRequested: family.frequency,
    referrer: referrer && {
      name: referrer.name,
      organisation: referrer.organisation,
      role: referrer.role,
      email: demoContactEmail(referrer.name),
      phone: phone(referrer.line),
      actingFor: family.source === 'solicitor' ? 'non_resident' : 'both',
    },
    children: facts.children.map((child, i) => ({
      fullName: child.fullName,
      dateOfBirth: child.dateOfBirth,
      needs: child.needs,
      protected: { address: facts.residentAddress, school: school(child.ageMonths, n + i) },
    })),
    adults: [
      {
        role: 'resident_parent',
        fullName: family.resident,
        dateOfBirth: facts.residentBorn,
        details: { relationshipToChild: relationship(family, 'resident'), parentalResponsibility: true },
        protected: {
          address: facts.residentAddress,
          phone: phone(100 + 2 * n),
          email: demoContactEmail(family.resident),
          newPartner: family.partner ?? null,
        },
      },
      {
        role: 'non_resident_parent',
        fullName: family.visiting,
        dateOfBirth: facts.visitingBorn,
        details: {
          relationshipToChild: relationship(family, 'visiting'),
          parentalResponsibility: true,
          language: family.language ?? null,
        },
        protected: {
          address: facts.visitingAddress,
          phone: phone(101 + 2 * n),
          email: demoContactEmail(family.visiting),
        },
      },
    ],
    courtOrders: orders,
    risk: { flags: [...flags], narrative: narrative || null },
  }
  return CreateReferralSchema.parse(raw)
}

/** Each parent's own application through the public form, naming the same children. */
export function selfReferralInputs(family: DemoFamily, n: number, today: string): SelfReferralInput[] {
  const facts = familyFacts(family, n, today)
  const parents = [
    [
      'resident_parent',
      family.resident,
      family.visiting,
      facts.residentAddress,
      facts.residentBorn,
      null,
      100 + 2 * n,
    ],
    [
      'non_resident_parent',
      family.visiting,
      family.resident,
      facts.visitingAddress,
      facts.visitingBorn,
      family.language,
      101 + 2 * n,
    ],
  ] as const
  return parents.map(([role, fullName, otherParentName, address, dateOfBirth, language, line]) =>
    SelfReferralSchema.parse({
      applicant: {
        role,
        fullName,
        dateOfBirth,
        language: language ?? null,
        interpreterNeeded: false,
        contact: { address, phone: phone(line), email: demoContactEmail(fullName) },
      },
      otherParentName,
      children: facts.children.map(({ fullName: name, dateOfBirth: born, needs }) => ({
        fullName: name,
        dateOfBirth: born,
        needs,
      })),
      serviceRequested: family.service,
      frequencyRequested: family.frequency,
      courtOrderInPlace: false,
      risk: { flags: [] },
      consent: true,
    } satisfies z.input<typeof SelfReferralSchema>),
  )
}
