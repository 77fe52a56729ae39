/**
 * Permission matrix: signed out -> 401; a scale of another district -> 404; reading -> everyone in
 * the district; create, update, make default -> HR and district admins, others 403. Changing the
 * levels of a scale a published version uses -> 409 invalid_state.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, VersionInput } from '../../common/schemas/common.ts';
import { CreateScaleInput, Scale, ScaleList, UpdateScaleInput } from '../../common/schemas/scales.ts';
import { requireCtx } from '../lib/http.ts';
import { createScale, getScale, listScales, makeDefaultScale, updateScale } from '../services/scales.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['scales'];

export const scaleRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/', { schema: { tags, response: { 200: ScaleList } } }, async (req) => listScales(await requireCtx(req)));

  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: Scale } } }, async (req) => {
    const ctx = await requireCtx(req);
    return (await getScale(ctx, req.params.id)).present();
  });

  app.post('/', { schema: { tags, body: CreateScaleInput, response: { 201: Scale } } }, async (req, reply) => {
    const scale = await createScale(await requireCtx(req), req.body);
    return reply.status(201).send(scale);
  });

  app.patch('/:id', { schema: { tags, params: IdParams, body: UpdateScaleInput, response: { 200: Scale } } }, async (req) =>
    updateScale(await requireCtx(req), req.params.id, req.body),
  );

  app.post('/:id/make-default', { schema: { tags, params: IdParams, body: VersionInput, response: { 200: Scale } } }, async (req) =>
    makeDefaultScale(await requireCtx(req), req.params.id, req.body.version),
  );
};
