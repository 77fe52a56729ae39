/**
 * One URL that follows a live topic two ways: a browser asking for `text/event-stream` gets
 * server-sent events; anything else (a client whose proxy blocks streams) polls the same URL with
 * `?since=<id>` and gets JSON. Either way the first answer compares the client's last id
 * (`Last-Event-ID`, which EventSource sends when it reconnects, or `since`) with the current
 * state's and sends the current state's event when they differ, so a reconnecting client never
 * misses a change made while it was away.
 *
 * The route runs its read checks first (the caller must be allowed the record); only then does it
 * call `serve`. Auth and the guest gate ran before (lib/route-auth.ts). A stream ends when
 * `stillAllowed` says no at a heartbeat (the session ended), after `maxStreamMs` (the browser
 * reconnects and every check runs again, e.g. a role lost), when the client goes, and when the app closes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LiveEvent, LivePoll } from '../../../common/schemas/live.ts';
import type { OutgoingHttpHeaders } from 'node:http';
import type { LiveHub, LiveListener } from './hub.ts';

export interface LiveStreamOptions {
  /** A comment line this often keeps proxies from closing a quiet stream. */
  heartbeatMs: number;
  /** A stream ends after this long; the browser reconnects and is authenticated again. */
  maxStreamMs: number;
  /** How long a browser waits before reconnecting (the SSE `retry:` field). */
  retryMs: number;
  /** How long a polling client waits between polls. */
  pollAfterMs: number;
  /** A client this far behind in reading is cut off (it reconnects and catches up by id). */
  maxBufferedBytes: number;
}

export const DEFAULT_LIVE_OPTIONS: LiveStreamOptions = {
  heartbeatMs: 15_000,
  maxStreamMs: 5 * 60_000,
  retryMs: 3_000,
  pollAfterMs: 10_000,
  maxBufferedBytes: 1024 * 1024,
};

export interface ServeLive {
  districtId: string;
  topic: string;
  /** The current state as an event (its id the state's version), read through the caller's checks. */
  current: () => Promise<LiveEvent>;
  /** Asked at each heartbeat: false (signed out since, say) ends the stream. */
  stillAllowed?: () => Promise<boolean>;
}

/** The client's last id: the `Last-Event-ID` header, else `?since=`. */
function lastEventId(req: FastifyRequest): string | undefined {
  const header = req.headers['last-event-id'];
  if (typeof header === 'string' && header !== '') return header;
  const since = (req.query as { since?: unknown } | undefined)?.since;
  return typeof since === 'string' && since !== '' ? since : undefined;
}

const wantsStream = (req: FastifyRequest) => (req.headers.accept ?? '').includes('text/event-stream');

/** One event in the wire format: id, type, one line of JSON. */
export const formatEvent = (e: LiveEvent) => `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;

export class LiveStreams {
  private readonly open = new Set<() => void>();

  constructor(
    private readonly hub: LiveHub,
    readonly options: LiveStreamOptions = DEFAULT_LIVE_OPTIONS,
  ) {}

  /** Streams open now. */
  get count(): number {
    return this.open.size;
  }

  /** Ends every open stream (before the app closes: an open stream would hold its server open). */
  endAll(): void {
    for (const end of [...this.open]) end();
  }

  /**
   * Answers the request: a stream of the topic's events when it accepts `text/event-stream`
   * (returns undefined: the reply is taken over), else the poll's JSON (return it from the handler).
   */
  async serve(req: FastifyRequest, reply: FastifyReply, live: ServeLive): Promise<LivePoll | undefined> {
    const since = lastEventId(req);
    if (!wantsStream(req)) {
      const current = await live.current();
      return { id: current.id, events: current.id === since ? [] : [current], pollAfterMs: this.options.pollAfterMs };
    }
    await this.stream(req, reply, live, since);
    return undefined;
  }

  private async stream(req: FastifyRequest, reply: FastifyReply, live: ServeLive, since: string | undefined) {
    const { options } = this;
    let lastSent = since;
    let ended = false;
    // Subscribed before reading the state: a change committed meanwhile is heard, not lost.
    const early: (LiveEvent | null)[] = [];
    let hear: LiveListener = (e) => void early.push(e);
    const unsubscribe = this.hub.subscribe(live.districtId, live.topic, (e) => hear(e));
    let first: LiveEvent;
    try {
      first = await live.current();
    } catch (err) {
      unsubscribe();
      throw err;
    }

    reply.hijack();
    const raw = reply.raw;
    if (raw.destroyed || req.raw.destroyed) {
      // Gone while the state was read: nothing to stream to.
      unsubscribe();
      return;
    }
    const write = (text: string) => {
      if (ended) return;
      raw.write(text);
      if (raw.writableLength > options.maxBufferedBytes) end();
    };
    const send = (e: LiveEvent) => {
      if (e.id === lastSent) return;
      lastSent = e.id;
      write(formatEvent(e));
    };
    /** Events may have been missed (the database connection came back): send the state if it moved. */
    const recheck = () => {
      live.current().then(send, (err: unknown) => req.log.warn({ err }, 'live: could not read the current state'));
    };
    let checking = false;
    const beat = () => {
      write(': heartbeat\n\n');
      if (!live.stillAllowed || checking) return;
      checking = true;
      live.stillAllowed().then(
        (allowed) => {
          checking = false;
          if (!allowed) end();
        },
        () => (checking = false),
      );
    };
    const heartbeat = setInterval(beat, options.heartbeatMs);
    const maxAge = setTimeout(() => end(), options.maxStreamMs);
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      clearTimeout(maxAge);
      unsubscribe();
      this.open.delete(end);
      raw.end();
    };
    this.open.add(end);
    // The response's close is the client hanging up (the request's own 'close' means other things).
    raw.on('close', end);
    raw.on('error', end);

    // Headers set so far (helmet's) go out with the stream; Fastify's own sending is bypassed.
    const set: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) set[name] = value;
    raw.writeHead(200, {
      ...set,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise hold events back in their buffers.
      'x-accel-buffering': 'no',
      'x-request-id': req.id,
    });
    write(`retry: ${options.retryMs}\n: connected\n\n`);
    send(first);
    hear = (e) => (e ? send(e) : recheck());
    for (const e of early.splice(0)) hear(e);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Live topics across app processes (lib/live/hub.ts). */
    live: LiveHub;
    /** Open server-sent event streams and the poll fallback (lib/live/sse.ts). */
    liveStreams: LiveStreams;
  }
}
