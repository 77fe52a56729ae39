import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditRoutes } from './audit.ts';
import { authRoutes } from './auth.ts';
import { healthRoutes } from './health.ts';
import { importRoutes } from './imports.ts';
import { meRoutes } from './me.ts';
import { orgUnitRoutes } from './org-units.ts';
import { peopleRoutes } from './people.ts';

/** Every HTTP route of the app. */
export const registerRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(meRoutes, { prefix: '/api/me' });
  await app.register(orgUnitRoutes, { prefix: '/api/org-units' });
  await app.register(peopleRoutes, { prefix: '/api/people' });
  await app.register(importRoutes, { prefix: '/api/imports' });
  await app.register(auditRoutes, { prefix: '/api' });
};
