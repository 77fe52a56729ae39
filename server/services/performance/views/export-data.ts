import { and, asc, eq, inArray } from 'drizzle-orm';
import i18next from 'i18next';
import { formatDateIn } from '../../../../common/clock.ts';
import en from '../../../../common/i18n/en/performance.json' with { type: 'json' };
import es from '../../../../common/i18n/es/performance.json' with { type: 'json' };
import {
  orgUnits,
  people,
  performanceCycleRubrics,
  performanceCycles,
  planFocusAreas,
  planGoals,
  planRatings,
  planSignatures,
} from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import type { ReaderLocale } from '../../../lib/reader-locale.ts';
import { districtToday } from '../../coaching/refs.ts';
import { loadReadablePlan } from '../access.ts';
import { fullName } from './scope.ts';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { performance: en }, es: { performance: es } },
  ns: ['performance'],
  defaultNS: 'performance',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** Everything a printed plan and review shows, with its words already in the reader's language. */
export interface PlanDocument {
  lang: ReaderLocale;
  t: (key: string, params?: Record<string, unknown>) => string;
  /** A timestamp or ISO day as the reader reads it, in the district's time zone ('' when null). */
  date: (value: Date | string | null) => string;
  fileBase: string;
  person: string;
  cycle: string;
  school: string | null;
  evaluator: string | null;
  status: string;
  dates: { label: string; value: string }[];
  reflections: { title: string; text: string }[];
  goals: { title: string; metric: string; baseline: string; target: string; due: string; rating: string }[];
  focusAreas: { competency: string; rationale: string; actions: string[] }[];
  ratings: { competency: string; self: string; evaluator: string; comment: string }[];
  overall: string | null;
  summary: string;
  personReflection: string;
  response: string | null;
  signatures: { stage: string; signer: string; name: string; at: string }[];
}

/** Loads a plan the caller may read (else 404) with all it prints. */
export async function loadPlanDocument(ctx: Ctx, planId: string, lang: ReaderLocale): Promise<PlanDocument> {
  const { row: plan } = await loadReadablePlan(ctx, planId);
  const districtId = ctx.actor.districtId;
  const t = i18n.getFixedT(lang, 'performance', 'views');
  const { timeZone } = await districtToday(ctx.db, districtId);
  const date = (value: Date | string | null) => (value === null ? '' : formatDateIn(value, { timeZone, locale: lang }));
  const personIds = [plan.personId, ...(plan.evaluatorPersonId ? [plan.evaluatorPersonId] : [])];
  const [names, [cycle], [school], [snapshot], goals, focus, ratings, signatures] = await Promise.all([
    ctx.db
      .select()
      .from(people)
      .where(and(eq(people.districtId, districtId), inArray(people.id, personIds))),
    ctx.db
      .select()
      .from(performanceCycles)
      .where(and(eq(performanceCycles.districtId, districtId), eq(performanceCycles.id, plan.cycleId))),
    plan.orgUnitId
      ? ctx.db
          .select({ name: orgUnits.name })
          .from(orgUnits)
          .where(and(eq(orgUnits.districtId, districtId), eq(orgUnits.id, plan.orgUnitId)))
      : Promise.resolve([]),
    plan.cycleRubricId
      ? ctx.db
          .select({ criteria: performanceCycleRubrics.criteria })
          .from(performanceCycleRubrics)
          .where(and(eq(performanceCycleRubrics.districtId, districtId), eq(performanceCycleRubrics.id, plan.cycleRubricId)))
      : Promise.resolve([]),
    ctx.db
      .select()
      .from(planGoals)
      .where(and(eq(planGoals.districtId, districtId), eq(planGoals.planId, plan.id)))
      .orderBy(asc(planGoals.position)),
    ctx.db
      .select()
      .from(planFocusAreas)
      .where(and(eq(planFocusAreas.districtId, districtId), eq(planFocusAreas.planId, plan.id)))
      .orderBy(asc(planFocusAreas.position)),
    ctx.db
      .select()
      .from(planRatings)
      .where(and(eq(planRatings.districtId, districtId), eq(planRatings.planId, plan.id))),
    ctx.db
      .select()
      .from(planSignatures)
      .where(and(eq(planSignatures.districtId, districtId), eq(planSignatures.planId, plan.id)))
      .orderBy(asc(planSignatures.signedAt)),
  ]);
  const nameOf = new Map(names.map((p) => [p.id, fullName(p)]));
  const criteria = snapshot?.criteria ?? [];
  const competencyName = (itemId: string) => {
    const c = criteria.find((x) => x.itemId === itemId);
    return c ? [c.code, c.title].filter(Boolean).join(' ') : '';
  };
  const levelName = (itemId: string, score: number | null) => {
    if (score === null) return '';
    const level = criteria.find((x) => x.itemId === itemId)?.levels.find((l) => l.score === score);
    return level ? `${level.label} (${score})` : String(score);
  };
  const ratingOf = (itemId: string, rater: string) => ratings.find((r) => r.itemId === itemId && r.rater === rater);
  const ratedItems = [...new Set([...criteria.map((c) => c.itemId), ...ratings.map((r) => r.itemId)])].filter((id) =>
    ratings.some((r) => r.itemId === id),
  );
  const person = nameOf.get(plan.personId) ?? '';
  return {
    lang,
    t,
    date,
    fileBase: `${person} ${cycle?.schoolYear ?? ''}`.trim(),
    person,
    cycle: cycle ? `${cycle.title} (${cycle.schoolYear})` : '',
    school: school?.name ?? null,
    evaluator: plan.evaluatorPersonId ? (nameOf.get(plan.evaluatorPersonId) ?? null) : null,
    status: t(`status.${plan.status}`),
    dates: (
      [
        ['selfAssessed', plan.selfAssessedAt],
        ['signed', plan.signedAt],
        ['reviewed', plan.reviewedAt],
        ['acknowledged', plan.acknowledgedAt],
      ] as const
    )
      .filter(([, at]) => at !== null)
      .map(([key, at]) => ({ label: t(`export.${key}`), value: date(at) })),
    reflections: plan.template.sections
      .filter((s) => (plan.reflections[s.key] ?? '').trim())
      .map((s) => ({ title: s.title, text: plan.reflections[s.key]! })),
    goals: goals.map((g) => ({
      title: g.title,
      metric: g.metric,
      baseline: g.baseline,
      target: g.target,
      due: date(g.dueOn),
      rating: g.rating ? t(`goalRating.${g.rating}`) : '',
    })),
    focusAreas: focus.map((f) => ({
      competency: competencyName(f.itemId),
      rationale: f.rationale,
      actions: f.actions.map((a) => `${t(`action.${a.kind}`, { defaultValue: a.kind })}: ${a.description}`),
    })),
    ratings: ratedItems.map((itemId) => ({
      competency: competencyName(itemId),
      self: levelName(itemId, ratingOf(itemId, 'self')?.levelScore ?? null),
      evaluator: levelName(itemId, ratingOf(itemId, 'evaluator')?.levelScore ?? null),
      comment: ratingOf(itemId, 'evaluator')?.comment ?? '',
    })),
    overall: plan.overallLabel,
    summary: plan.reviewSummary,
    personReflection: plan.personReflection,
    response: plan.acknowledgmentResponse,
    signatures: signatures
      .filter((s) => s.voidedAt === null)
      .map((s) => ({
        stage: t(s.stage === 'review' ? 'export.stageReview' : 'export.stagePlan'),
        signer: t(`signer.${s.signer}`, { defaultValue: s.signer }),
        name: s.typedName,
        at: date(s.signedAt),
      })),
  };
}

/** A file name for the download, e.g. "ana-garcia-2026-27.pdf". */
export function planFileName(doc: PlanDocument, ext: 'pdf' | 'docx'): { ascii: string; utf8: string } {
  const base = doc.fileBase || 'plan';
  const ascii =
    base
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 80) || 'plan';
  return { ascii: `${ascii}.${ext}`, utf8: `${base.replace(/[\\/:*?"<>|\r\n]+/g, ' ').slice(0, 120)}.${ext}` };
}
