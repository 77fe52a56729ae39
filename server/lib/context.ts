import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Actor } from './actor.ts';

/** What every service receives: the database, the caller and the request it serves. */
export interface Ctx {
  db: Db;
  actor: Actor;
  requestId: string;
  log: FastifyBaseLogger;
}
