import path from 'node:path'
import { z } from 'zod'

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^(postgres|postgresql):\/\//,
      'DATABASE_URL must start with postgres:// (leave it unset for SQLite)',
    )
    .optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must look like smtp://user:pass@host:port')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Kinbridge <no-reply@kinbridge.local>'),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'ENCRYPTION_KEY must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  TRUST_PROXY: booleanFromString.default(false),
  API_DOCS: booleanFromString.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Env = z.infer<typeof EnvSchema>

export interface Config {
  env: Env['NODE_ENV']
  port: number
  host: string
  dataDir: string
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }
  publicUrl: URL
  /** Cookies carry Secure (and the __Host- prefix) whenever the public URL is https. */
  secureCookies: boolean
  smtpUrl: string | undefined
  mailFrom: string
  encryptionKey: string | undefined
  trustProxy: boolean
  apiDocs: boolean
  logLevel: Env['LOG_LEVEL']
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Reads the environment once, at start-up, and fails fast with every problem listed.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  const dataDir = path.resolve(env.DATA_DIR)
  const publicUrl = new URL(
    env.PUBLIC_URL ?? `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`,
  )
  if (publicUrl.protocol === 'http:' && !LOCAL_HOSTS.has(publicUrl.hostname)) {
    throw new ConfigError(
      `PUBLIC_URL ${publicUrl.origin} is plain http on a public host: serve Kinbridge over https (behind a proxy) and set PUBLIC_URL=https://...`,
    )
  }
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'kinbridge.db') },
    publicUrl,
    secureCookies: publicUrl.protocol === 'https:',
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    encryptionKey: env.ENCRYPTION_KEY,
    trustProxy: env.TRUST_PROXY,
    apiDocs: env.API_DOCS ?? env.NODE_ENV !== 'production',
    logLevel: env.LOG_LEVEL,
  }
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}
