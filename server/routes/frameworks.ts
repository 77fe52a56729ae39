/**
 * Permission matrix: signed out -> 401; a framework of another district -> 404. Listing and reading
 * a framework -> everyone in the district, who sees only the versions they may read (published and
 * retired ones; drafts only editors and the framework's design team); a framework with nothing
 * readable -> 404. Create -> HR and district admins, others 403. Compare -> readers of both
 * versions (an unreadable draft -> 404). Design team (list, add, remove) -> HR and district admins,
 * others 403.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  AddDesignTeamMemberInput,
  CompareQuery,
  CreateFrameworkInput,
  CreateFrameworkResult,
  DesignTeam,
  DesignTeamMember,
  DesignTeamParams,
  FrameworkList,
  FrameworkSummary,
  VersionComparison,
} from '../../common/schemas/frameworks.ts';
import { requireCtx } from '../lib/http.ts';
import {
  addDesignTeamMember,
  createFramework,
  getFramework,
  listDesignTeam,
  listFrameworks,
  removeDesignTeamMember,
} from '../services/frameworks/frameworks.ts';
import { compareVersions } from '../services/frameworks/history.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['frameworks'];

export const frameworkRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/', { schema: { tags, response: { 200: FrameworkList } } }, async (req) => listFrameworks(await requireCtx(req)));

  app.post('/', { schema: { tags, body: CreateFrameworkInput, response: { 201: CreateFrameworkResult } } }, async (req, reply) => {
    const created = await createFramework(await requireCtx(req), req.body);
    return reply.status(201).send(created);
  });

  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: FrameworkSummary } } }, async (req) =>
    getFramework(await requireCtx(req), req.params.id),
  );

  app.get(
    '/:id/compare',
    { schema: { tags, params: IdParams, querystring: CompareQuery, response: { 200: VersionComparison } } },
    async (req) => compareVersions(await requireCtx(req), req.params.id, req.query.from, req.query.to),
  );

  app.get('/:id/design-team', { schema: { tags, params: IdParams, response: { 200: DesignTeam } } }, async (req) =>
    listDesignTeam(await requireCtx(req), req.params.id),
  );

  app.post(
    '/:id/design-team',
    { schema: { tags, params: IdParams, body: AddDesignTeamMemberInput, response: { 201: DesignTeamMember } } },
    async (req, reply) => {
      const member = await addDesignTeamMember(await requireCtx(req), req.params.id, req.body.personId);
      return reply.status(201).send(member);
    },
  );

  app.delete('/:id/design-team/:personId', { schema: { tags, params: DesignTeamParams } }, async (req, reply) => {
    await removeDesignTeamMember(await requireCtx(req), req.params.id, req.params.personId);
    return reply.status(204).send();
  });
};
