import { z } from 'zod'

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  resourceType: z.string().nullable(),
  resourceIds: z.array(z.string()),
  ip: z.string().nullable(),
  outcome: z.enum(['success', 'denied', 'failure']),
})
export type AuditEntryView = z.infer<typeof AuditEntrySchema>

export const AuditQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
