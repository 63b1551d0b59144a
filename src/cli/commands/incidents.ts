import type { Command } from 'commander'
import { sendDueReferrerNotices } from '../../domain/session-day/referrer-notices'
import { succeeded, withRuntime } from './command'

/** Incident commands: the referrer notices that have fallen due (the server sends them every quarter of an hour). */
export function registerIncidentCommands(program: Command): void {
  const incidents = program.command('incidents').description('Incidents')
  incidents
    .command('notify')
    .description(
      'Send the referrer notices of incidents that have fallen due (the server sends them every quarter of an hour)',
    )
    .action(async () => {
      await withRuntime(async (runtime) => {
        const run = await sendDueReferrerNotices(runtime.deps, runtime.deps.clock.now())
        return succeeded([
          `Incidents notified: ${run.incidents}; emails queued: ${run.sent}; due without a referrer address: ${run.withoutAddress}`,
        ])
      })
    })
}
