import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { policies } from '../../domain/access/access.policy'
import type { Deps } from '../../domain/context'
import { createCentre, getCentre, listCentres, updateCentre } from '../../domain/organisation/manage-centres'
import { getOrganisation, updateOrganisation } from '../../domain/organisation/manage-organisation'
import { createRoom, createVenue, updateRoom, updateVenue } from '../../domain/organisation/manage-venues'
import {
  CentreDetailSchema,
  CentreSchema,
  CreateCentreSchema,
  CreateRoomSchema,
  CreateVenueSchema,
  OrganisationSchema,
  RoomSchema,
  UpdateCentreSchema,
  UpdateOrganisationSchema,
  UpdateRoomSchema,
  UpdateVenueSchema,
  VenueSchema,
} from '../../domain/organisation/organisation.schemas'
import { actorOf, errors, idParam, typed } from './route-helpers'

const STAFF = ['admin', 'coordinator', 'volunteer'] as const

/** The organisation, its centres (each with a time zone), their venues and rooms. */
export function organisationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = typed(app)
  const tags = ['organisation']

  r.get(
    '/api/organisation',
    {
      config: {
        policy: policies.member(),
        audit: { action: 'organisation.read', resourceType: 'organisation' },
      },
      schema: { tags, summary: 'My organisation', response: { 200: OrganisationSchema, ...errors } },
    },
    async (request) => getOrganisation(deps, actorOf(request)),
  )

  r.patch(
    '/api/organisation',
    {
      config: {
        policy: policies.roles('admin'),
        audit: { action: 'organisation.update', resourceType: 'organisation' },
      },
      schema: {
        tags,
        summary: 'Rename the organisation or require two-factor for staff',
        body: UpdateOrganisationSchema,
        response: { 200: OrganisationSchema, ...errors },
      },
    },
    async (request) => updateOrganisation(deps, actorOf(request), request.body),
  )

  r.get(
    '/api/centres',
    {
      config: { policy: policies.roles(...STAFF), audit: { action: 'centre.list', resourceType: 'centre' } },
      schema: { tags, summary: 'The centres I work in', response: { 200: z.array(CentreSchema), ...errors } },
    },
    async (request) => listCentres(deps, actorOf(request)),
  )

  r.post(
    '/api/centres',
    {
      config: { policy: policies.roles('admin'), audit: { action: 'centre.create', resourceType: 'centre' } },
      schema: {
        tags,
        summary: 'Open a centre',
        body: CreateCentreSchema,
        response: { 201: CentreSchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createCentre(deps, actorOf(request), request.body)),
  )

  r.get(
    '/api/centres/:centreId',
    {
      config: {
        policy: policies.roles(...STAFF),
        audit: { action: 'centre.read', resourceType: 'centre', idParams: ['centreId'] },
      },
      schema: {
        tags,
        summary: 'A centre with its venues and rooms',
        params: idParam('centreId'),
        response: { 200: CentreDetailSchema, ...errors },
      },
    },
    async (request) => getCentre(deps, actorOf(request), request.params.centreId),
  )

  r.patch(
    '/api/centres/:centreId',
    {
      config: {
        policy: policies.roles('admin'),
        audit: { action: 'centre.update', resourceType: 'centre', idParams: ['centreId'] },
      },
      schema: {
        tags,
        summary: 'Rename a centre or change its time zone',
        params: idParam('centreId'),
        body: UpdateCentreSchema,
        response: { 200: CentreSchema, ...errors },
      },
    },
    async (request) => updateCentre(deps, actorOf(request), request.params.centreId, request.body),
  )

  r.post(
    '/api/centres/:centreId/venues',
    {
      config: {
        policy: policies.roles('admin', 'coordinator'),
        audit: { action: 'venue.create', resourceType: 'venue', idParams: ['centreId'] },
      },
      schema: {
        tags,
        summary: 'Add a venue to a centre',
        params: idParam('centreId'),
        body: CreateVenueSchema,
        response: { 201: VenueSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createVenue(deps, actorOf(request), request.params.centreId, request.body)),
  )

  r.patch(
    '/api/venues/:venueId',
    {
      config: {
        policy: policies.roles('admin', 'coordinator'),
        audit: { action: 'venue.update', resourceType: 'venue', idParams: ['venueId'] },
      },
      schema: {
        tags,
        summary: 'Change or archive a venue',
        params: idParam('venueId'),
        body: UpdateVenueSchema,
        response: { 200: VenueSchema, ...errors },
      },
    },
    async (request) => updateVenue(deps, actorOf(request), request.params.venueId, request.body),
  )

  r.post(
    '/api/venues/:venueId/rooms',
    {
      config: {
        policy: policies.roles('admin', 'coordinator'),
        audit: { action: 'room.create', resourceType: 'room', idParams: ['venueId'] },
      },
      schema: {
        tags,
        summary: 'Add a room to a venue',
        params: idParam('venueId'),
        body: CreateRoomSchema,
        response: { 201: RoomSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createRoom(deps, actorOf(request), request.params.venueId, request.body)),
  )

  r.patch(
    '/api/rooms/:roomId',
    {
      config: {
        policy: policies.roles('admin', 'coordinator'),
        audit: { action: 'room.update', resourceType: 'room', idParams: ['roomId'] },
      },
      schema: {
        tags,
        summary: 'Change or archive a room',
        params: idParam('roomId'),
        body: UpdateRoomSchema,
        response: { 200: RoomSchema, ...errors },
      },
    },
    async (request) => updateRoom(deps, actorOf(request), request.params.roomId, request.body),
  )
}
