import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** A year: what browsers may keep a file whose name changes with its content. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, files outside assets/): use it only after asking whether it changed. */
const REVALIDATE = 'no-cache';
/** Compressed copies sit beside each asset (vite.config.ts) and source maps are never served. */
const NOT_SERVED = /\.(map|br|gz)$/;

/**
 * Vite names everything it writes under assets/ `<name>-<hash>.<ext>` (its `build.assetsDir`), so
 * those files never change under their name; index.html, which names the current ones, always may.
 */
function cacheControl(root: string, file: string): string {
  const relative = path.relative(root, file).split(path.sep);
  return relative.length === 2 && relative[0] === 'assets' ? IMMUTABLE : REVALIDATE;
}

const notFound = (reply: FastifyReply, message: string) => reply.status(404).send({ error: { code: 'not_found', message } });

/**
 * Serves the built web app from `webDir` (dist/web) when it holds an index.html: each file with
 * the compressed copy the browser accepts (`.br`, `.gz`, else as is), hashed assets cached for a
 * year, index.html revalidated, source maps never; any other GET outside the API gets index.html,
 * so the app's own routes load. Without a build, unknown routes answer the API's 404.
 */
export async function serveWebApp(app: FastifyInstance, webDir: string | undefined): Promise<void> {
  const root = webDir ? path.resolve(webDir) : undefined;
  const indexHtml = root && fs.existsSync(path.join(root, 'index.html')) ? path.join(root, 'index.html') : null;
  if (root && indexHtml) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      preCompressed: true,
      globIgnore: ['**/*.map', '**/*.br', '**/*.gz'],
      allowedPath: (pathName) => !NOT_SERVED.test(pathName),
      cacheControl: false,
      setHeaders: (reply, file) => {
        reply.header('cache-control', cacheControl(root, file.replace(NOT_SERVED, '')));
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const isApi = req.url.startsWith('/api/') || req.url.startsWith('/ims/');
    if (root && indexHtml && req.method === 'GET' && /^\/assets\/[\w.-]+$/.test(req.url)) {
      // Assets a rebuild added after start (the static routes were listed when the server started).
      if (!NOT_SERVED.test(req.url) && fs.existsSync(path.join(root, req.url))) return reply.sendFile(req.url.slice(1));
      return notFound(reply, 'No such file');
    }
    if (!isApi && req.method === 'GET' && indexHtml) {
      // Looked up per request: a rebuild replaces the file (and briefly removes it).
      if (!fs.existsSync(indexHtml)) {
        return reply.status(503).send({ error: { code: 'internal', message: 'The web app is being rebuilt; reload in a moment' } });
      }
      return reply.sendFile('index.html');
    }
    return notFound(reply, 'No such route');
  });
}
