import { and, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FidelityCheck } from '../../../common/schemas/fidelity.ts';
import type { Executor } from '../../db/client.ts';
import { fidelityChecks, frameworkVersions, initiatives, observations, orgUnits, people, rubrics } from '../../db/schema/index.ts';
import { personNameSql } from '../observations/access.ts';

const observed = alias(people, 'observed');
const observer = alias(people, 'observer');

/** Fidelity checks with their names and tool, newest first, as the API presents them. */
export async function checkViews(db: Executor, where: SQL): Promise<FidelityCheck[]> {
  const rows = await db
    .select({
      c: fidelityChecks,
      status: observations.status,
      observerId: observations.observerPersonId,
      observedName: personNameSql(observed),
      observerName: personNameSql(observer),
      schoolName: orgUnits.name,
      toolTitle: rubrics.title,
      toolStatus: frameworkVersions.status,
      currentRubricId: initiatives.fidelityRubricId,
    })
    .from(fidelityChecks)
    .innerJoin(observations, eq(observations.id, fidelityChecks.observationId))
    .innerJoin(initiatives, eq(initiatives.id, fidelityChecks.initiativeId))
    .innerJoin(observed, eq(observed.id, fidelityChecks.personId))
    .innerJoin(observer, eq(observer.id, observations.observerPersonId))
    .innerJoin(rubrics, eq(rubrics.id, fidelityChecks.rubricId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, rubrics.versionId))
    .leftJoin(orgUnits, eq(orgUnits.id, fidelityChecks.orgUnitId))
    .where(where)
    .orderBy(desc(fidelityChecks.checkedOn), desc(fidelityChecks.createdAt), desc(fidelityChecks.id));
  return rows.map((r) => ({
    id: r.c.id,
    observationId: r.c.observationId,
    initiativeId: r.c.initiativeId,
    person: { id: r.c.personId, name: r.observedName },
    observer: { id: r.observerId, name: r.observerName },
    school: r.c.orgUnitId && r.schoolName ? { id: r.c.orgUnitId, name: r.schoolName } : null,
    checkedOn: r.c.checkedOn,
    status: r.status as 'draft' | 'published',
    scorePct: r.c.scorePct === null ? null : Number(r.c.scorePct),
    atFidelity: r.c.atFidelity,
    tool: { rubricId: r.c.rubricId, title: r.toolTitle, retired: r.currentRubricId !== r.c.rubricId || r.toolStatus !== 'published' },
  }));
}

/** One check by its observation. */
export async function checkViewOf(db: Executor, districtId: string, observationId: string): Promise<FidelityCheck> {
  const [view] = await checkViews(db, and(eq(fidelityChecks.districtId, districtId), eq(fidelityChecks.observationId, observationId))!);
  return view!;
}
