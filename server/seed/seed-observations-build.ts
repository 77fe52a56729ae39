/**
 * Builds the demo term's observations in memory (seed-observations.ts loads the district and inserts
 * the rows): per observed person a plan of scored observations and walkthroughs, then notes, scores,
 * glows and grows, action steps and their checks, replies, revision snapshots and evidence.
 */
import { randomUUID } from 'node:crypto';
import type { LookForResult } from '../db/schema/observations.ts';
import { addSchoolDays } from './seed-observations-calendar.ts';
import { CLASS_LABELS, REPLIES, WALKTHROUGH_COMMENTS, WORDING } from './seed-observations-data.ts';
import type { BuildContext, DemoPerson, DemoSchool, ObservationRows } from './seed-observations-types.ts';

export type {
  BuildContext,
  DemoLevel,
  DemoLibraryStep,
  DemoPerson,
  DemoRubric,
  DemoSchool,
  DemoType,
  ObservationRows,
} from './seed-observations-types.ts';

type Feedback = 'held' | 'overdue' | 'upcoming';
interface Spec {
  kind: 'scored' | 'walkthrough';
  observer: DemoPerson;
  day: string;
  state: 'published' | 'draft' | 'scheduled';
  feedback: Feedback;
  acknowledged: boolean;
  reply?: boolean;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));
/** Competencies most teachers find hardest (and easiest) get a nudge, so the tracker shows a pattern. */
const DIFFICULTY: Record<string, number> = { '3c': -0.5, '3b': -0.4, '1c': -0.3, '3d': -0.3, '2a': 0.4, '1a': 0.3, '2d': -0.2 };

export function buildObservations(ctx: BuildContext, schools: DemoSchool[]): ObservationRows {
  const { districtId, random, at } = ctx;
  const rows: ObservationRows = {
    observations: [],
    notes: [],
    scores: [],
    revisions: [],
    replies: [],
    actionSteps: [],
    checks: [],
    evidence: [],
    teacher: { published: [], steps: [] },
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const pastAt = (from: number, to: number) =>
    ctx.pastDays[Math.min(ctx.pastDays.length - 1, Math.floor((from + random() * (to - from)) * ctx.pastDays.length))]!;
  const feedbackDue = (day: string) => addSchoolDays(day, ctx.feedbackWithinSchoolDays, ctx.closed);
  const isLeader = (p: DemoPerson) => p.role === 'principal' || p.role === 'assistant_principal';

  /** Which observations a person gets this term. */
  function plan(school: DemoSchool, person: DemoPerson, index: number): Spec[] {
    const specs: Spec[] = [];
    const coach = ctx.coachOf.get(person.id) ?? null;
    const leader = () => pick(school.leaders);
    const has = ctx.pastDays.length > 0;
    if (person.id === ctx.special.teacher && has) {
      const principal = school.leaders.find((l) => l.id === ctx.special.principal)!;
      specs.push({
        kind: 'scored',
        observer: principal,
        day: pastAt(0.35, 0.45),
        state: 'published',
        feedback: 'held',
        acknowledged: true,
        reply: true,
      });
      specs.push({
        kind: 'walkthrough',
        observer: school.leaders[1] ?? principal,
        day: pastAt(0.6, 0.7),
        state: 'published',
        feedback: 'held',
        acknowledged: true,
      });
      specs.push({
        kind: 'scored',
        observer: coach ?? principal,
        day: pastAt(0.88, 0.95),
        state: 'published',
        feedback: 'held',
        acknowledged: false,
      });
      specs.push({
        kind: 'walkthrough',
        observer: principal,
        day: ctx.nextDays[3] ?? ctx.nextDays[0]!,
        state: 'scheduled',
        feedback: 'held',
        acknowledged: false,
      });
      return specs;
    }
    // Two of the demo principal's teachers are waiting for their feedback meeting past the deadline.
    const principal = school.leaders.find((l) => l.id === ctx.special.principal);
    if (principal && has && (index === 1 || index === 2)) {
      specs.push({
        kind: 'scored',
        observer: principal,
        day: pastAt(0.7, 0.8),
        state: 'published',
        feedback: 'overdue',
        acknowledged: false,
      });
      return specs;
    }
    const r = random();
    const scoredCount = !has || r < 0.12 ? 0 : r < 0.55 ? 1 : 2;
    if (scoredCount >= 1)
      specs.push({
        kind: 'scored',
        observer: leader(),
        day: pastAt(0.05, 0.6),
        state: 'published',
        feedback: 'held',
        acknowledged: random() < 0.8,
      });
    if (scoredCount === 2) {
      const observer = coach && random() < 0.7 ? coach : leader();
      specs.push({ kind: 'scored', observer, day: pastAt(0.62, 1), state: 'published', feedback: 'held', acknowledged: random() < 0.6 });
    }
    // Walkthroughs: most people get one, many a second in the last weeks.
    for (const [chance, from] of [
      [0.8, 0],
      [0.45, 0.6],
    ] as const) {
      if (!has || random() >= chance) continue;
      const observer = coach && random() < 0.5 ? coach : school.coach && random() < 0.2 ? school.coach : leader();
      specs.push({
        kind: 'walkthrough',
        observer,
        day: pastAt(from, 1),
        state: 'published',
        feedback: 'held',
        acknowledged: random() < 0.5,
      });
    }
    // Behind on the non-negotiable: the next scored observation is on the calendar (always at the demo school).
    const demoSchool = school.index === 0;
    const upcoming =
      scoredCount === 0
        ? demoSchool || random() < 0.7
        : scoredCount === 1
          ? demoSchool || random() < 0.3
          : random() < (demoSchool ? 0.3 : 0.08);
    if (upcoming && ctx.nextDays.length) {
      specs.push({
        kind: scoredCount === 2 ? 'walkthrough' : 'scored',
        observer: leader(),
        day: pick(ctx.nextDays),
        state: 'scheduled',
        feedback: 'held',
        acknowledged: false,
      });
    }
    specs.sort((a, b) => a.day.localeCompare(b.day));
    // The most recent past one: sometimes still a draft, sometimes feedback not given in time.
    const last = [...specs].reverse().find((s) => s.state === 'published');
    if (last) {
      const due = feedbackDue(last.day);
      if (random() < 0.1) last.state = 'draft';
      else if (due < ctx.today && last.kind === 'scored' && random() < 0.09) last.feedback = 'overdue';
      else if (due >= ctx.today) last.feedback = 'upcoming';
    }
    return specs;
  }

  for (const school of schools) {
    for (const [index, person] of school.observed.entries()) {
      const rubric = ctx.rubricFor(person.role);
      const skill = 1.9 + random() * 1.8;
      const classLabel = pick(CLASS_LABELS[school.level]);
      let open: { id: string; code: string }[] = [];
      for (const spec of plan(school, person, index)) {
        // Roles without a rubric get walkthroughs only.
        if (spec.kind === 'scored' && !rubric) continue;
        const type = ctx.types[spec.kind];
        const id = randomUUID();
        const notesFrom = rows.notes.length;
        const scoresFrom = rows.scores.length;
        const hour = 8 + Math.floor(random() * 6);
        const scheduledAt = at(spec.day, hour, random() < 0.5 ? 0 : 30);
        const published = spec.state === 'published';
        const publishedAt = published ? at(spec.day, 17, Math.floor(random() * 50)) : null;
        const purpose = spec.kind === 'scored' && isLeader(spec.observer) ? 'evaluation' : 'development';
        const feedbackDueOn = published ? feedbackDue(spec.day) : null;
        const meetingDay = addSchoolDays(spec.day, 1, ctx.closed);
        const meetingAt = published && spec.kind === 'scored' && spec.feedback !== 'overdue' ? at(meetingDay, 15, 15) : null;
        const heldAt =
          !published || spec.feedback === 'overdue'
            ? null
            : spec.kind === 'walkthrough'
              ? publishedAt
              : meetingAt && meetingAt < ctx.now
                ? meetingAt
                : null;
        const acknowledgedAt = published && heldAt && spec.acknowledged ? new Date(heldAt.getTime() + 3 * 3600_000) : null;

        // Notes and scores (scored observations; walkthroughs get a few untagged notes and look-fors).
        const noteIds = new Map<string, string[]>();
        const scoreLevels = new Map<string, number>();
        let glows = '';
        let grows = '';
        let lookForResults: LookForResult[] = [];
        if (spec.state !== 'scheduled') {
          if (spec.kind === 'scored') {
            const levels = ctx.levelsOf(rubric!.scaleId);
            const boost = open.length ? 0.3 : 0;
            for (const criterion of rubric!.criteria) {
              const score = clamp(Math.round(skill + (DIFFICULTY[criterion.code] ?? 0) + boost + (random() - 0.5) * 1.4), 1, 4);
              scoreLevels.set(criterion.id, score);
            }
            const noted = rubric!.criteria.filter(() => random() < 0.7);
            noted.forEach((criterion, position) => {
              const wording = WORDING[criterion.code];
              if (!wording) return;
              const noteId = randomUUID();
              noteIds.set(criterion.id, [noteId]);
              const strong = scoreLevels.get(criterion.id)! >= 3;
              rows.notes.push({
                id: noteId,
                districtId,
                observationId: id,
                position,
                notedAt: new Date(scheduledAt.getTime() + (position * 5 + 2) * 60_000),
                body: pick(strong ? wording.strong : wording.weak),
                itemId: criterion.itemId,
              });
            });
            // Drafts: the observer has scored part of the rubric so far.
            const scored = spec.state === 'draft' ? rubric!.criteria.slice(0, Math.ceil(rubric!.criteria.length / 2)) : rubric!.criteria;
            for (const criterion of scored) {
              const score = scoreLevels.get(criterion.id)!;
              const level = levels.find((l) => l.levelScore === score)!;
              rows.scores.push({
                districtId,
                observationId: id,
                criterionId: criterion.id,
                itemId: criterion.itemId,
                scaleLevelId: level.id,
                levelScore: level.levelScore,
                comment: null,
                citedNoteIds: noteIds.get(criterion.id) ?? [],
              });
              if (published) {
                rows.evidence.push({
                  districtId,
                  personId: person.id,
                  itemId: criterion.itemId,
                  scaleLevelId: level.id,
                  levelScore: level.levelScore,
                  source: 'observation',
                  sourceId: id,
                  observedAt: scheduledAt,
                  recordedByUserId: spec.observer.userId,
                  createdAt: publishedAt!,
                });
              }
            }
            const ranked = [...rubric!.criteria].sort(
              (a, b) => scoreLevels.get(b.id)! - scoreLevels.get(a.id)! || a.code.localeCompare(b.code),
            );
            const best = ranked[0]!;
            const worst =
              ranked.find((c) => ctx.library.some((s) => s.code === c.code) && scoreLevels.get(c.id)! <= 3) ?? ranked[ranked.length - 1]!;
            glows = WORDING[best.code]?.glow ?? '';
            grows = WORDING[worst.code]?.grow ?? '';
            if (spec.state === 'draft') grows = '';
            if (published) {
              // The next observation checks the open action steps; then one new step on the grow.
              for (const step of open) {
                const result = random() < 0.45 ? 'mastered' : random() < 0.8 ? 'progressing' : 'not_yet';
                rows.checks.push({ districtId, actionStepId: step.id, observationId: id, result, comment: null });
                const row = rows.actionSteps.find((s) => s.id === step.id)!;
                row.status = result === 'mastered' ? 'mastered' : 'practicing';
                row.masteredAt = result === 'mastered' ? publishedAt : null;
                row.updatedAt = publishedAt!;
              }
              open = open.filter((step) => rows.actionSteps.find((s) => s.id === step.id)!.status !== 'mastered');
              const library = ctx.library.find((s) => s.code === worst.code && !open.some((o) => o.code === s.code)) ?? pick(ctx.library);
              const stepId = randomUUID();
              const dueOn = addSchoolDays(spec.day, 15, ctx.closed);
              const daysAgo = ctx.pastDays.length - ctx.pastDays.indexOf(spec.day);
              rows.actionSteps.push({
                id: stepId,
                districtId,
                personId: person.id,
                observationId: id,
                libraryStepId: library.id,
                itemId: library.itemId,
                title: library.title,
                practicePrompt: library.practicePrompt,
                dueOn,
                status: daysAgo > 12 && random() < 0.6 ? 'practicing' : 'assigned',
                createdByPersonId: spec.observer.id,
                createdAt: publishedAt!,
                updatedAt: publishedAt!,
              });
              open.push({ id: stepId, code: library.code });
              if (person.id === ctx.special.teacher)
                rows.teacher.steps.push({ id: stepId, title: library.title, dueOn, author: spec.observer });
            }
          } else {
            lookForResults = ctx.types.walkthrough.lookFors.map((lookFor) => {
              const seen = random() < 0.3 + skill / 6;
              return {
                lookFor,
                seen,
                comment: random() < 0.4 ? pick(seen ? WALKTHROUGH_COMMENTS.seen : WALKTHROUGH_COMMENTS.notSeen) : null,
              };
            });
            glows =
              'Thank you for having me in. ' +
              (lookForResults.filter((l) => l.seen).length >= 3
                ? 'Most of the look-fors were clear during the visit.'
                : 'The learning target was easy to find.');
          }
        }
        const notesOf = rows.notes.slice(notesFrom);
        const scoresOf = rows.scores.slice(scoresFrom);
        rows.observations.push({
          id,
          districtId,
          typeId: type.id,
          kind: spec.kind,
          purpose,
          observedPersonId: person.id,
          observerPersonId: spec.observer.id,
          orgUnitId: school.id,
          rubricId: spec.kind === 'scored' ? rubric!.rubricId : null,
          scaleId: spec.kind === 'scored' ? rubric!.scaleId : null,
          observedOn: spec.day,
          scheduledAt,
          durationMinutes: type.durationMinutes,
          classLabel,
          status: published ? 'published' : 'draft',
          glows,
          grows,
          lookForResults,
          publishedAt,
          revision: published ? 1 : 0,
          feedbackDueOn,
          feedbackMeetingAt: meetingAt,
          feedbackHeldAt: heldAt,
          acknowledgedAt,
          acknowledgedRevision: acknowledgedAt ? 1 : null,
          updatedByUserId: spec.observer.userId,
          createdAt: new Date(scheduledAt.getTime() - 3 * 86_400_000),
          updatedAt: publishedAt ?? scheduledAt,
        });
        if (published) {
          rows.revisions.push({
            districtId,
            observationId: id,
            revision: 1,
            reason: null,
            createdByUserId: spec.observer.userId,
            createdAt: publishedAt!,
            snapshot: {
              observedOn: spec.day,
              durationMinutes: type.durationMinutes,
              classLabel,
              glows,
              grows,
              lookForResults,
              notes: notesOf.map((n) => ({ id: n.id, notedAt: n.notedAt.toISOString(), body: n.body, itemId: n.itemId })),
              scores: scoresOf.map((s) => ({
                criterionId: s.criterionId,
                itemId: s.itemId,
                scaleLevelId: s.scaleLevelId,
                levelScore: s.levelScore,
                comment: s.comment,
                citedNoteIds: s.citedNoteIds,
              })),
            },
          });
          if (spec.reply || (acknowledgedAt && random() < 0.08)) {
            rows.replies.push({
              districtId,
              observationId: id,
              authorPersonId: person.id,
              body: pick(REPLIES),
              createdAt: new Date(acknowledgedAt?.getTime() ?? publishedAt!.getTime() + 86_400_000),
            });
          }
          if (person.id === ctx.special.teacher) rows.teacher.published.push({ id, observer: spec.observer, day: spec.day });
        }
      }
    }
  }
  return rows;
}
