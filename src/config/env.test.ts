import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './env'

describe('configuration', () => {
  it('defaults to SQLite in ./data on localhost:3000 with plain cookies', () => {
    const config = loadConfig({})
    expect(config.database).toEqual({ kind: 'sqlite', file: path.resolve('data/kinbridge.db') })
    expect(config.publicUrl.origin).toBe('http://localhost:3000')
    expect(config.secureCookies).toBe(false)
    expect(config.apiDocs).toBe(true)
  })

  it('uses PostgreSQL when DATABASE_URL says so, and the data directory it is given', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://kb@db/kinbridge',
      DATA_DIR: '/srv/kb',
      PORT: '8080',
    })
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://kb@db/kinbridge' })
    expect(config.dataDir).toBe('/srv/kb')
    expect(config.port).toBe(8080)
  })

  it('sets Secure cookies behind https and hides the API browser in production', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://contact.example.org', NODE_ENV: 'production' })
    expect(config.secureCookies).toBe(true)
    expect(config.apiDocs).toBe(false)
  })

  it('fails fast, naming each bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError)
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ PUBLIC_URL: 'http://contact.example.org' })).toThrow(/https/)
    expect(() => loadConfig({ ENCRYPTION_KEY: 'short' })).toThrow(/ENCRYPTION_KEY/)
  })
})
