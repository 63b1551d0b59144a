#!/usr/bin/env node
// Runs the TypeScript sources directly (docs/decisions/0002): no build step for the server.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
