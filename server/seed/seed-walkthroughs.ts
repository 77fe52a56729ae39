import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { nonSchoolDays, observationRevisions, observationTypes, observations, type LookForResult } from '../db/schema/index.ts';
import { districtToday } from '../services/coaching/refs.ts';
import { taggableCompetencies } from '../services/walkthroughs/competencies.ts';

/** Palm Grove's people the demo walkthroughs are about (ids from the demo seed). */
export interface WalkthroughSeed {
  districtId: string;
  schoolId: string;
  observers: string[];
  teachers: string[];
}

/** The competency each default look-for shows: the first of these short titles the published version has. */
const TAGS: Record<string, string[]> = {
  'Learning target posted and referenced': ['Clear purpose and explanation'],
  'Students talk more than the teacher': ['Discussion and student thinking'],
  'Every student is working on the task': ['Use of learning time', 'Routines and learning time', 'High expectations and student ownership'],
  'Checks for understanding during the lesson': ['Checking for understanding and responding', 'Checking for understanding'],
  'Routines run without lost time': ['Classroom routines', 'Routines and learning time'],
};

/** How often each look-for is seen in the first month, and how much more each month after. */
const TREND: Record<string, [number, number]> = {
  'Learning target posted and referenced': [0.55, 0.08],
  'Students talk more than the teacher': [0.15, 0.02],
  'Every student is working on the task': [0.6, 0.05],
  'Checks for understanding during the lesson': [0.3, 0.1],
  'Routines run without lost time': [0.8, 0],
};

function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * Walkthroughs that count (issue 12): the walkthrough look-fors tagged to competencies of the
 * published observation framework, and five months of walkthroughs at Palm Grove (eight classrooms a
 * month) with a trend worth reading: the learning target and checks for understanding improve,
 * student talk stays rare. The district's "seen look-fors count as evidence" stays off.
 */
export async function seedWalkthroughs(tx: Executor, pg: WalkthroughSeed) {
  const { districtId } = pg;
  const [type] = await tx
    .select()
    .from(observationTypes)
    .where(and(eq(observationTypes.districtId, districtId), eq(observationTypes.kind, 'walkthrough'), eq(observationTypes.active, true)))
    .limit(1);
  if (!type) return;
  const competencies = await taggableCompetencies(tx, districtId);
  const lookForItems: Record<string, string> = {};
  for (const lookFor of type.lookFors) {
    const item = (TAGS[lookFor] ?? []).map((title) => competencies.find((c) => c.label.endsWith(` ${title}`))).find(Boolean);
    if (item) lookForItems[lookFor] = item.id;
  }
  await tx
    .update(observationTypes)
    .set({ lookForItems })
    .where(and(eq(observationTypes.id, type.id), eq(observationTypes.districtId, districtId)));

  const { today } = await districtToday(tx, districtId);
  const closed = new Set(
    (await tx.select({ day: nonSchoolDays.day }).from(nonSchoolDays).where(eq(nonSchoolDays.districtId, districtId))).map((r) => r.day),
  );
  const random = generator(20261206);
  const rows: (typeof observations.$inferInsert)[] = [];
  for (let m = 4; m >= 0; m -= 1) {
    const first = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    first.setUTCMonth(first.getUTCMonth() - m);
    const days: string[] = [];
    for (const d = new Date(first); d.getUTCMonth() === first.getUTCMonth(); d.setUTCDate(d.getUTCDate() + 1)) {
      const day = d.toISOString().slice(0, 10);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !closed.has(day) && day < today) days.push(day);
    }
    if (days.length === 0) continue;
    const month = 4 - m;
    for (let i = 0; i < 8; i += 1) {
      const teacher = pg.teachers[(i + m * 3) % pg.teachers.length]!;
      const observer = pg.observers[i % pg.observers.length]!;
      const day = days[Math.floor(random() * days.length)]!;
      const lookForResults: LookForResult[] = type.lookFors.map((lookFor) => {
        const [base, step] = TREND[lookFor] ?? [0.5, 0];
        return { lookFor, seen: random() < Math.min(0.95, base + step * month), comment: null };
      });
      const publishedAt = new Date(`${day}T19:00:00Z`);
      rows.push({
        districtId,
        typeId: type.id,
        kind: 'walkthrough',
        purpose: 'development',
        observedPersonId: teacher,
        observerPersonId: observer,
        orgUnitId: pg.schoolId,
        observedOn: day,
        durationMinutes: type.defaultDurationMinutes ?? 15,
        status: 'published',
        glows: 'Thank you for having me in.',
        lookForResults,
        publishedAt,
        revision: 1,
        feedbackDueOn: day,
        feedbackHeldAt: publishedAt,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      });
    }
  }
  if (rows.length === 0) return;
  const created = await tx.insert(observations).values(rows).returning({
    id: observations.id,
    observedOn: observations.observedOn,
    lookForResults: observations.lookForResults,
    publishedAt: observations.publishedAt,
  });
  await tx.insert(observationRevisions).values(
    created.map((o) => ({
      districtId,
      observationId: o.id,
      revision: 1,
      createdAt: o.publishedAt!,
      snapshot: {
        observedOn: o.observedOn,
        durationMinutes: type.defaultDurationMinutes ?? 15,
        classLabel: null,
        glows: 'Thank you for having me in.',
        grows: '',
        lookForResults: o.lookForResults,
        notes: [],
        scores: [],
        actionStepChecks: [],
      },
    })),
  );
}
