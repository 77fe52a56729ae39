/**
 * Permission matrix (implementation teams and their members): signed out -> 401; a team of another
 * district, and every route for a vendor guest -> 404. Reading teams (list, one team, open action
 * items of an initiative) -> everyone in the district. Creating and editing a team -> HR and admins
 * (any kind), school leaders (school teams of their schools); anyone else 403. Adding, ending and
 * re-roling members -> the team's editors and its current facilitator; anyone else 403. The member
 * CSV import -> anyone who may manage the members of at least one team (403 otherwise), each row
 * checked against the teams the caller manages. A stale `version` -> 409 with the current team.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Uuid } from '../../common/schemas/common.ts';
import {
  AddImplementationMembersInput,
  AddImplementationMembersResult,
  ChangeImplementationRoleInput,
  CreateImplementationTeamInput,
  EndImplementationMemberInput,
  ImplementationTeamDetail,
  ImplementationTeamList,
  ImplementationTeamListQuery,
  OpenActionItems,
  OpenActionItemsQuery,
  UpdateImplementationTeamInput,
} from '../../common/schemas/implementation-teams.ts';
import { CsvImportInput, CsvImportResult } from '../../common/schemas/teams.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { importImplementationMembers, memberCsvTemplate } from '../services/implementation/teams/import.ts';
import { implementationTeamView, listImplementationTeams } from '../services/implementation/teams/load.ts';
import { addImplementationMembers, changeImplementationRole, endImplementationMember } from '../services/implementation/teams/members.ts';
import { openActionItems } from '../services/implementation/teams/records.ts';
import { createImplementationTeam, updateImplementationTeam } from '../services/implementation/teams/write.ts';

const tags = ['implementation-teams'];
const MemberParams = z.object({ id: Uuid, memberId: Uuid });
const team = { 200: ImplementationTeamDetail };

export const implementationTeamRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/', { schema: { tags, querystring: ImplementationTeamListQuery, response: { 200: ImplementationTeamList } } }, async (req) =>
    listImplementationTeams(await requireCtx(req), req.query),
  );
  app.post(
    '/',
    { schema: { tags, body: CreateImplementationTeamInput, response: { 201: ImplementationTeamDetail } } },
    async (req, reply) => reply.status(201).send(await createImplementationTeam(await requireCtx(req), req.body)),
  );

  app.get('/action-items', { schema: { tags, querystring: OpenActionItemsQuery, response: { 200: OpenActionItems } } }, async (req) =>
    openActionItems(await requireCtx(req), req.query.initiativeId),
  );

  app.get('/template.csv', { schema: { tags } }, async (req, reply) => {
    await requireCtx(req);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="trellis-implementation-team-members.csv"')
      .send(memberCsvTemplate());
  });
  app.post('/import', { schema: { tags, body: CsvImportInput, response: { 200: CsvImportResult } } }, async (req) =>
    importImplementationMembers(await requireCtx(req), req.body),
  );

  app.get('/:id', { schema: { tags, params: IdParams, response: team } }, async (req) =>
    implementationTeamView(await requireCtx(req), req.params.id),
  );
  app.patch('/:id', { schema: { tags, params: IdParams, body: UpdateImplementationTeamInput, response: team } }, async (req) =>
    updateImplementationTeam(await requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/:id/members',
    { schema: { tags, params: IdParams, body: AddImplementationMembersInput, response: { 200: AddImplementationMembersResult } } },
    async (req) => addImplementationMembers(await requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/:id/members/:memberId/role',
    { schema: { tags, params: MemberParams, body: ChangeImplementationRoleInput, response: team } },
    async (req) => changeImplementationRole(await requireCtx(req), req.params.id, req.params.memberId, req.body),
  );
  app.post(
    '/:id/members/:memberId/end',
    { schema: { tags, params: MemberParams, body: EndImplementationMemberInput, response: team } },
    async (req) => endImplementationMember(await requireCtx(req), req.params.id, req.params.memberId, req.body),
  );
};
