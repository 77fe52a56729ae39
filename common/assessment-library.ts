import { SCALE_PRESETS, type InstrumentKind, type ScalePoint } from './assessments.ts';
import { DRIVERS, type Driver } from './implementation.ts';

/**
 * Trellis's own demo instruments, written for Trellis (not NIRN's licensed tools, whose text is
 * CC BY-NC-ND and never shipped: a district enters or imports its licensed copies). Installed as
 * published versions by `installAssessmentLibrary`; `key` keeps the install idempotent.
 */

export interface LibrarySection {
  title: string;
  items: { text: string; guidance: string }[];
}

export interface LibraryInstrument {
  key: string;
  kind: InstrumentKind;
  name: string;
  description: string;
  sourceNote: string;
  scale: ScalePoint[];
  targetPct: number | null;
  sections: LibrarySection[];
}

const SOURCE = 'Trellis demo instrument, original text; adapt freely.';
const item = (text: string, guidance: string) => ({ text, guidance });

const fit: LibraryInstrument = {
  key: 'trellis-program-fit',
  kind: 'fit',
  name: 'Program fit review',
  description: 'Weighs a candidate program or model against the need it should meet and what it takes to run it well.',
  sourceNote: SOURCE,
  scale: SCALE_PRESETS.one_to_five.map((p, i) => ({
    ...p,
    anchor: ['A poor match', 'A weak match', 'A mixed match', 'A good match', 'A strong match'][i]!,
  })),
  targetPct: 70,
  sections: [
    {
      title: 'Need',
      items: [
        item('Our own data shows the problem the program addresses.', 'Name the data and the students or staff it concerns.'),
        item('The people affected agree this need comes first.', 'Whose voices were heard, and how?'),
      ],
    },
    {
      title: 'Fit',
      items: [
        item('The program fits our priorities and other initiatives.', 'List what it would replace, join or compete with.'),
        item('It suits our community, language and culture.', 'Consider families, students and staff.'),
      ],
    },
    {
      title: 'Capacity',
      items: [
        item('We have or can find the staff, time and money to run it.', 'Count people, hours and costs for three years.'),
        item('We can train and coach the people who will use it.', 'Who trains, who coaches, when?'),
      ],
    },
    {
      title: 'Evidence',
      items: [
        item('Studies show it works for students like ours.', 'Look at the settings and groups studied.'),
        item('The expected results are worth the effort.', 'Compare the size of the gain with the cost.'),
      ],
    },
    {
      title: 'Supports',
      items: [
        item('The developer offers training, coaching and materials.', 'What comes with the program, and at what price?'),
        item('Other districts using it can share what they learned.', 'Name a peer district you could call.'),
      ],
    },
    {
      title: 'Usability',
      items: [
        item('Its core parts are written down clearly.', 'Could a new teacher tell what must be done?'),
        item('There is a way to check it is done as intended.', 'Is there a fidelity tool, and who uses it?'),
      ],
    },
  ],
};

const DRIVER_ITEMS: Record<Driver, [string, string][]> = {
  selection: [
    ['We know what skills and attitudes the work needs.', 'Written criteria used when choosing staff.'],
    ['Interviews ask people to show those skills.', 'Role plays, sample lessons, scenarios.'],
  ],
  training: [
    ['Training teaches the core parts with practice and feedback.', 'Not only slides: rehearsal with a trainer.'],
    ['We check what people learned and improve the training.', 'Pre and post measures, participant feedback.'],
  ],
  coaching: [
    ['Every practitioner is coached on the core parts.', 'How often, by whom, on which parts?'],
    ['Coaches are themselves supported and observed.', 'Coaching of coaches, caseload limits.'],
  ],
  fidelity: [
    ['We regularly check whether the program is done as intended.', 'A named tool, a schedule, trained observers.'],
    ['Fidelity results are used to improve support, not to judge people.', 'Who sees the results, what changes after?'],
  ],
  decision_support: [
    ['Useful data reaches the team in time to act on it.', 'Which reports, how often, how fast?'],
    ['The team uses data to decide and follows up.', 'Look at the last three meetings.'],
  ],
  facilitative_administration: [
    ['Leaders change schedules and rules that get in the way.', 'Name one barrier removed this year.'],
    ['Staff can raise a barrier and hear back.', 'Is there a route and an answer?'],
  ],
  systems_intervention: [
    ['We work with partners outside the school on what they control.', 'District offices, unions, the state, families.'],
    ['Lessons from schools reach the district and change policy.', 'An example of a policy changed.'],
  ],
  leadership: [
    ['Leaders name the program as a priority and protect time for it.', 'What do staff hear, and how often?'],
    ['Leaders solve hard problems with the team rather than alone.', 'Adaptive problems discussed openly.'],
  ],
};

const DRIVER_TITLES: Record<Driver, string> = {
  selection: 'Selection',
  training: 'Training',
  coaching: 'Coaching',
  fidelity: 'Fidelity assessment',
  decision_support: 'Decision support data system',
  facilitative_administration: 'Facilitative administration',
  systems_intervention: 'Systems intervention',
  leadership: 'Leadership',
};

const drivers: LibraryInstrument = {
  key: 'trellis-drivers',
  kind: 'drivers',
  name: 'Implementation drivers review',
  description: 'How well each implementation driver is in place for one program.',
  sourceNote: SOURCE,
  scale: SCALE_PRESETS.in_place,
  targetPct: 80,
  sections: DRIVERS.map((d) => ({
    title: DRIVER_TITLES[d],
    items: DRIVER_ITEMS[d].map(([text, guidance]) => item(text, guidance)),
  })),
};

const capacity: LibraryInstrument = {
  key: 'trellis-capacity',
  kind: 'capacity',
  name: 'Implementation capacity review',
  description: 'Scored twice a year: the structures a school or district has to carry any program well.',
  sourceNote: SOURCE,
  scale: SCALE_PRESETS.zero_one_two.map((p, i) => ({ ...p, anchor: ['Not yet', 'Partly', 'Fully'][i]! })),
  targetPct: 80,
  sections: [
    {
      title: 'Teams',
      items: [
        item('An implementation team meets at least monthly.', 'Check the meeting records.'),
        item('The team has members with authority, data skills and classroom experience.', 'Name them.'),
      ],
    },
    {
      title: 'Plans',
      items: [
        item('There is a written plan with owners and dates.', 'Is it current?'),
        item('Progress on the plan is reviewed at team meetings.', 'Check the last two agendas.'),
      ],
    },
    {
      title: 'Data',
      items: [
        item('Fidelity and outcome data are gathered on a schedule.', 'Which data, when?'),
        item('The team turns data into action items.', 'Show one.'),
      ],
    },
    {
      title: 'Communication',
      items: [
        item('Staff hear what the team decided and why.', 'How does the news reach them?'),
        item('Problems travel up to the district team and answers come back.', 'An example this term.'),
      ],
    },
  ],
};

const practice: LibraryInstrument = {
  key: 'trellis-practice-self',
  kind: 'practice',
  name: 'Practice self-review',
  description: 'Where we stand on a talent-management practice, on the five progress labels.',
  sourceNote: SOURCE,
  scale: SCALE_PRESETS.progress,
  targetPct: 80,
  sections: [
    {
      title: 'Purpose',
      items: [
        item('We agree why the practice matters for students.', 'Can staff say it in their own words?'),
        item('The practice is part of our written strategy.', 'Where is it written?'),
      ],
    },
    {
      title: 'Doing it',
      items: [
        item('The practice happens the same way across schools.', 'Compare two schools.'),
        item('People are trained and supported to do it.', 'Who supports them?'),
      ],
    },
    {
      title: 'Improving it',
      items: [
        item('We look at data on the practice at least each term.', 'Which data?'),
        item('We change the practice when the data says so.', 'The last change made.'),
      ],
    },
  ],
};

export const ASSESSMENT_LIBRARY: readonly LibraryInstrument[] = [fit, drivers, capacity, practice];
