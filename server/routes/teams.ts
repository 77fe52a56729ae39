/**
 * Permission matrix: signed out -> 401; a team or school of another district -> 404; managing
 * (create, edit, end, add/end members, change a role, add by role, grade-level teams from the
 * roster's grades (dry run and apply), CSV import) -> HR and district admins anywhere, school
 * leaders in their schools (another school: 404), others 403. Reading a team -> its managers and
 * its current leads. The CSV template -> anyone signed in.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Uuid } from '../../common/schemas/common.ts';
import {
  AddTeamMemberInput,
  AddTeamMembersByRoleInput,
  BulkResult,
  ChangeTeamRoleInput,
  CreateTeamInput,
  CsvImportInput,
  CsvImportResult,
  EndPeriodInput,
  GradeTeamsInput,
  GradeTeamsResult,
  TeamDetail,
  TeamList,
  TeamListQuery,
  UpdateTeamInput,
} from '../../common/schemas/teams.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { gradeTeams } from '../services/teams/by-grade.ts';
import { importTeamsCsv, teamCsvTemplate } from '../services/teams/import.ts';
import { listTeams, teamView } from '../services/teams/load.ts';
import { addTeamMember, addTeamMembersByRole, changeTeamRole, createTeam, endTeamMember, updateTeam } from '../services/teams/write.ts';

const tags = ['teams'];
const MemberParams = z.object({ id: Uuid, memberId: Uuid });
const SchoolParams = z.object({ schoolId: Uuid });

export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/', { schema: { tags, querystring: TeamListQuery, response: { 200: TeamList } } }, async (req) =>
    listTeams(await requireCtx(req), req.query),
  );

  app.post('/', { schema: { tags, body: CreateTeamInput, response: { 201: TeamDetail } } }, async (req, reply) =>
    reply.status(201).send(await createTeam(await requireCtx(req), req.body)),
  );

  app.post('/by-grade', { schema: { tags, body: GradeTeamsInput, response: { 200: GradeTeamsResult } } }, async (req) =>
    gradeTeams(await requireCtx(req), req.body),
  );

  app.get('/template.csv', { schema: { tags } }, async (req, reply) => {
    await requireCtx(req);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="trellis-teams-template.csv"')
      .send(teamCsvTemplate());
  });

  app.post(
    '/import/:schoolId',
    { schema: { tags, params: SchoolParams, body: CsvImportInput, response: { 200: CsvImportResult } } },
    async (req) => importTeamsCsv(await requireCtx(req), req.params.schoolId, req.body),
  );

  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: TeamDetail } } }, async (req) =>
    teamView(await requireCtx(req), req.params.id),
  );

  app.patch('/:id', { schema: { tags, params: IdParams, body: UpdateTeamInput, response: { 200: TeamDetail } } }, async (req) =>
    updateTeam(await requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/:id/members',
    { schema: { tags, params: IdParams, body: AddTeamMemberInput, response: { 201: TeamDetail } } },
    async (req, reply) => reply.status(201).send(await addTeamMember(await requireCtx(req), req.params.id, req.body)),
  );

  app.post(
    '/:id/members/by-role',
    { schema: { tags, params: IdParams, body: AddTeamMembersByRoleInput, response: { 200: BulkResult } } },
    async (req) => addTeamMembersByRole(await requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/:id/members/:memberId/end',
    { schema: { tags, params: MemberParams, body: EndPeriodInput, response: { 200: TeamDetail } } },
    async (req) => endTeamMember(await requireCtx(req), req.params.id, req.params.memberId, req.body),
  );

  app.post(
    '/:id/members/:memberId/role',
    { schema: { tags, params: MemberParams, body: ChangeTeamRoleInput, response: { 200: TeamDetail } } },
    async (req) => changeTeamRole(await requireCtx(req), req.params.id, req.params.memberId, req.body),
  );
};
