/**
 * Wording of the demo district's observations and coaching (original text written for Trellis):
 * notes, glows and grows per competency code of "Sunshine Educator Competencies" v2, the action-step
 * library, coaching goals and session notes. seed-observations.ts builds the rows.
 */

/** Per competency code: what an observer notes when the practice is strong and when it is not yet there, and a glow and a grow. */
export interface CompetencyWording {
  strong: string[];
  weak: string[];
  glow: string;
  grow: string;
}

// Demo prose stays one sentence list per line (Prettier would put one sentence per line).
// prettier-ignore
export const WORDING: Record<string, CompetencyWording> = {
  '1a': {
    strong: ['Explained equivalent fractions with an area model and then a number line when a student was stuck.', 'Connected today’s topic to last week’s unit without prompting: "Remember how we…"'],
    weak: ['Explanation of the key idea stayed procedural; no second representation offered when students were confused.', 'A student’s question about why the rule works was answered with "that’s just how it is".'],
    glow: 'You had more than one way to explain the big idea ready, and you used it the moment students needed it.',
    grow: 'Prepare a second representation of the key idea ahead of time so a confused student gets a new way in, not the same explanation again.',
  },
  '1b': {
    strong: ['Learning goal on the board and every task built toward it; exit ticket matched the goal.', 'Lesson moved from worked example to guided to independent practice in clear steps.'],
    weak: ['Two of the three tasks did not connect to the stated goal.', 'Independent practice started before most students had seen a worked example.'],
    glow: 'Each task in the lesson built toward the goal, so students could see where they were heading.',
    grow: 'Check each task against the learning goal while planning and cut the ones that do not move students toward it.',
  },
  '1c': {
    strong: ['Small groups formed from yesterday’s exit tickets; groups listed on the board.', 'Teacher referred to the unit pre-assessment when choosing which problems to reteach.'],
    weak: ['Every student did the same task although last week’s quiz showed three clear groups.', 'No sign that the last exit tickets were used to plan this lesson.'],
    glow: 'You grouped students from yesterday’s exit tickets, and each group worked on what it needed.',
    grow: 'Sort the last exit tickets into three piles before planning and decide what each pile needs next.',
  },
  '1d': {
    strong: ['Sentence frames and a word bank available at every table; two newcomers used them in pair talk.', 'Task had an entry point for every student without lowering the grade-level goal.'],
    weak: ['Students with IEP accommodations were given a different, easier worksheet instead of support on the grade-level task.', 'No visual or language support for multilingual learners during the long explanation.'],
    glow: 'Your sentence frames let every student join the discussion on the grade-level task.',
    grow: 'Plan one support (frame, visual, chunked text) that keeps every student on the grade-level task rather than a simpler one.',
  },
  '2a': {
    strong: ['Greeted students by name at the door; checked in quietly with a student who looked upset.', 'Students laughed with the teacher and with each other; corrections were calm and private.'],
    weak: ['Two students were corrected publicly in a sharp tone; the class went quiet.', 'Several students were not addressed by name during the period.'],
    glow: 'Students trust you: they asked for help openly and your corrections were calm and private.',
    grow: 'Make the first and last minute of the period personal: a greeting by name at the door and a goodbye that names something a student did well.',
  },
  '2b': {
    strong: ['Transition from carpet to tables took under a minute, materials already on desks.', 'Do-now on the board; students started without being told.'],
    weak: ['Transition to groups took about six minutes; materials were handed out after students sat down.', 'No routine for starting: first eight minutes spent on attendance and settling.'],
    glow: 'Your routines ran themselves: students knew where to go and what to do, and no learning time was lost.',
    grow: 'Script the one transition that costs the most time, teach it explicitly and practise it until it takes under a minute.',
  },
  '2c': {
    strong: ['Teacher asked a student to revise an answer rather than accepting "I don’t know".', 'Students tracked their own progress on the unit goals in their folders.'],
    weak: ['Accepted one-word answers; no follow-up asking students to explain.', 'The same three students answered most questions; others were not expected to.'],
    glow: 'You did not let "I don’t know" be the end of the answer; students worked to get there.',
    grow: 'When a student answers partially or says "I don’t know", come back to them after a peer answers and ask them to say it in their own words.',
  },
  '2d': {
    strong: ['Family newsletter on the wall shows this week’s learning and a question to ask at home.', 'Teacher mentioned calling a parent last week to share a student’s progress.'],
    weak: ['No sign of contact with families beyond report cards.', 'Homework note home was general ("practice math") rather than specific.'],
    glow: 'Your weekly note tells families exactly what their child is learning and how to help.',
    grow: 'Make one positive, specific call or message home each week to a family you have not reached yet.',
  },
  '3a': {
    strong: ['Opened with "By the end of today you will be able to…" and came back to it in the closing.', 'Modeled the first problem while thinking aloud, naming each step.'],
    weak: ['Purpose of the lesson was not stated; students asked "what are we doing?"', 'Model problem was solved quickly without naming the steps.'],
    glow: 'Students knew why the lesson mattered and your think-aloud showed them exactly how to start.',
    grow: 'State the purpose in student words at the start and ask two students to repeat it before the first task.',
  },
  '3b': {
    strong: ['Turn-and-talk before every whole-class question; students built on each other: "I agree with Sam because…"', 'Teacher talked less than a third of the lesson; students did most of the reasoning.'],
    weak: ['Questions were mostly recall; students answered with one word.', 'Teacher answered her own question after three seconds of silence.'],
    glow: 'Your turn-and-talks got every student reasoning out loud before anyone answered the whole class.',
    grow: 'Plan three "why" or "how do you know" questions for the lesson and wait at least five seconds after asking them.',
  },
  '3c': {
    strong: ['Whiteboards up after each example; teacher scanned all answers and re-taught a step to four students.', 'Hinge question with wrong answers designed around common mistakes.'],
    weak: ['Checked understanding by asking "Does everyone get it?"; no one said no.', 'Only volunteers were asked; no way to see what the quiet students understood.'],
    glow: 'Mini-whiteboards showed you what every student understood, and you acted on it right away.',
    grow: 'Replace "Does everyone get it?" with a quick all-student check (whiteboards, fingers, hinge question) at each key point.',
  },
  '3d': {
    strong: ['When half the class chose the same wrong answer, teacher stopped and worked through why it was tempting.', 'Moved two students to a quick re-teach group at the side table.'],
    weak: ['Moved on to the next example although most whiteboards showed the same error.', 'Misconception about place value was corrected for one student but not addressed with the class.'],
    glow: 'You changed course the moment the evidence said students were not ready, and named the misconception directly.',
    grow: 'Decide before the lesson what you will do if more than a third of students miss the hinge question, and do it.',
  },
  '3e': {
    strong: ['Written feedback on drafts named one specific next step; students had ten minutes to act on it.', 'Circulated and gave quick, specific spoken feedback: "Your claim is clear; now add the evidence from paragraph 2."'],
    weak: ['Feedback was general praise ("good job", "nice work").', 'Graded work returned with scores only; no time to revise.'],
    glow: 'Your feedback was specific enough that students knew exactly what to do next, and they had time to do it.',
    grow: 'Give each student one specific next step on their work and build ten minutes into the next lesson for them to act on it.',
  },
  '4a': {
    strong: ['Teacher asked for feedback on the new routine and had already adjusted it from last week.', 'Reflection notes in the planner about what worked in yesterday’s lesson.'],
    weak: ['Described the lesson as going well although the exit tickets showed otherwise.', 'Feedback from the last observation not yet tried.'],
    glow: 'You came to the conversation with your own read of the lesson and what you want to try next.',
    grow: 'After each lesson this week write one sentence on what the student work showed and one change for tomorrow.',
  },
  '4b': {
    strong: ['Co-planned the unit with the grade-level team; shared materials used across classes.', 'Communicated clearly with the assisting teacher about roles during group work.'],
    weak: ['Assistant in the room had no clear role during the lesson.', 'Missed the last team planning meeting without sending notes.'],
    glow: 'You and your team plan together and it shows: the materials and language are the same across classrooms.',
    grow: 'Agree with the other adult in the room on their role for each part of the lesson before it starts.',
  },
  '4c': {
    strong: ['Grades and attendance up to date; intervention log complete.', 'Followed up on last week’s agreed next step.'],
    weak: ['Gradebook two weeks behind.', 'Agreed follow-up from the last meeting not done.'],
    glow: 'Your records are accurate and current, and you did exactly what we agreed last time.',
    grow: 'Block fifteen minutes at the end of each day for grades and records so nothing builds up.',
  },
  '4d': {
    strong: ['Invited a new colleague to observe the morning routine and debriefed with them.', 'Shared a model lesson plan with the team and explained the choices in it.'],
    weak: ['Rarely shares practice with colleagues.', 'Mentoring conversations focus on logistics, not teaching.'],
    glow: 'Colleagues learn from you because you open your classroom and explain the why behind your moves.',
    grow: 'Invite one colleague a month to watch a routine and talk it through with them afterwards.',
  },
  '4e': {
    strong: ['Led the team in trying a new exit-ticket routine and compared results after two weeks.', 'Brought data on late work to the team with a proposal to test.'],
    weak: ['Ideas for improvement raised but not tested or followed up.', 'Team discussion stayed on complaints rather than a change to try.'],
    glow: 'You turned a team problem into a small test and brought back evidence of what worked.',
    grow: 'Pick one team problem, agree on a two-week test of a change and decide up front how you will know it worked.',
  },
};

/** The action-step library: "what to do" language, a practice prompt, tagged to a v2 competency code. */
export const ACTION_STEPS: { code: string; title: string; practicePrompt: string }[] = [
  {
    code: '2b',
    title: 'Script and rehearse your most costly transition so it takes under one minute',
    practicePrompt: 'Write the steps of the transition in student language, model it, then time two practice runs.',
  },
  {
    code: '2b',
    title: 'Post a do-now that students start without being told',
    practicePrompt: 'Plan three do-nows for next week that review yesterday’s learning and take five minutes.',
  },
  {
    code: '2b',
    title: 'Have materials on desks before students arrive',
    practicePrompt: 'List what each table needs for tomorrow and set it out before the bell.',
  },
  {
    code: '3c',
    title: 'Use mini-whiteboards after each key example and scan every answer',
    practicePrompt: 'Rehearse: "Boards up in 3, 2, 1." Scan left to right and name the error you see most.',
  },
  {
    code: '3c',
    title: 'Write one hinge question per lesson with wrong answers built from common mistakes',
    practicePrompt: 'Draft the hinge question for tomorrow and say what each wrong answer tells you.',
  },
  {
    code: '3c',
    title: 'Replace "Does everyone get it?" with an all-student check',
    practicePrompt: 'Pick three points in your next lesson and plan the check you will use at each.',
  },
  {
    code: '3d',
    title: 'Decide in advance what you will do when a third of the class misses the check',
    practicePrompt: 'Write your re-teach plan for tomorrow’s hinge question in three sentences.',
  },
  {
    code: '3d',
    title: 'Name the misconception aloud and show why the wrong answer is tempting',
    practicePrompt: 'Choose the most common wrong answer from today’s exit tickets and script how you will address it.',
  },
  {
    code: '3b',
    title: 'Wait five seconds after a "why" question before taking answers',
    practicePrompt: 'Practise with a colleague: ask, count silently to five, then cold call.',
  },
  {
    code: '3b',
    title: 'Use a turn-and-talk before every whole-class question that needs reasoning',
    practicePrompt: 'Mark the three questions in tomorrow’s plan where students will talk first.',
  },
  {
    code: '3b',
    title: 'Ask students to build on or challenge a classmate’s answer',
    practicePrompt: 'Post the stems "I agree with… because…" and "I see it differently…" and model them once.',
  },
  {
    code: '3e',
    title: 'Give each student one specific next step on their work',
    practicePrompt: 'Take five samples from today and write the one next step for each in under ten words.',
  },
  {
    code: '3e',
    title: 'Build ten minutes into the lesson for students to act on feedback',
    practicePrompt: 'Plan where in Thursday’s lesson the revision time goes and what students will revise.',
  },
  {
    code: '2c',
    title: 'Come back to a student who said "I don’t know" after a peer answers',
    practicePrompt: 'Practise the phrase "Now you tell me in your own words" until it is automatic.',
  },
  {
    code: '2c',
    title: 'Have students track their progress on the unit goals',
    practicePrompt: 'Make a one-page tracker for the current unit and introduce it on Monday.',
  },
  {
    code: '1c',
    title: 'Sort exit tickets into three piles and plan what each pile needs next',
    practicePrompt: 'After tomorrow’s lesson sort the tickets in five minutes and write one move per pile.',
  },
  {
    code: '1b',
    title: 'Check every task against the learning goal while planning',
    practicePrompt: 'For next week’s lessons mark each task with how it moves students to the goal; cut one that does not.',
  },
  {
    code: '1a',
    title: 'Prepare a second representation of the key idea before the lesson',
    practicePrompt: 'Sketch the model or diagram you will use if the first explanation does not land.',
  },
  {
    code: '1d',
    title: 'Plan one support that keeps every student on the grade-level task',
    practicePrompt: 'Choose a frame, visual or chunked text for tomorrow and decide who gets it first.',
  },
  {
    code: '2a',
    title: 'Greet every student by name at the door',
    practicePrompt: 'For one week, greet each student by name and note who you had not spoken to that day.',
  },
  {
    code: '2d',
    title: 'Make one positive, specific contact home each week',
    practicePrompt: 'List the five families you have spoken to least and call one this week with good news.',
  },
];

export const WALKTHROUGH_COMMENTS = {
  seen: ['Clear in the first five minutes.', 'Seen throughout the visit.', 'Most students, most of the time.'],
  notSeen: ['Not during this visit.', 'Only for part of the class.', 'Posted but not referred to.'],
};

export const CLASS_LABELS = {
  elementary: ['Grade 2 reading', 'Grade 3 math', 'Grade 4 writing', 'Grade 5 science', 'Grade 1 phonics', 'Kindergarten literacy block'],
  middle: ['Grade 6 math', 'Grade 7 ELA', 'Grade 8 science', 'Grade 7 social studies', 'Grade 6 reading intervention'],
  high: ['Algebra I', 'English 10', 'Biology', 'US History', 'Geometry', 'Chemistry', 'English 12'],
} as const;

export const REPLIES = [
  'Thank you for the feedback. I tried the whiteboards on Thursday and it showed me right away who needed help.',
  'I appreciate the specific next step. Could we look at the transition together next week?',
  'Thanks! I agree the discussion part needs more wait time; I am working on it.',
];

/** Coaching: plan titles, cycle goals and outcomes, session notes by activity. */
export const PLAN_FOCUS = [
  { code: '3c', title: 'Checking for understanding every lesson', components: ['Mini-whiteboards', 'Hinge questions'] },
  { code: '2b', title: 'Routines that protect learning time', components: ['Classroom routines'] },
  { code: '3b', title: 'Student talk and reasoning', components: ['Turn-and-talk protocol'] },
  { code: '3e', title: 'Feedback students act on', components: ['Feedback and revision time'] },
  { code: '1c', title: 'Planning from student work', components: ['Data meetings'] },
];

export const GROUP_PLAN = {
  title: 'New to Sunshine: first-year routines group',
  code: '2b',
  components: ['New teacher induction', 'Classroom routines'],
};

export const CYCLE_GOALS: Record<string, string> = {
  '3c': 'Every student shows their answer at least three times a lesson, and I re-teach the same day when fewer than 80% are right.',
  '2b': 'The class moves between activities in under one minute with materials ready, so we gain ten minutes of learning a day.',
  '3b': 'Students do most of the talking in discussions, and at least half of them speak in each one.',
  '3e': 'Every student gets one specific next step a week and revises their work in class.',
  '1c': 'I plan each week’s small groups from the last exit tickets.',
};

export const CYCLE_OUTCOMES = [
  'Goal met: transitions now take under a minute on four days out of five (timed in three visits).',
  'Goal met: whiteboard checks in every lesson observed; re-teach groups formed the same day.',
];

export const SESSION_NOTES: Record<string, { notes: string; nextSteps: string }[]> = {
  observation: [
    {
      notes:
        'Watched the first twenty minutes of math. Whiteboards used twice; the second check showed half the class reversing the steps.',
      nextSteps: 'Plan the re-teach move for the hinge question before Thursday.',
    },
    {
      notes: 'Observed the reading block. Transition to centres took four minutes; materials were the holdup.',
      nextSteps: 'Set out centre materials before lunch; time the transition tomorrow.',
    },
  ],
  modeling: [
    {
      notes: 'Modeled a turn-and-talk with sentence stems in the teacher’s class; teacher tracked who spoke.',
      nextSteps: 'Teacher leads the same routine on Monday; I watch the first ten minutes.',
    },
    {
      notes: 'Modeled the hinge question and the re-teach decision with the class.',
      nextSteps: 'Teacher writes two hinge questions for next week.',
    },
  ],
  co_planning: [
    {
      notes: 'Planned next week’s lessons together, marking the three checks for understanding in each.',
      nextSteps: 'Teacher finishes the exit tickets for Wednesday and Thursday.',
    },
    {
      notes: 'Co-planned the unit opener; agreed on the learning goal wording in student language.',
      nextSteps: 'Share the plan with the grade-level team.',
    },
  ],
  feedback: [
    {
      notes: 'Debriefed Tuesday’s lesson: the do-now worked; the transition to groups still slow.',
      nextSteps: 'Script the transition and rehearse it with the class twice.',
    },
    {
      notes: 'Feedback on the discussion: wait time improved, more students spoke than last time.',
      nextSteps: 'Add the "build on" stems to the wall.',
    },
  ],
  prompting: [
    {
      notes: 'Agreed on a discreet signal during the lesson to remind about wait time; used it three times.',
      nextSteps: 'Fade the signal next week.',
    },
  ],
  data_reflection: [
    {
      notes: 'Looked at two weeks of exit tickets together; the share of students correct rose from 55% to 72%.',
      nextSteps: 'Keep sorting tickets daily; bring the next batch on Friday.',
    },
    {
      notes: 'Reviewed the unit pre-assessment and chose the three skills for small groups.',
      nextSteps: 'Form the groups and start on Monday.',
    },
  ],
};
