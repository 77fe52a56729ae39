import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';

/** Placing people on career steps (one by one, in bulk, by import): HR and district admins. */
export const canPlaceOnSteps = (actor: Actor) => isHrOrAdmin(actor);

/** Choosing a person's primary evaluator over the computed default: HR and district admins. */
export const canAssignEvaluators = (actor: Actor) => isHrOrAdmin(actor);
