import { and, eq, inArray } from 'drizzle-orm';
import { addDays } from '../../common/clock.ts';
import type { Executor } from '../db/client.ts';
import * as s from '../db/schema/index.ts';
import type { Ctx } from '../lib/context.ts';
import { recordFidelityPublish } from '../services/fidelity/on-publish.ts';
import { ensureFidelityType } from '../services/fidelity/tool.ts';
import type { ProfileIds } from './seed-implementation-profile.ts';

interface School {
  id: string;
  teachers: string[];
}

/** A small deterministic generator, so the demo reads the same every time it is seeded. */
function generator(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

/**
 * A year of fidelity checks by each school's coach, published as a coach would publish them (the
 * fidelity service writes scores, latest checks and monthly sums): pilot schools rise from about half
 * present to most present, decodable text practice lagging; installing schools are checked less and
 * score lower. Checks are spaced six weeks apart, the last within the past fortnight.
 */
export async function seedFidelityChecks(
  tx: Executor,
  opts: {
    districtId: string;
    initiativeId: string;
    today: string;
    profile: ProfileIds;
    pilots: School[];
    installing: School[];
    palmCoach: string;
  },
) {
  const { districtId, initiativeId, today, profile } = opts;
  const typeId = await ensureFidelityType(tx, districtId);
  const [tool] = await tx.select({ scaleId: s.rubrics.scaleId }).from(s.rubrics).where(eq(s.rubrics.id, profile.toolRubricId));
  const coachRows = await tx
    .select({ orgUnitId: s.roleAssignments.orgUnitId, personId: s.roleAssignments.personId, userId: s.users.id })
    .from(s.roleAssignments)
    .leftJoin(s.users, eq(s.users.personId, s.roleAssignments.personId))
    .where(
      and(
        eq(s.roleAssignments.districtId, districtId),
        eq(s.roleAssignments.role, 'coach'),
        inArray(
          s.roleAssignments.orgUnitId,
          [...opts.pilots, ...opts.installing].map((x) => x.id),
        ),
      ),
    );
  const coachOf = new Map(coachRows.map((c) => [c.orgUnitId, c]));
  const [palmCoachUser] = await tx.select({ id: s.users.id }).from(s.users).where(eq(s.users.personId, opts.palmCoach));
  const random = generator(20261207);
  const codes = [...profile.items.keys()];
  const top = profile.toolLevels[0]!;
  const maxScore = top.levelScore;

  const plan: { school: School; rounds: number; start: number; end: number }[] = [
    ...opts.pilots.map((school) => ({ school, rounds: 6, start: 0.45, end: 0.88 })),
    ...opts.installing.map((school) => ({ school, rounds: 2, start: 0.3, end: 0.45 })),
  ];
  for (const { school, rounds, start, end } of plan) {
    const coach = coachOf.get(school.id);
    if (!coach) continue;
    const ctx = {
      db: tx,
      actor: { userId: coach.userId ?? palmCoachUser?.id ?? null, personId: coach.personId, districtId },
      requestId: 'seed',
    } as unknown as Ctx;
    for (let round = 0; round < rounds; round++) {
      const progress = rounds === 1 ? 1 : round / (rounds - 1);
      for (const [t, personId] of school.teachers.slice(0, 10).entries()) {
        const observedOn = addDays(today, -10 - (rounds - 1 - round) * 42 - (t % 5));
        const [observation] = await tx
          .insert(s.observations)
          .values({
            districtId,
            typeId,
            kind: 'fidelity',
            purpose: 'development',
            observedPersonId: personId,
            observerPersonId: coach.personId,
            orgUnitId: school.id,
            rubricId: profile.toolRubricId,
            scaleId: tool!.scaleId,
            observedOn,
            durationMinutes: 30,
            status: 'published',
            publishedAt: new Date(`${observedOn}T19:00:00Z`),
            revision: 1,
            glows: '',
            grows: '',
          })
          .returning({ id: s.observations.id });
        const scores = codes.map((code) => {
          const itemId = profile.items.get(code)!;
          // Decodable text practice (SL.2) lags the others by a fifth.
          const chance = start + (end - start) * progress - (code === 'SL.2' ? 0.2 : 0);
          const r = random();
          const level =
            r < chance ? profile.toolLevels[0]! : r < chance + (1 - chance) * 0.6 ? profile.toolLevels[1]! : profile.toolLevels[2]!;
          return { itemId, criterionId: profile.toolCriteria.get(itemId)!, scaleLevelId: level.id, levelScore: level.levelScore };
        });
        await tx.insert(s.observationScores).values(scores.map((sc) => ({ districtId, observationId: observation!.id, ...sc })));
        // The published revision a later revise compares against, as publishing writes it.
        await tx.insert(s.observationRevisions).values({
          districtId,
          observationId: observation!.id,
          revision: 1,
          createdByUserId: ctx.actor.userId,
          createdAt: new Date(`${observedOn}T19:00:00Z`),
          snapshot: {
            observedOn,
            durationMinutes: 30,
            classLabel: null,
            glows: '',
            grows: '',
            notes: [],
            lookForResults: [],
            actionStepChecks: [],
            scores: scores.map((sc) => ({ ...sc, comment: null, citedNoteIds: [] })),
          },
        });
        await tx.insert(s.fidelityChecks).values({
          districtId,
          observationId: observation!.id,
          initiativeId,
          rubricId: profile.toolRubricId,
          personId,
          orgUnitId: school.id,
          checkedOn: observedOn,
        });
        await recordFidelityPublish(tx, ctx, { id: observation!.id, districtId, observedPersonId: personId, observedOn }, 0, scores);
      }
    }
  }
  return { maxScore };
}
