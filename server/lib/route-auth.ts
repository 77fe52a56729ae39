import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { authenticateApiToken } from '../services/api-tokens.ts';
import { AppError, notFound } from './errors.ts';
import { checkCsrf, sessionOf } from './http.ts';
import type { SessionUser } from '../services/auth/sessions.ts';

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

/**
 * What a vendor or developer partner's guest account (issue 14: one initiative, time-boxed) may
 * reach. The gate is an allow-list: a session route that does not say `guest` answers a guest 404,
 * so a route added later is closed to guests until someone opens it.
 * - `account`: their own session and account (sign-out, me, password, sessions, two-factor) and
 *   lists that hold only what the guest may see (the initiatives list holds their one initiative).
 * - `initiative`: a route at `/api/initiatives/:id` or below it, reached only with the guest's own
 *   initiative as `:id` (any other id 404, before the handler runs); the service still checks.
 * - `fidelityTool`: the framework and rubric routes through which the fidelity tool is edited; the
 *   framework policy (policies/frameworks.ts) narrows a guest to the initiative's profile framework.
 */
export type GuestAccess = 'account' | 'initiative' | 'fidelityTool';

/** Route config opening an `/api/initiatives/:id...` route to its own initiative's guest. */
export const GUEST_OWN_INITIATIVE = { guest: 'initiative' } as const;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may reach the route (lib/route-auth.ts); a route without it stops the server starting. */
    auth?: RouteAuth;
    /** Whether and how a guest account reaches the route; absent: never (404). */
    guest?: GuestAccess;
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
 * Opens every route of `scope` (one route file) that does not say otherwise to guests with
 * `access`: for files that are all account routes (me, sessions, two-factor).
 *
 * @example
 *   export const meRoutes: FastifyPluginAsyncZod = async (app) => {
 *     routesNeed(app, 'session');
 *     routesOpenToGuests(app, 'account');
 */
export function routesOpenToGuests(scope: FastifyInstance, access: GuestAccess) {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, guest: route.config?.guest ?? access };
  });
}

/** Where a route opened to a guest's own initiative must live (its `:id` is the initiative). */
const OWN_INITIATIVE = /^\/api\/initiatives\/:id(\/|$)/;

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
    const misplaced = routes.filter((r) => r.config?.guest === 'initiative' && !OWN_INITIATIVE.test(r.url)).map((r) => r.url);
    if (misplaced.length > 0)
      throw new Error(`Routes open to an initiative's guest must be under /api/initiatives/:id: ${[...new Set(misplaced)].join(', ')}`);
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
  guestGate(req, session);
}

/** A guest reaches only the routes opened to guests (GuestAccess); anything else is 404, as if absent. */
function guestGate(req: FastifyRequest, session: SessionUser) {
  if (!session.guest) return;
  const access = req.routeOptions.config.guest;
  if (access === 'account' || access === 'fidelityTool') return;
  if (access === 'initiative' && (req.params as { id?: string }).id === session.guest.initiativeId) return;
  throw notFound();
}

async function authenticateToken(req: FastifyRequest) {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  // The token tells the district: looked up with the owner's executor, then bound to it by the route.
  const found = match ? await authenticateApiToken(req.server.database.db, match[1]!, 'case.read') : null;
  if (!found) throw new AppError('unauthenticated', 'The API token is missing, wrong or revoked');
  req.apiToken = found;
}
