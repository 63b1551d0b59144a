import {
  listDueOutbox,
  markOutboxAttemptFailed,
  markOutboxSent,
} from '../../db/repositories/outbox.repository'
import type { Db } from '../../db/connect'
import { addSeconds, type Clock } from '../shared/clock'

/** Sends one message; the SMTP transport in production, anything that speaks SMTP in tests. */
export type SendMail = (message: { to: string; subject: string; text: string }) => Promise<void>

export const MAX_ATTEMPTS = 8

/** After the nth failed attempt, waits 2^n minutes (2, 4, 8 ...), capped at an hour. */
export const retryDelaySeconds = (attempts: number): number => Math.min(60 * 2 ** attempts, 3600)

export interface DeliveryReport {
  sent: number
  failed: number
}

/**
 * Sends what is due in the outbox. A message is marked sent only after the SMTP server accepted
 * it, so a crash means a resend, never a loss; after MAX_ATTEMPTS it is marked failed.
 */
export async function deliverOutbox(
  db: Db,
  clock: Clock,
  send: SendMail,
  batch = 20,
): Promise<DeliveryReport> {
  const due = await listDueOutbox(db, clock.now().toISOString(), batch)
  const report: DeliveryReport = { sent: 0, failed: 0 }
  for (const message of due) {
    try {
      await send({ to: message.to_address, subject: message.subject, text: message.text_body })
      await markOutboxSent(db, message.id, clock.now().toISOString())
      report.sent += 1
    } catch (error) {
      const attempts = message.attempts + 1
      const next = addSeconds(clock.now(), retryDelaySeconds(attempts)).toISOString()
      await markOutboxAttemptFailed(
        db,
        message.id,
        error instanceof Error ? error.message : String(error),
        next,
        attempts >= MAX_ATTEMPTS,
      )
      report.failed += 1
    }
  }
  return report
}
