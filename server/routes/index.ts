import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiTokenRoutes } from './api-tokens.ts';
import { auditRoutes } from './audit.ts';
import { authRoutes } from './auth.ts';
import { caseRestRoutes } from './case-rest.ts';
import { frameworkIoRoutes } from './framework-io.ts';
import { frameworkItemRoutes } from './framework-items.ts';
import { frameworkVersionRoutes } from './framework-versions.ts';
import { frameworkRoutes } from './frameworks.ts';
import { healthRoutes } from './health.ts';
import { importRoutes } from './imports.ts';
import { meRoutes } from './me.ts';
import { orgUnitRoutes } from './org-units.ts';
import { pathwayRoutes } from './pathways.ts';
import { pathwayStepRoutes } from './pathway-steps.ts';
import { peopleRoutes } from './people.ts';
import { rubricRoutes } from './rubrics.ts';
import { scaleRoutes } from './scales.ts';

/** Every HTTP route of the app. */
export const registerRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(meRoutes, { prefix: '/api/me' });
  await app.register(orgUnitRoutes, { prefix: '/api/org-units' });
  await app.register(peopleRoutes, { prefix: '/api/people' });
  await app.register(importRoutes, { prefix: '/api/imports' });
  await app.register(auditRoutes, { prefix: '/api' });
  await app.register(scaleRoutes, { prefix: '/api/scales' });
  await app.register(frameworkRoutes, { prefix: '/api/frameworks' });
  await app.register(frameworkVersionRoutes, { prefix: '/api/framework-versions' });
  await app.register(frameworkItemRoutes, { prefix: '/api' });
  await app.register(pathwayRoutes, { prefix: '/api/pathways' });
  await app.register(pathwayStepRoutes, { prefix: '/api/pathway-steps' });
  await app.register(rubricRoutes, { prefix: '/api' });
  await app.register(frameworkIoRoutes, { prefix: '/api' });
  await app.register(apiTokenRoutes, { prefix: '/api/api-tokens' });
  await app.register(caseRestRoutes, { prefix: '/ims/case/v1p1' });
};
