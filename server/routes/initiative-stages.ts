/**
 * Permission matrix: signed out -> 401; an initiative of another district, or any of these routes
 * for a vendor guest -> 404. Reading stage definitions, stages, a school's checklist and history ->
 * everyone in the district. Editing a stage's checklist -> HR and admins (others 403). Ticking,
 * moving and bulk-moving a school -> HR and admins anywhere, a leader of that school, current
 * members of that school's implementation team or of the initiative's district team (others 403);
 * the district's own row -> HR, admins and the district team. A school the initiative does not
 * cover -> 400 naming the field. Every write carries the version read: a stale one -> 409 with
 * the current record.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  BulkStageMoveInput,
  BulkStageMoveResult,
  ChecklistTickInput,
  SchoolStageDetail,
  SchoolStageList,
  StageDefinition,
  StageDefinitionInput,
  StageDefinitionList,
  StageMoveInput,
  StageParams,
  StageUnitParams,
} from '../../common/schemas/initiative-stages.ts';
import { requireCtx } from '../lib/http.ts';
import { readerLocale } from '../lib/reader-locale.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { listStageDefinitions, saveStageDefinition } from '../services/implementation/stages/definitions.ts';
import { bulkMoveStages, moveStage, tickChecklist } from '../services/implementation/stages/moves.ts';
import { listSchoolStages, schoolStage } from '../services/implementation/stages/school-stages.ts';

const tags = ['implementation'];
const detail = { 200: SchoolStageDetail };

export const initiativeStageRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/:id/stage-definitions', { schema: { tags, params: IdParams, response: { 200: StageDefinitionList } } }, async (req) =>
    listStageDefinitions(await requireCtx(req), req.params.id, readerLocale(req)),
  );
  app.put(
    '/:id/stage-definitions/:stage',
    { schema: { tags, params: StageParams, body: StageDefinitionInput, response: { 200: StageDefinition } } },
    async (req) => saveStageDefinition(await requireCtx(req), req.params.id, req.params.stage, req.body, readerLocale(req)),
  );

  app.get('/:id/stages', { schema: { tags, params: IdParams, response: { 200: SchoolStageList } } }, async (req) =>
    listSchoolStages(await requireCtx(req), req.params.id, readerLocale(req)),
  );
  app.post(
    '/:id/stages/bulk-move',
    { schema: { tags, params: IdParams, body: BulkStageMoveInput, response: { 200: BulkStageMoveResult } } },
    async (req) => bulkMoveStages(await requireCtx(req), req.params.id, req.body, readerLocale(req)),
  );
  app.get('/:id/stages/:orgUnitId', { schema: { tags, params: StageUnitParams, response: detail } }, async (req) =>
    schoolStage(await requireCtx(req), req.params.id, req.params.orgUnitId, readerLocale(req)),
  );
  app.post(
    '/:id/stages/:orgUnitId/checklist',
    { schema: { tags, params: StageUnitParams, body: ChecklistTickInput, response: detail } },
    async (req) => tickChecklist(await requireCtx(req), req.params.id, req.params.orgUnitId, req.body, readerLocale(req)),
  );
  app.post(
    '/:id/stages/:orgUnitId/move',
    { schema: { tags, params: StageUnitParams, body: StageMoveInput, response: detail } },
    async (req) => moveStage(await requireCtx(req), req.params.id, req.params.orgUnitId, req.body, readerLocale(req)),
  );
};
