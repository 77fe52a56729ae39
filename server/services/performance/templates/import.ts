import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { DEVELOPMENT_ACTIONS } from '../../../../common/performance.ts';
import { PLAN_IMPORT_KINDS, type PlanImportResult, type PlanImportRowError } from '../../../../common/schemas/plan-templates.ts';
import type { DevelopmentAction } from '../../../db/schema/performance.ts';
import {
  frameworkItems,
  performanceCycleRubrics,
  performanceCycles,
  performancePlans,
  planFocusAreas,
  planGoals,
} from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, notFound } from '../../../lib/errors.ts';
import { canManagePerformance } from '../../../policies/performance.ts';
import { dayCell, type CsvRecord } from '../../teams/csv.ts';
import { findPeopleByKeys } from '../../teams/people.ts';
import { applyPlanImport, type GoalWrite, type FocusWrite } from './import-apply.ts';
import { readPlanSheet } from './sheet.ts';

const LOCKED = new Set(['signed', 'reviewed', 'acknowledged']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type PlanRow = Pick<typeof performancePlans.$inferSelect, 'id' | 'personId' | 'status' | 'cycleRubricId' | 'template'>;

/** "coaching: weekly sessions; course: questioning" -> actions; a part without a known kind is practice. */
export function parseActions(cell: string): DevelopmentAction[] {
  return cell
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^([a-z_]+)\s*:\s*(.*)$/i.exec(part);
      const kind = match?.[1]?.toLowerCase();
      if (match && kind && (DEVELOPMENT_ACTIONS as readonly string[]).includes(kind)) return { kind, description: match[2]!.trim() };
      return { kind: 'practice', description: part };
    });
}

async function loadContext(ctx: Ctx, cycleId: string, records: CsvRecord[]) {
  const districtId = ctx.actor.districtId;
  const keys = await findPeopleByKeys(
    ctx.db,
    districtId,
    records.map((r) => r.get('person')),
  );
  const personIds = [...new Set(keys.values())];
  const plans: PlanRow[] = personIds.length
    ? await ctx.db
        .select({
          id: performancePlans.id,
          personId: performancePlans.personId,
          status: performancePlans.status,
          cycleRubricId: performancePlans.cycleRubricId,
          template: performancePlans.template,
        })
        .from(performancePlans)
        .where(
          and(
            eq(performancePlans.districtId, districtId),
            eq(performancePlans.cycleId, cycleId),
            inArray(performancePlans.personId, personIds),
          ),
        )
    : [];
  const planIds = plans.map((p) => p.id);
  const codes = [...new Set(records.map((r) => r.get('competency').toLowerCase()).filter(Boolean))];
  const [rubrics, goals, focus, known] = await Promise.all([
    ctx.db
      .select({ id: performanceCycleRubrics.id, criteria: performanceCycleRubrics.criteria })
      .from(performanceCycleRubrics)
      .where(and(eq(performanceCycleRubrics.districtId, districtId), eq(performanceCycleRubrics.cycleId, cycleId))),
    planIds.length
      ? ctx.db
          .select()
          .from(planGoals)
          .where(and(eq(planGoals.districtId, districtId), inArray(planGoals.planId, planIds)))
      : [],
    planIds.length
      ? ctx.db
          .select()
          .from(planFocusAreas)
          .where(and(eq(planFocusAreas.districtId, districtId), inArray(planFocusAreas.planId, planIds)))
      : [],
    codes.length
      ? ctx.db
          .select({ id: frameworkItems.id, code: sql<string | null>`lower(${frameworkItems.humanCode})` })
          .from(frameworkItems)
          .where(
            and(
              eq(frameworkItems.districtId, districtId),
              or(
                inArray(sql`lower(${frameworkItems.humanCode})`, codes),
                inArray(
                  frameworkItems.id,
                  codes.filter((c) => UUID.test(c)),
                ),
              ),
            ),
          )
      : [],
  ]);
  const knownCodes = new Set([
    ...known.flatMap((k) => [k.id, k.code ?? '']),
    ...rubrics.flatMap((r) => r.criteria.flatMap((c) => [c.itemId, (c.code ?? '').toLowerCase()])),
  ]);
  return {
    keys,
    plans: new Map(plans.map((p) => [p.personId, p])),
    rubrics: new Map(rubrics.map((r) => [r.id, r.criteria])),
    goals,
    focus,
    knownCodes,
  };
}

/**
 * Imports performance goals and competency focus areas into the plans of a cycle from a CSV or XLSX
 * (HR and district admins). Every row is checked first, with its row number and column: someone not
 * in the cycle, a bad kind, a missing title, a bad date, a due date before the baseline date, a
 * competency outside the person's rubric or unknown, more goals or focus areas than the plan's
 * template allows, a signed plan, the same row twice. A dry run, or any error, writes nothing;
 * applying writes everything in one transaction, audited. Goals match by plan and title, focus
 * areas by plan and competency, so the same file applied again changes nothing.
 */
export async function importPlanSheet(
  ctx: Ctx,
  cycleId: string,
  file: { name: string; data: Buffer },
  dryRun: boolean,
): Promise<PlanImportResult> {
  if (!canManagePerformance(ctx.actor)) throw forbidden('Only HR and district admins import plans');
  const [cycle] = await ctx.db
    .select({ id: performanceCycles.id })
    .from(performanceCycles)
    .where(and(eq(performanceCycles.id, cycleId), eq(performanceCycles.districtId, ctx.actor.districtId)));
  if (!cycle) throw notFound('Cycle');
  const records = await readPlanSheet(file.name, file.data);
  const held = await loadContext(ctx, cycleId, records);

  const errors: PlanImportRowError[] = [];
  const goalWrites: (GoalWrite & { line: number })[] = [];
  const focusWrites: (FocusWrite & { line: number })[] = [];
  for (const record of records) {
    const line = record.line;
    const fail = (field: string, code: string, value?: string) => errors.push({ line, field, code, value });
    const personKey = record.get('person');
    const plan = held.plans.get(held.keys.get(personKey.toLowerCase()) ?? '');
    if (!personKey) fail('person', 'required');
    else if (!plan) fail('person', 'not_in_cycle', personKey);
    else if (LOCKED.has(plan.status)) fail('person', 'plan_signed', personKey);
    const kind = record.get('kind').toLowerCase();
    if (!(PLAN_IMPORT_KINDS as readonly string[]).includes(kind)) fail('kind', 'bad_kind', record.get('kind'));
    if (!plan || errors.some((e) => e.line === line)) continue;

    if (kind === 'goal') {
      const before = errors.length;
      const title = record.get('title');
      if (!title) fail('title', 'required');
      const baselineOn = dayCell(record.get('baseline_date'), 'baseline_date', line, errors);
      const dueOn = dayCell(record.get('due_date'), 'due_date', line, errors);
      if (baselineOn && dueOn && dueOn < baselineOn) fail('due_date', 'before_baseline', record.get('due_date'));
      if (errors.length > before) continue;
      if (goalWrites.some((g) => g.planId === plan.id && g.title.toLowerCase() === title.toLowerCase())) {
        fail('title', 'duplicate_row', title);
        continue;
      }
      const fields = {
        metric: record.get('metric'),
        baseline: record.get('baseline'),
        baselineOn: baselineOn ?? null,
        target: record.get('target'),
        dueOn: dueOn ?? null,
      };
      goalWrites.push({
        line,
        planId: plan.id,
        title,
        ...fields,
        existing: held.goals.find((g) => g.planId === plan.id && g.title.trim().toLowerCase() === title.toLowerCase()) ?? null,
      });
      continue;
    }

    const code = record.get('competency');
    if (!code) {
      fail('competency', 'required');
      continue;
    }
    const criteria = plan.cycleRubricId ? (held.rubrics.get(plan.cycleRubricId) ?? []) : [];
    const criterion = criteria.find((c) => c.itemId === code.toLowerCase() || (c.code ?? '').toLowerCase() === code.toLowerCase());
    if (!criterion) {
      fail('competency', held.knownCodes.has(code.toLowerCase()) ? 'outside_rubric' : 'unknown_competency', code);
      continue;
    }
    if (focusWrites.some((f) => f.planId === plan.id && f.itemId === criterion.itemId)) {
      fail('competency', 'duplicate_row', code);
      continue;
    }
    focusWrites.push({
      line,
      planId: plan.id,
      itemId: criterion.itemId,
      rationale: record.get('title'),
      actions: parseActions(record.get('development_actions')),
      existing: held.focus.find((f) => f.planId === plan.id && f.itemId === criterion.itemId) ?? null,
    });
  }

  // The plan's template caps the goals and focus areas it may hold, counting those already there.
  for (const plan of held.plans.values()) {
    const newGoals = goalWrites.filter((g) => g.planId === plan.id && !g.existing);
    const goalRoom = plan.template.maxGoals - held.goals.filter((g) => g.planId === plan.id).length;
    for (const g of newGoals.slice(Math.max(goalRoom, 0)))
      errors.push({ line: g.line, field: 'title', code: 'too_many_goals', value: g.title });
    const newFocus = focusWrites.filter((f) => f.planId === plan.id && !f.existing);
    const focusRoom = plan.template.maxFocusAreas - held.focus.filter((f) => f.planId === plan.id).length;
    for (const f of newFocus.slice(Math.max(focusRoom, 0)))
      errors.push({ line: f.line, field: 'competency', code: 'too_many_focus_areas' });
  }
  errors.sort((a, b) => a.line - b.line);

  const changed = (w: GoalWrite | FocusWrite) => !w.existing || !sameAsHeld(w);
  const writes = { goals: goalWrites.filter(changed), focus: focusWrites.filter(changed) };
  const creates = [...writes.goals, ...writes.focus].filter((w) => !w.existing).length;
  const result = (applied: boolean): PlanImportResult => ({
    dryRun,
    applied,
    rows: records.length,
    counts: {
      create: creates,
      update: writes.goals.length + writes.focus.length - creates,
      unchanged: goalWrites.length + focusWrites.length - writes.goals.length - writes.focus.length,
      error: new Set(errors.map((e) => e.line)).size,
    },
    errors: errors.slice(0, 1000),
  });
  if (dryRun || errors.length > 0) return result(false);
  await applyPlanImport(ctx, writes.goals, writes.focus, held.goals, held.focus);
  return result(true);
}

function sameAsHeld(w: GoalWrite | FocusWrite): boolean {
  if ('title' in w) {
    const e = w.existing!;
    return (
      e.metric === w.metric && e.baseline === w.baseline && e.baselineOn === w.baselineOn && e.target === w.target && e.dueOn === w.dueOn
    );
  }
  const e = w.existing!;
  return e.rationale === w.rationale && JSON.stringify(e.actions) === JSON.stringify(w.actions);
}

/** The district's cycles that hold plans (opening, open or closed), newest school year first. */
export async function importableCycles(ctx: Ctx) {
  if (!canManagePerformance(ctx.actor)) throw forbidden('Only HR and district admins import plans');
  return ctx.db
    .select({
      id: performanceCycles.id,
      title: performanceCycles.title,
      schoolYear: performanceCycles.schoolYear,
      status: performanceCycles.status,
    })
    .from(performanceCycles)
    .where(and(eq(performanceCycles.districtId, ctx.actor.districtId), inArray(performanceCycles.status, ['opening', 'open', 'closed'])))
    .orderBy(desc(performanceCycles.schoolYear), asc(performanceCycles.title));
}
