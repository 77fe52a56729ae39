import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { fidelityChecks, initiatives } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';
import { canReadFidelityCheck } from '../../policies/fidelity.ts';
import { loadSubject } from './subject.ts';

/**
 * The read rule of an observation of kind `fidelity` (services/observations/access.ts asks here
 * instead of the evaluation rules): policies/fidelity.ts canReadFidelityCheck, on the check's
 * initiative (its principals switch and coaching pairs).
 */
export async function canReadFidelityObservation(
  db: Executor,
  actor: Actor,
  row: {
    id: string;
    districtId: string;
    observedPersonId: string;
    observerPersonId: string;
    coObserverPersonId: string | null;
    status: string;
  },
): Promise<boolean> {
  if (row.districtId !== actor.districtId) return false;
  const [initiative] = await db
    .select({
      id: initiatives.id,
      districtId: initiatives.districtId,
      coveredRoles: initiatives.coveredRoles,
      principalsSeeIndividualFidelity: initiatives.principalsSeeIndividualFidelity,
    })
    .from(fidelityChecks)
    .innerJoin(initiatives, eq(initiatives.id, fidelityChecks.initiativeId))
    .where(and(eq(fidelityChecks.observationId, row.id), eq(fidelityChecks.districtId, row.districtId)));
  if (!initiative) return false;
  const subject = await loadSubject(db, initiative, row.observedPersonId);
  return canReadFidelityCheck(actor, row, subject);
}
