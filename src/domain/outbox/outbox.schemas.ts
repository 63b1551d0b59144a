import { z } from 'zod'

export const OutboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
})
export type OutboxMessageView = z.infer<typeof OutboxMessageSchema>

export const OutboxListSchema = z.object({
  deliveryConfigured: z.boolean(),
  messages: z.array(OutboxMessageSchema),
})
