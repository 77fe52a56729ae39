/**
 * Versions 2 and 3 of the demo framework, described item by item against the version before (what
 * each keeps, rewords, splits, merges, adds and retires), and the associations of each version.
 * Original text written for Trellis.
 */

/**
 * A version 2 item, described against version 1. `from` lists the version 1 codes it comes from
 * (default: its own code; [] = new). Wording, title and key default to the single source's.
 * `keepChildren` copies the source's indicators, recoded under this item's code (2d.1 -> 2c.1).
 */
export interface NextItemSeed {
  code: string;
  from?: string[];
  title?: string;
  statement?: string;
  key?: string;
  retired?: boolean;
  keepChildren?: boolean;
  children?: NextItemSeed[];
}

const same = (code: string): NextItemSeed => ({ code, keepChildren: true });

export const V2_TREE: NextItemSeed[] = [
  {
    code: '1',
    children: [
      {
        code: '1a',
        keepChildren: true,
        statement:
          'Knows the subject well enough to explain it in more than one way, link it to earlier and later learning, and anticipate where students will struggle.',
      },
      same('1b'),
      same('1c'),
      {
        code: '1d',
        keepChildren: true,
        statement:
          'Plans supports from the start so that every student, including multilingual learners and students with disabilities, works toward grade-level goals rather than a simplified version of them.',
      },
    ],
  },
  {
    code: '2',
    children: [
      same('2a'),
      {
        code: '2b',
        from: ['2b', '2c'],
        title: 'Routines and learning time',
        key: 'routinesTime',
        statement:
          'Teaches and reinforces routines that keep transitions short, materials ready and learning going from the first minute of the period to the last.',
        children: [
          { code: '2b.1' },
          { code: '2b.2', from: ['2c.1'] },
          {
            code: '2b.3',
            from: ['2b.2', '2c.2'],
            statement: 'Keeps transitions short and materials organized so that no learning time is lost.',
          },
          { code: '2b.4', from: ['2b.3'] },
        ],
      },
      { code: '2c', from: ['2d'], keepChildren: true },
      {
        code: '2d',
        from: [],
        title: 'Partnering with families',
        key: 'families',
        statement: "Keeps families informed about their child's learning and invites them in as partners.",
        children: [
          { code: '2d.1', from: [], statement: 'Contacts every family early in the year with something positive about their child.' },
          { code: '2d.2', from: [], statement: 'Shares specific news about progress and concrete ways families can help at home.' },
        ],
      },
    ],
  },
  {
    code: '3',
    children: [
      same('3a'),
      {
        code: '3b',
        keepChildren: true,
        statement: 'Plans questions and discussion so that students do most of the reasoning in the lesson and every student takes part.',
      },
      {
        code: '3c',
        title: 'Checking for understanding',
        key: 'checks',
        statement: 'Finds out during the lesson what every student understands, using checks designed to reveal misconceptions.',
        children: [{ code: '3c.1' }, { code: '3c.2' }],
      },
      {
        code: '3d',
        from: ['3c'],
        title: 'Responding to misconceptions',
        key: 'responding',
        statement:
          'Changes course during the lesson when evidence shows students are not ready to move on, and tackles misconceptions directly.',
        children: [
          { code: '3d.1', from: ['3c.3'] },
          { code: '3d.2', from: ['3c.4'] },
        ],
      },
      { code: '3e', from: ['3d'], keepChildren: true },
    ],
  },
  {
    code: '4',
    children: [
      same('4a'),
      same('4b'),
      {
        code: '4c',
        title: 'Reliability, follow-through and records',
        key: 'reliabilityRecords',
        statement: 'Does what they say they will do, meets deadlines, keeps accurate records and owns the results of their work.',
        children: [{ code: '4c.1' }, { code: '4c.2' }, { code: '4c.3', from: ['4f.1'] }],
      },
      same('4d'),
      same('4e'),
      { code: '4f', retired: true, children: [{ code: '4f.2', retired: true }] },
    ],
  },
];

/** The version 3 draft: version 2's active items with these changes. */
export const V3_REWORDS: Record<string, string> = {
  '1b.2':
    'Sequences tasks from guided to independent practice, with at least one stretch of independent work long enough for every student to try the task alone.',
  '2c.3':
    'Redirects off-task behavior calmly and privately where possible, then brings the focus back to learning without stopping the class.',
};
export const V3_ADDITIONS: { parent: string; code: string; statement: string }[] = [
  { parent: '3d', code: '3d.3', statement: 'Plans time in the next lesson to revisit ideas that many students missed.' },
  { parent: '2d', code: '2d.3', statement: 'Asks families what they know about their child and uses it in planning.' },
];

/** An association between two items (by code in that version) or to a node outside the framework. */
export interface AssociationSeed {
  type: 'isRelatedTo' | 'precedes' | 'exactMatchOf';
  from: string;
  to: string | { title: string; identifier: string; uri: string };
  notes?: string;
}

/** A fictional state standards document the demo items align with (no real standard is quoted). */
const stateStandard = (code: string, title: string) => ({
  title: `Example State Teaching Standards ${code}: ${title}`,
  identifier: `est-${code}`,
  uri: `https://standards.example.org/teaching/${code}`,
});

export const V1_ASSOCIATIONS: AssociationSeed[] = [
  { type: 'isRelatedTo', from: '1c', to: '3c', notes: 'Checks during the lesson feed the next plan.' },
  { type: 'isRelatedTo', from: '3d', to: '4d', notes: 'Feedback to students and feedback to colleagues draw on the same skills.' },
  { type: 'precedes', from: '2b', to: '3b', notes: 'Discussion depends on routines students already know.' },
  { type: 'precedes', from: '4a', to: '4d' },
  { type: 'precedes', from: '4d', to: '4e' },
  { type: 'exactMatchOf', from: '1a', to: stateStandard('2.1', 'Content knowledge') },
  { type: 'exactMatchOf', from: '1d', to: stateStandard('3.2', 'Adapting instruction for diverse learners') },
];

export const V2_ASSOCIATIONS: AssociationSeed[] = [
  { type: 'isRelatedTo', from: '1c', to: '3c', notes: 'Checks during the lesson feed the next plan.' },
  { type: 'isRelatedTo', from: '1c', to: '3d' },
  { type: 'isRelatedTo', from: '3e', to: '4d', notes: 'Feedback to students and feedback to colleagues draw on the same skills.' },
  { type: 'isRelatedTo', from: '2d', to: '2a' },
  { type: 'precedes', from: '2b', to: '3b', notes: 'Discussion depends on routines students already know.' },
  { type: 'precedes', from: '3c', to: '3d' },
  { type: 'precedes', from: '4a', to: '4d' },
  { type: 'precedes', from: '4d', to: '4e' },
  { type: 'exactMatchOf', from: '1a', to: stateStandard('2.1', 'Content knowledge') },
  { type: 'exactMatchOf', from: '1d', to: stateStandard('3.2', 'Adapting instruction for diverse learners') },
];
