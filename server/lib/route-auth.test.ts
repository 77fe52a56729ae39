/**
 * A route that does not say who may reach it stops the server starting (lib/route-auth.ts), and a
 * route file's default leaves a route's own declaration alone.
 */
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorHandler } from './error-handler.ts';
import { enforceRouteAuth, routesNeed } from './route-auth.ts';

/** A bare app with the check and one plugin of routes; `ready()` is where it starts. */
async function appWith(declare: 'file' | 'none') {
  const app = Fastify();
  app.setErrorHandler(errorHandler);
  await app.register(cookie);
  enforceRouteAuth(app);
  await app.register(
    async (scope) => {
      if (declare === 'file') routesNeed(scope, 'session');
      scope.get('/things', async () => ({}));
      scope.post('/things/open', { config: { auth: 'public' } }, async (req) => ({ auth: req.routeOptions.config.auth }));
    },
    { prefix: '/api' },
  );
  app.get('/index.html', async () => 'static files need no declaration');
  return { app };
}

describe('route auth declarations', () => {
  it('refuses to start with an API route that declares nothing, and names it', async () => {
    const { app } = await appWith('none');
    await expect(app.ready()).rejects.toThrow(/GET \/api\/things(?!\/)/);
    await app.close();
  });

  it("starts when every API route declares, each keeping its own over the file's default", async () => {
    const { app } = await appWith('file');
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/things' });
    expect(res.statusCode, res.body).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/things/open' })).json()).toEqual({ auth: 'public' });
    await app.close();
  });
});
