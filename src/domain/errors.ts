import type { ErrorCode } from './errors.schemas'

export type { ErrorCode }

/** The one error type the domain throws; the server and CLI map it to a status or exit code once. */
export class AppError extends Error {
  override readonly name = 'AppError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`)
