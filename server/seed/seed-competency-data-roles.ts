/**
 * The demo district's career pathways, the competencies each step is held to, and the design
 * team's comments on the version 3 draft. Original text written for Trellis.
 */
import type { EquivalenceDimension, PathwayCategory } from '../../common/competency.ts';
import type { StaffRole } from '../../common/roles.ts';

export type StepKey =
  | 'instructional_assistant'
  | 'apprentice_teacher'
  | 'teacher'
  | 'teacher_leader'
  | 'assistant_principal'
  | 'principal'
  | 'hr_specialist'
  | 'hr_manager';

export interface StepSeed {
  key: StepKey;
  title: string;
  staffRole: StaffRole;
  responsibilityLevel: number;
  summary: string;
  responsibilities: string[];
  minYearsExperience: number;
  credentials: string[];
  evidence: string[];
  payBandMinUsd: number;
  payBandMaxUsd: number;
}

export interface PathwaySeed {
  name: string;
  category: PathwayCategory;
  function: string | null;
  description: string;
  steps: StepSeed[];
}

export const PATHWAYS: PathwaySeed[] = [
  {
    name: 'Instructional',
    category: 'instructional',
    function: null,
    description: 'From supporting a classroom to leading a team of teachers, without leaving teaching.',
    steps: [
      {
        key: 'instructional_assistant',
        title: 'Instructional assistant',
        staffRole: 'instructional_assistant',
        responsibilityLevel: 1,
        summary: "Supports students in small groups and one to one, following the lead teacher's plan.",
        responsibilities: [
          'Leads small-group practice and reading groups planned by the lead teacher',
          'Reinforces classroom routines and helps students with accommodations take part',
          'Records quick checks of student progress and shares them with the lead teacher',
        ],
        minYearsExperience: 0,
        credentials: ['High school diploma or equivalent', 'Associate degree, 48 college credits or a passed paraprofessional assessment'],
        evidence: ['Background check cleared'],
        payBandMinUsd: 30000,
        payBandMaxUsd: 39000,
      },
      {
        key: 'apprentice_teacher',
        title: 'Apprentice teacher',
        staffRole: 'apprentice_teacher',
        responsibilityLevel: 2,
        summary: 'Teaches alongside a mentor teacher for a year, taking on more of the planning and teaching each term.',
        responsibilities: [
          'Co-plans units with the mentor teacher and leads a growing share of lessons',
          'Takes part in weekly observation and feedback with the mentor teacher',
          'Completes the coursework of an approved teacher preparation program',
        ],
        minYearsExperience: 0,
        credentials: ["Bachelor's degree", 'Temporary teaching certificate or enrollment in an approved preparation program'],
        evidence: ['Interview and sample lesson'],
        payBandMinUsd: 47000,
        payBandMaxUsd: 53000,
      },
      {
        key: 'teacher',
        title: 'Teacher',
        staffRole: 'teacher',
        responsibilityLevel: 3,
        summary: 'Plans and teaches their own classes and is accountable for the learning of their students.',
        responsibilities: [
          'Plans and teaches units aligned to district standards',
          'Uses student work and assessments to adjust instruction',
          'Partners with families and with the grade-level or subject team',
        ],
        minYearsExperience: 1,
        credentials: ["Bachelor's degree", 'Professional teaching certificate in the subject or grade band'],
        evidence: ['Apprenticeship completed at Demonstrating or above on most apprentice teacher competencies'],
        payBandMinUsd: 52000,
        payBandMaxUsd: 78000,
      },
      {
        key: 'teacher_leader',
        title: 'Teacher leader',
        staffRole: 'team_lead',
        responsibilityLevel: 4,
        summary: 'Keeps a teaching load while leading a grade-level or subject team and coaching its teachers.',
        responsibilities: [
          "Leads the team's planning and student-work meetings",
          'Observes teammates and gives feedback on a regular cycle',
          'Mentors apprentice teachers placed on the team',
          'Leads one improvement project a year with the school leadership team',
        ],
        minYearsExperience: 4,
        credentials: ['Professional teaching certificate', 'District coaching and mentoring course'],
        evidence: [
          'Two years at Demonstrating or above on the teacher rubric',
          "Principal's recommendation",
          'A recorded feedback conversation with a colleague',
        ],
        payBandMinUsd: 72000,
        payBandMaxUsd: 90000,
      },
    ],
  },
  {
    name: 'School leadership',
    category: 'leadership',
    function: null,
    description: 'Leading the adults in a school so that every classroom improves.',
    steps: [
      {
        key: 'assistant_principal',
        title: 'Assistant principal',
        staffRole: 'assistant_principal',
        responsibilityLevel: 4,
        summary: "Supervises and coaches a group of teachers and runs part of the school's operations.",
        responsibilities: [
          'Observes and coaches the teachers of assigned grades or departments',
          'Leads student support, attendance and behavior systems',
          'Runs data meetings with teacher leaders',
        ],
        minYearsExperience: 5,
        credentials: ["Master's degree", 'Educational leadership certification'],
        evidence: ['Led a team or a school-wide project', 'Leadership interview and performance task'],
        payBandMinUsd: 78000,
        payBandMaxUsd: 98000,
      },
      {
        key: 'principal',
        title: 'Principal',
        staffRole: 'principal',
        responsibilityLevel: 5,
        summary: 'Leads the school: its vision, its staff, its results and its place in the community.',
        responsibilities: [
          'Sets school priorities and the improvement plan with the leadership team',
          'Hires, develops and evaluates staff',
          'Manages the school budget and operations',
          'Builds partnerships with families and the community',
        ],
        minYearsExperience: 8,
        credentials: ["Master's degree", 'School principal certification'],
        evidence: [
          'Two years as an assistant principal at Demonstrating or above',
          'School improvement plan presentation to a district panel',
        ],
        payBandMinUsd: 98000,
        payBandMaxUsd: 128000,
      },
    ],
  },
  {
    name: 'Human resources',
    category: 'central_office',
    function: 'human_resources',
    description: 'Central-office careers that recruit, support and retain the people who serve students.',
    steps: [
      {
        key: 'hr_specialist',
        title: 'HR specialist',
        staffRole: 'hr_specialist',
        responsibilityLevel: 2,
        summary: 'Handles hiring, onboarding, leave and employee questions for a group of schools.',
        responsibilities: [
          'Moves candidates through hiring and onboarding for assigned schools',
          'Answers staff questions on pay, benefits and leave',
          'Keeps personnel records accurate and confidential',
        ],
        minYearsExperience: 1,
        credentials: ["Bachelor's degree or equivalent experience"],
        evidence: ['Scenario exercise on a leave or onboarding case'],
        payBandMinUsd: 48000,
        payBandMaxUsd: 64000,
      },
      {
        key: 'hr_manager',
        title: 'HR manager',
        staffRole: 'central_office_staff',
        responsibilityLevel: 4,
        summary: 'Leads a team of HR specialists and the processes schools rely on to hire and keep staff.',
        responsibilities: [
          'Supervises and develops HR specialists',
          'Owns the hiring calendar and staffing reports for principals',
          'Improves HR processes using data on vacancies and retention',
        ],
        minYearsExperience: 5,
        credentials: ["Bachelor's degree", 'SHRM-CP, SHRM-SCP or PHR certification'],
        evidence: ['Led a district hiring or onboarding cycle', 'Supervised or trained other staff'],
        payBandMinUsd: 76000,
        payBandMaxUsd: 96000,
      },
    ],
  },
];

export const EQUIVALENCES: { a: StepKey; b: StepKey; dimensions: EquivalenceDimension[]; notes: string }[] = [
  {
    a: 'teacher_leader',
    b: 'assistant_principal',
    dimensions: ['skills', 'responsibility', 'pay'],
    notes: 'Both coach teachers and lead improvement work; a teacher leader does it while keeping a teaching load.',
  },
  {
    a: 'hr_manager',
    b: 'assistant_principal',
    dimensions: ['responsibility', 'pay'],
    notes: 'Both supervise staff and run systems other people depend on.',
  },
];

/**
 * The competencies (rubric keys, see seed-competency-data-rubrics.ts) each step is held to, per
 * published version; the version 3 draft copies version 2. Higher steps are held to more.
 */
export const ROLE_COMPETENCIES: Record<'v1' | 'v2', Record<StepKey, string[]>> = {
  v1: {
    instructional_assistant: ['access', 'relationships', 'routines', 'checking', 'reflection', 'collaboration'],
    apprentice_teacher: ['design', 'relationships', 'routines', 'time', 'purpose', 'checking', 'reflection'],
    teacher: ['content', 'design', 'evidence', 'relationships', 'expectations', 'discussion', 'checking', 'feedback'],
    teacher_leader: [
      'design',
      'evidence',
      'expectations',
      'discussion',
      'checking',
      'feedback',
      'reflection',
      'collaboration',
      'developing',
      'improvement',
    ],
    assistant_principal: ['evidence', 'routines', 'checking', 'feedback', 'collaboration', 'reliability', 'developing', 'improvement'],
    principal: [
      'evidence',
      'access',
      'relationships',
      'expectations',
      'discussion',
      'collaboration',
      'reliability',
      'developing',
      'improvement',
    ],
    hr_specialist: ['relationships', 'reflection', 'collaboration', 'reliability', 'improvement', 'records'],
    hr_manager: ['relationships', 'reflection', 'collaboration', 'reliability', 'developing', 'improvement', 'records'],
  },
  v2: {
    instructional_assistant: ['access', 'relationships', 'routinesTime', 'checks', 'reflection', 'collaboration'],
    apprentice_teacher: ['design', 'relationships', 'routinesTime', 'purpose', 'checks', 'responding', 'reflection'],
    teacher: ['content', 'design', 'evidence', 'relationships', 'expectations', 'families', 'discussion', 'checks', 'feedback'],
    teacher_leader: [
      'evidence',
      'expectations',
      'families',
      'discussion',
      'responding',
      'feedback',
      'reflection',
      'collaboration',
      'developing',
      'improvement',
    ],
    assistant_principal: [
      'evidence',
      'routinesTime',
      'checks',
      'feedback',
      'collaboration',
      'reliabilityRecords',
      'developing',
      'improvement',
    ],
    principal: [
      'evidence',
      'access',
      'relationships',
      'expectations',
      'families',
      'collaboration',
      'reliabilityRecords',
      'developing',
      'improvement',
    ],
    hr_specialist: ['relationships', 'reflection', 'collaboration', 'reliabilityRecords', 'developing', 'improvement'],
    hr_manager: ['relationships', 'reflection', 'collaboration', 'reliabilityRecords', 'developing', 'improvement'],
  },
};

/** Level positions of the default scale: 0 Exemplifying ... 3 Needs improvement. */
export type LevelPosition = 0 | 1 | 2 | 3;

/** A design-team comment on the version 3 draft: on an item (by code) or on one rubric descriptor. */
export interface CommentSeed {
  /** Index into the design team (0 is the demo teacher). */
  author: 0 | 1 | 2;
  on: { item: string } | { step: StepKey; competency: string; level: LevelPosition };
  body: string;
  createdAt: string;
  /** When HR resolved it; open when absent. */
  resolvedAt?: string;
}

export const DESIGN_TEAM_INVITED_AT = '2026-10-05T15:00:00Z';

export const COMMENTS: CommentSeed[] = [
  {
    author: 0,
    on: { item: '1b.2' },
    body: 'People in our grade-level meetings read "enough time for practice" very differently. Could the indicator say what enough looks like, for example every student trying the task alone at least once?',
    createdAt: '2026-10-14T20:10:00Z',
    resolvedAt: '2026-10-21T16:30:00Z',
  },
  {
    author: 1,
    on: { step: 'apprentice_teacher', competency: 'purpose', level: 1 },
    body: 'Does "using the mentor teacher\'s feedback" mean the apprentice still plans with the mentor? Ours plan alone by spring, and the Demonstrating level could say so.',
    createdAt: '2026-10-16T19:45:00Z',
  },
  {
    author: 2,
    on: { step: 'teacher_leader', competency: 'developing', level: 0 },
    body: "The top level sounds like an instructional coach's job. Teacher leaders have one shared planning period for this; could it be about their own team rather than every colleague?",
    createdAt: '2026-10-17T14:05:00Z',
    resolvedAt: '2026-10-24T15:00:00Z',
  },
  {
    author: 0,
    on: { item: '2d' },
    body: 'Many Palm Grove families prefer Spanish, Haitian Creole or Vietnamese. Could one indicator be about reaching families in the language they use at home?',
    createdAt: '2026-10-20T21:30:00Z',
  },
  {
    author: 1,
    on: { item: '3d' },
    body: "Glad this is its own competency now. Could an indicator cover planned reteaching in the next day's lesson, not only what happens in the moment?",
    createdAt: '2026-10-22T18:00:00Z',
    resolvedAt: '2026-10-29T17:20:00Z',
  },
  {
    author: 2,
    on: { step: 'teacher', competency: 'checks', level: 3 },
    body: '"Without checking" is hard to use in a feedback conversation. Could the Needs improvement level name what an observer would actually see?',
    createdAt: '2026-10-23T13:40:00Z',
    resolvedAt: '2026-10-30T16:10:00Z',
  },
  {
    author: 2,
    on: { item: '4e' },
    body: 'Some teacher leaders lead a grade team and others a whole department. The indicators read like a school-wide role; is that the intent for teacher leaders?',
    createdAt: '2026-11-04T19:15:00Z',
  },
];
