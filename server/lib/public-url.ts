import type { FastifyRequest } from 'fastify';
import type { Env } from '../env.ts';

type UrlEnv = Pick<Env, 'PUBLIC_URL' | 'HOST' | 'PORT'>;

/**
 * The base URL of every link Trellis e-mails or hands out (reset and invitation links, notification
 * links, calendar feeds, CASE URIs), without a trailing slash. It comes from configuration only:
 * `PUBLIC_URL`, else the address the server listens on. Never from a request's Host or
 * X-Forwarded-* headers, which whoever sends the request chooses (finding 2 of issue 10).
 *
 * @example publicBaseUrl({ HOST: '0.0.0.0', PORT: 3000 }) === 'http://localhost:3000'
 */
export function publicBaseUrl(env: UrlEnv): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/+$/, '');
  const host = ['0.0.0.0', '::', ''].includes(env.HOST) ? 'localhost' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  return `http://${host}:${env.PORT}`;
}

/** The origin other systems reach this server at (CASE uris, feed URLs): configuration only, never the request's headers. */
export const publicOrigin = (req: FastifyRequest) => publicBaseUrl(req.server.env);

/** A startup warning when links fall back to HOST and PORT outside development (null otherwise). */
export function publicUrlWarning(env: UrlEnv & Pick<Env, 'NODE_ENV'>): string | null {
  if (env.PUBLIC_URL || env.NODE_ENV === 'development') return null;
  return `PUBLIC_URL is not set: links in e-mails and calendar feeds point to ${publicBaseUrl(env)}. Set PUBLIC_URL to the address people open Trellis at (e.g. https://trellis.district.org).`;
}
