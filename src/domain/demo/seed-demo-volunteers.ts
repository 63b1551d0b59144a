import { listPolicyVersions } from '../../db/repositories/volunteers.repository'
import { cliOrigin, scopeOf, type Actor } from '../access/actor'
import type { Role } from '../access/roles'
import { addDays } from '../cases/cases.rules'
import { getCentre } from '../organisation/manage-centres'
import { listVenueOpenings } from '../scheduling/openings'
import { decideHours, logHours, logRotaDay } from '../volunteers/hours'
import { acknowledgePolicy, listPoliciesOf, publishPolicyVersion } from '../volunteers/policies'
import { listRequirementsOf, recordEvidence, startRenewal } from '../volunteers/requirements'
import {
  assignVolunteer,
  candidatesFor,
  getRota,
  loadRotaContext,
  requestSwap,
  setOpeningStaffing,
  suggest,
  unassign,
} from '../volunteers/rota'
import { positionOf, placementProblems } from '../volunteers/rota.rules'
import { addException, setAvailability } from '../volunteers/self-service'
import { newId } from '../shared/ids'
import { plusMonths } from '../volunteers/volunteer.rules'
import { createVolunteer, moveStage, updateVolunteer } from '../volunteers/volunteers'
import {
  AddExceptionSchema,
  AssignSchema,
  CreateVolunteerSchema,
  LogHoursSchema,
  MoveStageSchema,
  RecordEvidenceSchema,
  RequestSwapSchema,
  SetAvailabilitySchema,
  VolunteeringSettingsSchema,
  type Duty,
  type VolunteerFile,
  type VolunteerStage,
} from '../volunteers/volunteers.schemas'
import { firstScheduledSunday } from './demo-schedule'
import { pastSunday, type DemoDesk } from './demo-intake'
import { on, type StoryStep } from './demo-story'
import {
  AWAY_NOTES,
  DEMO_APPLICANTS,
  DEMO_EXCEPTIONS,
  DEMO_VOLUNTEER_NAME,
  DEMO_VOLUNTEERS,
  ESCORT_JOURNEY,
  EXTRA_SATURDAY,
  POLICY_UPDATE,
  PUTTING_CHILDREN_FIRST_DAY,
  SUNDAY_STAFFING,
  SWAP_NOTE,
  TRAINING_EVENING,
  type DemoApplicant,
  type DemoVolunteer,
} from './demo-volunteers'

/** Who the volunteer story needs: the desk's organisation and centre, and the demo logins. */
export interface VolunteerCrew {
  organisationId: string
  centreId: string
  userIds: Record<Role, string>
}

export interface DemoVolunteersSummary {
  volunteers: number
  /** Mentored, active and leaving. */
  current: number
  leaving: number
  pipeline: number
  /** Places the coordinator filled, from the first Saturday booked in Kinbridge to 8 weeks ahead. */
  placesFilled: number
  /** Places left open in the next 8 weeks. */
  placesOpenAhead: number
}

/** Who escorts Kayden to his prison visits: the demo volunteer, and a second escort when she cannot. */
const ESCORTS = [
  DEMO_VOLUNTEER_NAME,
  ...DEMO_VOLUNTEERS.filter((v) => v.duties.includes('escort') && !v.demoLogin).map((v) => v.fullName),
]
/** Days a volunteer has to read a new version of a policy before it stops them working (the default). */
const POLICY_GRACE_DAYS = VolunteeringSettingsSchema.parse({}).policyGraceDays
/** Weeks of rota ahead the coordinator fills: what the staffing chart looks at. */
const WEEKS_AHEAD = 8
/** Places opened up again in weeks six to eight, so the staffing chart has gaps to show. */
const OPENED_UP = AWAY_NOTES.length

/** The NACCC modules, and the day of the first year each is done on (module 1 at the induction). */
const MODULES: readonly (readonly [code: string, day: number])[] = [
  ['naccc_01', -13],
  ['naccc_02', 30],
  ['naccc_03', 60],
  ['naccc_04', 100],
  ['naccc_05', 145],
  ['naccc_06', 145],
  ['naccc_07', 190],
  ['naccc_08', 230],
  ['naccc_09', 270],
  ['naccc_10', 310],
  ['naccc_11', 345],
]
/** Requirements that last three years, renewed three months before they run out. */
const RENEWED = new Set(['dbs', 'child_protection', 'first_aid', 'naccc_02', 'naccc_03'])
const RENEW_EVERY_MONTHS = 33

const PROVIDERS: Record<string, string> = {
  dbs: 'Disclosure and Barring Service, through the umbrella body',
  child_protection: 'Jersey Safeguarding Partnership Board',
  first_aid: 'St John Ambulance Jersey',
  mentor_review_90: 'Review with their mentor and the coordinator',
  whole_family: 'National Network of Separated Family Centres',
  parental_alienation: 'National Network of Separated Family Centres',
  putting_children_first: PUTTING_CHILDREN_FIRST_DAY.provider,
}
const providerOf = (code: string): string => PROVIDERS[code] ?? 'NACCC trainer'

const actorFor = (crew: VolunteerCrew, role: Role): Actor => ({
  kind: 'cli',
  userId: crew.userIds[role],
  organisationId: crew.organisationId,
  grants: [{ role, centreId: role === 'admin' ? null : crew.centreId }],
  sessionId: null,
  origin: cliOrigin(),
})

/** Each renewal, on a cadence from the first time it was done, up to a day. */
function renewals(first: string, until: string): string[] {
  const dates: string[] = []
  for (
    let next = plusMonths(first, RENEW_EVERY_MONTHS);
    next <= until;
    next = plusMonths(next, RENEW_EVERY_MONTHS)
  )
    dates.push(next)
  return dates
}

const startOf = (v: DemoVolunteer, today: string): string =>
  addDays(plusMonths(today, -v.started.monthsAgo), v.started.plusDays ?? 0)

/**
 * The demo centre's volunteers as dated story steps, told with the families (see seedDemoFamilies):
 * each current volunteer's way in (enquiry, the meeting about the role, application, references, the
 * DBS check, training and the mentored first year, years ago for most), their courses and renewals,
 * the leavers telling the coordinator; six people on the way in now; then, once the school has its
 * openings and the supervised and escorted families their sessions, the rota: the escort put on
 * Kayden's prison visits, the suggested rota applied for the weeks already held and the 8 weeks
 * ahead, the hours of each day held logged, two places opened up again in weeks six to eight, and a
 * swap the demo volunteer has asked for. Everything goes through the desk's use cases; only the
 * policies read by volunteers without a sign-in are written directly (on paper, at the induction).
 */
export function volunteerStory(
  desk: DemoDesk,
  crew: VolunteerCrew,
): { steps: StoryStep[][]; summary: () => DemoVolunteersSummary } {
  const { deps, actor, today } = desk
  const admin = actorFor(crew, 'admin')
  const demoVolunteer = actorFor(crew, 'volunteer')
  const yesterday = addDays(today, -1)
  const firstSunday = firstScheduledSunday(today)
  const lastSunday = pastSunday(today, 0)
  const daysAgo = (days: number) => addDays(today, -days)
  const files = new Map<string, { id: string; version: number }>()
  const requirementIds = new Map<string, string>()
  const dbsRecords = new Map<string, string>()
  const counts = { placesFilled: 0, placesOpenAhead: 0 }
  /** The demo volunteer's prison visits: date → assignment. */
  const escorts = new Map<string, string>()
  const escortHours = new Map<string, string>()
  /** Days held whose shifts the desk logs from the rota: the school's, and visits by the second escort. */
  const loggedByDesk = new Set<string>()

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`demo: ${what} is missing`)
    return value
  }
  const fileOf = (name: string) => need(files.get(name), `the volunteer ${name}`)
  const keep = (name: string, file: VolunteerFile) => files.set(name, { id: file.id, version: file.version })
  const requirementId = async (code: string): Promise<string> => {
    if (requirementIds.size === 0)
      for (const r of (await listRequirementsOf(deps, actor)).requirements) requirementIds.set(r.code, r.id)
    return need(requirementIds.get(code), `the requirement ${code}`)
  }

  // ---------- The use cases, as the desk calls them ----------

  const enquire = async (
    person: Pick<DemoVolunteer, 'fullName' | 'email' | 'phone' | 'dateOfBirth' | 'notes'>,
  ) => {
    const file = await createVolunteer(
      deps,
      actor,
      CreateVolunteerSchema.parse({ centreId: crew.centreId, ...person }),
    )
    keep(person.fullName, file)
  }
  const move = async (name: string, to: VolunteerStage, more: Record<string, unknown> = {}) => {
    const { id, version } = fileOf(name)
    keep(name, await moveStage(deps, actor, id, MoveStageSchema.parse({ version, to, ...more })))
  }
  const update = async (name: string, changes: Record<string, unknown>) => {
    const { id, version } = fileOf(name)
    keep(name, await updateVolunteer(deps, actor, id, { version, ...changes }))
  }
  const record = async (
    name: string,
    code: string,
    completedOn: string,
    more: Record<string, unknown> = {},
  ) => {
    const input = RecordEvidenceSchema.parse({
      requirementId: await requirementId(code),
      completedOn,
      provider: providerOf(code),
      ...more,
    })
    return recordEvidence(deps, actor, fileOf(name).id, input)
  }
  const dbsCheck = async (
    name: string,
    index: number,
    renewal: number,
    completedOn: string,
    expiresOn?: string,
  ) => {
    const certificateNumber = String(104_275_390_118 + index * 7_654_321 + renewal * 97_531).padStart(12, '0')
    const onUpdateService = index % 3 !== 1
    const saved = await record(name, 'dbs', completedOn, {
      ...(expiresOn ? { expiresOn } : {}),
      dbs: {
        level: 'enhanced_barred',
        certificateNumber,
        onUpdateService,
        updateServiceCheckedOn: onUpdateService ? addDays(completedOn, 1) : null,
      },
    })
    dbsRecords.set(name, saved.id)
  }
  /** Policies read on paper at the induction (no sign-in): the acknowledgement is written for them. */
  const readPoliciesOnPaper = async (name: string) => {
    const scope = scopeOf(actor)
    const current = new Map<string, string>()
    for (const version of await listPolicyVersions(deps.db, scope))
      if (!current.has(version.policy_id)) current.set(version.policy_id, version.id)
    const at = deps.clock.now().toISOString()
    const { id } = fileOf(name)
    await deps.db
      .insertInto('policy_acknowledgements')
      .values(
        [...current.values()].map((versionId) => ({
          id: newId(),
          organisation_id: crew.organisationId,
          volunteer_id: id,
          policy_version_id: versionId,
          user_id: null,
          acknowledged_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['volunteer_id', 'policy_version_id']).doNothing())
      .execute()
  }
  /** The demo volunteer reads every policy herself, signed in. */
  const readPoliciesSignedIn = async () => {
    for (const policy of (await listPoliciesOf(deps, actor)).policies) {
      if (!policy.mustRead || !policy.currentVersion) continue
      await acknowledgePolicy(deps, demoVolunteer, policy.id, policy.currentVersion.id)
    }
  }
  const available = async (name: string, weekly: DemoVolunteer['availability'], max: number | null) => {
    await setAvailability(
      deps,
      actor,
      fileOf(name).id,
      SetAvailabilitySchema.parse({ weekly, maxShiftsPerMonth: max }),
    )
  }
  const away = async (name: string, firstDay: string, lastDay: string, kind: string, note: string) =>
    addException(deps, actor, fileOf(name).id, AddExceptionSchema.parse({ firstDay, lastDay, kind, note }))

  // ---------- Each volunteer's years with the centre ----------

  const step = (date: string, time: string, run: () => Promise<unknown>): StoryStep => ({
    at: on(date, time),
    run,
  })
  const done = (date: string) => date <= addDays(today, -3)

  function volunteerSteps(v: DemoVolunteer, index: number): StoryStep[] {
    const name = v.fullName
    const started = startOf(v, today)
    // A DBS check is issued three weeks before the first shift, unless this volunteer's story says otherwise.
    const dbsExpires = v.dbs ? addDays(today, v.dbs.expiresInDays) : undefined
    const dbsDone = v.dbs ? addDays(plusMonths(today, -36), v.dbs.expiresInDays) : addDays(started, -21)
    if (dbsDone > addDays(started, -14)) throw new Error(`demo: ${name}'s DBS check comes after they started`)
    const childProtectionOn = addDays(started, -16)
    const steps: StoryStep[] = [
      step(addDays(started, -84), '10:00', () => enquire(v)),
      step(addDays(started, -77), '10:00', () => move(name, 'role_meeting')),
      step(addDays(started, -70), '10:00', () => move(name, 'application')),
      step(addDays(started, -63), '10:00', () => move(name, 'references')),
      step(addDays(started, -50), '10:00', () => update(name, { referencesReceived: 2 })),
      step(addDays(started, -49), '10:00', () => move(name, 'dbs_applied')),
      step(addDays(dbsDone, 1), '10:00', async () => {
        await dbsCheck(name, index, 0, dbsDone, dbsExpires)
        await move(name, 'cleared')
      }),
      step(addDays(childProtectionOn, 1), '10:00', () => record(name, 'child_protection', childProtectionOn)),
      step(addDays(started, -14), '10:00', async () => {
        await available(name, v.availability, v.maxShiftsPerMonth)
        if (v.demoLogin) {
          await update(name, { userId: crew.userIds.volunteer })
          await readPoliciesSignedIn()
        } else await readPoliciesOnPaper(name)
        if (v.qualification)
          await record(
            name,
            'supervisor_qualification',
            addDays(started, -365 * v.qualification.yearsBeforeStarting),
            {
              provider: v.qualification.title,
            },
          )
        if (v.firstAid)
          await record(name, 'first_aid', addDays(plusMonths(today, -36), v.firstAid.expiresInDays), {
            expiresOn: addDays(today, v.firstAid.expiresInDays),
            provider: v.firstAid.provider,
            note: 'Certificate from work, seen by the coordinator',
          })
        await move(name, 'training')
      }),
      v.mentor
        ? step(started, '09:00', () => move(name, 'mentored', { mentorId: fileOf(v.mentor ?? '').id }))
        : step(started, '09:00', () =>
            move(name, 'active', {
              signOffEarly: true,
              reason: 'Founding volunteer, from the church hall days: joined before the mentored first year',
            }),
          ),
    ]
    const firsts = new Map<string, string>([
      ['dbs', dbsDone],
      ['child_protection', childProtectionOn],
    ])
    if (!v.firstAid) {
      const firstAidOn = addDays(started, 40)
      firsts.set('first_aid', firstAidOn)
      if (done(firstAidOn))
        steps.push(step(addDays(firstAidOn, 1), '10:00', () => record(name, 'first_aid', firstAidOn)))
    }
    for (const [code, day] of MODULES) {
      if (v.trainingEvening && TRAINING_EVENING.modules.some((m) => m === code)) continue
      const on_ = addDays(started, day)
      if (!done(on_)) continue
      firsts.set(code, on_)
      steps.push(step(on_, '20:30', () => record(name, code, on_)))
    }
    const review = addDays(started, 90)
    if (done(review)) steps.push(step(review, '11:00', () => record(name, 'mentor_review_90', review)))
    // Duties beyond the floor come once the mentored year is over.
    const duties = v.duties.length > 0 ? () => update(name, { duties: v.duties }) : () => Promise.resolve()
    if (v.stage !== 'mentored' && v.mentor)
      steps.push(
        step(addDays(plusMonths(started, 12), 2), '10:00', async () => {
          await move(name, 'active')
          await duties()
        }),
      )
    if (!v.mentor) steps.push(step(started, '09:05', duties))
    for (const [position, course] of (v.specialist ?? []).entries()) {
      const on_ = addDays(started, 400 + 170 * position)
      if (done(on_)) steps.push(step(on_, '16:30', () => record(name, course, on_)))
    }
    // Renewals of each three-yearly requirement, except where this volunteer's story differs.
    for (const [code, first] of firsts) {
      if (!RENEWED.has(code) || (code === 'dbs' && v.dbs)) continue
      for (const [n, renewedOn] of renewals(first, addDays(today, -7)).entries())
        steps.push(
          step(addDays(renewedOn, 1), '10:30', () =>
            code === 'dbs' ? dbsCheck(name, index, n + 1, renewedOn) : record(name, code, renewedOn),
          ),
        )
    }
    if (v.dbs?.renewalStartedDaysAgo !== undefined) {
      const startedOn = daysAgo(v.dbs.renewalStartedDaysAgo)
      steps.push(
        step(startedOn, '10:45', async () =>
          startRenewal(deps, actor, need(dbsRecords.get(name), `${name}'s DBS record`), {
            startedOn,
            note: 'Applied for online through the umbrella body; certificate awaited',
          }),
        ),
      )
    }
    if (v.leaving) {
      const { toldWeeksAgo, lastDayInWeeks, reason } = v.leaving
      steps.push(
        step(daysAgo(7 * toldWeeksAgo), '10:15', () =>
          move(name, 'leaving', { plannedEndOn: addDays(today, 7 * lastDayInWeeks), reason }),
        ),
      )
    }
    return steps.sort((a, b) => a.at.localeCompare(b.at))
  }

  function applicantSteps(a: DemoApplicant, index: number): StoryStep[] {
    const name = a.fullName
    const steps: StoryStep[] = [step(daysAgo(a.enquiredDaysAgo), '10:00', () => enquire(a))]
    if (a.references) {
      const received = a.references.received
      steps.push(
        step(daysAgo(a.references.daysAgo), '09:30', () => update(name, { referencesReceived: received })),
      )
    }
    const cleared = a.cleared
    for (const s of a.steps) {
      const date = daysAgo(s.daysAgo)
      if (s.to === 'training' && cleared) {
        steps.push(
          step(date, '10:00', async () => {
            await available(name, a.availability ?? [], null)
            await readPoliciesOnPaper(name)
            await move(name, 'training')
          }),
        )
        continue
      }
      steps.push(step(date, '10:00', () => move(name, s.to)))
    }
    if (cleared) {
      const dbsOn = daysAgo(cleared.dbsDaysAgo)
      const childProtectionOn = daysAgo(cleared.childProtectionDaysAgo)
      const induction = daysAgo(cleared.inductionDaysAgo)
      steps.push(
        step(dbsOn, '09:00', () => dbsCheck(name, DEMO_VOLUNTEERS.length + index, 0, dbsOn)),
        step(childProtectionOn, '16:00', () => record(name, 'child_protection', childProtectionOn)),
        step(induction, '16:00', async () => {
          await record(name, 'naccc_01', induction)
          await record(name, 'naccc_02', induction)
        }),
      )
    }
    return steps.sort((a, b) => a.at.localeCompare(b.at))
  }

  // ---------- Training days, the policy update, holidays ----------

  const trainingEvening = addDays(pastSunday(today, 2), 2)
  const specialistDay = addDays(pastSunday(today, 6), 4)
  const training: StoryStep[] = [
    step(specialistDay, '16:30', async () => {
      for (const v of DEMO_VOLUNTEERS.filter((x) => x.puttingChildrenFirstDay)) {
        await record(v.fullName, 'putting_children_first', specialistDay)
        await logHours(
          deps,
          actor,
          LogHoursSchema.parse({
            volunteerId: fileOf(v.fullName).id,
            kind: 'training',
            onDate: specialistDay,
            minutes: PUTTING_CHILDREN_FIRST_DAY.minutes,
            description: PUTTING_CHILDREN_FIRST_DAY.description,
          }),
        )
      }
    }),
    step(trainingEvening, '21:30', async () => {
      const present = [...DEMO_VOLUNTEERS, ...DEMO_APPLICANTS].filter((x) => x.trainingEvening)
      for (const person of present) {
        for (const code of TRAINING_EVENING.modules)
          await record(person.fullName, code, trainingEvening, { provider: TRAINING_EVENING.provider })
        await logHours(
          deps,
          actor,
          LogHoursSchema.parse({
            volunteerId: fileOf(person.fullName).id,
            kind: 'training',
            onDate: trainingEvening,
            minutes: TRAINING_EVENING.minutes,
            description: TRAINING_EVENING.description,
          }),
        )
      }
    }),
  ]

  const published = daysAgo(POLICY_UPDATE.daysAgo)
  const READING_DAYS = POLICY_UPDATE.daysAgo - 2
  const readers = [
    ...DEMO_VOLUNTEERS.filter((v) => !v.demoLogin).map((v) => v.fullName),
    ...DEMO_APPLICANTS.filter((a) => a.stage === 'training').map((a) => a.fullName),
  ]
  const policyUpdate: StoryStep[] = [
    step(published, '09:00', async () => {
      const policy = need(
        (await listPoliciesOf(deps, actor)).policies.find((p) => p.title === POLICY_UPDATE.title),
        `the ${POLICY_UPDATE.title} policy`,
      )
      await publishPolicyVersion(deps, admin, policy.id, {
        body: POLICY_UPDATE.body,
        changes: POLICY_UPDATE.changes,
      })
    }),
    // Read over the days since, before yesterday's rota; the demo volunteer has yet to.
    ...[...Array(READING_DAYS).keys()].map((day) =>
      step(addDays(published, day + 1), '19:00', async () => {
        for (const [i, name] of readers.entries())
          if (i % READING_DAYS === day) await readPoliciesOnPaper(name)
      }),
    ),
  ]

  const firstSaturday = addDays(firstSunday, -1)
  const nextOpenSaturday = (() => {
    let date = firstSaturday
    while (date <= today) date = addDays(date, 14)
    return date
  })()
  const holidays: StoryStep[] = [
    ...DEMO_EXCEPTIONS.map((e) =>
      step(daysAgo(e.toldDaysAgo), '18:30', () =>
        away(e.volunteer, addDays(today, e.fromDay), addDays(today, e.toDay), e.kind, e.note),
      ),
    ),
    step(daysAgo(EXTRA_SATURDAY.toldDaysAgo), '18:45', () =>
      away(EXTRA_SATURDAY.volunteer, nextOpenSaturday, nextOpenSaturday, 'available', EXTRA_SATURDAY.note),
    ),
  ].sort((a, b) => a.at.localeCompare(b.at))

  // ---------- The rota ----------

  const joanna = () => fileOf(DEMO_VOLUNTEER_NAME).id
  const rotaUntil = addDays(today, 7 * WEEKS_AHEAD - 1)
  /**
   * Kayden's prison visits first, up to a day: the demo volunteer on each she can take without a
   * warning, the second escort on the others he can. Then the suggestion, applied to every other place.
   */
  const fillRota = async (from: string, to: string, escortsUntil: string) => {
    const { shifts } = await getRota(deps, actor, crew.centreId, from, escortsUntil > to ? escortsUntil : to)
    const escortIds = ESCORTS.map((name) => fileOf(name).id)
    for (const shift of shifts) {
      const escort = shift.positions.find((p) => p.duty === 'escort')
      if (!escort || escort.assigned.length >= escort.needed || shift.date > escortsUntil) continue
      const { candidates } = await candidatesFor(deps, actor, crew.centreId, {
        shiftKey: shift.key,
        duty: 'escort',
        ...(escort.sessionId ? { sessionId: escort.sessionId } : {}),
      })
      const free = (id: string) => candidates.some((c) => c.volunteerId === id && c.problems.length === 0)
      const volunteerId = escortIds.find(free)
      if (!volunteerId) continue
      const placed = await assignVolunteer(
        deps,
        actor,
        crew.centreId,
        AssignSchema.parse({ shiftKey: shift.key, duty: 'escort', sessionId: escort.sessionId, volunteerId }),
      )
      if (volunteerId === joanna()) escorts.set(shift.date, placed.id)
      else if (shift.date < today) loggedByDesk.add(shift.date)
      counts.placesFilled += 1
    }
    const suggestion = await suggest(deps, actor, crew.centreId, { from, to, apply: true })
    counts.placesFilled += suggestion.filled
    return shifts
  }
  const rota: StoryStep[] = [
    // Once the school's openings are set: a team leader, reception and two on the floor on Sundays.
    step(addDays(firstSunday, -9), '11:00', async () => {
      const centre = await getCentre(deps, actor, crew.centreId)
      const school = need(
        centre.venues.find((v) => !v.archived),
        'the school',
      )
      const { openings } = await listVenueOpenings(deps, actor, school.id)
      const sunday = need(
        openings.find((o) => o.weekday === 7),
        'the Sunday opening',
      )
      await setOpeningStaffing(deps, actor, sunday.id, { ...SUNDAY_STAFFING })
    }),
    // Once the families are booked: the escort on Kayden's visits for the next two months (up to the
    // day she must have read the policy version published a week ago: any later, it would block her
    // now), and the suggested rota for the weeks to come. Yesterday evening, the eight weeks ahead.
    step(addDays(firstSunday, -3), '19:00', async () => {
      const shifts = await fillRota(
        firstSaturday,
        addDays(lastSunday, 6),
        addDays(published, POLICY_GRACE_DAYS),
      )
      for (const shift of shifts)
        if (shift.openingId !== null && shift.date < today) loggedByDesk.add(shift.date)
    }),
    step(yesterday, '17:00', () => fillRota(today, rotaUntil, rotaUntil)),
    // Two volunteers rang to say they are away on a weekend in weeks six to eight: their places open up.
    step(yesterday, '18:00', async () => {
      const from = addDays(today, 35)
      const ctx = await loadRotaContext(deps.db, deps, actor, crew.centreId, from, rotaUntil)
      const mentors = new Set(
        ctx.team.volunteers.filter((v) => v.stage === 'mentored').map((v) => v.mentor_id ?? ''),
      )
      const movable = ctx.assignments.filter(
        (a) =>
          a.on_date >= from &&
          a.on_date <= rotaUntil &&
          (a.duty === 'floor' || a.duty === 'reception') &&
          a.volunteer_id !== joanna() &&
          !mentors.has(a.volunteer_id) &&
          ctx.team.volunteers.find((v) => v.id === a.volunteer_id)?.stage !== 'mentored',
      )
      const byVolunteer = new Map<string, typeof movable>()
      for (const a of movable)
        byVolunteer.set(a.volunteer_id, [...(byVolunteer.get(a.volunteer_id) ?? []), a])
      const chosen = [...byVolunteer.entries()]
        .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
        .slice(0, OPENED_UP)
      for (const [i, [volunteerId, theirs]] of chosen.entries()) {
        const date = need(
          theirs
            .map((a) => a.on_date)
            .sort()
            .at(-1),
          'a date',
        )
        await addException(
          deps,
          actor,
          volunteerId,
          AddExceptionSchema.parse({ firstDay: date, lastDay: date, note: AWAY_NOTES[i] }),
        )
        for (const a of ctx.assignments.filter((x) => x.volunteer_id === volunteerId && x.on_date === date))
          await unassign(deps, actor, a.id)
      }
      const ahead = await getRota(deps, actor, crew.centreId, today, rotaUntil)
      counts.placesOpenAhead = ahead.shifts.reduce((sum, s) => sum + s.unfilled, 0)
    }),
    // The demo volunteer asks to hand one of her shifts, a week or more away, to a colleague.
    step(yesterday, '19:00', async () => {
      const ctx = await loadRotaContext(deps.db, deps, actor, crew.centreId, today, rotaUntil)
      const hers = ctx.assignments.filter(
        (a) => a.volunteer_id === joanna() && a.on_date >= addDays(today, 4),
      )
      const colleagues = [...ctx.world.volunteers.values()]
        .filter((v) => v.id !== joanna())
        .sort(
          (a, b) =>
            Number(b.duties.includes('escort')) - Number(a.duties.includes('escort')) ||
            a.fullName.localeCompare(b.fullName),
        )
      // A colleague with nothing against them if one can; else one the coordinator could still approve.
      for (const acceptable of [(n: number) => n === 0, (n: number, hard: number) => hard === 0])
        for (const assignment of hers) {
          const shift = ctx.shifts.find((s) => s.key === assignment.shift_key)
          const position = shift && positionOf(shift, assignment.duty as Duty, assignment.session_id)
          if (!shift || !position) continue
          const colleague = colleagues.find((v) => {
            const problems = placementProblems(ctx.world, shift, position, v, assignment.id)
            return acceptable(problems.length, problems.filter((p) => p.hard).length)
          })
          if (!colleague) continue
          await requestSwap(
            deps,
            demoVolunteer,
            assignment.id,
            RequestSwapSchema.parse({ toVolunteerId: colleague.id, note: SWAP_NOTE }),
          )
          return
        }
      throw new Error('demo: no colleague could take any of the demo volunteer’s shifts')
    }),
  ]

  // After each day the school was open, the team leader's tick logs everyone's hours from the rota;
  // the escort logs each prison visit herself, with the mileage, and the coordinator approves it the
  // next morning, all but the last.
  const hours: StoryStep[] = []
  for (let date = firstSaturday; date < today; date = addDays(date, 1)) {
    const day = date
    hours.push(
      step(day, '19:00', async () => {
        if (loggedByDesk.has(day)) await logRotaDay(deps, actor, crew.centreId, day)
      }),
      step(day, '19:30', async () => {
        const assignmentId = escorts.get(day)
        if (!assignmentId) return
        const logged = await logHours(
          deps,
          demoVolunteer,
          LogHoursSchema.parse({ kind: 'escort', onDate: day, assignmentId, ...ESCORT_JOURNEY }),
        )
        escortHours.set(day, logged.id)
      }),
    )
    if (addDays(day, 1) < today)
      hours.push(
        step(addDays(day, 1), '09:30', async () => {
          const logged = escortHours.get(day)
          const last = [...escorts.keys()]
            .filter((d) => d < today)
            .sort()
            .at(-1)
          if (!logged || day === last) return
          await decideHours(deps, actor, logged, { approve: true, note: null })
        }),
      )
  }

  return {
    steps: [
      ...DEMO_VOLUNTEERS.map(volunteerSteps),
      ...DEMO_APPLICANTS.map(applicantSteps),
      training,
      policyUpdate,
      holidays,
      rota,
      hours,
    ],
    summary: () => {
      const current = DEMO_VOLUNTEERS.length
      return {
        volunteers: current + DEMO_APPLICANTS.length,
        current,
        leaving: DEMO_VOLUNTEERS.filter((v) => v.stage === 'leaving').length,
        pipeline: DEMO_APPLICANTS.length,
        ...counts,
      }
    },
  }
}
