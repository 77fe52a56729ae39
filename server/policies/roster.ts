import type { Actor } from '../lib/actor.ts';
import { isDistrictAdmin } from './app.ts';

/** Roster import is a district admin (IT) task: it changes who everyone is. */
export const canImportRoster = (actor: Actor) => isDistrictAdmin(actor);

export function rosterImportAbilities(actor: Actor, row: { status: string; hasErrors: boolean }) {
  const admin = isDistrictAdmin(actor);
  return {
    apply: admin && row.status === 'validated' && !row.hasErrors,
    discard: admin && row.status === 'validated',
  };
}
