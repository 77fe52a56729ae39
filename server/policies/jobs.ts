import type { Actor } from '../lib/actor.ts';
import { isDistrictAdmin } from './app.ts';

/** Background jobs are the district admin's (IT) to watch and retry. */
export const canManageJobs = (actor: Actor) => isDistrictAdmin(actor);

export const jobAbilities = (actor: Actor, job: { state: string }) => ({ retry: canManageJobs(actor) && job.state === 'failed' });
