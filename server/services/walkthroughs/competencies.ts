import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { frameworkItems } from '../../db/schema/index.ts';
import { publishedObservationVersionId } from '../observations/role-rubric.ts';

export interface CompetencyRef {
  id: string;
  label: string;
}

const labelOf = (r: { humanCode: string | null; abbreviatedStatement: string | null; fullStatement: string }) =>
  [r.humanCode, r.abbreviatedStatement || r.fullStatement].filter(Boolean).join(' ');

/** The items of the district's published observation framework: what a look-for may be tagged to. */
export async function taggableCompetencies(db: Executor, districtId: string): Promise<CompetencyRef[]> {
  const versionId = await publishedObservationVersionId(db, districtId);
  if (!versionId) return [];
  const rows = await db
    .select({
      id: frameworkItems.id,
      humanCode: frameworkItems.humanCode,
      abbreviatedStatement: frameworkItems.abbreviatedStatement,
      fullStatement: frameworkItems.fullStatement,
    })
    .from(frameworkItems)
    .where(and(eq(frameworkItems.districtId, districtId), eq(frameworkItems.versionId, versionId), eq(frameworkItems.retired, false)))
    .orderBy(asc(frameworkItems.fullStatement), asc(frameworkItems.id));
  return rows.map((r) => ({ id: r.id, label: labelOf(r) }));
}

/** Labels of the district's items by id (items of another district are simply absent). */
export async function competencyLabels(db: Executor, districtId: string, ids: string[]): Promise<Map<string, CompetencyRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      id: frameworkItems.id,
      humanCode: frameworkItems.humanCode,
      abbreviatedStatement: frameworkItems.abbreviatedStatement,
      fullStatement: frameworkItems.fullStatement,
    })
    .from(frameworkItems)
    .where(and(eq(frameworkItems.districtId, districtId), inArray(frameworkItems.id, unique)));
  return new Map(rows.map((r) => [r.id, { id: r.id, label: labelOf(r) }]));
}
