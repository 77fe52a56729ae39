/**
 * How a page follows a live URL when the stream works, breaks, or is blocked: with a stand-in for
 * the browser's EventSource (Node has none) and for fetch, and Vitest's clock for the pauses.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent, LivePoll } from '../../common/schemas/live.ts';
import { LiveConnection, type EventSourceLike, type LiveMode } from './live.ts';

const URL_ = '/api/implementation-teams/t/meetings/m/live';
const changed = (id: string): LiveEvent => ({ type: 'meeting.changed', id, data: { revision: Number(id) } });

/** What the browser's EventSource does, driven by the test. */
class StandInSource implements EventSourceLike {
  readyState = 0;
  onopen: ((ev: Event) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  private listeners = new Map<string, ((ev: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  send(type: string, event: LiveEvent) {
    for (const l of this.listeners.get(type) ?? []) l({ data: JSON.stringify(event) } as MessageEvent<string>);
  }
  /** The connection failed: the browser retries it (`gaveUp` false) or gives up (not a stream). */
  fail(gaveUp: boolean) {
    this.readyState = gaveUp ? 2 : 0;
    this.onerror?.(new Event('error'));
  }
}

let sources: StandInSource[];
let polled: string[];
let answers: (LivePoll | number)[];
let heard: LiveEvent[];
let modes: LiveMode[];

function follow(types = ['meeting.changed']) {
  return new LiveConnection(URL_, {
    types,
    onEvent: (e) => heard.push(e),
    onMode: (m) => modes.push(m),
    retryMs: 1_000,
    pollsBeforeStreamRetry: 2,
    eventSource: (url) => {
      const s = new StandInSource(url);
      sources.push(s);
      return s;
    },
    fetch: (async (url: string) => {
      polled.push(url);
      const answer = answers.shift() ?? 500;
      if (typeof answer === 'number') return new Response('{}', { status: answer });
      return new Response(JSON.stringify(answer), { status: 200 });
    }) as typeof fetch,
  }).start();
}

beforeEach(() => {
  vi.useFakeTimers();
  sources = [];
  polled = [];
  answers = [];
  heard = [];
  modes = [];
});
afterEach(() => vi.useRealTimers());

describe('following a live URL', () => {
  it('hears the listed event types and remembers the last id', () => {
    const c = follow();
    sources[0]!.open();
    sources[0]!.send('meeting.changed', changed('4'));
    sources[0]!.send('other.thing', changed('9'));
    expect(heard).toEqual([changed('4')]);
    expect(c.lastId).toBe('4');
    expect(modes).toEqual(['live']);
    c.stop();
  });

  it('reopens a stream the browser gave up on, asking for what changed since the last id', async () => {
    const c = follow();
    sources[0]!.open();
    sources[0]!.send('meeting.changed', changed('4'));
    sources[0]!.fail(true);
    expect(modes.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sources[1]!.url).toBe(`${URL_}?since=4`);
    sources[1]!.open();
    sources[1]!.send('meeting.changed', changed('6'));
    expect(heard.map((e) => e.id)).toEqual(['4', '6']);
    expect(modes.at(-1)).toBe('live');
    c.stop();
  });

  it('leaves the browser to retry a dropped stream itself (it sends Last-Event-ID)', async () => {
    const c = follow();
    sources[0]!.open();
    sources[0]!.fail(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sources).toHaveLength(1);
    sources[0]!.open();
    expect(modes.at(-1)).toBe('live');
    c.stop();
  });

  it('polls with `since` after repeated failures, then tries the stream again', async () => {
    const c = follow();
    sources[0]!.open();
    sources[0]!.send('meeting.changed', changed('4'));
    answers = [
      { id: '5', events: [changed('5')], pollAfterMs: 3_000 },
      { id: '5', events: [], pollAfterMs: 3_000 },
    ];
    sources[0]!.fail(true);
    await vi.advanceTimersByTimeAsync(1_000);
    sources[1]!.fail(true);
    await vi.advanceTimersByTimeAsync(2_000);
    sources[2]!.fail(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(modes.at(-1)).toBe('polling');
    expect(polled).toEqual([`${URL_}?since=4`]);
    expect(heard.map((e) => e.id)).toEqual(['4', '5']);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(polled).toEqual([`${URL_}?since=4`, `${URL_}?since=5`]);
    // After two polls: the stream again, from the last id.
    await vi.advanceTimersByTimeAsync(3_000);
    expect(sources[3]!.url).toBe(`${URL_}?since=5`);
    sources[3]!.open();
    expect(modes.at(-1)).toBe('live');
    c.stop();
  });

  it('stops when the URL is refused (signed out, or no longer allowed)', async () => {
    const c = follow();
    answers = [401];
    for (let i = 0; i < 3; i++) {
      sources[i]!.fail(true);
      await vi.advanceTimersByTimeAsync(5_000);
    }
    expect(polled).toHaveLength(1);
    expect(c.mode).toBe('stopped');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(polled).toHaveLength(1);
  });
});
