import { percentOfMax, scaleMax, type ScalePoint } from '../../../common/assessments.ts';
import type { AdministrationResultsView, AssessmentSection } from '../../../common/schemas/assessments.ts';
import type { AdministrationResults } from '../../db/schema/index.ts';

/**
 * The scoring rule: per section and in total, the sum of consensus scores and its percent of the
 * maximum those scored items could reach (the scale's top value each). Unscored items are counted
 * apart (`scored` of `items`), never as zero.
 */
export function computeResults(sections: AssessmentSection[], scale: ScalePoint[], scores: Map<string, number>): AdministrationResults {
  const top = scaleMax(scale);
  const all: number[] = [];
  let itemCount = 0;
  const perSection = sections.map((s) => {
    const values = s.items.filter((i) => scores.has(i.id)).map((i) => scores.get(i.id)!);
    all.push(...values);
    itemCount += s.items.length;
    return { sectionId: s.id, key: s.key, title: s.title, ...percentOfMax(values, top), scored: values.length, items: s.items.length };
  });
  return { total: { ...percentOfMax(all, top), scored: all.length, items: itemCount }, sections: perSection };
}

/** The stored results as the API shows them; before any score, every section at nothing scored. */
export function resultsOf(
  stored: AdministrationResults | null,
  sections: AssessmentSection[],
): Omit<AdministrationResultsView, 'targetPct'> {
  const r = stored ?? computeResults(sections, [], new Map());
  return {
    total: r.total,
    sections: r.sections.map((s) => ({ key: s.key, title: s.title, sum: s.sum, max: s.max, pct: s.pct, scored: s.scored, items: s.items })),
  };
}
