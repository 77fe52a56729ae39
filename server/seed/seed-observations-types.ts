/**
 * The shapes the demo observation seed builds with: the district's people, schools, rubrics and
 * observation types as seed-observations.ts loads them, and the rows seed-observations-build.ts makes.
 */
import type {
  actionStepChecks,
  actionSteps,
  evidence,
  observationNotes,
  observationReplies,
  observationRevisions,
  observations,
  observationScores,
} from '../db/schema/index.ts';
import type { CLASS_LABELS } from './seed-observations-data.ts';

export interface DemoPerson {
  id: string;
  role: string;
  orgUnitId: string;
  name: string;
  userId: string | null;
}
export interface DemoSchool {
  id: string;
  index: number;
  level: keyof typeof CLASS_LABELS;
  leaders: DemoPerson[];
  coach: DemoPerson | null;
  observed: DemoPerson[];
}
export interface DemoRubric {
  rubricId: string;
  scaleId: string;
  criteria: { id: string; itemId: string; code: string }[];
}
export interface DemoLevel {
  id: string;
  levelScore: number;
  proficient: boolean;
}
export interface DemoType {
  id: string;
  kind: 'scored' | 'walkthrough';
  durationMinutes: number;
  lookFors: string[];
}
export interface DemoLibraryStep {
  id: string;
  code: string;
  itemId: string | null;
  title: string;
  practicePrompt: string;
}

export interface BuildContext {
  districtId: string;
  today: string;
  closed: ReadonlySet<string>;
  /** School days of the term so far (before today) and in the next two weeks. */
  pastDays: string[];
  nextDays: string[];
  now: Date;
  random: () => number;
  at: (day: string, hours: number, minutes?: number) => Date;
  rubricFor: (role: string) => DemoRubric | null;
  levelsOf: (scaleId: string) => DemoLevel[];
  types: { scored: DemoType; walkthrough: DemoType };
  library: DemoLibraryStep[];
  itemByCode: Map<string, string>;
  feedbackWithinSchoolDays: number;
  /** Coachees of each coach (person id -> coach). */
  coachOf: Map<string, DemoPerson>;
  special: { teacher: string; principal: string; coach: string };
}

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
export interface ObservationRows {
  observations: Insert<typeof observations>[];
  notes: Insert<typeof observationNotes>[];
  scores: Insert<typeof observationScores>[];
  revisions: Insert<typeof observationRevisions>[];
  replies: Insert<typeof observationReplies>[];
  actionSteps: Insert<typeof actionSteps>[];
  checks: Insert<typeof actionStepChecks>[];
  evidence: Insert<typeof evidence>[];
  /** Facts the seed's notifications and test use. */
  teacher: {
    published: { id: string; observer: DemoPerson; day: string }[];
    steps: { id: string; title: string; dueOn: string; author: DemoPerson }[];
  };
}
