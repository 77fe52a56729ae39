/**
 * Rubric wording for the demo roles, written for Trellis. Each descriptor is one role's template
 * for a level filled with one competency's phrases, so "Developing" means something different for
 * an apprentice teacher (part of the practice, improving with the mentor) than for a teacher leader
 * (solid in their own classroom, not yet leading the team in it).
 *
 * Phrases are written about the person without a subject ("plans lessons ..."):
 * - does: the practice done well; extends: what the best add; partly: the practice half in place;
 * - rarely: what is seen when it is missing (read after "Often"); focus: a noun phrase for leaders.
 * Templates use {does}, {extends}, {partly}, {rarely}, {focus}; a capital ({Partly}) capitalizes.
 */
import type { LevelPosition, StepKey } from './seed-competency-data-roles.ts';

export interface CompetencyPhrases {
  /** classroom practice (leaders oversee it) or professional practice (everyone does it). */
  kind: 'classroom' | 'professional';
  does: string;
  extends: string;
  partly: string;
  rarely: string;
  focus: string;
}

export const PHRASES: Record<string, CompetencyPhrases> = {
  content: {
    kind: 'classroom',
    does: 'explains the content accurately, connects it to earlier and later learning, and anticipates where students will struggle',
    extends: 'chooses examples and representations that make hard ideas click for students who missed them the first time',
    partly: 'explains the content accurately, but connections to other learning and likely misconceptions are not yet part of the plan',
    rarely: 'makes content errors or explains ideas in only one way',
    focus: 'accurate, well-connected explanations of content',
  },
  design: {
    kind: 'classroom',
    does: 'plans lessons around a clear learning goal, with tasks that build toward it and a planned check of whether students reached it',
    extends: 'designs whole units so that each lesson builds on the last',
    partly: 'plans lessons with a goal and activities, but the tasks do not always build toward the goal or end with a check',
    rarely: 'teaches without a plan that says what students should learn',
    focus: 'lessons built around a clear goal and a planned check of learning',
  },
  evidence: {
    kind: 'classroom',
    does: 'looks at student work after each lesson or unit and uses it to decide what to reteach, extend or differentiate',
    extends: 'follows the progress of each student and group over time and can say who is behind and why',
    partly: 'collects student work and assessment results but seldom changes upcoming plans because of them',
    rarely: 'moves on according to the pacing calendar, whatever the evidence shows',
    focus: 'planning that responds to student work and assessment results',
  },
  access: {
    kind: 'classroom',
    does: 'adapts tasks, materials and supports so that every student, including multilingual learners and students with disabilities, works on grade-level goals',
    extends: 'builds supports in from the start, so that students rarely wait for help',
    partly: 'provides required accommodations, but supports come late or lower the goal for some students',
    rarely: 'gives every student the same task and support, whatever their needs',
    focus: 'grade-level work that every student can reach',
  },
  relationships: {
    kind: 'professional',
    does: 'builds trusting, respectful relationships with the people they serve and makes each person feel known',
    extends: 'notices when someone is struggling or left out and acts on it',
    partly: 'is respectful and friendly, but knows some of the people they serve much better than others',
    rarely: 'keeps a distance from the people they serve or brushes off their concerns',
    focus: 'trusting relationships with every student',
  },
  routines: {
    kind: 'classroom',
    does: 'teaches and reinforces routines so that transitions, materials and group work run smoothly',
    extends: 'has students run the routines themselves',
    partly: 'has routines in place, but they break down at transitions or during group work',
    rarely: 'runs the class without clear routines, so time is lost to confusion',
    focus: 'clear routines for transitions, materials and group work',
  },
  time: {
    kind: 'classroom',
    does: 'starts learning in the first minutes of the period and keeps it going to the last',
    extends: 'plans for early finishers so that no student waits with nothing to do',
    partly: 'starts and ends most lessons on time, but loses minutes during transitions and waits',
    rarely: 'loses a large share of the period to late starts, waits and early stops',
    focus: 'learning that runs from the first minute to the last',
  },
  routinesTime: {
    kind: 'classroom',
    does: 'teaches and reinforces routines that keep transitions short, materials ready and learning going from the first minute to the last',
    extends: 'has students run the routines themselves, so that little time is ever lost',
    partly: 'has routines in place, but minutes are lost at the start, at transitions or during group work',
    rarely: 'runs the class without clear routines and loses a large share of the period',
    focus: 'routines that protect learning time',
  },
  expectations: {
    kind: 'classroom',
    does: 'expects every student to do demanding work and helps students take charge of their own learning and behavior',
    extends: 'has students set goals, follow their own progress and hold each other to a high bar',
    partly: 'sets high expectations for most students, but accepts less from some or takes over when the work gets hard',
    rarely: 'lowers the bar for some students or lets off-task behavior go unaddressed',
    focus: 'demanding work and student ownership of learning',
  },
  families: {
    kind: 'classroom',
    does: "keeps families informed about their child's learning and invites them in as partners",
    extends: 'reaches every family in the language they prefer, including families the school rarely hears from',
    partly: 'contacts families when there is a problem, but seldom shares progress or ways to help at home',
    rarely: 'has little contact with families beyond required reports',
    focus: 'regular, two-way communication with families',
  },
  purpose: {
    kind: 'classroom',
    does: 'makes the purpose of each lesson clear and explains and models new content accurately and concisely',
    extends: 'thinks aloud while modeling so that students see how an expert makes decisions',
    partly: 'states the lesson goal, but explanations run long or skip steps students need',
    rarely: 'teaches without making the purpose of the lesson clear to students',
    focus: 'a clear lesson purpose and concise, accurate modeling',
  },
  discussion: {
    kind: 'classroom',
    does: 'asks questions and structures discussion so that students do most of the reasoning and every student takes part',
    extends: "has students build on, question and challenge each other's ideas without being prompted",
    partly: 'asks some questions that require reasoning, but a few students do most of the talking',
    rarely: 'asks only recall questions and answers them when students hesitate',
    focus: 'discussion in which students do the reasoning',
  },
  checking: {
    kind: 'classroom',
    does: 'checks the understanding of every student at key points of the lesson and changes course when they are not ready to move on',
    extends: 'designs checks that reveal specific misconceptions and deals with them on the spot',
    partly: 'checks understanding, but mostly with volunteers, or moves on even when the check shows gaps',
    rarely: 'moves through the lesson without checking whether students understand',
    focus: 'checks for understanding that change what happens next',
  },
  checks: {
    kind: 'classroom',
    does: 'checks the understanding of every student, not only volunteers, at key points of the lesson',
    extends: 'designs quick checks that show exactly which misconception a student holds',
    partly: 'checks understanding, but mostly by asking the class or a few volunteers',
    rarely: 'moves through the lesson without checking whether students understand',
    focus: "frequent checks of every student's understanding",
  },
  responding: {
    kind: 'classroom',
    does: 'reteaches, regroups or changes the pace when a check shows students are not ready, and tackles misconceptions directly',
    extends: 'plans likely responses in advance, so that changing course takes seconds rather than minutes',
    partly: 'notices when students are not ready, but usually repeats the same explanation or moves on',
    rarely: 'keeps to the plan even when students are clearly lost',
    focus: 'responding in the moment when students are not ready to move on',
  },
  feedback: {
    kind: 'classroom',
    does: 'gives students timely, specific feedback they can act on, and time in class to act on it',
    extends: 'teaches students to give each other useful feedback against clear criteria',
    partly: 'gives feedback, but it is general, late or not followed by a chance to improve the work',
    rarely: 'returns work with a grade and little or no feedback',
    focus: 'specific feedback that students act on',
  },
  reflection: {
    kind: 'professional',
    does: 'seeks feedback, reflects honestly on results and acts on what they learn',
    extends: 'sets their own growth goals from evidence and shares what they learned with colleagues',
    partly: 'accepts feedback when it is offered, but acts on it unevenly',
    rarely: 'resists feedback or repeats the same approach when it is not working',
    focus: 'a habit of feedback and reflection',
  },
  collaboration: {
    kind: 'professional',
    does: 'comes to shared work prepared, communicates clearly and on time, and raises disagreements directly and respectfully',
    extends: 'helps the group reach decisions and makes sure every voice is heard',
    partly: 'cooperates with colleagues, but is sometimes unprepared or slow to respond',
    rarely: 'works in isolation, misses shared commitments or communicates in ways that damage trust',
    focus: 'teamwork and clear communication',
  },
  reliability: {
    kind: 'professional',
    does: 'does what they say they will do, meets deadlines and owns the results of their work',
    extends: 'anticipates problems and deals with them before they affect others',
    partly: 'meets most commitments, but deadlines slip without warning from time to time',
    rarely: 'misses deadlines and commitments, so others have to fill the gap',
    focus: 'dependable follow-through',
  },
  reliabilityRecords: {
    kind: 'professional',
    does: 'does what they say they will do, meets deadlines, keeps accurate records and owns the results of their work',
    extends: 'anticipates problems and deals with them before they affect others',
    partly: 'meets most commitments, but deadlines or records slip without warning from time to time',
    rarely: 'misses deadlines and leaves records incomplete, so others have to fill the gap',
    focus: 'dependable follow-through and accurate records',
  },
  developing: {
    kind: 'professional',
    does: 'helps colleagues improve through modeling, observation, specific feedback and follow-up',
    extends: "matches the support to each colleague's experience and goals and can show the growth it produced",
    partly: 'shares ideas and materials with colleagues, but seldom observes, gives feedback or follows up',
    rarely: "keeps their practice to themselves and stays out of colleagues' growth",
    focus: 'colleagues helping each other improve',
  },
  improvement: {
    kind: 'professional',
    does: 'uses data to find problems worth solving, tests changes on a small scale and spreads what works',
    extends: 'brings others into the work, explaining the reasons for a change and acting on their concerns',
    partly: 'spots problems and suggests changes, but seldom tests them or measures their effect',
    rarely: 'leaves problems for others to raise and solve',
    focus: 'improvement based on evidence',
  },
  records: {
    kind: 'professional',
    does: 'keeps attendance, grades and required records accurate and on time and follows district procedures',
    extends: 'spots errors in shared records and gets them corrected',
    partly: 'keeps most records up to date, but needs reminders before deadlines',
    rarely: 'leaves required records late, incomplete or inaccurate',
    focus: 'accurate, timely records',
  },
};

/** Four templates, highest level first (positions of the default scale). */
export type LevelTemplates = [string, string, string, string];

/** How a role is held to classroom competencies: doing them, or (leaders) making them happen in others' classrooms. */
export const CLASSROOM_TEMPLATES: Partial<Record<StepKey, LevelTemplates>> = {
  instructional_assistant: [
    'In the small groups and tasks they support, {does}. Beyond that, {extends}. The lead teacher can hand them a group with confidence.',
    "In the small groups and tasks they support, {does}, following the lead teacher's plan.",
    '{Partly}; improves when the lead teacher models the practice or gives direct feedback.',
    "Often {rarely}, even with the lead teacher's direction.",
  ],
  apprentice_teacher: [
    'In their own teaching, already {does}. Beyond that, {extends}. This is well ahead of what an apprenticeship expects.',
    "In their own teaching, {does}, using the mentor teacher's feedback to stay on track.",
    "{Partly}. With the mentor teacher's guidance it is improving, as expected early in an apprenticeship.",
    "Even with the mentor teacher's guidance, often {rarely}, and does not yet act on feedback about it.",
  ],
  teacher: [
    'In every class and without prompting, {does}. Beyond that, {extends}.',
    'In their own classes, consistently {does}.',
    '{Partly}; improves with feedback from a coach or school leader but does not yet sustain it alone.',
    'Often {rarely}, even after feedback and support.',
  ],
  teacher_leader: [
    'Is a model for the team: {does}. Beyond that, {extends}. Coaches teammates until they can do the same.',
    'In their own classroom, {does}. Helps teammates strengthen {focus} through co-planning and feedback.',
    'In their own classroom, {does}, but does not yet help teammates with {focus}.',
    'Does not yet model this for the team; in their own classroom, still often {rarely}.',
  ],
  assistant_principal: [
    'Makes {focus} a coaching priority for the teachers they supervise, tracks progress through regular walkthroughs, and shares what works with other leaders.',
    'Looks for {focus} in walkthroughs and gives teachers specific, timely feedback on it.',
    'Notices gaps in {focus} during walkthroughs, but feedback to teachers is general or not followed up.',
    'Rarely looks for {focus} or gives teachers feedback on it.',
  ],
  principal: [
    'Has built school-wide systems (hiring, coaching, professional learning) that make {focus} the norm in every classroom, and keeps them working as staff change.',
    'Sets clear school-wide expectations for {focus} and makes sure leaders and coaches support every teacher in meeting them.',
    'Has named {focus} as a priority, but expectations, coaching or follow-up are not yet consistent across the school.',
    'Has not set expectations for {focus}, or leaves it to each teacher.',
  ],
};

/** How every role is held to professional competencies, at the scope of the role. */
export const PROFESSIONAL_TEMPLATES: Record<StepKey, LevelTemplates> = {
  instructional_assistant: [
    'In their work with students and the classroom team, {does}. Beyond that, {extends}. Other assistants look to them as an example.',
    'In their work with students and the classroom team, {does}.',
    '{Partly}; improves with direction from the lead teacher.',
    'Often {rarely}, even with direction from the lead teacher.',
  ],
  apprentice_teacher: [
    'As a member of their grade-level team, {does}. Beyond that, {extends}. Takes on more than an apprentice is asked to.',
    'As a member of their grade-level team, {does}, with support from the mentor teacher.',
    "{Partly}. With the mentor teacher's guidance it is improving, as expected early in an apprenticeship.",
    "Even with the mentor teacher's guidance, often {rarely}.",
  ],
  teacher: [
    'As a member of the school staff, {does}. Beyond that, {extends}. Colleagues see them as an example.',
    'As a member of the school staff, consistently {does}.',
    '{Partly}; needs prompting from a coach or leader to follow through.',
    'Often {rarely}, even after feedback and support.',
  ],
  teacher_leader: [
    'As leader of their team, {does}. Beyond that, {extends}. Has built the same habit across the team.',
    'As leader of their team, {does}. Sets the expectation that teammates do the same.',
    'In their own work, {does}, but does not yet set the tone for the team.',
    'Does not yet model this for the team, and often {rarely}.',
  ],
  assistant_principal: [
    'As a member of the school leadership team, {does}. Beyond that, {extends}. Has built the practice into how the leadership team works.',
    'As a member of the school leadership team, {does}. Holds the staff they supervise to the same standard.',
    '{Partly}; the staff they supervise notice the inconsistency.',
    'Often {rarely}, which undermines what they ask of the staff they supervise.',
  ],
  principal: [
    "As the school's leader, {does}. Beyond that, {extends}. Has made the practice part of the school's culture.",
    "As the school's leader, {does}. Expects the same of every adult in the building.",
    '{Partly}; staff take their cue from this, and the practice is uneven across the school.',
    "Often {rarely}, and the school's culture reflects it.",
  ],
  hr_specialist: [
    'In the cases and requests they handle, {does}. Beyond that, {extends}. School staff ask for them by name.',
    'In the cases and requests they handle, {does}.',
    '{Partly}; relies on their manager to catch what slips.',
    "Often {rarely}, even with their manager's support.",
  ],
  hr_manager: [
    "Across the HR team and the schools it serves, {does}. Beyond that, {extends}. Has built the practice into the team's processes and training.",
    'Across the HR team and the schools it serves, {does}. Coaches HR specialists to do the same.',
    'In their own work, {does}, but does not yet build the practice across the HR team.',
    "Often {rarely}, and the HR team's work reflects it.",
  ],
};

/** Descriptors the design team rewrote in the version 3 draft (after the comments they resolved). */
export const V3_DESCRIPTOR_EDITS: { step: StepKey; competency: string; level: LevelPosition; text: string }[] = [
  {
    step: 'teacher_leader',
    competency: 'developing',
    level: 0,
    text: "As leader of their team, helps each teammate improve through modeling, observation, specific feedback and follow-up matched to the teammate's experience and goals; by the end of the year the team's practice has visibly grown.",
  },
  {
    step: 'teacher',
    competency: 'checks',
    level: 3,
    text: 'Teaches most lessons with no point at which an observer sees the teacher find out what students understand; questions go to volunteers, and the lesson moves on regardless of the answers.',
  },
];

/** A rubric's title and description for a step. */
export const rubricTitle = (stepTitle: string) => `${stepTitle} rubric`;
export const rubricDescription = (stepTitle: string, versionLabel: string) =>
  `${stepTitle}: what each competency looks like at each level of the scale (${versionLabel}).`;
