/**
 * Permission matrix: signed out -> 401; an initiative of another district -> 404.
 * - list, read one: everyone in the district; a vendor guest only its own initiative (the list
 *   holds it alone, any other id 404), without funding.
 * - create, update, coverage, waves, funding, guests (list, invite, revoke): HR and district admins
 *   (canManageInitiatives), others 403; a guest 404 (the guest gate).
 * Updates carry the version last read (409 `conflict` with the current record); bad input is a 400
 * naming the field (a school outside the district, overlapping waves, spend-by before the start,
 * a fidelity tool that is not a rubric of the profile or a later version of it).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, VersionInput } from '../../common/schemas/common.ts';
import {
  CoverageInput,
  CreateInitiativeInput,
  Funding,
  FundingInput,
  Guest,
  GuestList,
  Initiative,
  InitiativeChildParams,
  InitiativeList,
  InviteGuestInput,
  RemoveCoverageInput,
  UpdateFundingInput,
  UpdateInitiativeInput,
  UpdateWaveInput,
  Wave,
  WaveInput,
} from '../../common/schemas/initiatives.ts';
import { requireCtx } from '../lib/http.ts';
import { GUEST_OWN_INITIATIVE, routesNeed } from '../lib/route-auth.ts';
import { addSchools, removeSchools } from '../services/implementation/initiatives/coverage.ts';
import { createFunding, deleteFunding, updateFunding } from '../services/implementation/initiatives/funding.ts';
import { inviteGuest, listGuests, revokeGuest } from '../services/implementation/initiatives/guests.ts';
import { createInitiative, getInitiative, listInitiatives, updateInitiative } from '../services/implementation/initiatives/initiatives.ts';
import { createWave, deleteWave, updateWave } from '../services/implementation/initiatives/waves.ts';

const tags = ['implementation'];

export const initiativeRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  // A guest's list holds its one initiative (what the web app's menu opens).
  app.get('/', { config: { guest: 'account' }, schema: { tags, response: { 200: InitiativeList } } }, async (req) =>
    listInitiatives(await requireCtx(req)),
  );

  app.post('/', { schema: { tags, body: CreateInitiativeInput, response: { 201: Initiative } } }, async (req, reply) =>
    reply.status(201).send(await createInitiative(await requireCtx(req), req.body)),
  );

  app.get('/:id', { config: GUEST_OWN_INITIATIVE, schema: { tags, params: IdParams, response: { 200: Initiative } } }, async (req) =>
    getInitiative(await requireCtx(req), req.params.id),
  );

  app.patch('/:id', { schema: { tags, params: IdParams, body: UpdateInitiativeInput, response: { 200: Initiative } } }, async (req) =>
    updateInitiative(await requireCtx(req), req.params.id, req.body),
  );

  app.post('/:id/schools', { schema: { tags, params: IdParams, body: CoverageInput, response: { 200: Initiative } } }, async (req) =>
    addSchools(await requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/:id/schools/remove',
    { schema: { tags, params: IdParams, body: RemoveCoverageInput, response: { 200: Initiative } } },
    async (req) => removeSchools(await requireCtx(req), req.params.id, req.body),
  );

  app.post('/:id/waves', { schema: { tags, params: IdParams, body: WaveInput, response: { 201: Wave } } }, async (req, reply) =>
    reply.status(201).send(await createWave(await requireCtx(req), req.params.id, req.body)),
  );

  app.patch(
    '/:id/waves/:childId',
    { schema: { tags, params: InitiativeChildParams, body: UpdateWaveInput, response: { 200: Wave } } },
    async (req) => updateWave(await requireCtx(req), req.params.id, req.params.childId, req.body),
  );

  app.delete('/:id/waves/:childId', { schema: { tags, params: InitiativeChildParams } }, async (req, reply) => {
    await deleteWave(await requireCtx(req), req.params.id, req.params.childId);
    return reply.status(204).send();
  });

  app.post('/:id/funding', { schema: { tags, params: IdParams, body: FundingInput, response: { 201: Funding } } }, async (req, reply) =>
    reply.status(201).send(await createFunding(await requireCtx(req), req.params.id, req.body)),
  );

  app.patch(
    '/:id/funding/:childId',
    { schema: { tags, params: InitiativeChildParams, body: UpdateFundingInput, response: { 200: Funding } } },
    async (req) => updateFunding(await requireCtx(req), req.params.id, req.params.childId, req.body),
  );

  app.delete('/:id/funding/:childId', { schema: { tags, params: InitiativeChildParams } }, async (req, reply) => {
    await deleteFunding(await requireCtx(req), req.params.id, req.params.childId);
    return reply.status(204).send();
  });

  app.get('/:id/guests', { schema: { tags, params: IdParams, response: { 200: GuestList } } }, async (req) =>
    listGuests(await requireCtx(req), req.params.id),
  );

  app.post('/:id/guests', { schema: { tags, params: IdParams, body: InviteGuestInput, response: { 201: Guest } } }, async (req, reply) =>
    reply.status(201).send(await inviteGuest(await requireCtx(req), req.params.id, req.body)),
  );

  app.post(
    '/:id/guests/:childId/revoke',
    { schema: { tags, params: InitiativeChildParams, body: VersionInput, response: { 200: Guest } } },
    async (req) => revokeGuest(await requireCtx(req), req.params.id, req.params.childId, req.body.version),
  );
};
