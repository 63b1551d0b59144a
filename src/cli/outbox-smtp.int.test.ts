import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smtpSender } from './runtime'
import { buildOrganisation } from '../../tests/support/factories'
import { createTestContext, type TestContext } from '../../tests/support/test-app'
import { deliverOutbox } from '../domain/outbox/deliver-outbox'
import { enqueueEmail } from '../domain/outbox/enqueue-email'

interface Received {
  to: string[]
  raw: string
}

/** On PostgreSQL the test database is shared with files running at the same time: take everything due. */
const ALL_DUE = 100_000
/**
 * Everything due is every other file's mail too (scheduling books sessions and tells parents), one
 * SMTP conversation each, while the rest of the suite loads the machine: more than the default 30 s.
 */
const SHARED_OUTBOX_TIMEOUT = 180_000

let t: TestContext
let server: SMTPServer
let port: number
const received: Received[] = []
let refuse = false

beforeAll(async () => {
  t = await createTestContext()
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(_address, _session, callback) {
      callback(refuse ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }) : undefined)
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await t.close()
})

describe('email outbox over real SMTP', () => {
  it(
    'sends what is pending through an SMTP server and marks it sent',
    async () => {
      const org = await buildOrganisation(t.deps)
      const id = await enqueueEmail(t.deps.db, t.clock, {
        organisationId: org.organisationId,
        to: 'volunteer@example.org',
        subject: 'Rota for Sunday',
        text: 'You are on the rota this Sunday.',
      })
      const send = smtpSender(`smtp://127.0.0.1:${port}`, 'Kinbridge <no-reply@kinbridge.test>')
      const report = await deliverOutbox(t.deps.db, t.clock, send, ALL_DUE)
      expect(report.sent).toBeGreaterThanOrEqual(1)
      const mail = received.find((m) => m.to.includes('volunteer@example.org'))
      expect(mail?.raw).toContain('Subject: Rota for Sunday')
      expect(mail?.raw).toContain('You are on the rota this Sunday.')
      const row = await t.deps.db
        .selectFrom('outbox')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      expect(row.status).toBe('sent')
      expect(row.sent_at).not.toBeNull()
      await deliverOutbox(t.deps.db, t.clock, send, ALL_DUE)
      expect(received.filter((m) => m.to.includes('volunteer@example.org'))).toHaveLength(1)
    },
    SHARED_OUTBOX_TIMEOUT,
  )

  it(
    'keeps a refused message, retries later with back-off and gives up after the last attempt',
    async () => {
      const org = await buildOrganisation(t.deps)
      const id = await enqueueEmail(t.deps.db, t.clock, {
        organisationId: org.organisationId,
        to: 'gone@example.org',
        subject: 'Hello',
        text: 'Hi',
      })
      const send = smtpSender(`smtp://127.0.0.1:${port}`, 'Kinbridge <no-reply@kinbridge.test>')
      refuse = true
      try {
        expect((await deliverOutbox(t.deps.db, t.clock, send, ALL_DUE)).failed).toBeGreaterThanOrEqual(1)
        let row = await t.deps.db
          .selectFrom('outbox')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
        expect(row).toMatchObject({ status: 'pending', attempts: 1 })
        expect(row.last_error).toMatch(/550|unavailable/i)
        expect(Date.parse(row.next_attempt_at) - t.clock.now().getTime()).toBeGreaterThan(60_000)
        await deliverOutbox(t.deps.db, t.clock, send, ALL_DUE)
        const waiting = await t.deps.db
          .selectFrom('outbox')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
        expect(waiting.attempts).toBe(1)
        for (let attempt = 0; attempt < 10; attempt++) {
          t.clock.advance(3600)
          await deliverOutbox(t.deps.db, t.clock, send, ALL_DUE)
        }
        row = await t.deps.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
        expect(row).toMatchObject({ status: 'failed', attempts: 8 })
      } finally {
        refuse = false
      }
    },
    SHARED_OUTBOX_TIMEOUT,
  )
})
