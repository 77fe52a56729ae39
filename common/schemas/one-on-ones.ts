import { z } from 'zod';

/** 1:1s between a leader and an ILT member or team lead of a school they lead (issue 13 item 5). */

export const AgendaItem = z.object({ topic: z.string().trim().min(1).max(500), done: z.boolean().default(false) });

export const OneOnOne = z.object({
  id: z.uuid(),
  leader: z.object({ id: z.uuid(), name: z.string() }),
  member: z.object({ id: z.uuid(), name: z.string() }),
  meetsAt: z.string(),
  agenda: z.array(z.object({ topic: z.string(), done: z.boolean() })),
  decisions: z.string(),
  notes: z.string(),
  version: z.number().int(),
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type OneOnOne = z.infer<typeof OneOnOne>;

export const OneOnOneList = z.object({ items: z.array(OneOnOne) });

/** People the caller may hold a 1:1 with. */
export const OneOnOneMembers = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), schoolName: z.string() })) });
export type OneOnOneMembers = z.infer<typeof OneOnOneMembers>;

export const CreateOneOnOneInput = z.object({
  memberPersonId: z.uuid(),
  meetsAt: z.iso.datetime({ offset: true }),
  agenda: z.array(AgendaItem).max(50).default([]),
});
export type CreateOneOnOneInput = z.infer<typeof CreateOneOnOneInput>;

export const UpdateOneOnOneInput = z.object({
  version: z.number().int().positive(),
  meetsAt: z.iso.datetime({ offset: true }).optional(),
  agenda: z.array(AgendaItem).max(50).optional(),
  decisions: z.string().max(20000).optional(),
  notes: z.string().max(20000).optional(),
});
export type UpdateOneOnOneInput = z.infer<typeof UpdateOneOnOneInput>;
