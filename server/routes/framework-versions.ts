/**
 * Permission matrix: signed out -> 401; a version of another district -> 404; a draft read by
 * someone neither editor (HR, district admin) nor on the framework's design team -> 404, as if it
 * did not exist. Reading a published or retired version, its items and its crosswalk -> everyone in
 * the district. Changing a version (fields, items, merge, associations, publish) -> editors, others
 * 403; a published or retired version -> 409 invalid_state. New version and retire -> editors, from
 * a published version (else 409 invalid_state). Comments: read by editors and the design team
 * (others 403); written by them on drafts only (published -> 409 invalid_state).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, VersionInput } from '../../common/schemas/common.ts';
import {
  CommentList,
  CommentListQuery,
  CreateAssociationInput,
  CreateCommentInput,
  CreateItemInput,
  Crosswalk,
  FrameworkAssociation,
  FrameworkComment,
  FrameworkItem,
  FrameworkItemList,
  FrameworkVersion,
  MergeItemsInput,
  UpdateVersionInput,
} from '../../common/schemas/frameworks.ts';
import { requireCtx } from '../lib/http.ts';
import { createComment, listComments } from '../services/frameworks/comments.ts';
import { getCrosswalk } from '../services/frameworks/history.ts';
import { createItem, listItems } from '../services/frameworks/items.ts';
import { getVersion } from '../services/frameworks/load.ts';
import { createAssociation, mergeItems } from '../services/frameworks/restructure.ts';
import { newVersion, publishVersion, retireVersion, updateVersion } from '../services/frameworks/versions.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['frameworks'];

export const frameworkVersionRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  // A partner's guest reads the versions of its initiative's profile framework (policies/frameworks.ts).
  app.get(
    '/:id',
    { config: { guest: 'fidelityTool' }, schema: { tags, params: IdParams, response: { 200: FrameworkVersion } } },
    async (req) => getVersion(await requireCtx(req), req.params.id),
  );

  app.patch('/:id', { schema: { tags, params: IdParams, body: UpdateVersionInput, response: { 200: FrameworkVersion } } }, async (req) =>
    updateVersion(await requireCtx(req), req.params.id, req.body),
  );

  app.get(
    '/:id/items',
    { config: { guest: 'fidelityTool' }, schema: { tags, params: IdParams, response: { 200: FrameworkItemList } } },
    async (req) => listItems(await requireCtx(req), req.params.id),
  );

  app.post(
    '/:id/items',
    { schema: { tags, params: IdParams, body: CreateItemInput, response: { 201: FrameworkItem } } },
    async (req, reply) => {
      const item = await createItem(await requireCtx(req), req.params.id, req.body);
      return reply.status(201).send(item);
    },
  );

  app.post(
    '/:id/merge',
    { schema: { tags, params: IdParams, body: MergeItemsInput, response: { 201: FrameworkItem } } },
    async (req, reply) => {
      const item = await mergeItems(await requireCtx(req), req.params.id, req.body);
      return reply.status(201).send(item);
    },
  );

  app.post(
    '/:id/associations',
    { schema: { tags, params: IdParams, body: CreateAssociationInput, response: { 201: FrameworkAssociation } } },
    async (req, reply) => {
      const association = await createAssociation(await requireCtx(req), req.params.id, req.body);
      return reply.status(201).send(association);
    },
  );

  app.get('/:id/crosswalk', { schema: { tags, params: IdParams, response: { 200: Crosswalk } } }, async (req) =>
    getCrosswalk(await requireCtx(req), req.params.id),
  );

  app.post('/:id/publish', { schema: { tags, params: IdParams, body: VersionInput, response: { 200: FrameworkVersion } } }, async (req) =>
    publishVersion(await requireCtx(req), req.params.id, req.body.version),
  );

  app.post('/:id/new-version', { schema: { tags, params: IdParams, response: { 201: FrameworkVersion } } }, async (req, reply) => {
    const created = await newVersion(await requireCtx(req), req.params.id);
    return reply.status(201).send(created);
  });

  app.post('/:id/retire', { schema: { tags, params: IdParams, body: VersionInput, response: { 200: FrameworkVersion } } }, async (req) =>
    retireVersion(await requireCtx(req), req.params.id, req.body.version),
  );

  app.get(
    '/:id/comments',
    { schema: { tags, params: IdParams, querystring: CommentListQuery, response: { 200: CommentList } } },
    async (req) => listComments(await requireCtx(req), req.params.id, req.query),
  );

  app.post(
    '/:id/comments',
    { schema: { tags, params: IdParams, body: CreateCommentInput, response: { 201: FrameworkComment } } },
    async (req, reply) => {
      const comment = await createComment(await requireCtx(req), req.params.id, req.body);
      return reply.status(201).send(comment);
    },
  );
};
