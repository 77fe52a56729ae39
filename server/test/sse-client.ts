/**
 * A real server-sent events client for tests and the bench: a plain HTTP request that reads the
 * stream as a browser's EventSource does (fields `id`, `event`, `data`, `retry`; comment lines), so
 * tests see exactly the bytes the server wrote.
 */
import http from 'node:http';

export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
  /** When it arrived (`performance.now()`). */
  at: number;
}

export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  retry: number | undefined;
  private waiters: (() => void)[] = [];
  private buffer = '';
  private pending: { id?: string; event?: string; data: string[] } = { data: [] };
  ended = false;

  private constructor(
    readonly response: http.IncomingMessage,
    private readonly request: http.ClientRequest,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.read(chunk));
    response.on('close', () => {
      this.ended = true;
      this.wake();
    });
  }

  /** Opens `url` (absolute) with `Accept: text/event-stream`, resolving once the headers arrive. */
  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) =>
        resolve(new SseClient(res, request)),
      );
      request.on('error', reject);
    });
  }

  /** Waits until `check` holds (checked on every chunk); rejects if the stream ends first. */
  async until<T>(check: () => T | undefined | false, what = 'an event'): Promise<T> {
    for (;;) {
      const found = check();
      if (found) return found;
      if (this.ended) throw new Error(`the stream ended before ${what}`);
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  /** The first event of `type` after the first `skip` of them. */
  nextEvent(type: string, skip = 0): Promise<SseEvent> {
    return this.until(() => this.events.filter((e) => e.event === type)[skip], `event ${type} #${skip + 1}`);
  }

  /** Resolves once the server has ended the stream. */
  async closed(): Promise<void> {
    await this.until(() => this.ended, 'the end').catch(() => undefined);
  }

  /** Hangs up, as a closed browser tab does. */
  close() {
    this.request.destroy();
  }

  private wake() {
    for (const w of this.waiters.splice(0)) w();
  }

  private read(chunk: string) {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).replace(/\r$/, '');
      this.buffer = this.buffer.slice(nl + 1);
      this.line(line);
    }
    this.wake();
  }

  private line(line: string) {
    if (line === '') {
      const p = this.pending;
      if (p.data.length > 0) this.events.push({ id: p.id, event: p.event ?? 'message', data: p.data.join('\n'), at: performance.now() });
      this.pending = { data: [] };
      return;
    }
    if (line.startsWith(':')) {
      this.comments.push(line.slice(1).trim());
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') this.pending.id = value;
    else if (field === 'event') this.pending.event = value;
    else if (field === 'data') this.pending.data.push(value);
    else if (field === 'retry') this.retry = Number(value);
  }
}
