import type { FastifyReply, FastifyRequest } from 'fastify';
import { appAbilities } from '../policies/app.ts';
import { effectiveGrant, grantNeedsSecondFactor, sessionPassedSecondFactor } from '../policies/mfa.ts';
import { buildActor } from '../services/auth/actor.ts';
import { findSession, sessionIsLive, type SessionUser } from '../services/auth/sessions.ts';
import { hashToken } from '../services/auth/tokens.ts';
import { cachedSession, rememberSession } from './session-cache.ts';
import type { Database } from '../db/client.ts';
import type { Env } from '../env.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Mailer } from '../services/mail/mailer.ts';
import type { DigestSchedule } from '../jobs/digest-schedule.ts';
import type { FileStorage } from '../services/files/storage.ts';
import { RequestMail } from '../services/mail/outlet.ts';
import { secretKey } from './secret-key.ts';
import type { BackgroundTasks } from './background.ts';
import { publicBaseUrl } from './public-url.ts';
import type { Ctx } from './context.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'trellis_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    env: Env;
    /** Sends e-mail off the request path (services/mail/mailer.ts). */
    mailer: Mailer;
    /** Work done after the response (lib/background.ts). */
    background: BackgroundTasks;
    /** The background job queue (server/jobs/queue.ts). */
    jobs: JobQueue;
    /** Enqueues each district's daily notification digest (server/jobs/digest-schedule.ts). */
    digestSchedule: DigestSchedule;
    /** Where attachments' bytes live (services/files/storage.ts). */
    fileStorage: FileStorage;
  }
  interface FastifyRequest {
    sessionUser?: SessionUser | null;
    /** E-mail this request recorded, sent once it succeeded (app.ts onResponse). */
    mail?: RequestMail;
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
  req.sessionUser = await findSession(req.server.database.db, token, sessionLifetime(req.server.env));
  if (req.sessionUser) rememberSession(key, req.sessionUser);
  return req.sessionUser;
}

/**
 * Whether the request's session is still live now, looked up afresh (not remembered) and without
 * sliding its expiry: a stream open for minutes asks it now and then, so signing out, deactivation
 * or the session's idle timeout also end the streams.
 */
export async function sessionStillLive(req: FastifyRequest): Promise<boolean> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return false;
  return sessionIsLive(req.server.database.db, token, sessionLifetime(req.server.env));
}

/**
 * Authenticates the request and builds its context: 401 without a live session; for
 * state-changing methods, 403 unless the `x-csrf-token` header matches the session's token. Routes
 * declaring `auth: 'session'` were already checked before validation (lib/route-auth.ts); this
 * repeats the check against the session the request already holds, at no cost.
 */
export async function requireCtx(req: FastifyRequest): Promise<Ctx> {
  const session = await sessionOf(req);
  if (!session) throw new AppError('unauthenticated', 'Sign in to continue');
  checkCsrf(req, session);
  return ctxForSession(req, session);
}

/** 403 on a state-changing request unless its `x-csrf-token` header matches the session's token. */
export function checkCsrf(req: FastifyRequest, session: SessionUser) {
  if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== session.csrfToken) {
    throw new AppError('forbidden', 'Missing or wrong CSRF token');
  }
}

/**
 * The context for a session already checked (e.g. one just opened by sign-in). Its `db` is bound
 * to the session's district (row-level security, db/tenancy.ts): every service reads and writes
 * that district only, whatever its queries forget.
 */
export async function ctxForSession(req: FastifyRequest, session: SessionUser): Promise<Ctx> {
  req.sessionUser = session;
  // An HR / admin grant counts only once the session passed the second factor (policies/mfa.ts).
  const actor = buildActor(
    { ...session.user, adminGrant: effectiveGrant(session.user, session) },
    session.roles,
    session.caseload,
    session.guest,
  );
  return {
    db: req.server.database.forDistrict(session.user.districtId),
    actor,
    requestId: req.id,
    log: req.log,
    mail: requestMail(req),
    jobs: req.server.jobs,
  };
}

/** The request's e-mail outlet: links from configuration only, sent after a successful response. */
export function requestMail(req: FastifyRequest): RequestMail {
  return (req.mail ??= new RequestMail(publicBaseUrl(req.server.env), secretKey(req.server.env, 'notification-unsubscribe')));
}

/** The signed-in user as the API presents it (`Me`). */
export async function presentMe(req: FastifyRequest, ctx: Ctx) {
  const session = (await sessionOf(req))!;
  return {
    id: session.user.id,
    email: session.user.email,
    // Null until the person picks a language on their account page: the browser's language wins until then.
    locale: session.user.locale === 'es' || session.user.locale === 'en' ? (session.user.locale as 'es' | 'en') : null,
    person: session.person,
    district: session.district,
    access: ctx.actor.access,
    adminGrant: ctx.actor.adminGrant,
    schoolIds: [...new Set([...ctx.actor.leaderOrgUnitIds, ...ctx.actor.coachOrgUnitIds])],
    abilities: appAbilities(ctx.actor),
    secondFactor: { required: grantNeedsSecondFactor(session.user), satisfied: sessionPassedSecondFactor(session) },
    guest: ctx.actor.guestInitiativeId ? { initiativeId: ctx.actor.guestInitiativeId } : null,
  };
}

/** The session lifetimes the settings ask for. */
export const sessionLifetime = (env: Env) => ({ ttlHours: env.SESSION_TTL_HOURS, maxHours: env.SESSION_MAX_HOURS });

/** Whether the session cookie is HTTPS-only: always, unless in development or turned off. */
export const secureCookies = (env: Env) => env.COOKIE_SECURE ?? env.NODE_ENV !== 'development';

/** Sets the session cookie; the browser keeps it no longer than the session's absolute lifetime. */
export function setSessionCookie(reply: FastifyReply, token: string, env: Env) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(env),
    maxAge: Math.round(env.SESSION_MAX_HOURS * 3600),
  });
}

/** Removes the session cookie (with the attributes it was set with, so every browser drops it). */
export function clearSessionCookie(reply: FastifyReply, env: Env) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies(env) });
}
