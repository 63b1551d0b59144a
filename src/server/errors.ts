import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { AppError, type ErrorCode } from '../domain/errors'

/** Every code has a status: adding a code without one fails the type check. */
export const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  SECOND_FACTOR_REQUIRED: 401,
  STEP_UP_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown }
}

const body = (code: ErrorCode, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
})

/** Fastify's own 4xx errors (bad JSON, wrong content type, body too big) in the one error shape. */
function fromFastify(error: FastifyError): ErrorBody | null {
  const status = error.statusCode ?? 500
  if (status === 413) return body('PAYLOAD_TOO_LARGE', 'The request is too large.')
  if (status === 415) return body('UNSUPPORTED_MEDIA_TYPE', 'Send the request as application/json.')
  if (status === 429) return body('RATE_LIMITED', 'Too many attempts. Wait a few minutes and try again.')
  if (status >= 400 && status < 500) return body('INVALID_INPUT', 'The request could not be read.')
  return null
}

/** Maps any error to `{ error: { code, message, details? } }`; internals are logged, never sent. */
export function handleError(
  error: FastifyError | AppError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (error instanceof AppError) {
    void reply.status(STATUS[error.code]).send(body(error.code, error.message, error.details))
    return
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: [
        error.validationContext,
        ...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : []),
      ].join('.'),
      message: v.message ?? 'Invalid value',
    }))
    void reply
      .status(400)
      .send(body('INVALID_INPUT', issues[0]?.message ?? 'Some fields are not valid.', { issues }))
    return
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, reqId: request.id }, 'response did not match its schema')
    void reply
      .status(500)
      .send(body('INTERNAL', `Something went wrong on our side (reference ${request.id}).`))
    return
  }
  const known = 'statusCode' in error ? fromFastify(error) : null
  if (known) {
    void reply.status((error as FastifyError).statusCode ?? 400).send(known)
    return
  }
  request.log.error({ err: error, reqId: request.id }, 'unhandled error')
  void reply.status(500).send(body('INTERNAL', `Something went wrong on our side (reference ${request.id}).`))
}

export const errorBody = body
