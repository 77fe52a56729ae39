/**
 * Permission matrix (routes/files.test.ts): signed out -> 401; a record or file of another district
 * -> 404; a record the caller may not read -> 404 (its own policy: observations, coaching, action
 * steps); a coaching log seen only as a summary -> 403; attaching without the right -> 403;
 * deleting another's file without editing the record -> 403.
 * Uploads larger than FILES_MAX_MB are refused from their Content-Length before being read, and a
 * body without one as soon as it passes the limit. Downloads stream as attachments, never inline.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import { FileItem, FileList, type FileOwnerType } from '../../common/schemas/files.ts';
import { AppError } from '../lib/errors.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { readBodyWithin, uploadTooLarge } from '../lib/upload-limit.ts';
import { attachmentDisposition } from '../services/files/content.ts';
import { assertMayUpload, deleteFile, listFiles, openFile, uploadFile } from '../services/files/files.ts';

const tags = ['files'];
/** Room for the multipart framing around the one file (boundaries, part headers). */
const FRAMING_BYTES = 64 * 1024;

const OWNER_PATHS: [string, FileOwnerType][] = [
  ['/observations/:id/files', 'observation'],
  ['/coaching/logs/:id/files', 'coaching_log'],
  ['/action-steps/:id/files', 'action_step'],
];

export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  const maxBytes = app.env.FILES_MAX_MB * 1024 * 1024;

  /** The one file of a multipart body, at most `maxBytes` (413 past it), or null without one. */
  async function readUpload(req: FastifyRequest, reply: FastifyReply) {
    if (!req.isMultipart()) throw new AppError('validation_failed', 'Send the file as multipart/form-data', { code: 'no_file' });
    try {
      return await readBodyWithin(req, reply, maxBytes + FRAMING_BYTES, async () => {
        const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
        return part ? { name: part.filename || 'file', data: await part.toBuffer() } : null;
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        reply.header('connection', 'close');
        throw uploadTooLarge(maxBytes);
      }
      throw err;
    }
  }

  for (const [path, type] of OWNER_PATHS) {
    app.get(path, { schema: { tags, params: IdParams, response: { 200: FileList } } }, async (req) =>
      listFiles(await requireCtx(req), { type, id: req.params.id }, maxBytes),
    );

    app.post(
      path,
      {
        schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: FileItem } },
        onRequest: async (req) => {
          if (Number(req.headers['content-length'] ?? 0) > maxBytes + FRAMING_BYTES) throw uploadTooLarge(maxBytes);
        },
      },
      async (req, reply) => {
        const ctx = await requireCtx(req);
        const owner = { type, id: req.params.id };
        await assertMayUpload(ctx, owner);
        const upload = await readUpload(req, reply);
        if (!upload) throw new AppError('validation_failed', 'Choose a file', { code: 'no_file' });
        return reply.status(201).send(await uploadFile(ctx, app.fileStorage, owner, upload));
      },
    );
  }

  app.get('/files/:id', { schema: { tags, params: IdParams }, compress: false }, async (req, reply) => {
    const { file, stream } = await openFile(await requireCtx(req), app.fileStorage, req.params.id);
    return reply
      .header('content-type', file.mimeType)
      .header('content-length', String(file.sizeBytes))
      .header('content-disposition', attachmentDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, no-store')
      .send(stream);
  });

  app.delete('/files/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await deleteFile(await requireCtx(req), app.fileStorage, req.params.id);
    return reply.status(204).send();
  });
};
