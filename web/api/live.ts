import { useEffect, useRef, useState } from 'react';
import type { LiveEvent, LivePoll } from '../../common/schemas/live.ts';

/** How a page follows a topic now: streaming, getting the stream back, polling, or stopped (refused). */
export type LiveMode = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'stopped';

/** The browser's EventSource, as much of it as this file uses (tests pass a stand-in). */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((ev: Event) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void): void;
  close(): void;
}
export type EventSourceFactory = (url: string) => EventSourceLike;

export interface LiveConnectionOptions {
  /** The SSE event types to hear (e.g. `meeting.changed`). */
  types: readonly string[];
  onEvent: (event: LiveEvent) => void;
  onMode?: (mode: LiveMode) => void;
  /** Failed stream attempts in a row before polling instead. */
  failuresBeforePolling?: number;
  /** Pause before reconnecting a stream the browser gave up on (grows with each failure). */
  retryMs?: number;
  /** Pause between polls when the server does not say. */
  pollMs?: number;
  /** While polling, try the stream again after this many polls. */
  pollsBeforeStreamRetry?: number;
  eventSource?: EventSourceFactory;
  fetch?: typeof fetch;
}

const CLOSED = 2;

/** `url` with `since` set (or left out). */
function withSince(url: string, since: string | undefined): string {
  if (since === undefined) return url;
  return `${url}${url.includes('?') ? '&' : '?'}since=${encodeURIComponent(since)}`;
}

/**
 * Follows a live URL (server/lib/live/sse.ts): an EventSource while it works (the browser
 * reconnects it itself, sending Last-Event-ID); when the browser gives up (the answer was not a
 * stream), a new one after a pause, with `since` = the last id heard; after `failuresBeforePolling`
 * failures in a row, polling the same URL with `since`, trying the stream again now and then.
 * Whichever way it reconnects, the server answers the current state's event when it differs from
 * the last id heard, so nothing changed meanwhile is missed.
 */
export class LiveConnection {
  lastId: string | undefined;
  mode: LiveMode = 'connecting';
  private source: EventSourceLike | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private polls = 0;
  private stopped = false;
  private readonly opts: Required<Omit<LiveConnectionOptions, 'onMode' | 'eventSource'>> & Pick<LiveConnectionOptions, 'onMode'>;
  /** How to open a stream; none where the browser has no EventSource (it polls). */
  private readonly eventSource: EventSourceFactory | null;

  constructor(
    private readonly url: string,
    options: LiveConnectionOptions,
  ) {
    this.opts = {
      failuresBeforePolling: 3,
      retryMs: 2_000,
      pollMs: 10_000,
      pollsBeforeStreamRetry: 6,
      fetch: (...args) => globalThis.fetch(...args),
      ...options,
    };
    this.eventSource =
      options.eventSource ?? (typeof EventSource === 'undefined' ? null : (u) => new EventSource(u, { withCredentials: true }));
  }

  start(): this {
    if (this.eventSource) this.connect();
    else void this.poll();
    return this;
  }

  stop(): void {
    this.stopped = true;
    this.source?.close();
    this.source = null;
    if (this.timer) clearTimeout(this.timer);
    this.setMode('stopped');
  }

  private setMode(mode: LiveMode) {
    if (this.mode === mode) return;
    this.mode = mode;
    this.opts.onMode?.(mode);
  }

  private deliver(event: LiveEvent) {
    if (this.stopped) return;
    this.lastId = event.id;
    this.opts.onEvent(event);
  }

  private later(fn: () => void, ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) fn();
    }, ms);
  }

  private connect() {
    if (!this.eventSource) return void this.poll();
    const source = this.eventSource(withSince(this.url, this.lastId));
    this.source = source;
    source.onopen = () => {
      this.failures = 0;
      this.setMode('live');
    };
    for (const type of this.opts.types) {
      source.addEventListener(type, (ev) => {
        try {
          this.deliver(JSON.parse(ev.data) as LiveEvent);
        } catch {
          // Not an event of ours: nothing to follow.
        }
      });
    }
    source.onerror = () => {
      if (this.stopped || this.source !== source) return;
      this.failures += 1;
      const givenUp = source.readyState === CLOSED;
      if (this.failures >= this.opts.failuresBeforePolling) {
        source.close();
        this.source = null;
        this.polls = 0;
        void this.poll();
        return;
      }
      this.setMode('reconnecting');
      // The browser retries a dropped stream itself; one it gave up on (not a stream) is ours to retry.
      if (givenUp) this.later(() => this.connect(), this.opts.retryMs * this.failures);
    };
  }

  private async poll() {
    if (this.stopped) return;
    this.setMode('polling');
    let wait = this.opts.pollMs;
    try {
      const res = await this.opts.fetch(withSince(this.url, this.lastId), {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (res.status === 401 || res.status === 403 || res.status === 404) {
        this.stop();
        return;
      }
      if (res.ok) {
        const body = (await res.json()) as LivePoll;
        for (const event of body.events) this.deliver(event);
        this.lastId = body.id;
        wait = body.pollAfterMs;
      }
    } catch {
      // Offline for now: poll again later.
    }
    this.polls += 1;
    if (this.polls >= this.opts.pollsBeforeStreamRetry) {
      // One more failure sends it back to polling.
      this.failures = this.opts.failuresBeforePolling - 1;
      this.polls = 0;
      this.later(() => this.connect(), wait);
    } else this.later(() => void this.poll(), wait);
  }
}

/**
 * Follows a live URL while the component is on screen, calling `onEvent` with each event (the
 * latest `onEvent`: it may change every render); returns how it is following (for a status line).
 *
 * @example
 *   useLiveTopic(`/api/implementation-teams/${teamId}/meetings/${id}/live`, (e) => {
 *     if (Number(e.id) !== meeting.revision) void refetch();
 *   }, ['meeting.changed']);
 */
export function useLiveTopic(url: string | null, onEvent: (event: LiveEvent) => void, types: readonly string[]): LiveMode {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);
  const [mode, setMode] = useState<LiveMode>('connecting');
  const typeKey = types.join(' ');
  useEffect(() => {
    if (!url) return undefined;
    const connection = new LiveConnection(url, {
      types: typeKey.split(' '),
      onEvent: (e) => handler.current(e),
      onMode: setMode,
    }).start();
    return () => connection.stop();
  }, [url, typeKey]);
  return mode;
}
