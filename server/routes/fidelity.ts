/**
 * Permission matrix (fidelity is not evaluation: policies/fidelity.ts). Signed out -> 401 everywhere;
 * an initiative, school or person of another district -> 404; a vendor guest -> 404 except its own
 * initiative's aggregates.
 * Start a check, and the covered-staff picker -> coaches, school implementation team members, school
 * leaders, HR and admins (anyone else 403); a person outside the caller's scope -> 404; not covered
 * staff -> 400; no current tool, or a retired tool version -> 409 invalid_state. The check is then
 * edited and published through the observation routes (which refuse a retired tool's check with 409).
 * A person's checks on an initiative, and a person's fidelity -> the person, their coaches, HR and
 * admins, and their school's leaders only when the initiative turns that on; an observer sees the
 * checks they ran; everyone else 404.
 * The summary and a school's trend (aggregates, no names) -> whoever may read the initiative.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  CoveredPeople,
  CoveredPeopleQuery,
  FidelityCheck,
  FidelityCheckList,
  FidelityCheckListQuery,
  FidelitySchoolTrend,
  FidelitySummary,
  InitiativeFidelityParams,
  InitiativeSchoolParams,
  PersonFidelity,
  StartFidelityCheckInput,
} from '../../common/schemas/fidelity.ts';
import { requireCtx } from '../lib/http.ts';
import { GUEST_OWN_INITIATIVE, routesNeed } from '../lib/route-auth.ts';
import { listPersonChecks, personFidelity } from '../services/fidelity/person.ts';
import { listCoveredPeople, startFidelityCheck } from '../services/fidelity/start.ts';
import { fidelitySummary, schoolFidelityTrend } from '../services/fidelity/summary.ts';

const tags = ['fidelity'];

export const fidelityRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.post(
    '/initiatives/:id/fidelity/checks',
    { schema: { tags, params: InitiativeFidelityParams, body: StartFidelityCheckInput, response: { 201: FidelityCheck } } },
    async (req, reply) => {
      const check = await startFidelityCheck(await requireCtx(req), req.params.id, req.body);
      return reply.code(201).send(check);
    },
  );
  app.get(
    '/initiatives/:id/fidelity/checks',
    { schema: { tags, params: InitiativeFidelityParams, querystring: FidelityCheckListQuery, response: { 200: FidelityCheckList } } },
    async (req) => listPersonChecks(await requireCtx(req), req.params.id, req.query.personId),
  );
  app.get(
    '/initiatives/:id/fidelity/people',
    { schema: { tags, params: InitiativeFidelityParams, querystring: CoveredPeopleQuery, response: { 200: CoveredPeople } } },
    async (req) => listCoveredPeople(await requireCtx(req), req.params.id, req.query),
  );
  app.get(
    '/initiatives/:id/fidelity/summary',
    { config: GUEST_OWN_INITIATIVE, schema: { tags, params: InitiativeFidelityParams, response: { 200: FidelitySummary } } },
    async (req) => fidelitySummary(await requireCtx(req), req.params.id),
  );
  app.get(
    '/initiatives/:id/fidelity/schools/:orgUnitId',
    { config: GUEST_OWN_INITIATIVE, schema: { tags, params: InitiativeSchoolParams, response: { 200: FidelitySchoolTrend } } },
    async (req) => schoolFidelityTrend(await requireCtx(req), req.params.id, req.params.orgUnitId),
  );
  app.get('/people/:id/fidelity', { schema: { tags, params: IdParams, response: { 200: PersonFidelity } } }, async (req) =>
    personFidelity(await requireCtx(req), req.params.id),
  );
};
