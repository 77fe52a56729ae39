/**
 * Live topics: `publish(districtId, topic, event)` in any app process reaches every subscriber of
 * that district's topic in every process on the same database, through one LISTEN/NOTIFY channel
 * (db/notify.ts). A topic belongs to a district: the district travels with each event and a
 * subscriber only hears its own district's, whatever the topic is called.
 *
 * Events say that something changed and its new version (`id`), not the whole record: clients ask
 * for the current state themselves, through their own read checks. An event too large for NOTIFY
 * (8000 bytes) goes out without its data, marked `refetch`.
 */
import type { LiveEvent } from '../../../common/schemas/live.ts';
import { NOTIFY_MAX_BYTES, type Notifications } from '../../db/notify.ts';

export type { LiveEvent };

/** The one channel every live event travels on. */
export const LIVE_CHANNEL = 'trellis_live';

/** What a subscriber hears: an event, or `null` when events may have been missed (recheck the state). */
export type LiveListener = (event: LiveEvent | null) => void;

interface Envelope {
  d: string;
  t: string;
  e: LiveEvent;
}

const key = (districtId: string, topic: string) => `${districtId}\n${topic}`;

/** The NOTIFY payload for an event: without its data when the whole would pass the limit. */
export function envelope(districtId: string, topic: string, event: LiveEvent): string {
  const whole = JSON.stringify({ d: districtId, t: topic, e: event } satisfies Envelope);
  if (Buffer.byteLength(whole) <= NOTIFY_MAX_BYTES) return whole;
  const slim = JSON.stringify({
    d: districtId,
    t: topic,
    e: { type: event.type, id: event.id, data: null, refetch: true },
  } satisfies Envelope);
  if (Buffer.byteLength(slim) > NOTIFY_MAX_BYTES) throw new Error(`A live event's type, id and topic must stay short (${topic})`);
  return slim;
}

type Log = { warn(obj: object, msg: string): void };

export class LiveHub {
  private readonly subscribers = new Map<string, Set<LiveListener>>();
  private stops: (() => void)[] = [];

  constructor(
    private readonly notifications: Notifications,
    private readonly log: Log,
  ) {}

  /** Starts hearing the channel (the app's onReady). */
  async start(): Promise<void> {
    this.stops.push(await this.notifications.listen(LIVE_CHANNEL, (payload) => this.receive(payload)));
    this.stops.push(this.notifications.onResync(() => this.resync()));
  }

  /** Stops hearing the channel (the app's onClose); subscribers are left to their streams' ends. */
  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  /**
   * Sends `event` to every subscriber of the district's topic, in every process. Call it after the
   * change committed. A failure to send is logged, never thrown: the write it follows stands, and
   * clients that poll or reconnect still find the new state.
   */
  async publish(districtId: string, topic: string, event: LiveEvent): Promise<void> {
    try {
      await this.notifications.notify(LIVE_CHANNEL, envelope(districtId, topic, event));
    } catch (err) {
      this.log.warn({ err, topic, type: event.type }, 'live event not sent');
    }
  }

  /** Calls `fn` with each event of the district's topic until the returned function is called. */
  subscribe(districtId: string, topic: string, fn: LiveListener): () => void {
    const k = key(districtId, topic);
    let set = this.subscribers.get(k);
    if (!set) this.subscribers.set(k, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0 && this.subscribers.get(k) === set) this.subscribers.delete(k);
    };
  }

  /** Subscribers held now, over all topics (tests check that closed streams let theirs go). */
  subscriberCount(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  private receive(payload: string) {
    let message: Envelope;
    try {
      message = JSON.parse(payload) as Envelope;
    } catch {
      this.log.warn({ payload: payload.slice(0, 200) }, 'live: a payload that is not an event');
      return;
    }
    for (const fn of this.subscribers.get(key(message.d, message.t)) ?? []) fn(message.e);
  }

  private resync() {
    for (const set of this.subscribers.values()) for (const fn of set) fn(null);
  }
}
