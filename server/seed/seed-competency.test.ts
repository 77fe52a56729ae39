import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAPPING_KINDS } from '../../common/competency.ts';
import { openTestDatabase } from '../test/database.ts';
import type { Database } from '../db/client.ts';
import {
  careerPathways,
  districts,
  frameworkAssociations,
  frameworkCollaborators,
  frameworkComments,
  frameworkItemMappings,
  frameworkItems,
  frameworks,
  frameworkVersions,
  pathwaySteps,
  people,
  rubricCriteria,
  rubricDescriptors,
  rubrics,
  scaleLevels,
  scales,
  stepEquivalences,
  users,
} from '../db/schema/index.ts';
import { seedDemoDistrict } from './seed.ts';
import { seedCompetency } from './seed-competency.ts';

describe('demo competency architecture', () => {
  let database: Database;
  let districtId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoDistrict(database.db);
    const [district] = await database.db.select().from(districts).where(eq(districts.slug, 'sunshine'));
    districtId = district!.id;
  }, 60_000);
  afterAll(() => database?.close());

  const db = () => database.db;
  /** How many rows the district has in the tables the seed fills. */
  const counts = () =>
    Promise.all([
      db().$count(scales, eq(scales.districtId, districtId)),
      db().$count(frameworkVersions, eq(frameworkVersions.districtId, districtId)),
      db().$count(frameworkItems, eq(frameworkItems.districtId, districtId)),
      db().$count(frameworkItemMappings, eq(frameworkItemMappings.districtId, districtId)),
      db().$count(careerPathways, eq(careerPathways.districtId, districtId)),
      db().$count(rubricDescriptors, eq(rubricDescriptors.districtId, districtId)),
      db().$count(frameworkCollaborators, eq(frameworkCollaborators.districtId, districtId)),
      db().$count(frameworkComments, eq(frameworkComments.districtId, districtId)),
    ]);

  async function versions() {
    const [framework] = await db().select().from(frameworks).where(eq(frameworks.districtId, districtId));
    expect(framework!.title).toBe('Sunshine Educator Competencies');
    return db()
      .select()
      .from(frameworkVersions)
      .where(eq(frameworkVersions.frameworkId, framework!.id))
      .orderBy(frameworkVersions.versionNumber);
  }

  it('has the default four-level scale and another one', async () => {
    // The literacy initiative's practice profile and fidelity tool bring two scales of their own (seed-implementation.ts).
    const rows = (await db().select().from(scales).where(eq(scales.districtId, districtId))).filter(
      (s) => !/^(Practice profile|Fidelity) \(/.test(s.name),
    );
    expect(rows).toHaveLength(2);
    const defaults = rows.filter((s) => s.isDefault);
    expect(defaults).toHaveLength(1);
    const levels = await db().select().from(scaleLevels).where(eq(scaleLevels.scaleId, defaults[0]!.id)).orderBy(scaleLevels.position);
    expect(levels.map((l) => [l.label, l.levelScore, l.proficient])).toEqual([
      ['Exemplifying', 4, true],
      ['Demonstrating', 3, true],
      ['Developing', 2, false],
      ['Needs improvement', 1, false],
    ]);
    const other = rows.find((s) => !s.isDefault)!;
    expect(await db().select().from(scaleLevels).where(eq(scaleLevels.scaleId, other.id))).toHaveLength(5);
  });

  it('has version 1 retired, version 2 published on it and a version 3 draft on version 2', async () => {
    const [v1, v2, v3] = await versions();
    expect([v1!.status, v2!.status, v3!.status]).toEqual(['retired', 'published', 'draft']);
    expect(v1!.publishedAt).not.toBeNull();
    expect(v2!.publishedAt!.getTime()).toBeGreaterThan(v1!.publishedAt!.getTime());
    expect(v3!.publishedAt).toBeNull();
    expect([v2!.basedOnVersionId, v3!.basedOnVersionId]).toEqual([v1!.id, v2!.id]);
    for (const version of [v1!, v2!, v3!]) {
      const items = await db().select().from(frameworkItems).where(eq(frameworkItems.versionId, version.id));
      expect(items.length).toBeGreaterThanOrEqual(50);
      expect(items.length).toBeLessThanOrEqual(80);
      expect(new Set(items.map((i) => i.itemType))).toEqual(new Set(['domain', 'competency', 'indicator']));
      expect(items.filter((i) => i.itemType === 'domain')).toHaveLength(4);
      expect(items.every((i) => i.districtId === districtId && i.caseIdentifier && i.humanCode)).toBe(true);
      const types = (await db().select().from(frameworkAssociations).where(eq(frameworkAssociations.versionId, version.id))).map(
        (a) => a.associationType,
      );
      expect(new Set(types)).toEqual(new Set(['isRelatedTo', 'precedes', 'exactMatchOf']));
    }
    const v2Items = await db().select().from(frameworkItems).where(eq(frameworkItems.versionId, v2!.id));
    const v1Ids = new Set((await db().select().from(frameworkItems).where(eq(frameworkItems.versionId, v1!.id))).map((i) => i.id));
    expect(v2Items.flatMap((i) => i.sourceItemIds).every((id) => v1Ids.has(id))).toBe(true);
    expect(v2Items.filter((i) => i.retired).length).toBeGreaterThan(0);
  });

  it('records the crosswalk from version 1 to version 2 with all six kinds', async () => {
    const [v1, v2] = await versions();
    const rows = await db().select().from(frameworkItemMappings).where(eq(frameworkItemMappings.versionId, v2!.id));
    expect(rows.every((r) => r.previousVersionId === v1!.id)).toBe(true);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(MAPPING_KINDS));
    const code = async (id: string | null) =>
      id ? (await db().select().from(frameworkItems).where(eq(frameworkItems.id, id)))[0]!.humanCode : null;
    const of = async (kind: string) => Promise.all(rows.filter((r) => r.kind === kind && r.itemId).map((r) => code(r.itemId)));
    expect(new Set(await of('split'))).toEqual(new Set(['3c', '3d']));
    expect(new Set(await of('merged'))).toContain('2b');
    expect(await of('new')).toContain('2d');
  });

  it('has three pathways, a four-step instructional ladder and equivalences', async () => {
    const pathways = await db().select().from(careerPathways).where(eq(careerPathways.districtId, districtId));
    expect(new Set(pathways.map((p) => p.category))).toEqual(new Set(['instructional', 'leadership', 'central_office']));
    expect(pathways.find((p) => p.category === 'central_office')!.function).toBe('human_resources');
    const instructional = pathways.find((p) => p.category === 'instructional')!;
    const ladder = await db()
      .select()
      .from(pathwaySteps)
      .where(eq(pathwaySteps.pathwayId, instructional.id))
      .orderBy(pathwaySteps.position);
    expect(ladder.map((s) => s.staffRole)).toEqual(['instructional_assistant', 'apprentice_teacher', 'teacher', 'team_lead']);
    for (const step of ladder) {
      expect(step.payBandMinUsd!).toBeLessThan(step.payBandMaxUsd!);
      expect(step.responsibilities.length).toBeGreaterThan(0);
      expect(step.prerequisites.credentials.length).toBeGreaterThan(0);
    }
    const equivalences = await db().select().from(stepEquivalences).where(eq(stepEquivalences.districtId, districtId));
    expect(equivalences).toHaveLength(2);
    expect(equivalences.every((e) => e.stepId < e.equivalentStepId)).toBe(true);
    const stepTitle = async (id: string) => (await db().select().from(pathwaySteps).where(eq(pathwaySteps.id, id)))[0]!.title;
    const pairs = await Promise.all(
      equivalences.map(async (e) => new Set([await stepTitle(e.stepId), await stepTitle(e.equivalentStepId)])),
    );
    expect(pairs).toContainEqual(new Set(['Teacher leader', 'Assistant principal']));
  });

  it('has a rubric for every step in every version with a descriptor for every level', async () => {
    const steps = await db().select().from(pathwaySteps).where(eq(pathwaySteps.districtId, districtId));
    for (const version of await versions()) {
      const roleRubrics = await db().select().from(rubrics).where(eq(rubrics.versionId, version.id));
      expect(new Set(roleRubrics.map((r) => r.stepId))).toEqual(new Set(steps.map((s) => s.id)));
      const criteria = await db()
        .select()
        .from(rubricCriteria)
        .where(
          inArray(
            rubricCriteria.rubricId,
            roleRubrics.map((r) => r.id),
          ),
        );
      for (const rubric of roleRubrics) {
        const mine = criteria.filter((c) => c.rubricId === rubric.id);
        expect(mine.length).toBeGreaterThanOrEqual(6);
        expect(mine.length).toBeLessThanOrEqual(10);
      }
      const items = await db()
        .select()
        .from(frameworkItems)
        .where(
          inArray(
            frameworkItems.id,
            criteria.map((c) => c.itemId!),
          ),
        );
      expect(items.every((i) => i.versionId === version.id && i.itemType === 'competency' && !i.retired)).toBe(true);
      const descriptors = await db()
        .select()
        .from(rubricDescriptors)
        .where(
          inArray(
            rubricDescriptors.criterionId,
            criteria.map((c) => c.id),
          ),
        );
      expect(descriptors).toHaveLength(criteria.length * 4);
      expect(descriptors.every((d) => /^[A-Z].*\.$/.test(d.description) && !d.description.includes('{') && d.scaleLevelId)).toBe(true);
    }
  });

  it('says what "developing" means differently for an apprentice teacher and a teacher leader', async () => {
    const [, v2] = await versions();
    const rows = await db()
      .select({
        step: pathwaySteps.title,
        code: frameworkItems.humanCode,
        quality: rubricDescriptors.quality,
        text: rubricDescriptors.description,
      })
      .from(rubricDescriptors)
      .innerJoin(rubricCriteria, eq(rubricCriteria.id, rubricDescriptors.criterionId))
      .innerJoin(rubrics, eq(rubrics.id, rubricCriteria.rubricId))
      .innerJoin(pathwaySteps, eq(pathwaySteps.id, rubrics.stepId))
      .innerJoin(frameworkItems, eq(frameworkItems.id, rubricCriteria.itemId))
      .where(and(eq(rubrics.versionId, v2!.id), eq(rubricDescriptors.quality, 'Developing')));
    const developing = (step: string, code: string) => rows.find((r) => r.step === step && r.code === code)!.text;
    expect(developing('Apprentice teacher', '4a')).not.toBe(developing('Teacher leader', '4a'));
    expect(developing('Apprentice teacher', '4a')).toMatch(/mentor/);
    expect(new Set(rows.map((r) => r.text)).size).toBeGreaterThan(rows.length * 0.8);
  });

  it('has a design team with the demo teacher, and open and resolved comments on items and descriptors', async () => {
    const [, , v3] = await versions();
    const team = await db()
      .select({ email: people.email })
      .from(frameworkCollaborators)
      .innerJoin(people, eq(people.id, frameworkCollaborators.personId))
      .where(eq(frameworkCollaborators.frameworkId, v3!.frameworkId));
    expect(team.length).toBeGreaterThanOrEqual(2);
    expect(team.map((t) => t.email)).toContain('teacher@sunshine.example');
    const comments = await db().select().from(frameworkComments).where(eq(frameworkComments.versionId, v3!.id));
    expect(comments.some((c) => c.itemId)).toBe(true);
    expect(comments.some((c) => c.descriptorId)).toBe(true);
    expect(comments.some((c) => c.resolvedAt)).toBe(true);
    expect(comments.some((c) => !c.resolvedAt)).toBe(true);
    const [hr] = await db().select().from(users).where(eq(users.email, 'hr@sunshine.example'));
    expect(comments.filter((c) => c.resolvedAt).every((c) => c.resolvedByUserId === hr!.id)).toBe(true);
    const descriptorIds = comments.flatMap((c) => (c.descriptorId ? [c.descriptorId] : []));
    const onDraft = await db()
      .select({ versionId: rubrics.versionId })
      .from(rubricDescriptors)
      .innerJoin(rubricCriteria, eq(rubricCriteria.id, rubricDescriptors.criterionId))
      .innerJoin(rubrics, eq(rubrics.id, rubricCriteria.rubricId))
      .where(inArray(rubricDescriptors.id, descriptorIds));
    expect(onDraft.map((d) => d.versionId)).toEqual(descriptorIds.map(() => v3!.id));
  });

  it('does not duplicate anything when seeded again', async () => {
    const before = await counts();
    expect((await seedDemoDistrict(db())).created).toBe(false);
    const [hr] = await db().select().from(users).where(eq(users.email, 'hr@sunshine.example'));
    const again = await seedCompetency(db(), {
      districtId,
      hrUserId: hr!.id,
      designTeamPersonIds: [],
      districtName: 'Sunshine Public Schools',
    });
    expect(again.created).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
