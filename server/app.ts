import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from './db/client.ts';
import type { Env } from './env.ts';
import { BackgroundTasks } from './lib/background.ts';
import { errorHandler } from './lib/error-handler.ts';
import { invalidateReads } from './lib/read-cache.ts';
import { invalidateSessions } from './lib/session-cache.ts';
import { registerRoutes } from './routes/index.ts';
import { Mailer, type MailerOptions } from './services/mail/mailer.ts';
import { createMailTransport } from './services/mail/transport.ts';

export interface AppOptions {
  database: Database;
  env: Env;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; served with a single-page fallback when present. */
  webDir?: string;
  /** E-mail worker timings (tests shorten the retry waits), and where development prints e-mails. */
  mail?: MailerOptions & { print?: (text: string) => void };
}

/** Fastify's form of the TRUST_PROXY setting (a hop count trusts that many hops nearest the server). */
function trustProxy(setting: Env['TRUST_PROXY']): FastifyServerOptions['trustProxy'] {
  if (typeof setting !== 'number') return setting;
  return (_address: string, hop: number) => hop < setting;
}

/** Builds the Fastify app without listening, so tests drive it with `app.inject()`. */
export async function buildApp(opts: AppOptions) {
  const app = Fastify({
    logger: opts.logger ?? false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    // Only configured proxies may name the client (TRUST_PROXY); otherwise req.ip is the peer.
    trustProxy: trustProxy(opts.env.TRUST_PROXY),
  }).withTypeProvider();

  app.decorate('database', opts.database);
  app.decorate('env', opts.env);
  const transport = createMailTransport(opts.env, opts.mail?.print);
  app.decorate('mailer', new Mailer(opts.database.db, transport, opts.env, app.log, opts.mail));
  app.decorate('background', new BackgroundTasks(app.log));
  // The embedded database has one process (lockfile): a held e-mail still pending was abandoned.
  app.addHook('onReady', async () => app.mailer.start({ exclusive: opts.database.kind === 'pglite' }));
  app.addHook('onClose', async () => {
    await app.background.close();
    await app.mailer.stop();
  });
  app.setValidatorCompiler(validatorCompiler);
  // Responses are checked against their Zod schemas in tests (catching a presenter that drifts
  // from the contract); elsewhere presenters already pick every field, so plain JSON is enough.
  if (opts.env.NODE_ENV === 'test') app.setSerializerCompiler(serializerCompiler);
  else app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // A write's answer leaves after its commit: reads shared from before it are dropped (again at onResponse).
    if (req.method !== 'GET' && req.method !== 'HEAD') invalidateReads();
  });
  // Any write may change who may do what (sign-out, deactivation, roles): forget cached sessions,
  // unless the route says it cannot (autosave every few seconds would otherwise empty the cache).
  app.addHook('onResponse', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.routeOptions.config?.keepsSessions !== true) invalidateSessions();
    if (req.method !== 'GET' && req.method !== 'HEAD') invalidateReads();
    req.mail?.finish(app.mailer, reply.statusCode < 400);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // Over plain http (local installs) upgrading would break every asset request.
        upgradeInsecureRequests: opts.env.NODE_ENV === 'production' ? [] : null,
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: opts.env.MAX_UPLOAD_MB * 1024 * 1024, files: 20, fields: 10 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Trellis API', version: '0.1.0', description: 'Talent and professional growth for school districts' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'trellis_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(registerRoutes);

  const webDir = opts.webDir;
  const indexHtml = webDir && fs.existsSync(path.join(webDir, 'index.html')) ? path.join(webDir, 'index.html') : null;
  if (webDir && indexHtml) {
    await app.register(fastifyStatic, { root: path.resolve(webDir), wildcard: false, index: false });
  }
  app.setNotFoundHandler((req, reply) => {
    const isApi = req.url.startsWith('/api/') || req.url.startsWith('/ims/');
    // Assets a rebuild added after start: the static routes were listed when the server started.
    if (indexHtml && req.method === 'GET' && /^\/assets\/[\w.-]+$/.test(req.url)) {
      const file = path.join(path.resolve(webDir!), req.url);
      if (fs.existsSync(file)) return reply.sendFile(req.url.slice(1));
      return reply.status(404).send({ error: { code: 'not_found', message: 'No such file' } });
    }
    if (!isApi && req.method === 'GET' && indexHtml) {
      // Read per request: a rebuild replaces the file (and briefly removes it).
      return fs.promises.readFile(indexHtml).then(
        (html) => reply.type('text/html').header('cache-control', 'no-cache').send(html),
        () => reply.status(503).send({ error: { code: 'internal', message: 'The web app is being rebuilt; reload in a moment' } }),
      );
    }
    return reply.status(404).send({ error: { code: 'not_found', message: 'No such route' } });
  });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
