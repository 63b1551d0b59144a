import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { connect } from './connect'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-connect-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('SQLite file', () => {
  it('is opened durable (WAL, synchronous=FULL, foreign keys, busy timeout) and readable by its owner only', async () => {
    const file = path.join(dir, 'nested', 'kinbridge.db')
    const connected = await connect({ kind: 'sqlite', file })
    try {
      const handle = connected.sqlite
      if (!handle) throw new Error('no handle')
      expect(handle.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(handle.pragma('synchronous', { simple: true })).toBe(2)
      expect(handle.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(handle.pragma('busy_timeout', { simple: true })).toBe(5000)
      handle.exec('create table t (id integer primary key)')
      expect(fs.statSync(file).mode & 0o777).toBe(0o600)
      expect(fs.statSync(`${file}-wal`).mode & 0o777).toBe(0o600)
    } finally {
      await connected.close()
    }
  })
})
