import type { Db } from '../../db/connect'
import type { Clock } from '../shared/clock'
import { newId } from '../shared/ids'
import type { Gate, RequirementKind } from './volunteers.schemas'

interface RequirementDefault {
  code: string
  title: string
  kind: RequirementKind
  mandatory: boolean
  validMonths: number | null
  dueDays: number | null
  gates: Gate[]
}

/**
 * What a UK centre asks of its volunteers (domain rules 5.5, centre facts). Every number is the
 * organisation's to change. NACCC does not publish its module list; these are the topics centres
 * train on (R-TRN-2), each to be done within the first year, safeguarding and domestic abuse
 * refreshed every three years.
 */
export const DEFAULT_REQUIREMENTS: readonly RequirementDefault[] = [
  {
    code: 'dbs',
    title: 'Enhanced DBS check',
    kind: 'dbs',
    mandatory: true,
    validMonths: 36,
    dueDays: null,
    gates: ['*'],
  },
  {
    code: 'policies',
    title: 'Centre policies read',
    kind: 'policies',
    mandatory: true,
    validMonths: null,
    dueDays: null,
    gates: ['*'],
  },
  {
    code: 'child_protection',
    title: 'Child protection course',
    kind: 'training',
    mandatory: true,
    validMonths: 36,
    dueDays: null,
    gates: ['*'],
  },
  {
    code: 'first_aid',
    title: 'First aid',
    kind: 'training',
    mandatory: true,
    validMonths: 36,
    dueDays: 90,
    gates: ['*'],
  },
  {
    code: 'supervisor_qualification',
    title: 'Supervisor qualification (Level 3 Diploma or equivalent)',
    kind: 'qualification',
    mandatory: false,
    validMonths: null,
    dueDays: null,
    gates: ['supervisor'],
  },
  {
    code: 'mentor_review_90',
    title: 'Review with mentor, 90 days after starting',
    kind: 'checklist',
    mandatory: true,
    validMonths: null,
    dueDays: 90,
    gates: [],
  },
  {
    code: 'naccc_01',
    title: 'NACCC 1: The volunteer’s role and NACCC values',
    kind: 'training',
    mandatory: true,
    validMonths: null,
    dueDays: 365,
    gates: ['*'],
  },
  {
    code: 'naccc_02',
    title: 'NACCC 2: Safeguarding children',
    kind: 'training',
    mandatory: true,
    validMonths: 36,
    dueDays: 365,
    gates: ['*'],
  },
  {
    code: 'naccc_03',
    title: 'NACCC 3: Domestic abuse awareness',
    kind: 'training',
    mandatory: true,
    validMonths: 36,
    dueDays: 365,
    gates: ['*'],
  },
  {
    code: 'naccc_04',
    title: 'NACCC 4: Confidentiality and data protection',
    kind: 'training',
    mandatory: true,
    validMonths: null,
    dueDays: 365,
    gates: ['*'],
  },
  {
    code: 'naccc_05',
    title: 'NACCC 5: Conflict management',
    kind: 'training',
    mandatory: true,
    validMonths: null,
    dueDays: 365,
    gates: ['*'],
  },
  {
    code: 'naccc_06',
    title: 'NACCC 6: Equality and diversity',
    kind: 'training',
    mandatory: true,
    validMonths: null,
    dueDays: 365,
    gates: ['*'],
  },
  {
    code: 'naccc_07',
    title: 'NACCC 7: Health and safety',
    kind: 'training',
    mandatory: true,
    validMonths: null,
    dueDays: 365,
    gates: ['*'],
  },
  {
    code: 'naccc_08',
    title: 'NACCC 8: Risk assessment',
    kind: 'training',
    mandatory: true,
    validMonths: null,
    dueDays: 365,
    gates: ['*'],
  },
  {
    code: 'naccc_09',
    title: 'NACCC 9: Preparing children for contact',
    kind: 'training',
    mandatory: true,
    validMonths: null,
    dueDays: 365,
    gates: ['*'],
  },
  {
    code: 'naccc_10',
    title: 'NACCC 10: Working together to safeguard children',
    kind: 'training',
    mandatory: true,
    validMonths: null,
    dueDays: 365,
    gates: ['*'],
  },
  {
    code: 'naccc_11',
    title: 'NACCC 11: Records and observation',
    kind: 'training',
    mandatory: true,
    validMonths: null,
    dueDays: 365,
    gates: ['supervisor'],
  },
  {
    code: 'whole_family',
    title: 'Specialist: whole-family approaches',
    kind: 'training',
    mandatory: false,
    validMonths: null,
    dueDays: null,
    gates: [],
  },
  {
    code: 'putting_children_first',
    title: 'Specialist: Putting Children First',
    kind: 'training',
    mandatory: false,
    validMonths: null,
    dueDays: null,
    gates: [],
  },
  {
    code: 'parental_alienation',
    title: 'Specialist: understanding parental alienation',
    kind: 'training',
    mandatory: false,
    validMonths: null,
    dueDays: null,
    gates: [],
  },
]

/** The personal file of policies every volunteer reads and keeps (centre facts). */
export const DEFAULT_POLICIES: readonly { title: string; body: string }[] = [
  {
    title: 'Confidentiality',
    body: 'What you see and hear at the centre stays at the centre. Never give a family’s details, including where anyone lives, to anyone, and never to the other parent. Never give out your own contact details or arrange to meet a family outside the centre. Tell the coordinator at once if you know a family.',
  },
  {
    title: 'Child protection',
    body: 'Recognise, respond, report, record, refer. If a child tells you something or you see something that worries you, do not promise to keep it secret; tell the team leader straight away and write down what you saw and heard, in the words used.',
  },
  {
    title: 'Data protection',
    body: 'We keep only what we need, for as long as we need it. Use Kinbridge for records, not paper or your own phone. Sign out of the centre tablet when you leave it.',
  },
  {
    title: 'Health and safety',
    body: 'Know the fire exits, the first aider on duty and the accident book. Check the room before families arrive. Children stay in sight of a volunteer at all times.',
  },
  {
    title: 'Domestic violence',
    body: 'Parents must never meet at the centre unless the arrangement allows it. Keep to the arrival and departure times, watch the entrances and tell the team leader if a parent lingers.',
  },
  {
    title: 'Complaints procedure',
    body: 'Anyone may complain. Listen, take their name, and pass it to the coordinator the same day. We answer within the timescales of the complaints policy.',
  },
  {
    title: 'Equal opportunities and diversity',
    body: 'Everyone is welcome and treated with respect. We celebrate diversity and challenge discrimination.',
  },
]

/**
 * Gives an organisation the default requirements and policies the first time anyone needs them.
 * Safe to call from two requests at once: a second insert of the same code is ignored.
 */
export async function ensureVolunteeringDefaults(
  db: Db,
  clock: Clock,
  organisationId: string,
): Promise<void> {
  const any = await db
    .selectFrom('volunteer_requirements')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .limit(1)
    .executeTakeFirst()
  if (any) return
  const now = clock.now().toISOString()
  await db
    .insertInto('volunteer_requirements')
    .values(
      DEFAULT_REQUIREMENTS.map((r, index) => ({
        id: newId(),
        organisation_id: organisationId,
        code: r.code,
        title: r.title,
        kind: r.kind,
        mandatory: r.mandatory ? 1 : 0,
        valid_months: r.validMonths,
        due_days: r.dueDays,
        gates: JSON.stringify(r.gates),
        sort_order: index * 10,
        archived_at: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['organisation_id', 'code']).doNothing())
    .execute()
  const policies = await db
    .selectFrom('policies')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .limit(1)
    .executeTakeFirst()
  if (policies) return
  const today = now.slice(0, 10)
  for (const [index, policy] of DEFAULT_POLICIES.entries()) {
    const id = newId()
    await db
      .insertInto('policies')
      .values({
        id,
        organisation_id: organisationId,
        title: policy.title,
        must_read: 1,
        sort_order: index * 10,
        archived_at: null,
        created_at: now,
      })
      .execute()
    await db
      .insertInto('policy_versions')
      .values({
        id: newId(),
        organisation_id: organisationId,
        policy_id: id,
        version: 1,
        body: policy.body,
        changes: null,
        published_on: today,
        published_by_user_id: null,
        created_at: now,
      })
      .execute()
  }
}
