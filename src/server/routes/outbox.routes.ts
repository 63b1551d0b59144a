import type { FastifyInstance } from 'fastify'
import { policies } from '../../domain/access/access.policy'
import type { Deps } from '../../domain/context'
import { OutboxListSchema, OutboxMessageSchema } from '../../domain/outbox/outbox.schemas'
import { getOutboxMessage, listOutbox } from '../../domain/outbox/read-outbox'
import { actorOf, errors, idParam, typed } from './route-helpers'

/** The outgoing mail, so admins can read it when no SMTP server is configured. */
export function outboxRoutes(app: FastifyInstance, deps: Deps, deliveryConfigured: boolean): void {
  const r = typed(app)
  const tags = ['outbox']
  r.get(
    '/api/outbox',
    {
      config: { policy: policies.roles('admin'), audit: { action: 'outbox.list', resourceType: 'outbox' } },
      schema: {
        tags,
        summary: 'Outgoing email, newest first',
        response: { 200: OutboxListSchema, ...errors },
      },
    },
    async (request) => ({ deliveryConfigured, messages: await listOutbox(deps, actorOf(request)) }),
  )
  r.get(
    '/api/outbox/:messageId',
    {
      config: {
        policy: policies.roles('admin'),
        audit: { action: 'outbox.read', resourceType: 'outbox', idParams: ['messageId'] },
      },
      schema: {
        tags,
        summary: 'One outgoing email',
        params: idParam('messageId'),
        response: { 200: OutboxMessageSchema, ...errors },
      },
    },
    async (request) => getOutboxMessage(deps, actorOf(request), request.params.messageId),
  )
}
