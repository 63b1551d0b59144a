import type { Db } from '../../db/connect'
import {
  countOrganisations,
  insertCentre,
  insertOrganisation,
  insertRoom,
  insertVenue,
} from '../../db/repositories/organisations.repository'
import { emailTaken, insertUser, replaceGrants } from '../../db/repositories/users.repository'
import { cliOrigin, type Actor } from '../access/actor'
import type { Role } from '../access/roles'
import { auditAs } from '../audit/audit'
import { hashPassword } from '../auth/passwords'
import type { Deps } from '../context'
import { AppError } from '../errors'
import { enqueueEmail } from '../outbox/enqueue-email'
import { newId } from '../shared/ids'
import { DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_USERS, DEMO_VENUES, demoEmail } from './demo-organisation'
import { demoEmails } from './demo-emails'
import { joinTransaction } from './demo-transaction'
import { seedDemoFamilies } from './seed-demo-families'
import { seedDemoHistory } from './seed-demo-history'
import { seedDemoSessionDay } from './seed-demo-session-day'

export interface DemoLogin {
  role: Role
  email: string
  password: string
}

export interface DemoSeed {
  organisationId: string
  centreId: string
  users: DemoLogin[]
}

interface Ids {
  organisationId: string
  centreId: string
  now: string
}

async function insertPremises(trx: Db, ids: Ids): Promise<void> {
  for (const venue of DEMO_VENUES) {
    const venueId = newId()
    const archivedAt = venue.archived ? ids.now : null
    await insertVenue(trx, {
      id: venueId,
      organisation_id: ids.organisationId,
      centre_id: ids.centreId,
      name: venue.name,
      address: venue.address,
      has_separate_entrances: venue.hasSeparateEntrances ? 1 : 0,
      archived_at: archivedAt,
      created_at: ids.now,
      updated_at: ids.now,
    })
    for (const room of venue.rooms) {
      await insertRoom(trx, {
        id: newId(),
        organisation_id: ids.organisationId,
        venue_id: venueId,
        name: room.name,
        kind: room.kind,
        capacity_families: room.capacityFamilies,
        archived_at: archivedAt,
        created_at: ids.now,
        updated_at: ids.now,
      })
    }
  }
}

async function insertDemoUsers(
  trx: Db,
  ids: Ids,
  passwordHash: string,
): Promise<{ logins: DemoLogin[]; userIds: Record<Role, string> }> {
  const logins: DemoLogin[] = []
  const userIds: Partial<Record<Role, string>> = {}
  for (const demo of DEMO_USERS) {
    const userId = newId()
    const email = demoEmail(demo.role)
    if (await emailTaken(trx, email))
      throw new AppError('CONFLICT', `The demo account ${email} already exists`)
    await insertUser(trx, {
      id: userId,
      organisation_id: ids.organisationId,
      email,
      display_name: demo.displayName,
      password_hash: passwordHash,
      status: 'active',
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      last_login_at: null,
      created_at: ids.now,
      updated_at: ids.now,
    })
    const grant = {
      id: newId(),
      role: demo.role,
      centreId: demo.centreScoped ? ids.centreId : null,
      createdAt: ids.now,
    }
    await replaceGrants(trx, { organisationId: ids.organisationId }, userId, [grant])
    logins.push({ role: demo.role, email, password: DEMO_PASSWORD })
    userIds[demo.role] = userId
  }
  return { logins, userIds: userIds as Record<Role, string> }
}

/**
 * Creates the demo organisation (centre, an archived and a current venue with rooms, one account per
 * role sharing the published demo password, a few outbox emails) and fills it with families (ground
 * rules, 33 active cases, referrals at each step of intake) and volunteers (a team of 13 with 6 on
 * the way in, their rota and hours); then makes the day it is seeded a session day (three families
 * booked, the demo volunteer on the rota) with the weeks behind it (registers, observation records,
 * incidents, feedback) and the fifteen months before it (about sixty referrals a year, families who
 * came and went with their sessions, reviews, level changes and closures, a full centre turning
 * families away, volunteer hours), so every statistic has a year to count; all in one transaction.
 * With onlyIfEmpty it does nothing, and answers null, when any organisation exists.
 * @throws AppError CONFLICT when a demo account already exists.
 */
export async function seedDemoOrganisation(
  deps: Deps,
  options: { onlyIfEmpty: boolean },
): Promise<DemoSeed | null> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  return deps.db.transaction().execute(async (trx) => {
    if (options.onlyIfEmpty && (await countOrganisations(trx)) > 0) return null
    const ids: Ids = { organisationId: newId(), centreId: newId(), now: deps.clock.now().toISOString() }
    const stamps = { created_at: ids.now, updated_at: ids.now }
    // Demo accounts share a published password, so two-factor stays off here.
    await insertOrganisation(trx, {
      id: ids.organisationId,
      name: DEMO_ORGANISATION.name,
      require_staff_mfa: 0,
      ...stamps,
    })
    await insertCentre(trx, {
      id: ids.centreId,
      organisation_id: ids.organisationId,
      name: DEMO_ORGANISATION.centreName,
      time_zone: DEMO_ORGANISATION.timeZone,
      ...stamps,
    })
    await insertPremises(trx, ids)
    const { logins: users, userIds } = await insertDemoUsers(trx, ids, passwordHash)
    for (const email of demoEmails(deps.publicUrl))
      await enqueueEmail(trx, deps.clock, { organisationId: ids.organisationId, ...email })
    const people = { organisationId: ids.organisationId, centreId: ids.centreId, userIds }
    const families = await seedDemoFamilies({ ...deps, db: joinTransaction(trx) }, people)
    const { sessionIds, ...sessionDay } = await seedDemoSessionDay(
      { ...deps, db: joinTransaction(trx) },
      people,
    )
    const history = await seedDemoHistory({ ...deps, db: joinTransaction(trx) }, people)
    const actor: Actor = {
      kind: 'cli',
      userId: null,
      organisationId: ids.organisationId,
      grants: [],
      sessionId: null,
      origin: cliOrigin(),
    }
    await auditAs(trx, deps.clock, actor, {
      action: 'demo.seed',
      resourceType: 'organisation',
      resourceIds: [ids.organisationId, ids.centreId],
      details: {
        users: users.map((u) => ({ role: u.role, email: u.email })),
        ...families,
        sessionDay: { ...sessionDay, sessions: sessionIds.length },
        history,
      },
    })
    return { organisationId: ids.organisationId, centreId: ids.centreId, users }
  })
}
