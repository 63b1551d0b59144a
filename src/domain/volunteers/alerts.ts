import { listCentres } from '../../db/repositories/organisations.repository'
import type { Actor } from '../access/actor'
import { cliOrigin } from '../access/actor'
import { recordAudit } from '../audit/audit'
import type { Deps } from '../context'
import { enqueueEmail } from '../outbox/enqueue-email'
import { newId } from '../shared/ids'
import { loadTeam } from './team'
import { sayDay } from './volunteer.rules'
import type { RequirementState } from './volunteers.schemas'

interface Alert {
  volunteerId: string
  fullName: string
  email: string | null
  userEmail: string | null
  requirementId: string
  state: RequirementState
  dueOn: string
  daysBefore: number
}

/** A system actor for a job that runs inside one organisation. */
const jobActor = (organisationId: string): Actor => ({
  kind: 'cli',
  userId: null,
  organisationId,
  grants: [{ role: 'admin', centreId: null }],
  sessionId: null,
  origin: cliOrigin(),
})

function line(alert: Alert): string {
  const { state } = alert
  if (alert.daysBefore === 0)
    return `${state.title}: ${state.detail}. Until it is renewed they cannot be rostered to what it covers.`
  return `${state.title}: ${state.detail}.`
}

/**
 * Tells volunteers and their coordinators what is about to lapse (domain rules 5.5; TeamKinetic's
 * 60/30/7 days), and once more on the day it lapses. Each threshold is sent once per expiry date
 * (the `compliance_alerts` log); when the job first sees an item late, it sends the nearest threshold
 * only. A renewal in flight pauses the reminders. Emails go through the outbox, one per person a run.
 * The hourly job runs for every organisation; an admin running it from the app, for their own only.
 */
export async function sendComplianceAlerts(
  deps: Deps,
  options: { organisationId?: string } = {},
): Promise<{ alerts: number; emails: number }> {
  const organisations = await deps.db
    .selectFrom('organisations')
    .select('id')
    .$if(options.organisationId !== undefined, (q) => q.where('id', '=', options.organisationId ?? ''))
    .execute()
  let alerts = 0
  let emails = 0
  for (const { id: organisationId } of organisations) {
    const actor = jobActor(organisationId)
    const scope = { organisationId }
    for (const centre of await listCentres(deps.db, scope)) {
      const result = await deps.db.transaction().execute(async (trx) => {
        const team = await loadTeam(trx, deps.clock, actor, centre.id)
        const thresholds = [...new Set(team.settings.alertDays)].sort((a, b) => a - b)
        const working = team.volunteers.filter((v) =>
          ['training', 'mentored', 'active', 'leaving'].includes(v.stage),
        )
        const sent = await trx
          .selectFrom('compliance_alerts')
          .select(['volunteer_id', 'requirement_id', 'due_on', 'days_before'])
          .where('organisation_id', '=', organisationId)
          .where('volunteer_id', 'in', working.map((v) => v.id).concat(['']))
          .execute()
        const already = new Set(
          sent.map((s) => `${s.volunteer_id}:${s.requirement_id}:${s.due_on}:${s.days_before}`),
        )
        const userEmails = new Map(
          (
            await trx
              .selectFrom('users')
              .select(['id', 'email'])
              .where('organisation_id', '=', organisationId)
              .execute()
          ).map((u) => [u.id, u.email]),
        )
        const due: Alert[] = []
        for (const v of working) {
          for (const state of team.statesOn(v.id, team.today)) {
            if (state.status === 'renewal' || state.status === 'optional') continue
            const dueOn = state.expiresOn ?? state.dueOn
            if (!dueOn || state.gates.length === 0) continue
            const daysLeft = Math.round((Date.parse(dueOn) - Date.parse(team.today)) / 86_400_000)
            // The nearest threshold reached, or 0 once it has lapsed.
            const reached = daysLeft < 0 ? 0 : thresholds.find((d) => daysLeft <= d)
            if (reached === undefined) continue
            if (daysLeft < 0 && state.renewalStartedOn) continue
            const key = `${v.id}:${state.requirementId}:${dueOn}:${reached}`
            if (already.has(key)) continue
            due.push({
              volunteerId: v.id,
              fullName: v.full_name,
              email: v.email,
              userEmail: v.user_id ? (userEmails.get(v.user_id) ?? null) : null,
              requirementId: state.requirementId,
              state,
              dueOn,
              daysBefore: reached,
            })
          }
        }
        if (due.length === 0) return { alerts: 0, emails: 0 }
        const now = deps.clock.now().toISOString()
        for (const alert of due) {
          // Every larger threshold counts as passed, so a late first run does not send three reminders.
          for (const d of [0, ...thresholds].filter((d) => d >= alert.daysBefore))
            await trx
              .insertInto('compliance_alerts')
              .values({
                id: newId(),
                organisation_id: organisationId,
                volunteer_id: alert.volunteerId,
                requirement_id: alert.requirementId,
                due_on: alert.dueOn,
                days_before: d,
                sent_at: now,
              })
              .onConflict((oc) =>
                oc.columns(['volunteer_id', 'requirement_id', 'due_on', 'days_before']).doNothing(),
              )
              .execute()
        }
        let sentEmails = 0
        const byVolunteer = new Map<string, Alert[]>()
        for (const alert of due)
          byVolunteer.set(alert.volunteerId, [...(byVolunteer.get(alert.volunteerId) ?? []), alert])
        for (const list of byVolunteer.values()) {
          const first = list[0]
          const to = first?.userEmail ?? first?.email
          if (!first || !to) continue
          await enqueueEmail(trx, deps.clock, {
            organisationId,
            to,
            subject: 'Something on your volunteer record needs renewing',
            text: [
              `Dear ${first.fullName},`,
              '',
              `Thank you for volunteering at ${centre.name}. Please arrange the following with the coordinator:`,
              '',
              ...list.map((a) => `- ${line(a)}`),
              '',
              `You can see everything that is due under "My volunteering" in Kinbridge.`,
            ].join('\n'),
          })
          sentEmails += 1
        }
        const coordinators = await trx
          .selectFrom('users')
          .innerJoin('role_assignments', 'role_assignments.user_id', 'users.id')
          .select(['users.email', 'role_assignments.role'])
          .where('users.organisation_id', '=', organisationId)
          .where('users.status', '=', 'active')
          .where('role_assignments.role', 'in', ['coordinator', 'admin'])
          .where((eb) =>
            eb.or([
              eb('role_assignments.centre_id', 'is', null),
              eb('role_assignments.centre_id', '=', centre.id),
            ]),
          )
          .execute()
        const desk = coordinators.some((c) => c.role === 'coordinator')
          ? coordinators.filter((c) => c.role === 'coordinator')
          : coordinators
        for (const to of new Set(desk.map((c) => c.email))) {
          await enqueueEmail(trx, deps.clock, {
            organisationId,
            to,
            subject: `Volunteer records to renew at ${centre.name}`,
            text: [
              `These volunteer records at ${centre.name} lapse soon or have lapsed (as of ${sayDay(team.today)}):`,
              '',
              ...due
                .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
                .map((a) => `- ${a.fullName} · ${line(a)}`),
              '',
              'Open Volunteers › Compliance in Kinbridge to record renewals.',
            ].join('\n'),
          })
          sentEmails += 1
        }
        await recordAudit(
          trx,
          deps.clock,
          { organisationId, userId: null, role: 'job', origin: cliOrigin() },
          {
            action: 'volunteer.alerts',
            resourceType: 'centre',
            resourceIds: [centre.id],
            details: { alerts: due.length, emails: sentEmails },
          },
        )
        return { alerts: due.length, emails: sentEmails }
      })
      alerts += result.alerts
      emails += result.emails
    }
  }
  return { alerts, emails }
}
