import { z } from 'zod'

const Name = z.string().trim().min(1, 'Enter a name').max(120)

/** An IANA zone the runtime knows, such as Europe/London or Europe/Jersey. */
export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone })
      return zone.includes('/') || zone === 'UTC'
    } catch {
      return false
    }
  }, 'Choose a time zone such as Europe/London')

export const OrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  requireStaffTwoFactor: z.boolean(),
})
export type OrganisationView = z.infer<typeof OrganisationSchema>

export const UpdateOrganisationSchema = z
  .object({ name: Name, requireStaffTwoFactor: z.boolean() })
  .partial()
  .strip()
export type UpdateOrganisationInput = z.infer<typeof UpdateOrganisationSchema>

export const ROOM_KINDS = [
  'family_room',
  'private_room',
  'waiting_area',
  'reception',
  'outdoor',
  'other',
] as const
export const RoomKindSchema = z.enum(ROOM_KINDS)

export const RoomSchema = z.object({
  id: z.string(),
  venueId: z.string(),
  name: z.string(),
  kind: RoomKindSchema,
  capacityFamilies: z.number().int(),
  archived: z.boolean(),
})
export type RoomView = z.infer<typeof RoomSchema>

export const VenueSchema = z.object({
  id: z.string(),
  centreId: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  hasSeparateEntrances: z.boolean(),
  /** The doors parties can be asked to use; the first is the main entrance. */
  entrances: z.array(z.string()),
  archived: z.boolean(),
  rooms: z.array(RoomSchema),
})
export type VenueView = z.infer<typeof VenueSchema>

export const CentreSchema = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
})
export type CentreView = z.infer<typeof CentreSchema>

export const CentreDetailSchema = CentreSchema.extend({ venues: z.array(VenueSchema) })
export type CentreDetail = z.infer<typeof CentreDetailSchema>

export const CreateCentreSchema = z.object({ name: Name, timeZone: TimeZoneSchema }).strip()
export type CreateCentreInput = z.infer<typeof CreateCentreSchema>
export const UpdateCentreSchema = CreateCentreSchema.partial()
export type UpdateCentreInput = z.infer<typeof UpdateCentreSchema>

const Entrances = z
  .array(z.string().trim().min(1).max(80))
  .min(1)
  .max(6)
  .refine((names) => new Set(names).size === names.length, 'Each entrance needs its own name')

export const CreateVenueSchema = z
  .object({
    name: Name,
    address: z.string().trim().max(500).nullable().default(null),
    hasSeparateEntrances: z.boolean().default(false),
    entrances: Entrances.optional(),
  })
  .strip()
export type CreateVenueInput = z.infer<typeof CreateVenueSchema>
export const UpdateVenueSchema = z
  .object({
    name: Name,
    address: z.string().trim().max(500).nullable(),
    hasSeparateEntrances: z.boolean(),
    entrances: Entrances,
    archived: z.boolean(),
  })
  .partial()
  .strip()
export type UpdateVenueInput = z.infer<typeof UpdateVenueSchema>

export const CreateRoomSchema = z
  .object({
    name: Name,
    kind: RoomKindSchema.default('family_room'),
    capacityFamilies: z.number().int().min(1).max(100).default(1),
  })
  .strip()
export type CreateRoomInput = z.infer<typeof CreateRoomSchema>
export const UpdateRoomSchema = z
  .object({
    name: Name,
    kind: RoomKindSchema,
    capacityFamilies: z.number().int().min(1).max(100),
    archived: z.boolean(),
  })
  .partial()
  .strip()
export type UpdateRoomInput = z.infer<typeof UpdateRoomSchema>
