import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';

/** Entering the district's translations of its content: HR and district admins (as for its frameworks). */
export const canTranslateContent = (actor: Actor) => isHrOrAdmin(actor);
