import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from './schema'

import type { ErrorCode } from '../../domain/errors.schemas'

export type { ErrorCode }

export interface FieldIssue {
  path: (string | number)[]
  message: string
}

/** An error the API answered with: branch on `code`, show `message` to the person. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** Field-level problems from INVALID_INPUT, keyed by the first path segment ("email", "roles"). */
  fieldErrors(): Record<string, string> {
    const issues = (this.details as { issues?: FieldIssue[] } | undefined)?.issues ?? []
    const byField: Record<string, string> = {}
    for (const issue of issues) {
      const key = issue.path.join('.')
      if (key && !(key in byField)) byField[key] = issue.message
    }
    return byField
  }
}

let csrfToken: string | null = null

/** The session's CSRF token, sent on every write made with the session cookie. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken) {
      request.headers.set('X-CSRF-Token', csrfToken)
    }
    return request
  },
}

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' })
api.use(csrfMiddleware)

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown }
}

function toApiError(body: unknown, response: Response): ApiError {
  const error = (body as ErrorBody | undefined)?.error
  if (error?.code && error.message)
    return new ApiError(error.code as ErrorCode, error.message, response.status, error.details)
  return new ApiError(
    'INTERNAL',
    'Something went wrong on our side. Please try again in a moment.',
    response.status,
  )
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError built from the error body.
 * A network failure becomes an ApiError too, so every caller shows one kind of message.
 */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response }
  try {
    result = await request
  } catch {
    throw new ApiError('INTERNAL', 'We could not reach Kinbridge. Check your connection and try again.', 0)
  }
  if (result.error !== undefined || !result.response.ok) throw toApiError(result.error, result.response)
  return result.data as T
}

/** A message fit to show a person for any thrown value. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  return 'Something went wrong. Please try again.'
}
