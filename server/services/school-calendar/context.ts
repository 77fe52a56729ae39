import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { DEFAULT_NON_NEGOTIABLES } from '../../../common/observation.ts';
import type { Executor } from '../../db/client.ts';
import { districtSettings, nonSchoolDays, schoolTerms } from '../../db/schema/index.ts';

export interface NonNegotiables {
  scoredObservationsPerTerm: number;
  feedbackWithinSchoolDays: number;
  observationFrameworkId: string | null;
  version: number;
}

/** The district's non-negotiables (the defaults until an admin saves them). */
export async function loadNonNegotiables(db: Executor, districtId: string): Promise<NonNegotiables> {
  const [row] = await db.select().from(districtSettings).where(eq(districtSettings.districtId, districtId));
  return row
    ? {
        scoredObservationsPerTerm: row.scoredObservationsPerTerm,
        feedbackWithinSchoolDays: row.feedbackWithinSchoolDays,
        observationFrameworkId: row.observationFrameworkId,
        version: row.version,
      }
    : { ...DEFAULT_NON_NEGOTIABLES, observationFrameworkId: null, version: 0 };
}

/** The district's non-school days between two ISO dates (inclusive), as a set for common/school-days.ts. */
export async function loadNonSchoolDays(db: Executor, districtId: string, from: string, to: string): Promise<Set<string>> {
  const rows = await db
    .select({ day: nonSchoolDays.day })
    .from(nonSchoolDays)
    .where(and(eq(nonSchoolDays.districtId, districtId), gte(nonSchoolDays.day, from), lte(nonSchoolDays.day, to)));
  return new Set(rows.map((r) => r.day));
}

export interface TermRef {
  id: string;
  name: string;
  schoolYear: string;
  startsOn: string;
  endsOn: string;
}

/** The term containing `day` (ISO), else null (summer, or no calendar yet). */
export async function termOn(db: Executor, districtId: string, day: string): Promise<TermRef | null> {
  const [term] = await db
    .select({
      id: schoolTerms.id,
      name: schoolTerms.name,
      schoolYear: schoolTerms.schoolYear,
      startsOn: schoolTerms.startsOn,
      endsOn: schoolTerms.endsOn,
    })
    .from(schoolTerms)
    .where(and(eq(schoolTerms.districtId, districtId), lte(schoolTerms.startsOn, day), gte(schoolTerms.endsOn, day)))
    .orderBy(asc(schoolTerms.startsOn))
    .limit(1);
  return term ?? null;
}

/** Today in the district's time zone, as an ISO date. */
export { todayIn } from '../../../common/clock.ts';
