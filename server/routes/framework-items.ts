/**
 * Permission matrix: signed out -> 401; an item, association or comment of another district, or of
 * a draft the caller may not read -> 404. Item and association changes -> editors (HR, district
 * admins), others 403 (design-team members included); an item of a published or retired version ->
 * 409 invalid_state; a stale `version` -> 409 conflict with the current item. Deleting an item with
 * evidence (or children) -> 409 invalid_state. Resolving and reopening comments -> editors on drafts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, VersionInput } from '../../common/schemas/common.ts';
import { FrameworkComment, FrameworkItem, MoveItemInput, UpdateItemInput } from '../../common/schemas/frameworks.ts';
import { requireCtx } from '../lib/http.ts';
import { setCommentResolved } from '../services/frameworks/comments.ts';
import { moveItem, setItemRetired, splitItem, updateItem } from '../services/frameworks/items.ts';
import { deleteAssociation, deleteItem } from '../services/frameworks/restructure.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['frameworks'];

/** Registered under /api. */
export const frameworkItemRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.patch(
    '/framework-items/:id',
    { schema: { tags, params: IdParams, body: UpdateItemInput, response: { 200: FrameworkItem } } },
    async (req) => updateItem(await requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/framework-items/:id/move',
    { schema: { tags, params: IdParams, body: MoveItemInput, response: { 200: FrameworkItem } } },
    async (req) => moveItem(await requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/framework-items/:id/retire',
    { schema: { tags, params: IdParams, body: VersionInput, response: { 200: FrameworkItem } } },
    async (req) => setItemRetired(await requireCtx(req), req.params.id, req.body.version, true),
  );

  app.post(
    '/framework-items/:id/reactivate',
    { schema: { tags, params: IdParams, body: VersionInput, response: { 200: FrameworkItem } } },
    async (req) => setItemRetired(await requireCtx(req), req.params.id, req.body.version, false),
  );

  app.post(
    '/framework-items/:id/split',
    { schema: { tags, params: IdParams, body: VersionInput, response: { 201: FrameworkItem } } },
    async (req, reply) => {
      const item = await splitItem(await requireCtx(req), req.params.id, req.body.version);
      return reply.status(201).send(item);
    },
  );

  app.delete('/framework-items/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await deleteItem(await requireCtx(req), req.params.id);
    return reply.status(204).send();
  });

  app.delete('/framework-associations/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await deleteAssociation(await requireCtx(req), req.params.id);
    return reply.status(204).send();
  });

  app.post('/framework-comments/:id/resolve', { schema: { tags, params: IdParams, response: { 200: FrameworkComment } } }, async (req) =>
    setCommentResolved(await requireCtx(req), req.params.id, true),
  );

  app.post('/framework-comments/:id/reopen', { schema: { tags, params: IdParams, response: { 200: FrameworkComment } } }, async (req) =>
    setCommentResolved(await requireCtx(req), req.params.id, false),
  );
};
