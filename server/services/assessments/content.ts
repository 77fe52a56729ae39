import type { ScalePoint } from '../../../common/assessments.ts';
import type { Executor } from '../../db/client.ts';
import { assessmentItems, assessmentSections } from '../../db/schema/index.ts';
import { invalidField } from '../../lib/errors.ts';

/** Sections to write into a version; `key`s carried over keep an item's history across versions. */
export interface SectionContent {
  key?: string;
  title: string;
  items: { key?: string; text: string; guidance: string }[];
}

/** Writes a version's sections and items in the order given. */
export async function writeSections(tx: Executor, districtId: string, versionId: string, sections: SectionContent[]): Promise<number> {
  let count = 0;
  for (const [position, s] of sections.entries()) {
    const [section] = await tx
      .insert(assessmentSections)
      .values({ districtId, versionId, position, title: s.title, ...(s.key ? { key: s.key } : {}) })
      .returning({ id: assessmentSections.id });
    if (s.items.length === 0) continue;
    await tx.insert(assessmentItems).values(
      s.items.map((item, i) => ({
        districtId,
        versionId,
        sectionId: section!.id,
        position: i,
        text: item.text,
        guidance: item.guidance,
        ...(item.key ? { key: item.key } : {}),
      })),
    );
    count += s.items.length;
  }
  return count;
}

/** A scale's values must differ from each other: 400 naming the repeated point. */
export function checkScale(points: ScalePoint[], path = 'scale') {
  const seen = new Set<number>();
  for (const [i, p] of points.entries()) {
    if (seen.has(p.value)) throw invalidField(`${path}.${i}.value`, 'each point of the scale needs its own value');
    seen.add(p.value);
  }
}
