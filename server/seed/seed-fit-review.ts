import { and, eq } from 'drizzle-orm';
import type { FitCandidateKind, FitRecommendation } from '../../common/fit-reviews.ts';
import type { Executor } from '../db/client.ts';
import {
  assessmentAdministrations,
  assessmentAttendees,
  assessmentScores,
  assessmentVersions,
  fitCandidates,
  fitReviews,
} from '../db/schema/index.ts';
import { installAssessmentLibrary } from '../services/assessments/library.ts';
import { versionSections } from '../services/assessments/load.ts';
import { computeResults } from '../services/assessments/scoring.ts';

/**
 * The demo's fit review (issue 15 part 3), for the demo seed to call after its teams exist: the
 * district team weighs three coaching models with the built-in fit instrument, each scored in its
 * own closed administration with notes, and records one recommendation of each kind (adopt, adapt,
 * do not adopt). The review is decided; nothing is adopted, so the demo's HR can adopt the first
 * and watch the initiative start at exploration. Running it again adds nothing (a review of the
 * same title by the same team is kept).
 */
export interface FitReviewDemoInput {
  /** The team that scores (the district team at the district's own unit in the demo). */
  team: { id: string; orgUnitId: string };
  facilitatorPersonId: string;
  noteTakerPersonId: string;
  votingPersonIds: string[];
  /** Who started the review and recorded the recommendations (HR in the demo). */
  createdByUserId: string | null;
  heldOn: string;
}

export const FIT_DEMO_TITLE = 'Choosing a coaching model';

interface DemoCandidate {
  name: string;
  kind: FitCandidateKind;
  vendor: string;
  notes: string;
  /** Consensus scores (1-5) of the fit instrument's twelve items in order: need, fit, capacity, evidence, supports, usability. */
  scores: number[];
  /** The note on the first item of each section, in section order. */
  sectionNotes: string[];
  recommendation: FitRecommendation;
  rationale: string;
}

const CANDIDATES: DemoCandidate[] = [
  {
    name: 'Instructional coaching',
    kind: 'coaching_model',
    vendor: '',
    notes: 'One coach per school works with teachers in cycles of goal, modelling, practice and feedback.',
    scores: [5, 5, 4, 5, 4, 3, 5, 4, 4, 4, 4, 5],
    sectionNotes: [
      'Reading growth in grades 3-5 has stalled two years running.',
      'Builds on the coaches we already have.',
      'Needs a coach at each school; two posts are open.',
      'Several studies in schools like ours.',
      'Our coaching office trains new coaches each summer.',
      'The cycle steps are written down; a fidelity tool exists.',
    ],
    recommendation: 'adopt',
    rationale: 'Strongest on need, evidence and usability; we can staff it over two years.',
  },
  {
    name: 'Peer coaching cycles',
    kind: 'coaching_model',
    vendor: '',
    notes: 'Teachers coach each other in pairs, with release time every three weeks.',
    scores: [4, 4, 5, 4, 3, 3, 3, 2, 2, 3, 3, 2],
    sectionNotes: [
      'Meets the same need, with less expertise in the room.',
      'Teachers asked for it in the spring survey.',
      'Release time needs substitutes we rarely have.',
      'Mixed results; stronger where pairs were trained.',
      'No outside support: we would build the training.',
      'The steps are not written down yet.',
    ],
    recommendation: 'adapt',
    rationale: 'Adapt: write down its core parts and train the pairs before a pilot at two schools.',
  },
  {
    name: 'Video-based coaching',
    kind: 'coaching_model',
    vendor: 'Open Lens Learning',
    notes: 'Teachers film lessons and review them with a remote coach.',
    scores: [3, 3, 2, 2, 2, 1, 4, 3, 4, 3, 4, 4],
    sectionNotes: [
      'Addresses feedback, less so the reading need.',
      'Families have not agreed to filming in classrooms.',
      'Bandwidth at rural schools cannot carry the uploads.',
      'Good studies, mostly in secondary schools.',
      'The developer offers training and materials.',
      'Clear platform and a built-in fidelity check.',
    ],
    recommendation: 'do_not_adopt',
    rationale: 'Not now: consent for classroom video and bandwidth come first.',
  },
];

export async function installFitReviewDemo(tx: Executor, districtId: string, input: FitReviewDemoInput) {
  const { instrumentIds } = await installAssessmentLibrary(tx, districtId);
  const instrumentId = instrumentIds['trellis-program-fit']!;
  const [existing] = await tx
    .select({ id: fitReviews.id })
    .from(fitReviews)
    .where(and(eq(fitReviews.districtId, districtId), eq(fitReviews.teamId, input.team.id), eq(fitReviews.title, FIT_DEMO_TITLE)));
  if (existing) return { reviewId: existing.id };

  const [version] = await tx
    .select()
    .from(assessmentVersions)
    .where(
      and(
        eq(assessmentVersions.districtId, districtId),
        eq(assessmentVersions.instrumentId, instrumentId),
        eq(assessmentVersions.status, 'published'),
      ),
    );
  const sections = await versionSections(tx, districtId, version!.id);
  const items = sections.flatMap((s) => s.items);
  const decidedAt = new Date(`${input.heldOn}T20:00:00Z`);
  const [review] = await tx
    .insert(fitReviews)
    .values({
      districtId,
      title: FIT_DEMO_TITLE,
      need: 'Reading growth in grades 3-5 has stalled; teachers ask for feedback on their teaching between trainings.',
      orgUnitId: input.team.orgUnitId,
      teamId: input.team.id,
      instrumentId,
      versionId: version!.id,
      status: 'decided',
      decidedAt,
      decidedBy: input.createdByUserId,
      createdBy: input.createdByUserId,
    })
    .returning({ id: fitReviews.id });
  const attendees = [
    { personId: input.facilitatorPersonId, role: 'facilitator' },
    { personId: input.noteTakerPersonId, role: 'note_taker' },
    ...input.votingPersonIds.map((personId) => ({ personId, role: 'voting_member' })),
  ];
  for (const [index, c] of CANDIDATES.entries()) {
    const scores = new Map(items.map((item, i) => [item.id, c.scores[i] ?? 3]));
    const results = computeResults(sections, version!.scalePoints, scores);
    const [administration] = await tx
      .insert(assessmentAdministrations)
      .values({
        districtId,
        instrumentId,
        versionId: version!.id,
        teamId: input.team.id,
        orgUnitId: input.team.orgUnitId,
        title: c.name,
        heldOn: input.heldOn,
        status: 'closed',
        closedAt: decidedAt,
        results,
        totalPct: results.total.pct,
        createdBy: input.createdByUserId,
      })
      .returning({ id: assessmentAdministrations.id });
    const administrationId = administration!.id;
    await tx.insert(assessmentAttendees).values(attendees.map((a) => ({ districtId, administrationId, ...a })));
    const firstOfSection = new Map(sections.map((s, i) => [s.items[0]?.id, c.sectionNotes[i] ?? '']));
    await tx.insert(assessmentScores).values(
      items.map((item) => ({
        districtId,
        administrationId,
        itemId: item.id,
        value: scores.get(item.id)!,
        note: firstOfSection.get(item.id) ?? '',
      })),
    );
    await tx.insert(fitCandidates).values({
      districtId,
      reviewId: review!.id,
      position: index + 1,
      name: c.name,
      kind: c.kind,
      vendor: c.vendor,
      notes: c.notes,
      administrationId,
      recommendation: c.recommendation,
      rationale: c.rationale,
      recommendedBy: input.createdByUserId,
      recommendedAt: decidedAt,
    });
  }
  return { reviewId: review!.id };
}
