import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Config } from '../../config/env'
import { migrateToLatest } from '../../db/migrate'
import { deliverOutbox } from '../../domain/outbox/deliver-outbox'
import { sendDueReferrerNotices } from '../../domain/session-day/referrer-notices'
import { sendComplianceAlerts } from '../../domain/volunteers/alerts'
import { buildApp } from '../../server/app'
import { assertNoPendingMigrations, openRuntime, smtpSender } from '../runtime'

export interface ServeOptions {
  migrate: boolean
  demoIfEmpty: boolean
}

export const DEFAULT_WEB_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../dist/web',
)

/** Runs the server until SIGINT/SIGTERM; refuses to start on a schema with pending migrations. */
export async function serve(
  config: Config,
  options: ServeOptions,
  seedDemoIfEmpty: (runtime: Awaited<ReturnType<typeof openRuntime>>) => Promise<void>,
): Promise<void> {
  const runtime = await openRuntime(config)
  if (options.migrate) {
    const applied = await migrateToLatest(runtime.deps.db)
    if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`)
  }
  await assertNoPendingMigrations(runtime)
  if (options.demoIfEmpty) await seedDemoIfEmpty(runtime)

  const webRoot = fs.existsSync(path.join(DEFAULT_WEB_ROOT, 'index.html')) ? DEFAULT_WEB_ROOT : null
  if (!webRoot) console.log('The web app is not built (npm run build): serving the API only.')
  const app = await buildApp({
    deps: runtime.deps,
    cookies: { secure: config.secureCookies },
    publicOrigin: config.publicUrl.origin,
    webRoot,
    apiDocs: config.apiDocs,
    trustProxy: config.trustProxy,
    deliveryConfigured: config.smtpUrl !== undefined,
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      serializers: {
        // A search (?q=a family's name) is case data: the log keeps the path, never the query string.
        req: (request: { method: string; url: string; ip?: string }) => ({
          method: request.method,
          url: request.url.split('?')[0],
          remoteAddress: request.ip,
        }),
      },
    },
  })

  let timer: NodeJS.Timeout | undefined
  if (config.smtpUrl) {
    const send = smtpSender(config.smtpUrl, config.mailFrom)
    let running = false
    timer = setInterval(() => {
      if (running) return
      running = true
      deliverOutbox(runtime.deps.db, runtime.deps.clock, send)
        .catch((error: unknown) => app.log.error({ err: error }, 'outbox delivery failed'))
        .finally(() => (running = false))
    }, 5000)
  }

  // Reminders for volunteer records about to lapse: soon after start, then every hour. Each is sent
  // once (the compliance_alerts log), so restarts and overlapping runs never repeat one.
  let alerting = false
  const sendAlerts = () => {
    if (alerting) return
    alerting = true
    sendComplianceAlerts(runtime.deps)
      .catch((error: unknown) => app.log.error({ err: error }, 'volunteer reminders failed'))
      .finally(() => (alerting = false))
  }
  const alertsStart = setTimeout(sendAlerts, 30_000)
  const alertsTimer = setInterval(sendAlerts, 60 * 60 * 1000)

  // Referrer notices of incidents that have fallen due (by 10:00 the next working day by default):
  // every quarter of an hour, so none goes out long after its time; each is marked sent in its own
  // transaction, so restarts and overlapping runs never send one twice.
  let noticing = false
  const sendNotices = () => {
    if (noticing) return
    noticing = true
    sendDueReferrerNotices(runtime.deps, runtime.deps.clock.now())
      .catch((error: unknown) => app.log.error({ err: error }, 'referrer notices failed'))
      .finally(() => (noticing = false))
  }
  const noticesStart = setTimeout(sendNotices, 45_000)
  const noticesTimer = setInterval(sendNotices, 15 * 60 * 1000)

  const shutdown = async () => {
    clearTimeout(alertsStart)
    clearInterval(alertsTimer)
    clearTimeout(noticesStart)
    clearInterval(noticesTimer)
    if (timer) clearInterval(timer)
    await app.close()
    await runtime.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown())
  process.once('SIGTERM', () => void shutdown())
  await app.listen({ port: config.port, host: config.host })
  console.log(`Kinbridge is running at ${config.publicUrl.origin}`)
}
