import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { authenticateApiToken } from '../services/api-tokens.ts';
import { AppError } from './errors.ts';
import { checkCsrf, sessionOf } from './http.ts';

/**
 * Who may reach a route, declared with the route (issue 11: an anonymous caller got 400 from 83
 * operations, because each handler asked for the session itself, after Fastify had validated the
 * request). `authenticate` answers before the body is parsed or anything validated:
 * - `session`: a live session (401), and on a write its CSRF token (403); the handler takes the
 *   context from `requireCtx` as before.
 * - `sessionOrToken`: a session, or `Authorization: Bearer` with a live API token of scope
 *   `case.read` (the CASE REST API), found here and left on `req.apiToken`.
 * - `public`: anyone (sign-in, reset, SSO, the second step of sign-in, the calendar feed file its
 *   secret token opens); the handler checks whatever else it needs.
 */
export type RouteAuth = 'session' | 'sessionOrToken' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may reach the route (lib/route-auth.ts); a route without it stops the server starting. */
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    /** The API token that authenticated a `sessionOrToken` route, when one did. */
    apiToken?: { districtId: string; tokenId: string };
  }
}

/** Each declaration as OpenAPI security requirements (the schemes are named in app.ts). */
const SECURITY: Record<RouteAuth, Record<string, string[]>[]> = {
  session: [{ session: [] }],
  sessionOrToken: [{ session: [] }, { apiToken: [] }],
  public: [],
};

/** The OpenAPI document says it too (@fastify/swagger reads the schema once all routes are in). */
function document(route: RouteOptions) {
  const auth = route.config?.auth;
  if (auth && route.schema) route.schema = { ...route.schema, security: SECURITY[auth] };
}

/** Paths whose every route must declare `auth`: the API. Static files and the SPA are public. */
const API = /^\/(api|ims)\//;

/**
 * The declaration of every route registered in `scope` (one plugin, i.e. one route file) that
 * does not declare its own. Route files that call this with `session` need to mark each public
 * route with `config: { auth: 'public' }`; a new route there is closed to signed-out callers until
 * someone decides otherwise.
 *
 * @example
 *   export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
 *     routesNeed(app, 'session');
 *     app.post('/sign-in', { config: { auth: 'public' }, schema: ... }, ...);
 */
export function routesNeed(scope: FastifyInstance, auth: RouteAuth) {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, auth: route.config?.auth ?? auth };
    document(route);
  });
}

/**
 * Installs the check on `app`, after @fastify/cookie and before any route is registered: the
 * `onRequest` hook that answers 401 before body parsing and validation for a route that needs a
 * session, and a start-up check that every API route declared who may reach it.
 */
export function enforceRouteAuth(app: FastifyInstance) {
  const routes: RouteOptions[] = [];
  // Runs before the route file's own onRoute hook: keep the options, read them once all are loaded.
  app.addHook('onRoute', (route) => {
    routes.push(route);
    document(route);
  });
  app.addHook('onReady', async () => {
    const missing = routes.filter((r) => API.test(r.url) && !r.config?.auth).map((r) => `${String(r.method)} ${r.url}`);
    if (missing.length > 0)
      throw new Error(`Routes that do not declare config.auth (lib/route-auth.ts): ${[...new Set(missing)].join(', ')}`);
  });
  app.addHook('onRequest', async (req) => {
    const auth = req.routeOptions.config.auth;
    if (auth === 'session') return authenticateSession(req);
    if (auth === 'sessionOrToken') return req.headers.authorization === undefined ? authenticateSession(req) : authenticateToken(req);
  });
}

async function authenticateSession(req: FastifyRequest) {
  const session = await sessionOf(req);
  if (!session) throw new AppError('unauthenticated', 'Sign in to continue');
  checkCsrf(req, session);
}

async function authenticateToken(req: FastifyRequest) {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  // The token tells the district: looked up with the owner's executor, then bound to it by the route.
  const found = match ? await authenticateApiToken(req.server.database.db, match[1]!, 'case.read') : null;
  if (!found) throw new AppError('unauthenticated', 'The API token is missing, wrong or revoked');
  req.apiToken = found;
}
