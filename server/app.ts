import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from './db/client.ts';
import type { Env } from './env.ts';
import { registerJobHandlers } from './jobs/handlers.ts';
import { DigestSchedule } from './jobs/digest-schedule.ts';
import { JobQueue, type JobQueueOptions } from './jobs/queue.ts';
import { publicBaseUrl } from './lib/public-url.ts';
import { secretKey } from './lib/secret-key.ts';
import { BackgroundTasks } from './lib/background.ts';
import { errorHandler } from './lib/error-handler.ts';
import { logRequests } from './lib/request-log.ts';
import { enforceRouteAuth, routesNeed } from './lib/route-auth.ts';
import { LiveHub } from './lib/live/hub.ts';
import { DEFAULT_LIVE_OPTIONS, LiveStreams, type LiveStreamOptions } from './lib/live/sse.ts';
import { invalidateReads } from './lib/read-cache.ts';
import { invalidateSessions } from './lib/session-cache.ts';
import { serveWebApp } from './lib/web-app.ts';
import { registerRoutes } from './routes/index.ts';
import { Mailer, type MailerOptions } from './services/mail/mailer.ts';
import { createMailTransport } from './services/mail/transport.ts';
import { createFileStorage, type FileStorage } from './services/files/storage.ts';

export interface AppOptions {
  database: Database;
  env: Env;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; served with a single-page fallback when present. */
  webDir?: string;
  /** E-mail worker timings (tests shorten the retry waits), and where development prints e-mails. */
  mail?: MailerOptions & { print?: (text: string) => void };
  /** Job queue timings (tests poll often and retry at once); `work: false` runs no jobs. */
  jobs?: JobQueueOptions;
  /** Attachment storage; default from the environment (DATA_DIR/files, or the S3 bucket). */
  fileStorage?: FileStorage;
  /** Live streams' timings (tests send heartbeats and end streams sooner). */
  live?: Partial<LiveStreamOptions>;
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
    // One line per request instead of two at `info`, at a level by outcome: lib/request-log.ts.
    logController: new LogController({ disableRequestLogging: true }),
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
  app.decorate('fileStorage', opts.fileStorage ?? createFileStorage(opts.env));
  const live = new LiveHub(opts.database.notifications, app.log);
  app.decorate('live', live);
  app.decorate('liveStreams', new LiveStreams(live, { ...DEFAULT_LIVE_OPTIONS, ...opts.live }));
  const jobs = new JobQueue(opts.database, app.log, opts.jobs);
  // Read when a digest is sent (the key may live in DATA_DIR, created on first use).
  const links = () => ({ base: publicBaseUrl(opts.env), key: secretKey(opts.env, 'notification-unsubscribe') });
  registerJobHandlers(jobs, { database: opts.database, log: app.log, links, mailRecorded: () => app.mailer.nudge() });
  app.decorate('jobs', jobs);
  app.decorate('digestSchedule', new DigestSchedule(opts.database, jobs, app.log));
  // The embedded database has one process (lockfile): a held e-mail still pending was abandoned.
  app.addHook('onReady', async () => {
    await app.live.start();
    await app.jobs.start();
    await app.mailer.start({ exclusive: opts.database.kind === 'pglite' });
    // Tests enqueue digests themselves (a real morning would send them mid-test).
    if (opts.jobs?.work !== false && opts.env.NODE_ENV !== 'test') app.digestSchedule.start();
  });
  // Open event streams would keep the server from closing: end them first (browsers reconnect elsewhere).
  app.addHook('preClose', async () => app.liveStreams.endAll());
  app.addHook('onClose', async () => {
    app.live.stop();
    app.digestSchedule.stop();
    await app.background.close();
    await app.mailer.stop();
    await app.jobs.stop();
  });
  app.setValidatorCompiler(validatorCompiler);
  // Responses are checked against their Zod schemas in tests (catching a presenter that drifts
  // from the contract); elsewhere presenters already pick every field, so plain JSON is enough.
  if (opts.env.NODE_ENV === 'test') app.setSerializerCompiler(serializerCompiler);
  else app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(errorHandler);
  logRequests(app);
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
  // Answers of 1 KB or more in the encoding the client accepts (brotli at its fast level 4, gzip);
  // the web app's files go out precompressed instead (lib/web-app.ts).
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: opts.env.MAX_UPLOAD_MB * 1024 * 1024, files: 20, fields: 10 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Trellis API', version: '0.1.0', description: 'Talent and professional growth for school districts' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'trellis_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // Every API route declares who may reach it (lib/route-auth.ts); the docs are public.
  enforceRouteAuth(app);
  await app.register(async (docs) => {
    routesNeed(docs, 'public');
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });

  await app.register(registerRoutes);

  await serveWebApp(app, opts.webDir);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
