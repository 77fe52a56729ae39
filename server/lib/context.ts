import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import type { JobSender } from '../jobs/queue.ts';
import type { MailOutlet } from '../services/mail/outlet.ts';
import type { Actor } from './actor.ts';

/** What every service receives: the database, the caller and the request it serves. */
export interface Ctx {
  db: Db;
  actor: Actor;
  requestId: string;
  log: FastifyBaseLogger;
  /** E-mail: the base URL of links, and sending once the write has committed. */
  mail: MailOutlet;
  /** Background jobs (server/jobs/): send once the write they follow has committed. */
  jobs: JobSender;
}
