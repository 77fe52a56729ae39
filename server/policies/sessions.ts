import type { Actor } from '../lib/actor.ts';
import { isDistrictAdmin } from './app.ts';

/**
 * Ending other people's sessions (one person after a lost laptop, or the whole district after an
 * incident) is for district admins, the people who run sign-in; everyone manages their own.
 */
export const canEndOthersSessions = (actor: Actor) => isDistrictAdmin(actor);
