import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A request slower than this is logged at `warn`, whatever its answer. */
export const SLOW_REQUEST_MS = 1000;

/**
 * The level of a request's one log line: `error` for a server failure (5xx), `warn` when it took
 * `slowMs` or longer, else `debug`, client errors (4xx) included: a scanner's 404s or expired
 * sessions' 401s must not bury the start banner the way two `info` lines per request did.
 */
export function requestLogLevel(statusCode: number, ms: number, slowMs = SLOW_REQUEST_MS): 'error' | 'warn' | 'debug' {
  if (statusCode >= 500) return 'error';
  if (ms >= slowMs) return 'warn';
  return 'debug';
}

/**
 * Logs each request once, when it has been answered, at `requestLogLevel`; the app turns Fastify's
 * own request logging off. The route pattern is logged rather than the URL, whose path or query
 * may hold a secret (calendar feed tokens, set-password links).
 */
export function logRequests(app: FastifyInstance, opts: { slowMs?: number } = {}) {
  app.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    const ms = Math.round(reply.elapsedTime);
    const level = requestLogLevel(reply.statusCode, ms, opts.slowMs);
    const route = req.routeOptions.url ?? '(no route)';
    req.log[level](
      { method: req.method, route, statusCode: reply.statusCode, ms },
      level === 'debug' ? 'request' : level === 'warn' ? 'slow request' : 'request failed',
    );
  });
}
