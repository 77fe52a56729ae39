/**
 * The demo district's sample competency framework, written for Trellis (original text, not taken
 * from any published rubric): scales, the version documents and version 1 in full. Depth gives the
 * item type: domain, competency, indicator. Versions 2 and 3 are in seed-competency-data-versions.ts,
 * pathways in seed-competency-data-roles.ts, rubric wording in seed-competency-data-rubrics.ts.
 */

/** A performance scale: levels highest first. */
export interface ScaleSeed {
  name: string;
  description: string;
  isDefault: boolean;
  levels: { label: string; levelScore: number; proficient: boolean; description: string }[];
}

export const DEFAULT_SCALE: ScaleSeed = {
  name: 'Four-level performance scale',
  description: 'The scale every Sunshine rubric uses: the top two levels count as proficient.',
  isDefault: true,
  levels: [
    { label: 'Exemplifying', levelScore: 4, proficient: true, description: 'Strong, consistent practice that others can learn from.' },
    { label: 'Demonstrating', levelScore: 3, proficient: true, description: 'Solid, reliable practice: what the role expects.' },
    { label: 'Developing', levelScore: 2, proficient: false, description: 'Part of the practice is in place; growth is under way.' },
    { label: 'Needs improvement', levelScore: 1, proficient: false, description: 'The practice is mostly missing, even with support.' },
  ],
};

export const OTHER_SCALES: ScaleSeed[] = [
  {
    name: 'Five-point growth scale',
    description: 'A finer scale some teams use for training post-tests and self-assessments; the top three levels count as proficient.',
    isDefault: false,
    levels: [
      { label: 'Leading', levelScore: 5, proficient: true, description: 'Leads others in the practice.' },
      { label: 'Strong', levelScore: 4, proficient: true, description: 'Consistent and effective.' },
      { label: 'Solid', levelScore: 3, proficient: true, description: 'Meets the expectation most of the time.' },
      { label: 'Emerging', levelScore: 2, proficient: false, description: 'Beginning to show the practice.' },
      { label: 'Beginning', levelScore: 1, proficient: false, description: 'Not yet showing the practice.' },
    ],
  },
];

export const FRAMEWORK_TITLE = 'Sunshine Educator Competencies';

export const ITEM_TYPES = [
  { code: 'domain', title: 'Domain' },
  { code: 'competency', title: 'Competency' },
  { code: 'indicator', title: 'Indicator' },
];

/** One version's document fields. */
export interface VersionSeed {
  versionLabel: string;
  description: string;
  adoptionStatus: string;
  /** ISO date-time of publication; null for the draft. */
  publishedAt: string | null;
}

export const VERSIONS: [VersionSeed, VersionSeed, VersionSeed] = [
  {
    versionLabel: '2025-26',
    description: 'The first district-wide statement of what good practice looks like in every instructional and support role.',
    adoptionStatus: 'Deprecated',
    publishedAt: '2025-07-15T14:00:00Z',
  },
  {
    versionLabel: '2026-27',
    description:
      'Second edition, revised with the teacher design teams after a year of use: routines and learning time merged, checking for understanding split in two, family partnership added, record keeping folded into reliability.',
    adoptionStatus: 'Adopted',
    publishedAt: '2026-07-10T14:00:00Z',
  },
  {
    versionLabel: '2027-28',
    description: 'Draft for 2027-28, open to the design team for comments.',
    adoptionStatus: 'Private Draft',
    publishedAt: null,
  },
];

/** A version 1 item. `key` names a competency's rubric wording (seed-competency-data-rubrics.ts). */
export interface ItemSeed {
  code: string;
  /** Short title (CASE abbreviatedStatement); domains and competencies have one. */
  title?: string;
  statement: string;
  key?: string;
  children?: ItemSeed[];
}

export const V1_TREE: ItemSeed[] = [
  {
    code: '1',
    title: 'Learning Design',
    statement: 'Designing learning that starts from what students need to learn and what they already know.',
    children: [
      {
        code: '1a',
        title: 'Content knowledge for teaching',
        key: 'content',
        statement:
          'Knows the subject well enough to explain it several ways, connect it to what comes before and after, and foresee where students are likely to get stuck.',
        children: [
          { code: '1a.1', statement: 'Explains the key ideas of the unit accurately and can say why they matter.' },
          { code: '1a.2', statement: 'Connects new content to earlier grades and to what students will learn next.' },
          { code: '1a.3', statement: 'Names the errors and misconceptions students commonly bring to the topic.' },
        ],
      },
      {
        code: '1b',
        title: 'Unit and lesson design',
        key: 'design',
        statement:
          'Plans units and lessons around a clear learning goal, with tasks that build toward it and a planned way to see whether students reached it.',
        children: [
          {
            code: '1b.1',
            statement: 'Writes a learning goal that says what students will know or be able to do, in words students understand.',
          },
          { code: '1b.2', statement: 'Sequences tasks from guided to independent practice and leaves enough time for practice.' },
          { code: '1b.3', statement: 'Prepares questions, examples and materials in advance instead of improvising them.' },
        ],
      },
      {
        code: '1c',
        title: 'Planning from evidence of learning',
        key: 'evidence',
        statement:
          'Uses student work and assessment results to decide what to reteach, what to extend and which students need something different.',
        children: [
          { code: '1c.1', statement: 'Reviews student work from each lesson or unit and sorts it by what it shows.' },
          {
            code: '1c.2',
            statement: 'Changes upcoming plans because of what the evidence shows, not only because of the pacing calendar.',
          },
          { code: '1c.3', statement: 'Follows the progress of individual students and groups over time.' },
        ],
      },
      {
        code: '1d',
        title: 'Access for every learner',
        key: 'access',
        statement:
          'Adapts tasks, materials and supports so that every student, including multilingual learners and students with disabilities, can take part in grade-level work.',
        children: [
          { code: '1d.1', statement: "Knows each student's accommodations and language needs and plans for them." },
          {
            code: '1d.2',
            statement:
              'Offers supports such as visuals, sentence frames and chunked tasks that keep the goal demanding while making it reachable.',
          },
        ],
      },
    ],
  },
  {
    code: '2',
    title: 'Learning Community',
    statement: 'Building a classroom where every student feels safe and known and is expected to do serious work.',
    children: [
      {
        code: '2a',
        title: 'Relationships and belonging',
        key: 'relationships',
        statement:
          'Builds trusting, respectful relationships with the students, families and colleagues they serve, so that each person feels known and welcome.',
        children: [
          { code: '2a.1', statement: 'Knows the people they serve by name and learns what matters to them.' },
          { code: '2a.2', statement: 'Responds to conflict or harm promptly and repairs the relationship.' },
        ],
      },
      {
        code: '2b',
        title: 'Classroom routines',
        key: 'routines',
        statement: 'Teaches and reinforces routines so that transitions, materials and group work run smoothly.',
        children: [
          { code: '2b.1', statement: 'Teaches routines explicitly at the start of the year and revisits them when they slip.' },
          { code: '2b.2', statement: 'Keeps materials and space organized so that students find what they need without asking.' },
          { code: '2b.3', statement: 'Gives clear directions for group work, including what each role does.' },
        ],
      },
      {
        code: '2c',
        title: 'Use of learning time',
        key: 'time',
        statement: 'Protects learning time from the first minute of the period to the last.',
        children: [
          { code: '2c.1', statement: 'Starts learning within the first minutes with a task students can begin on their own.' },
          { code: '2c.2', statement: 'Keeps transitions short and predictable.' },
          { code: '2c.3', statement: 'Plans for early finishers so that no student waits with nothing to do.' },
        ],
      },
      {
        code: '2d',
        title: 'High expectations and student ownership',
        key: 'expectations',
        statement: 'Expects every student to do demanding work and helps students take responsibility for their own learning and behavior.',
        children: [
          { code: '2d.1', statement: 'Shows through words and actions a belief that every student can reach a high bar.' },
          { code: '2d.2', statement: 'Gives students chances to set goals, follow their own progress and reflect on it.' },
          {
            code: '2d.3',
            statement: 'Redirects off-task behavior calmly, privately when possible, and brings the focus back to learning.',
          },
        ],
      },
    ],
  },
  {
    code: '3',
    title: 'Instruction and Feedback',
    statement: 'Teaching so that students think hard about the content, and knowing during the lesson whether they are learning it.',
    children: [
      {
        code: '3a',
        title: 'Clear purpose and explanation',
        key: 'purpose',
        statement: 'Makes the purpose of each lesson clear and explains and models new content accurately and concisely.',
        children: [
          { code: '3a.1', statement: 'Tells students what they are learning and why, and comes back to it at the end of the lesson.' },
          { code: '3a.2', statement: 'Models new skills step by step, thinking aloud about the choices an expert makes.' },
        ],
      },
      {
        code: '3b',
        title: 'Discussion and student thinking',
        key: 'discussion',
        statement: 'Asks questions and structures discussion so that students, not only the teacher, do the reasoning.',
        children: [
          { code: '3b.1', statement: 'Asks questions that call for explanation or justification, not only recall.' },
          {
            code: '3b.2',
            statement:
              'Gives thinking time and uses structures such as partner talk, cold call and written responses so that every student answers.',
          },
          { code: '3b.3', statement: "Has students build on, question or challenge each other's ideas." },
        ],
      },
      {
        code: '3c',
        title: 'Checking for understanding and responding',
        key: 'checking',
        statement: 'Finds out during the lesson what students understand and changes course when they do not.',
        children: [
          { code: '3c.1', statement: 'Checks the understanding of every student, not only volunteers, at key points of the lesson.' },
          {
            code: '3c.2',
            statement:
              'Uses quick checks such as mini whiteboards, exit tickets and hinge questions that are designed to reveal misconceptions.',
          },
          { code: '3c.3', statement: 'Reteaches, regroups or changes the pace when a check shows students are not ready to move on.' },
          { code: '3c.4', statement: 'Tackles misconceptions directly instead of repeating the same explanation.' },
        ],
      },
      {
        code: '3d',
        title: 'Feedback to students',
        key: 'feedback',
        statement: 'Gives students timely, specific feedback they can act on, and time to act on it.',
        children: [
          { code: '3d.1', statement: 'Names what the student did well and one next step.' },
          { code: '3d.2', statement: 'Builds time into lessons for students to revise their work after feedback.' },
        ],
      },
    ],
  },
  {
    code: '4',
    title: 'Professional Practice and Leadership',
    statement:
      'Growing as a professional, working well with others and, with more responsibility, helping others grow and improving how the organization works.',
    children: [
      {
        code: '4a',
        title: 'Reflection and growth',
        key: 'reflection',
        statement: 'Seeks feedback, reflects honestly on results and acts on what they learn.',
        children: [
          { code: '4a.1', statement: 'Asks for feedback and receives it without defensiveness.' },
          { code: '4a.2', statement: 'Sets professional goals from evidence of results and follows up on them.' },
          { code: '4a.3', statement: 'Tries new approaches and judges them by their effect on the people served.' },
        ],
      },
      {
        code: '4b',
        title: 'Collaboration and communication',
        key: 'collaboration',
        statement: 'Works as a dependable member of a team and communicates clearly, respectfully and on time.',
        children: [
          { code: '4b.1', statement: 'Comes to team meetings prepared and contributes to shared decisions.' },
          { code: '4b.2', statement: 'Raises disagreements directly and respectfully with the person concerned.' },
        ],
      },
      {
        code: '4c',
        title: 'Reliability and follow-through',
        key: 'reliability',
        statement: 'Does what they say they will do, meets deadlines and owns the results of their work.',
        children: [
          { code: '4c.1', statement: 'Meets deadlines, or warns early when a deadline cannot be met.' },
          { code: '4c.2', statement: 'Owns mistakes and puts them right.' },
        ],
      },
      {
        code: '4d',
        title: 'Developing others',
        key: 'developing',
        statement: 'Helps colleagues improve through modeling, observation, feedback and coaching.',
        children: [
          { code: '4d.1', statement: 'Opens their own practice for colleagues to observe and discuss.' },
          { code: '4d.2', statement: 'Gives colleagues specific, evidence-based feedback and follows up on it.' },
          { code: '4d.3', statement: "Matches the support they give to each colleague's experience and goals." },
        ],
      },
      {
        code: '4e',
        title: 'Leading improvement',
        key: 'improvement',
        statement: 'Finds problems worth solving, tests changes and spreads what works.',
        children: [
          { code: '4e.1', statement: 'Uses data to find a problem that matters to students or staff.' },
          { code: '4e.2', statement: 'Tries a change on a small scale, measures its effect and decides whether to keep it.' },
          { code: '4e.3', statement: 'Brings others along by explaining the reason for a change and listening to concerns.' },
        ],
      },
      {
        code: '4f',
        title: 'Record keeping and compliance',
        key: 'records',
        statement: 'Keeps attendance, grades and required records accurate and on time, and follows district procedures.',
        children: [
          { code: '4f.1', statement: 'Keeps attendance, grades and required records accurate and up to date.' },
          { code: '4f.2', statement: 'Follows district procedures for reporting, safety and confidentiality.' },
        ],
      },
    ],
  },
];
