/**
 * Live updates (server/lib/live/): what a page following a record hears, over server-sent events or,
 * when those are blocked, by polling the same URL with `since`.
 */
import { z } from 'zod';

/** Ids of events, i.e. versions of the state a topic follows: short, printable, no line breaks. */
export const LiveEventId = z.string().regex(/^[\w.:-]{1,64}$/);

export const LiveEvent = z.object({
  /** What happened, e.g. `meeting.changed`. */
  type: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/),
  /** The state's version after it: the SSE `id:`, and `since` of the next poll. */
  id: LiveEventId,
  /** A little about the change; the page refetches the record for the rest. */
  data: z.record(z.string(), z.unknown()).nullable(),
  /** The data did not fit through the database's notification channel: fetch the state. */
  refetch: z.boolean().optional(),
});
export type LiveEvent = z.infer<typeof LiveEvent>;

/** `?since=` of a poll: the id of the last event the client has (absent: it has nothing yet). */
export const LivePollQuery = z.object({ since: LiveEventId.optional() });

/** A poll's answer: the current state's id, and the event for it when `since` was another. */
export const LivePoll = z.object({
  id: LiveEventId,
  events: z.array(LiveEvent),
  /** How long to wait before the next poll. */
  pollAfterMs: z.number().int().positive(),
});
export type LivePoll = z.infer<typeof LivePoll>;
