import type { Insertable } from 'kysely'
import type { ContactPlansTable, SessionsTable } from '../../db/database'
import type { Actor } from '../access/actor'
import { addDays, capacityWeight, localDateIn } from '../cases/cases.rules'
import { changeContactLevel, closeCase, recordReview } from '../cases/manage-case'
import type { Deps } from '../context'
import { loadIntakeSettings } from '../intake/intake-settings'
import { recordRiskAssessment } from '../referrals/assess-risk'
import { createReferral } from '../referrals/create-referral'
import { decideReferral } from '../referrals/decide-referral'
import type { ReferralDetail } from '../referrals/referrals.schemas'
import { startIntake } from '../referrals/start-intake'
import { crewActor, type SessionDayCrew } from './demo-family-case'
import type { DemoFamily } from './demo-families'
import { HISTORY_CASES } from './demo-history-families'
import { currentFamiliesAtHall } from './demo-history-current'
import { hallHours, setUpHall } from './demo-history-hall'
import { HISTORY_REFERRALS } from './demo-history-referrals'
import { holdHistoryPreVisits, openHistoryCase, type HistoryDesk } from './demo-history-rows'
import { hallRows, type HallSeries } from './demo-history-sessions'
import {
  hallClosures,
  hallDates,
  historyTimeline,
  pipeSunday,
  referralDates,
  type HistoryCase,
  type HistoryLevel,
  type HistoryReview,
  type HistoryTimeline,
} from './demo-history-timeline'
import { referralInput } from './demo-inputs'
import { riskInput, type DemoDesk } from './demo-intake'
import { DEMO_ORGANISATION, DEMO_USERS } from './demo-organisation'
import { on, StoryClock, tellStory, type StoryStep } from './demo-story'

export interface DemoHistorySummary {
  referrals: number
  closedCases: number
  /** Sessions booked at the hall, and the families (those since gone and today's) who came. */
  sessions: number
  familiesAtHall: number
  volunteerHours: number
}

const REVIEW_NOTES: Record<HistoryReview['outcome'], string> = {
  continue: 'Sessions going well; both parents keep to their times. Continue as now.',
  change_level: 'The family’s contact level changes from the next Sunday, as agreed with both parents.',
  move_to_handover: 'Settled sessions for months: both parents agree to move to handovers.',
  plan_exit: 'The parents now talk about arrangements themselves: plan to move on within weeks.',
}

const LEVEL_REASONS: Record<HistoryLevel, string> = {
  supported:
    'Supervised sessions have gone well: supported parenting time in the main hall from next Sunday.',
  supervised: 'After a written warning about discussing the court case: supervised sessions in the vestry.',
  handover: 'Handovers from next Sunday: the child goes out with the visiting parent for the day.',
}

const WAITLISTED =
  'Pre-visits held and suitable, but the centre is full: on the waiting list until a family moves on.'

/** A referral as the coordinator entered it when it came in: court orders dated before it arrived. */
function historyInput(family: DemoFamily, n: number, today: string, centreId: string, receivedAt: string) {
  const input = referralInput(family, n, today, centreId)
  const madeOn = addDays(receivedAt.slice(0, 10), -21)
  return { ...input, courtOrders: input.courtOrders.map((order) => ({ ...order, madeOn })) }
}

interface Told {
  spec: HistoryCase
  timeline: HistoryTimeline
  caseId?: string
}

/** One family's intake and case, told in order: the use cases where they can be, rows where not. */
function caseSteps(desk: DemoDesk, history: HistoryDesk, told: Told, n: number): StoryStep[] {
  const { deps, actor, today } = desk
  const { spec, timeline } = told
  const state: { referral?: ReferralDetail } = {}
  const referral = () => {
    if (!state.referral) throw new Error(`demo: ${spec.family.visiting}’s referral is not there yet`)
    return state.referral
  }
  const caseId = () => {
    if (!told.caseId) throw new Error(`demo: ${spec.family.visiting}’s case is not open yet`)
    return told.caseId
  }
  const input = historyInput(spec.family, n, today, history.centreId, timeline.receivedAt)
  const steps: StoryStep[] = [
    { at: timeline.receivedAt, run: async () => (state.referral = await createReferral(deps, actor, input)) },
    {
      at: timeline.intakeAt,
      run: async () => {
        await startIntake(deps, actor, referral().id)
        await holdHistoryPreVisits(deps.db, history, referral(), timeline.preVisitsOn, timeline.intakeAt)
      },
    },
    {
      at: timeline.assessedAt,
      run: () => recordRiskAssessment(deps, actor, referral().id, riskInput(spec.family)),
    },
  ]
  const waitlistedAt = timeline.waitlistedAt
  if (waitlistedAt)
    steps.push({
      at: waitlistedAt,
      run: () => decideReferral(deps, actor, referral().id, { decision: 'waitlist', reason: WAITLISTED }),
    })
  steps.push({
    at: timeline.openedAt,
    run: async () => {
      const from = waitlistedAt ? 'waitlisted' : 'risk_assessed'
      const flags = JSON.stringify(spec.family.flags ?? [])
      told.caseId = await openHistoryCase(
        deps.db,
        history,
        { id: referral().id, status: from, riskFlags: flags },
        spec.family.service,
        timeline.openedAt,
      )
    },
  })
  for (const { heldOn, at, review } of timeline.reviews) {
    steps.push({
      at,
      run: () =>
        recordReview(deps, actor, caseId(), {
          heldOn,
          outcome: review.outcome,
          notes: REVIEW_NOTES[review.outcome],
        }),
    })
    const to = review.to
    if (to)
      steps.push({
        at: on(heldOn, '15:30'),
        run: () =>
          changeContactLevel(deps, actor, caseId(), {
            level: to,
            reason: LEVEL_REASONS[to],
          }),
      })
  }
  steps.push({ at: timeline.closedAt, run: () => closeCase(deps, actor, caseId(), spec.closure) })
  return steps
}

/** The referrals that never became cases: received, perhaps started, then declined or withdrawn. */
function referralSteps(desk: DemoDesk, centreId: string): StoryStep[][] {
  const { deps, actor, today } = desk
  return HISTORY_REFERRALS.map((spec, i) => {
    const dates = referralDates(spec, today)
    const state: { id?: string } = {}
    const id = () => state.id ?? ''
    const input = historyInput(spec.family, 90 + i, today, centreId, dates.receivedAt)
    return [
      { at: dates.receivedAt, run: async () => (state.id = (await createReferral(deps, actor, input)).id) },
      ...(spec.intake ? [{ at: dates.intakeAt, run: () => startIntake(deps, actor, id()) }] : []),
      {
        at: dates.decidedAt,
        run: () => decideReferral(deps, actor, id(), { decision: spec.decision, reason: spec.reason }),
      },
    ]
  })
}

/** A family's series at the hall, from its story: each level weighted as the centre weighs it. */
function seriesOf(history: HistoryDesk, told: Told): HallSeries {
  const { spec, timeline } = told
  const babies = spec.family.children.filter(([, months]) => months < 30).length
  const levelOn = (date: string) =>
    timeline.plans.find((p) => p.firstOn <= date && date <= p.lastOn)?.level ?? spec.family.service
  return {
    caseId: told.caseId ?? '',
    label: spec.family.visiting,
    frequency: spec.fortnightly ? 'fortnightly' : 'weekly',
    weekOfMonth: null,
    plans: timeline.plans,
    sessions: timeline.sessions,
    ended: { reason: spec.closure.reason, at: timeline.closedAt },
    firstParty: (plan) => (plan.level === 'supervised' ? 'resident' : 'non_resident'),
    weight: (date) => capacityWeight(levelOn(date), babies, history.settings),
  }
}

async function insertRows<T extends 'contact_plans' | 'sessions'>(
  deps: Deps,
  table: T,
  rows: Insertable<T extends 'sessions' ? SessionsTable : ContactPlansTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 50)
    await deps.db
      .insertInto(table)
      .values(rows.slice(i, i + 50) as never)
      .execute()
}

/**
 * The fifteen months before the move to the school, so the centre's statistics have a year to
 * count: 36 referrals from the usual sources (some declined, withdrawn, or waitlisted when the
 * centre was full); 27 families who came to the church hall and have moved on or left, with their
 * sessions, reviews, level changes and closures; today's families' Sundays at the hall before the
 * move; and the volunteers' approved hours. Today's caseload is untouched: every one of these cases
 * closed before today. Run after the rest of the demo; `deps.db` must be the seed's transaction,
 * joined (see joinTransaction).
 */
export async function seedDemoHistory(deps: Deps, crew: SessionDayCrew): Promise<DemoHistorySummary> {
  const until = deps.clock.now()
  const timeZone = DEMO_ORGANISATION.timeZone
  const today = localDateIn(timeZone, until)
  const clock = new StoryClock()
  const actor: Actor = crewActor(crew, 'coordinator')
  const desk: DemoDesk = { deps: { ...deps, clock }, actor, today }
  const history: HistoryDesk = {
    organisationId: crew.organisationId,
    centreId: crew.centreId,
    timeZone,
    coordinatorId: crew.userIds.coordinator,
    coordinatorName: DEMO_USERS.find((u) => u.role === 'coordinator')?.displayName ?? 'Coordinator',
    settings: await loadIntakeSettings(deps.db, { organisationId: crew.organisationId }),
  }
  const closures = hallClosures(today)
  const place = await setUpHall(deps.db, history, today, closures)
  const cases: Told[] = HISTORY_CASES.map((spec) => ({
    spec,
    timeline: historyTimeline(spec, today, closures),
  }))
  await tellStory(
    clock,
    [
      ...cases.map((told, i) => caseSteps(desk, history, told, 60 + i)),
      ...referralSteps(desk, crew.centreId),
    ],
    until,
  )
  const current = await currentFamiliesAtHall(deps.db, history, {
    ...hallDates(today),
    closures,
    pipe: pipeSunday(today, closures),
  })
  const rows = [...cases.map((told) => seriesOf(history, told)), ...current].map((series) =>
    hallRows(history, place, series),
  )
  const sessions = rows.flatMap((r) => r.sessions)
  await insertRows(
    deps,
    'contact_plans',
    rows.flatMap((r) => r.plans),
  )
  await insertRows(deps, 'sessions', sessions)
  const held = sessions.filter((s) => s.status !== 'skipped' && s.status !== 'cancelled')
  const hours = await hallHours(
    deps.db,
    history,
    today,
    (sunday) => held.filter((s) => s.local_date === sunday).length,
  )
  return {
    referrals: HISTORY_CASES.length + HISTORY_REFERRALS.length,
    closedCases: cases.length,
    sessions: sessions.filter((s) => s.status !== 'skipped').length,
    familiesAtHall: new Set(sessions.map((s) => s.case_id)).size,
    volunteerHours: hours,
  }
}
