import Fastify, { LogController } from 'fastify';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/harness.ts';
import { logRequests, requestLogLevel } from './request-log.ts';

/** A pino destination keeping every line, parsed. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } };
}
const LEVEL = { debug: 20, info: 30, warn: 40, error: 50 };

describe('the request log policy', () => {
  it('is error for a server failure, warn when slow, debug otherwise (client errors included)', () => {
    expect(requestLogLevel(200, 5)).toBe('debug');
    expect(requestLogLevel(404, 5)).toBe('debug');
    expect(requestLogLevel(401, 5)).toBe('debug');
    expect(requestLogLevel(200, 1000)).toBe('warn');
    expect(requestLogLevel(404, 2500)).toBe('warn');
    expect(requestLogLevel(500, 5)).toBe('error');
    expect(requestLogLevel(503, 5000)).toBe('error');
  });
});

describe('request lines in the app log', () => {
  const log = capture();
  const t = useTestApp({}, { logger: { level: 'debug', stream: log.stream } });

  it('writes one debug line per answered request, nothing at info, and no URL that may hold a secret', async () => {
    log.lines.length = 0;
    await t.app.inject({ method: 'GET', url: '/healthz?token=very-secret' });
    await t.app.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(log.lines.filter((l) => (l.level as number) >= LEVEL.info)).toEqual([]);
    const requests = log.lines.filter((l) => l.msg === 'request');
    expect(requests.map((l) => [l.level, l.method, l.route, l.statusCode])).toEqual([
      [LEVEL.debug, 'GET', '/healthz', 200],
      [LEVEL.debug, 'GET', '(no route)', 404],
    ]);
    expect(requests.every((l) => typeof l.reqId === 'string' && typeof l.ms === 'number')).toBe(true);
    expect(JSON.stringify(log.lines)).not.toContain('very-secret');
    // Fastify's own two lines per request are off.
    expect(log.lines.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toEqual([]);
  });
});

describe('failed and slow requests', () => {
  it('are the only request lines at info and above', async () => {
    const log = capture();
    const app = Fastify({
      logger: { level: 'info', stream: log.stream },
      logController: new LogController({ disableRequestLogging: true }),
    });
    logRequests(app, { slowMs: 200 });
    app.get('/fast', async () => ({ ok: true }));
    app.get('/slow', async () => {
      await new Promise((r) => setTimeout(r, 300));
      return { ok: true };
    });
    app.get('/broken', async () => {
      throw new Error('boom');
    });
    for (const url of ['/fast', '/slow', '/broken', '/nowhere']) await app.inject({ method: 'GET', url });
    await app.close();
    const requests = log.lines.filter((l) => typeof l.statusCode === 'number');
    expect(requests.map((l) => [l.level, l.msg, l.route, l.statusCode])).toEqual([
      [LEVEL.warn, 'slow request', '/slow', 200],
      [LEVEL.error, 'request failed', '/broken', 500],
    ]);
  });
});
