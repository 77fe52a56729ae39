/**
 * Permission matrix: signed out -> 401; a person of another district, or outside the caller's
 * scope (staff: self; coach: self + caseload; school leader: + their schools) -> 404;
 * create, update, (de)activate, role changes, invitations and history -> HR and district admins;
 * HR / admin access grants -> district admins only; others 403. Nobody updates, (de)activates,
 * changes the roles of or invites a person holding a higher grant than their own
 * (district_admin > hr > none) -> 403, and that person's abilities say so.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditPage } from '../../common/schemas/audit.ts';
import { IdParams, VersionInput } from '../../common/schemas/common.ts';
import {
  CreatePersonInput,
  CreateRoleAssignmentInput,
  EndRoleAssignmentInput,
  PeopleList,
  PeopleQuery,
  Person,
  SetAdminGrantInput,
  UpdatePersonInput,
} from '../../common/schemas/people.ts';
import { requireCtx } from '../lib/http.ts';
import { readLogged } from '../services/record-reads/log.ts';
import { personHistory } from '../services/audit-log.ts';
import { listPeople } from '../services/people/list.ts';
import { invitePerson, setAdminGrant } from '../services/people/account.ts';
import { personView } from '../services/people/load.ts';
import { addRoleAssignment, endRoleAssignment } from '../services/people/role-assignments.ts';
import { createPerson, setPersonActive, updatePerson } from '../services/people/write.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['people'];

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/', { schema: { tags, querystring: PeopleQuery, response: { 200: PeopleList } } }, async (req) =>
    listPeople(await requireCtx(req), req.query),
  );

  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: Person } } }, async (req) => {
    const ctx = await requireCtx(req);
    return readLogged(
      ctx,
      'person',
      req.params.id,
      () => personView(ctx, req.params.id),
      (p) => [p.id],
    );
  });

  app.post('/', { schema: { tags, body: CreatePersonInput, response: { 201: Person } } }, async (req, reply) =>
    reply.status(201).send(await createPerson(await requireCtx(req), req.body)),
  );

  app.patch('/:id', { schema: { tags, params: IdParams, body: UpdatePersonInput, response: { 200: Person } } }, async (req) =>
    updatePerson(await requireCtx(req), req.params.id, req.body),
  );

  app.post('/:id/deactivate', { schema: { tags, params: IdParams, body: VersionInput, response: { 200: Person } } }, async (req) =>
    setPersonActive(await requireCtx(req), req.params.id, req.body.version, false),
  );

  app.post('/:id/reactivate', { schema: { tags, params: IdParams, body: VersionInput, response: { 200: Person } } }, async (req) =>
    setPersonActive(await requireCtx(req), req.params.id, req.body.version, true),
  );

  app.post(
    '/:id/role-assignments',
    { schema: { tags, params: IdParams, body: CreateRoleAssignmentInput, response: { 201: Person } } },
    async (req, reply) => reply.status(201).send(await addRoleAssignment(await requireCtx(req), req.params.id, req.body)),
  );

  app.post(
    '/:id/role-assignments/:assignmentId/end',
    { schema: { tags, params: IdParams.extend({ assignmentId: z.uuid() }), body: EndRoleAssignmentInput, response: { 200: Person } } },
    async (req) => endRoleAssignment(await requireCtx(req), req.params.id, req.params.assignmentId, req.body.endDate),
  );

  app.post('/:id/invite', { schema: { tags, params: IdParams, response: { 200: Person } } }, async (req) =>
    invitePerson(await requireCtx(req), req.params.id),
  );

  app.post('/:id/admin-grant', { schema: { tags, params: IdParams, body: SetAdminGrantInput, response: { 200: Person } } }, async (req) =>
    setAdminGrant(await requireCtx(req), req.params.id, req.body.adminGrant),
  );

  app.get(
    '/:id/history',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(200).optional() }),
        response: { 200: AuditPage },
      },
    },
    async (req) => {
      const ctx = await requireCtx(req);
      return readLogged(
        ctx,
        'person_history',
        req.params.id,
        () => personHistory(ctx, req.params.id, req.query),
        () => [req.params.id],
      );
    },
  );
};
