import type { CaseDetail } from '../../src/domain/cases/cases.schemas'
import { plusDays } from '../../src/domain/scheduling/schedule.rules'
import { zonedInstant } from '../../src/domain/scheduling/schedule.rules'
import type { SessionView } from '../../src/domain/scheduling/scheduling.schemas'
import type { TodayBoard, TodaySession } from '../../src/domain/session-day/session-day.schemas'
import { buildUser, type BuiltUser } from './factories'
import { expectStatus } from './referrals'
import { readyCase, planBody } from './scheduling'
import { book, onlySession } from './scheduling-checks'
import { TestBrowser, type TestContext } from './test-app'
import {
  assign,
  buildVolunteerWorld,
  enrol,
  saturdayAfter,
  shiftOn,
  type Enrolled,
  type VolunteerWorld,
} from './volunteers'

export interface SessionDayWorld extends VolunteerWorld {
  /** The session day: a Saturday a week or more ahead, and the clock is set to 09:00 on it. */
  day: string
  /** A supported session at 10:00–12:00 in the family room (visiting parent first, 15 minutes). */
  supported: { file: CaseDetail; session: SessionView }
  /** A supervised session at 13:00–14:00 in the quiet room. */
  supervised: { file: CaseDetail; session: SessionView }
  /** A volunteer on the rota that day (floor), signed in. */
  onDuty: Enrolled
  /** A volunteer of the centre with no shift that day, signed in. */
  offDuty: Enrolled
  /** A second coordinator of the centre, signed in: the second person who checks records. */
  checker: { user: BuiltUser; browser: TestBrowser }
  /** Sets the test clock to a local time on the day and signs everyone in again. */
  at(time: string): Promise<void>
}

/** The parties of a case by role, from its file. */
export function partyOf(file: CaseDetail, role: string): { id: string; fullName: string } {
  const found = file.parties.find((p) => p.role === role)
  if (!found) throw new Error(`no ${role} on case ${file.reference}`)
  return { id: found.id, fullName: found.fullName }
}

/**
 * A centre on a session day: two booked families (one supported, one supervised), a volunteer on
 * the rota that day and one who is not, and a second coordinator. The clock is moved to 09:00 on
 * the day and every browser is signed in again.
 */
export async function buildSessionDayWorld(t: TestContext): Promise<SessionDayWorld> {
  const world = await buildVolunteerWorld(t)
  const day = saturdayAfter(world, 8)
  const supportedFile = await readyCase(world)
  const supported = onlySession(
    await book(
      world,
      supportedFile.id,
      planBody(world, { frequency: 'one_off', firstOn: day, lastOn: day, startsAt: '10:00' }),
    ),
  )
  const supervisedFile = await readyCase(world, { serviceRequested: 'supervised' })
  const supervised = onlySession(
    await book(
      world,
      supervisedFile.id,
      planBody(world, {
        serviceType: 'supervised',
        frequency: 'one_off',
        firstOn: day,
        lastOn: day,
        startsAt: '13:00',
        durationMinutes: 60,
        roomId: world.privateRoom,
      }),
    ),
  )
  const onDuty = await enrol(world, { name: 'Dora Door', allTraining: true, duties: ['floor', 'supervisor'] })
  const offDuty = await enrol(world, { name: 'Olly Offday', allTraining: true })
  const shift = await shiftOn(world, day)
  expectStatus(await assign(world, shift.key, 'floor', onDuty.file.id), 201)
  const checkerUser = await buildUser(t.deps, {
    organisationId: world.organisationId,
    role: 'coordinator',
    centreId: world.centreId,
  })
  const checker = { user: checkerUser, browser: new TestBrowser(t.app) }
  const files = async (id: string) => {
    const response = await world.desk.get(`/api/cases/${id}`)
    expectStatus(response, 200)
    return response.json<CaseDetail>()
  }
  const result: SessionDayWorld = {
    ...world,
    day,
    supported: { file: await files(supportedFile.id), session: supported },
    supervised: { file: await files(supervisedFile.id), session: supervised },
    onDuty,
    offDuty,
    checker,
    async at(time: string) {
      const target = Date.parse(zonedInstant(day, time, world.timeZone))
      // Never short of the time asked for: a tap "at 10:05" must not land at 10:04:59.
      const seconds = Math.ceil((target - t.clock.now().getTime()) / 1000)
      if (seconds < 0) throw new Error(`the clock is already past ${time} on ${day}`)
      t.clock.advance(seconds)
      const desk = new TestBrowser(t.app)
      await desk.signIn(world.coordinator, t.clock)
      result.desk = desk
      await onDuty.browser.signIn(onDuty.user, t.clock)
      await offDuty.browser.signIn(offDuty.user, t.clock)
      await checker.browser.signIn(checkerUser, t.clock)
    },
  }
  await result.at('09:00')
  return result
}

/** The Today board of the world's centre on its day, as a browser sees it (expects 200). */
export async function boardOf(world: SessionDayWorld, browser: TestBrowser = world.onDuty.browser) {
  const response = await browser.get(`/api/today?centreId=${world.centreId}&date=${world.day}`)
  expectStatus(response, 200)
  return response.json<TodayBoard>()
}

/** One session of a board. */
export function sessionOn(board: TodayBoard, sessionId: string): TodaySession {
  const found = board.sessions.find((s) => s.id === sessionId)
  if (!found) throw new Error(`no session ${sessionId} on the board`)
  return found
}

export { plusDays }
