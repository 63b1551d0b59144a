import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { policies } from '../../domain/access/access.policy'
import type { Deps } from '../../domain/context'
import { getUser, inviteUser, listUsers, setUserDisabled, updateUser } from '../../domain/users/manage-users'
import { InviteUserSchema, UpdateUserSchema, UserSchema } from '../../domain/users/users.schemas'
import { actorOf, errors, idParam, typed } from './route-helpers'

/** People and their roles; admins only. */
export function usersRoutes(app: FastifyInstance, deps: Deps): void {
  const r = typed(app)
  const tags = ['users']
  const admin = policies.roles('admin')
  const params = idParam('userId')

  r.get(
    '/api/users',
    {
      config: { policy: admin, audit: { action: 'user.list', resourceType: 'user' } },
      schema: {
        tags,
        summary: 'Everyone in the organisation',
        response: { 200: z.array(UserSchema), ...errors },
      },
    },
    async (request) => listUsers(deps, actorOf(request)),
  )

  r.post(
    '/api/users',
    {
      config: { policy: admin, audit: { action: 'user.invite', resourceType: 'user' } },
      schema: {
        tags,
        summary: 'Invite someone by email with their roles',
        body: InviteUserSchema,
        response: { 201: UserSchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await inviteUser(deps, actorOf(request), request.body)),
  )

  r.get(
    '/api/users/:userId',
    {
      config: { policy: admin, audit: { action: 'user.read', resourceType: 'user', idParams: ['userId'] } },
      schema: { tags, summary: 'One person', params, response: { 200: UserSchema, ...errors } },
    },
    async (request) => getUser(deps, actorOf(request), request.params.userId),
  )

  r.patch(
    '/api/users/:userId',
    {
      config: { policy: admin, audit: { action: 'user.update', resourceType: 'user', idParams: ['userId'] } },
      schema: {
        tags,
        summary: "Change someone's name or roles (applies at once)",
        params,
        body: UpdateUserSchema,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => updateUser(deps, actorOf(request), request.params.userId, request.body),
  )

  r.post(
    '/api/users/:userId/disable',
    {
      config: {
        policy: admin,
        audit: { action: 'user.disable', resourceType: 'user', idParams: ['userId'] },
      },
      schema: {
        tags,
        summary: 'Disable an account and end all its sessions',
        params,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => setUserDisabled(deps, actorOf(request), request.params.userId, true),
  )

  r.post(
    '/api/users/:userId/enable',
    {
      config: { policy: admin, audit: { action: 'user.enable', resourceType: 'user', idParams: ['userId'] } },
      schema: { tags, summary: 'Re-enable an account', params, response: { 200: UserSchema, ...errors } },
    },
    async (request) => setUserDisabled(deps, actorOf(request), request.params.userId, false),
  )
}
