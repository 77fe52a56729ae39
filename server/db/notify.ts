/**
 * PostgreSQL's LISTEN/NOTIFY on either database: the channel the live layer (lib/live/) uses so a
 * change saved by one app process reaches the browsers connected to every other process.
 *
 * - PostgreSQL: one dedicated connection LISTENs (a pooled one would be handed to other work); when
 *   it drops it reconnects with a growing pause and tells the listeners they may have missed
 *   payloads (`onResync`). Payloads are sent through the owner's pool.
 * - PGlite: its own `listen`/`notify`, on its one connection. The embedded database has one process
 *   (lockfile), so this only serves the apps of that process, with the same rules as PostgreSQL: a
 *   NOTIFY in a transaction is delivered at COMMIT, payloads stop at 8000 bytes.
 */
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Bytes PostgreSQL accepts in one NOTIFY payload (the server's limit is "under 8000"). */
export const NOTIFY_MAX_BYTES = 7999;

export type NotificationListener = (payload: string) => void;

export interface Notifications {
  /**
   * Calls `fn` with every payload sent on `channel` on this database, by any process, from when
   * the returned promise resolves; the returned function stops it.
   */
  listen(channel: string, fn: NotificationListener): Promise<() => void>;
  /** Called when payloads may have been missed (the listening connection dropped and came back). */
  onResync(fn: () => void): () => void;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

/** Channel names are identifiers written into LISTEN: only plain ones. */
function checkChannel(channel: string) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
}

/** The listeners of each channel, shared by both databases' implementations. */
class Listeners {
  readonly byChannel = new Map<string, Set<NotificationListener>>();
  readonly resync = new Set<() => void>();

  add(channel: string, fn: NotificationListener): { first: boolean; remove: () => boolean } {
    let set = this.byChannel.get(channel);
    const first = !set;
    if (!set) this.byChannel.set(channel, (set = new Set()));
    set.add(fn);
    return {
      first,
      remove: () => {
        set.delete(fn);
        if (set.size > 0 || this.byChannel.get(channel) !== set) return false;
        this.byChannel.delete(channel);
        return true;
      },
    };
  }

  deliver(channel: string, payload: string) {
    for (const fn of this.byChannel.get(channel) ?? []) fn(payload);
  }
}

/** Notifications over PostgreSQL at `url`; `pool` sends them (the owner's pool). */
export function postgresNotifications(url: string, pool: pg.Pool, log: (msg: string) => void = console.error): Notifications {
  const listeners = new Listeners();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  let pauseMs = 100;

  const connect = (): Promise<pg.Client> =>
    (connecting ??= (async () => {
      const c = new pg.Client({ connectionString: url });
      c.on('notification', (msg) => listeners.deliver(msg.channel, msg.payload ?? ''));
      c.on('error', (err) => lost(c, err));
      c.on('end', () => lost(c, null));
      await c.connect();
      for (const channel of listeners.byChannel.keys()) await c.query(`LISTEN ${channel}`);
      client = c;
      pauseMs = 100;
      return c;
    })().finally(() => {
      connecting = null;
    }));

  /** The listening connection ended or failed: open another, then let listeners catch up. */
  function lost(c: pg.Client, err: Error | null) {
    if (client !== c || closed) return;
    client = null;
    log(`PostgreSQL: the LISTEN connection was lost${err ? ` (${err.message})` : ''}; reconnecting`);
    void c.end().catch(() => undefined);
    const retry = () => {
      if (closed) return;
      connect().then(
        () => listeners.resync.forEach((fn) => fn()),
        () => {
          pauseMs = Math.min(pauseMs * 2, 5_000);
          setTimeout(retry, pauseMs).unref();
        },
      );
    };
    setTimeout(retry, pauseMs).unref();
  }

  return {
    async listen(channel, fn) {
      checkChannel(channel);
      const { first, remove } = listeners.add(channel, fn);
      const c = client ?? (await connect());
      if (first && c === client) await c.query(`LISTEN ${channel}`);
      return () => {
        if (remove() && client) void client.query(`UNLISTEN ${channel}`).catch(() => undefined);
      };
    },
    onResync(fn) {
      listeners.resync.add(fn);
      return () => listeners.resync.delete(fn);
    },
    async notify(channel, payload) {
      checkChannel(channel);
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      closed = true;
      const c = client ?? (connecting ? await connecting.catch(() => null) : null);
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}

/** Notifications over the embedded database's own LISTEN/NOTIFY. */
export function pgliteNotifications(client: PGlite): Notifications {
  const listeners = new Listeners();
  const stops = new Map<string, Promise<() => Promise<void>>>();
  return {
    async listen(channel, fn) {
      checkChannel(channel);
      const { first, remove } = listeners.add(channel, fn);
      if (first)
        stops.set(
          channel,
          client.listen(channel, (payload) => listeners.deliver(channel, payload)),
        );
      await stops.get(channel);
      return () => {
        if (!remove()) return;
        const stop = stops.get(channel);
        stops.delete(channel);
        void stop?.then((s) => s()).catch(() => undefined);
      };
    },
    onResync(fn) {
      listeners.resync.add(fn);
      return () => listeners.resync.delete(fn);
    },
    async notify(channel, payload) {
      checkChannel(channel);
      await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      stops.clear();
    },
  };
}
