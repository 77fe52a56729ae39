import type { FastifyReply, FastifyRequest } from 'fastify';
import { appAbilities } from '../policies/app.ts';
import { buildActor } from '../services/auth/actor.ts';
import { findSession, type SessionUser } from '../services/auth/sessions.ts';
import { hashToken } from '../services/auth/tokens.ts';
import { cachedSession, rememberSession } from './session-cache.ts';
import type { Database } from '../db/client.ts';
import type { Env } from '../env.ts';
import type { Ctx } from './context.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'trellis_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    env: Env;
  }
  interface FastifyRequest {
    sessionUser?: SessionUser | null;
  }
  interface FastifyContextConfig {
    /**
     * This write cannot change who may do what (an autosave, marking a notification read), so it
     * leaves the remembered sessions alone (server/app.ts); every other write empties them.
     */
    keepsSessions?: boolean;
  }
}

/** The session behind the request's cookie, looked up once per request. */
export async function sessionOf(req: FastifyRequest): Promise<SessionUser | null> {
  if (req.sessionUser !== undefined) return req.sessionUser;
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return (req.sessionUser = null);
  const key = hashToken(token);
  // Writes always read the session afresh; reads may use one remembered for a few seconds.
  const cached = SAFE_METHODS.has(req.method) ? cachedSession(key) : undefined;
  if (cached) return (req.sessionUser = cached);
  // Before the district is known: the owner's executor (the only lookup of a request that uses it).
  req.sessionUser = await findSession(req.server.database.db, token, req.server.env.SESSION_TTL_HOURS);
  if (req.sessionUser) rememberSession(key, req.sessionUser);
  return req.sessionUser;
}

/**
 * Authenticates the request and builds its context: 401 without a live session; for
 * state-changing methods, 403 unless the `x-csrf-token` header matches the session's token.
 */
export async function requireCtx(req: FastifyRequest): Promise<Ctx> {
  const session = await sessionOf(req);
  if (!session) throw new AppError('unauthenticated', 'Sign in to continue');
  if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== session.csrfToken) {
    throw new AppError('forbidden', 'Missing or wrong CSRF token');
  }
  return ctxForSession(req, session);
}

/**
 * The context for a session already checked (e.g. one just opened by sign-in). Its `db` is bound
 * to the session's district (row-level security, db/tenancy.ts): every service reads and writes
 * that district only, whatever its queries forget.
 */
export async function ctxForSession(req: FastifyRequest, session: SessionUser): Promise<Ctx> {
  req.sessionUser = session;
  const actor = buildActor(session.user, session.roles, session.caseload);
  return { db: req.server.database.forDistrict(session.user.districtId), actor, requestId: req.id, log: req.log };
}

/** The signed-in user as the API presents it (`Me`). */
export async function presentMe(req: FastifyRequest, ctx: Ctx) {
  const session = (await sessionOf(req))!;
  return {
    id: session.user.id,
    email: session.user.email,
    locale: session.user.locale === 'es' ? ('es' as const) : ('en' as const),
    person: session.person,
    district: session.district,
    access: ctx.actor.access,
    adminGrant: ctx.actor.adminGrant,
    schoolIds: [...new Set([...ctx.actor.leaderOrgUnitIds, ...ctx.actor.coachOrgUnitIds])],
    abilities: appAbilities(ctx.actor),
  };
}

export function setSessionCookie(reply: FastifyReply, token: string, env: Env) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
    maxAge: env.SESSION_TTL_HOURS * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
