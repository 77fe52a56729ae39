import type { Actor } from '../lib/actor.ts';
import { isDistrictAdmin, isHrOrAdmin } from './app.ts';

export const canReadAuditLog = (actor: Actor) => isDistrictAdmin(actor);
/** HR sees the change history of the people they manage. */
export const canReadPersonHistory = (actor: Actor) => isHrOrAdmin(actor);
export const canReadOutbox = (actor: Actor) => isDistrictAdmin(actor);
