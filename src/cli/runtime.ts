import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import nodemailer from 'nodemailer'
import type { Config } from '../config/env'
import { connect, type Connected } from '../db/connect'
import { pendingMigrations } from '../db/migrate'
import type { Deps } from '../domain/context'
import type { SendMail } from '../domain/outbox/deliver-outbox'
import { systemClock } from '../domain/shared/clock'
import { createFieldCrypto } from '../domain/shared/field-crypto'

/**
 * The key that seals protected fields: ENCRYPTION_KEY, or a key file beside (never inside) the
 * database, made on first use with owner-only permissions.
 */
export function loadEncryptionKey(config: Config): Buffer {
  if (config.encryptionKey) return Buffer.from(config.encryptionKey, 'base64')
  const file = path.join(config.dataDir, 'kinbridge.key')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true })
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' })
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')
}

export interface Runtime {
  deps: Deps
  connected: Connected
  close: () => Promise<void>
}

export async function openRuntime(config: Config): Promise<Runtime> {
  const connected = await connect(config.database)
  const deps: Deps = {
    db: connected.db,
    clock: systemClock,
    fieldCrypto: createFieldCrypto(loadEncryptionKey(config)),
    publicUrl: config.publicUrl,
  }
  return { deps, connected, close: () => connected.close() }
}

/** @throws Error listing the migrations still to run, so an old schema is never served. */
export async function assertNoPendingMigrations(runtime: Runtime): Promise<void> {
  const pending = await pendingMigrations(runtime.deps.db)
  if (pending.length > 0) {
    throw new Error(
      `The database has ${pending.length} pending migration(s) (${pending.join(', ')}). Run "kinbridge migrate" first, or start with "npm start".`,
    )
  }
}

export function smtpSender(smtpUrl: string, from: string): SendMail {
  const transport = nodemailer.createTransport(smtpUrl)
  return async (message) => {
    await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text })
  }
}
