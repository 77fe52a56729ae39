/**
 * Permission matrix: signed out -> 401; a person, team, school or assignment of another district
 * -> 404; assigning (one, by team, by school, CSV) and ending -> HR and district admins anywhere,
 * school leaders for coaches and coachees of their schools (others' people: 404), others 403.
 * Reading: a coach their own caseload; HR, admins and school leaders (their schools) anyone's,
 * others 403. The CSV template -> anyone signed in.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  AssignCoacheeInput,
  AssignGroupInput,
  AssignGroupResult,
  CaseloadAssignment,
  CaseloadList,
  CaseloadListQuery,
} from '../../common/schemas/caseloads.ts';
import { CsvImportInput, CsvImportResult, EndPeriodInput } from '../../common/schemas/teams.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { caseloadCsvTemplate, importCaseloadsCsv } from '../services/caseloads/import.ts';
import { listCaseload } from '../services/caseloads/load.ts';
import { assignCoachee, assignGroup, endAssignment } from '../services/caseloads/write.ts';

const tags = ['caseloads'];

export const caseloadRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/', { schema: { tags, querystring: CaseloadListQuery, response: { 200: CaseloadList } } }, async (req) =>
    listCaseload(await requireCtx(req), req.query),
  );

  app.post('/', { schema: { tags, body: AssignCoacheeInput, response: { 201: CaseloadAssignment } } }, async (req, reply) =>
    reply.status(201).send(await assignCoachee(await requireCtx(req), req.body)),
  );

  app.post('/group', { schema: { tags, body: AssignGroupInput, response: { 200: AssignGroupResult } } }, async (req) =>
    assignGroup(await requireCtx(req), req.body),
  );

  app.get('/template.csv', { schema: { tags } }, async (req, reply) => {
    await requireCtx(req);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="trellis-caseloads-template.csv"')
      .send(caseloadCsvTemplate());
  });

  app.post('/import', { schema: { tags, body: CsvImportInput, response: { 200: CsvImportResult } } }, async (req) =>
    importCaseloadsCsv(await requireCtx(req), req.body),
  );

  app.post('/:id/end', { schema: { tags, params: IdParams, body: EndPeriodInput, response: { 200: CaseloadAssignment } } }, async (req) =>
    endAssignment(await requireCtx(req), req.params.id, req.body),
  );
};
