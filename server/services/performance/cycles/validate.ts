import { and, eq, inArray } from 'drizzle-orm';
import type { CreateCycleInput } from '../../../../common/schemas/performance-cycles.ts';
import type { Executor } from '../../../db/client.ts';
import { frameworkItems, orgUnits, pathwaySteps } from '../../../db/schema/index.ts';
import { notFound } from '../../../lib/errors.ts';

/** How many of `ids` exist in the district's table `t` (each id of a request is checked). */
async function allFound(
  db: Executor,
  t: typeof pathwaySteps | typeof orgUnits | typeof frameworkItems,
  districtId: string,
  ids: string[],
): Promise<boolean> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return true;
  const rows = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.districtId, districtId), inArray(t.id, unique)));
  return rows.length === unique.length;
}

/** Steps, org units and weighted competencies must be the district's: 404 naming what was not found. */
export async function checkReferences(db: Executor, districtId: string, input: CreateCycleInput): Promise<void> {
  if (!(await allFound(db, pathwaySteps, districtId, input.population.stepIds))) throw notFound('Career step');
  if (!(await allFound(db, orgUnits, districtId, input.population.orgUnitIds))) throw notFound('School or department');
  if (!(await allFound(db, frameworkItems, districtId, Object.keys(input.ratingMethod.weights)))) throw notFound('Competency');
}

/** A unique violation (the cycle's population and year are taken), through driver wrappers. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}
