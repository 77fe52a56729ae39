import { z } from 'zod';

/** One signed-in device of the caller (GET /api/sessions). Never the token or its hash. */
export const DeviceSession = z.object({
  /** A public id derived from the session; only good for ending it. */
  id: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  lastSeenAt: z.iso.datetime({ offset: true }),
  /** The browser as it named itself (trimmed), or null. */
  userAgent: z.string().nullable(),
  /** The session this request came from. */
  current: z.boolean(),
});
export type DeviceSession = z.infer<typeof DeviceSession>;

export const DeviceSessionList = z.object({ items: z.array(DeviceSession) });

export const DeviceSessionParams = z.object({ id: z.string().regex(/^[\w-]{22}$/) });

/** POST /api/sessions/end-person: a district admin signs a person out everywhere. */
export const EndPersonSessionsInput = z.object({ personId: z.uuid() });

/** How many sessions a request ended. */
export const EndedSessions = z.object({ ended: z.number().int() });
