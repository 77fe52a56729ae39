import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/client.ts';
import * as s from '../db/schema/index.ts';
import { COMPONENTS, INITIATIVE, PROFILE_LEVELS, TOOL_LEVELS } from './seed-implementation-data.ts';

export interface ProfileIds {
  versionId: string;
  profileRubricId: string;
  toolRubricId: string;
  /** Component code -> item id, in profile order. */
  items: Map<string, string>;
  /** The tool's criteria (item id -> criterion id) and its levels, top first. */
  toolCriteria: Map<string, string>;
  toolLevels: { id: string; position: number; levelScore: number }[];
}

/** A published practice profile (its items are the components) with its profile rubric and fidelity tool. */
export async function seedProfile(tx: Executor, districtId: string, hrUserId: string, districtName: string): Promise<ProfileIds> {
  const scale = async (name: string, labels: readonly string[]) => {
    const [row] = await tx.insert(s.scales).values({ districtId, name }).returning({ id: s.scales.id });
    const levels = await tx
      .insert(s.scaleLevels)
      .values(
        labels.map((label, position) => ({
          districtId,
          scaleId: row!.id,
          position,
          label,
          levelScore: labels.length - position,
          proficient: position === 0,
        })),
      )
      .returning({
        id: s.scaleLevels.id,
        position: s.scaleLevels.position,
        levelScore: s.scaleLevels.levelScore,
        label: s.scaleLevels.label,
      });
    return { id: row!.id, levels: levels.sort((a, b) => a.position - b.position) };
  };
  const profileScale = await scale('Practice profile (expected, developmental, unacceptable)', PROFILE_LEVELS);
  const toolScale = await scale('Fidelity (present, partial, absent)', TOOL_LEVELS);
  const [framework] = await tx
    .insert(s.frameworks)
    .values({ districtId, title: `${INITIATIVE.name} practice profile` })
    .returning({ id: s.frameworks.id });
  const versionId = randomUUID();
  await tx.insert(s.frameworkVersions).values({
    id: versionId,
    districtId,
    frameworkId: framework!.id,
    versionNumber: 1,
    status: 'published',
    caseIdentifier: versionId,
    title: `${INITIATIVE.name} practice profile`,
    description: 'The essential components of the program, each described at the expected, developmental and unacceptable levels.',
    creator: `${districtName} with ${INITIATIVE.partnerName}`,
    versionLabel: '2026-27',
    itemTypes: [{ code: 'component', title: 'Essential component' }],
    scaleId: profileScale.id,
    publishedAt: new Date('2026-07-15T15:00:00Z'),
    publishedByUserId: hrUserId,
  });
  const items = new Map<string, string>();
  await tx.insert(s.frameworkItems).values(
    COMPONENTS.map((c, position) => {
      const id = randomUUID();
      items.set(c.code, id);
      return {
        id,
        districtId,
        versionId,
        caseIdentifier: id,
        position,
        itemType: 'component',
        humanCode: c.code,
        abbreviatedStatement: c.title,
        fullStatement: c.statement,
      };
    }),
  );
  const rubric = async (
    title: string,
    scaleRef: Awaited<ReturnType<typeof scale>>,
    text: (c: (typeof COMPONENTS)[number], level: number) => string,
  ) => {
    const rubricId = randomUUID();
    await tx.insert(s.rubrics).values({ id: rubricId, districtId, versionId, scaleId: scaleRef.id, caseIdentifier: rubricId, title });
    const criteria = new Map<string, string>();
    for (const [position, c] of COMPONENTS.entries()) {
      const criterionId = randomUUID();
      const itemId = items.get(c.code)!;
      criteria.set(itemId, criterionId);
      await tx.insert(s.rubricCriteria).values({ id: criterionId, districtId, rubricId, itemId, caseIdentifier: criterionId, position });
      await tx.insert(s.rubricDescriptors).values(
        scaleRef.levels.map((level) => {
          const id = randomUUID();
          return {
            id,
            districtId,
            criterionId,
            scaleLevelId: level.id,
            caseIdentifier: id,
            position: level.position,
            quality: level.label,
            levelScore: level.levelScore,
            description: text(c, level.position),
          };
        }),
      );
    }
    return { rubricId, criteria };
  };
  const profile = await rubric('Practice profile', profileScale, (c, l) => [c.expected, c.developmental, c.unacceptable][l]!);
  const tool = await rubric('Classroom fidelity tool', toolScale, (c, l) => [c.present, c.partial, c.absent][l]!);
  return {
    versionId,
    profileRubricId: profile.rubricId,
    toolRubricId: tool.rubricId,
    items,
    toolCriteria: tool.criteria,
    toolLevels: toolScale.levels.map((l) => ({ id: l.id, position: l.position, levelScore: l.levelScore })),
  };
}
