import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { assessmentAdministrations, assessmentAttendees, assessmentScores, assessmentVersions } from '../db/schema/index.ts';
import { installAssessmentLibrary } from '../services/assessments/library.ts';
import { versionSections } from '../services/assessments/load.ts';
import { computeResults } from '../services/assessments/scoring.ts';

/**
 * The demo's assessments, for the demo seed to call after its teams exist: the built-in library,
 * two drivers reviews by a school team a semester apart with items that moved, a capacity review by
 * the district team (low enough to need an action plan), and one person's practice self-review at
 * "getting started". Written straight to the tables as closed administrations; running it again
 * adds nothing (an administration of the same instrument, team or person and day is kept).
 */
export interface AssessmentDemoInput {
  schoolTeam: { id: string; orgUnitId: string };
  districtTeam: { id: string; orgUnitId: string };
  facilitatorPersonId: string;
  noteTakerPersonId: string;
  votingPersonIds: string[];
  /** A building administrator who attends the school team's reviews (does not vote). */
  administratorPersonId?: string | null;
  initiativeId?: string | null;
  /** The person who reviews the practice alone, and where. */
  soloPersonId: string;
  soloOrgUnitId: string;
  /** Fall and spring days of the drivers reviews (the capacity review is on the fall day). */
  fallOn: string;
  springOn: string;
}

interface Planned {
  key: string;
  teamId: string | null;
  soloPersonId: string | null;
  orgUnitId: string;
  heldOn: string;
  title: string;
  /** The consensus score of the item at this index, across the version's items in order. */
  value: (index: number) => number;
  attendees: { personId: string; role: string }[];
}

export async function installAssessmentDemo(tx: Executor, districtId: string, input: AssessmentDemoInput) {
  const { instrumentIds } = await installAssessmentLibrary(tx, districtId);
  const team = [
    { personId: input.facilitatorPersonId, role: 'facilitator' },
    { personId: input.noteTakerPersonId, role: 'note_taker' },
    ...input.votingPersonIds.map((personId) => ({ personId, role: 'voting_member' })),
    ...(input.administratorPersonId ? [{ personId: input.administratorPersonId, role: 'administrator' }] : []),
  ];
  const fall = (i: number) => (i % 3 === 0 ? 1 : 0);
  const planned: Planned[] = [
    {
      key: 'trellis-drivers',
      teamId: input.schoolTeam.id,
      soloPersonId: null,
      orgUnitId: input.schoolTeam.orgUnitId,
      heldOn: input.fallOn,
      title: 'Fall drivers review',
      value: fall,
      attendees: team,
    },
    {
      key: 'trellis-drivers',
      teamId: input.schoolTeam.id,
      soloPersonId: null,
      orgUnitId: input.schoolTeam.orgUnitId,
      heldOn: input.springOn,
      title: 'Spring drivers review',
      value: (i) => Math.min(2, fall(i) + (i < 8 ? 1 : 0)),
      attendees: team,
    },
    {
      key: 'trellis-capacity',
      teamId: input.districtTeam.id,
      soloPersonId: null,
      orgUnitId: input.districtTeam.orgUnitId,
      heldOn: input.fallOn,
      title: 'District capacity review',
      value: (i) => (i % 4 === 0 ? 2 : i % 2),
      attendees: [{ personId: input.facilitatorPersonId, role: 'facilitator' }],
    },
    {
      key: 'trellis-practice-self',
      teamId: null,
      soloPersonId: input.soloPersonId,
      orgUnitId: input.soloOrgUnitId,
      heldOn: input.springOn,
      title: 'Coaching practice self-review',
      value: () => 3,
      attendees: [],
    },
  ];
  const administrationIds: string[] = [];
  for (const p of planned) {
    const instrumentId = instrumentIds[p.key]!;
    const [existing] = await tx
      .select({ id: assessmentAdministrations.id })
      .from(assessmentAdministrations)
      .where(
        and(
          eq(assessmentAdministrations.districtId, districtId),
          eq(assessmentAdministrations.instrumentId, instrumentId),
          eq(assessmentAdministrations.orgUnitId, p.orgUnitId),
          eq(assessmentAdministrations.heldOn, p.heldOn),
        ),
      );
    if (existing) {
      administrationIds.push(existing.id);
      continue;
    }
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
    const scores = new Map(items.map((item, i) => [item.id, p.value(i)]));
    const results = computeResults(sections, version!.scalePoints, scores);
    const [row] = await tx
      .insert(assessmentAdministrations)
      .values({
        districtId,
        instrumentId,
        versionId: version!.id,
        teamId: p.teamId,
        soloPersonId: p.soloPersonId,
        orgUnitId: p.orgUnitId,
        initiativeId: input.initiativeId ?? null,
        title: p.title,
        heldOn: p.heldOn,
        status: 'closed',
        closedAt: new Date(`${p.heldOn}T20:00:00Z`),
        results,
        totalPct: results.total.pct,
      })
      .returning({ id: assessmentAdministrations.id });
    if (p.attendees.length)
      await tx.insert(assessmentAttendees).values(p.attendees.map((a) => ({ districtId, administrationId: row!.id, ...a })));
    await tx.insert(assessmentScores).values(
      items.map((item, i) => ({
        districtId,
        administrationId: row!.id,
        itemId: item.id,
        value: p.value(i),
        note: i === 0 ? 'Agreed after discussion; see the meeting notes.' : '',
      })),
    );
    administrationIds.push(row!.id);
  }
  return { instrumentIds, administrationIds };
}
