import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { observationTypes } from '../../db/schema/index.ts';

/** The walkthrough look-fors a district starts with (editable on /settings/observations). */
export const DEFAULT_LOOK_FORS = [
  'Learning target posted and referenced',
  'Students talk more than the teacher',
  'Every student is working on the task',
  'Checks for understanding during the lesson',
  'Routines run without lost time',
];

/**
 * Creates the district's default observation types ("Scored observation" counting toward the
 * non-negotiable, and a five look-for "Walkthrough") when it has none at all (active or not).
 * Safe to call from concurrent requests: a transaction-scoped advisory lock per district
 * serialises the check and the insert (a savepoint when `db` is already a transaction).
 */
export async function ensureDefaultObservationTypes(db: Executor, districtId: string): Promise<void> {
  const [existing] = await db.select({ id: observationTypes.id }).from(observationTypes).where(eq(observationTypes.districtId, districtId)).limit(1);
  if (existing) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`observation_types:${districtId}`}))`);
    const [again] = await tx.select({ id: observationTypes.id }).from(observationTypes).where(eq(observationTypes.districtId, districtId)).limit(1);
    if (again) return;
    await tx.insert(observationTypes).values([
      {
        districtId,
        name: 'Scored observation',
        kind: 'scored',
        description: 'A full lesson scored against the teacher’s role rubric.',
        defaultDurationMinutes: 45,
        countsTowardRequirement: true,
      },
      {
        districtId,
        name: 'Walkthrough',
        kind: 'walkthrough',
        description: 'A short visit checking a few look-fors; not scored.',
        lookFors: DEFAULT_LOOK_FORS,
        defaultDurationMinutes: 15,
        countsTowardRequirement: false,
      },
    ]);
  });
}
