/**
 * The demo structured-literacy initiative (issue 14), written for Trellis: its practice profile,
 * fidelity tool, team records and PDSA cycles. Original text throughout (NIRN's own instruments are
 * CC BY-NC-ND and are not copied); a district enters or imports its licensed copies.
 */

export const INITIATIVE = {
  name: 'Foundations Structured Literacy',
  purpose:
    'Every K-3 classroom teaches reading with explicit, systematic phonics and daily decodable practice, so that children read on grade level by the end of third grade.',
  need: 'Two years of spring screening show fewer than half of our second graders reading at benchmark; classroom practice varies widely from room to room.',
  partnerName: 'Lumen Reading Partners',
};

/** The program's essential components: what a visitor would see when it is done as intended. */
export const COMPONENTS: {
  code: string;
  title: string;
  statement: string;
  expected: string;
  developmental: string;
  unacceptable: string;
  present: string;
  partial: string;
  absent: string;
}[] = [
  {
    code: 'SL.1',
    title: 'Explicit phonics lesson',
    statement:
      'The teacher models the day’s sound-spelling pattern, guides practice and checks each child’s response before independent work.',
    expected: 'Models, guides and checks in that order, every day, with the whole class responding.',
    developmental: 'Models and guides, but checks only a few children or skips the check on busy days.',
    unacceptable: 'Children copy or read words without the pattern being modelled.',
    present: 'Model, guided practice and a check of every child were all seen.',
    partial: 'One of the three steps was missing or rushed.',
    absent: 'No explicit phonics teaching was seen.',
  },
  {
    code: 'SL.2',
    title: 'Decodable text practice',
    statement: 'Children read connected text made of the patterns they have been taught, aloud, with feedback on errors.',
    expected: 'Every child reads a decodable text aloud and gets feedback on at least one error.',
    developmental: 'Decodable text is used but some children only listen, or errors pass without feedback.',
    unacceptable: 'Children read levelled or predictable text and guess from pictures.',
    present: 'Decodable text, read aloud by every child, with error feedback.',
    partial: 'Decodable text used, but not every child read or errors were not corrected.',
    absent: 'No decodable text practice was seen.',
  },
  {
    code: 'SL.3',
    title: 'Phonemic awareness warm-up',
    statement: 'A brisk oral routine (blending, segmenting, manipulating sounds) opens the literacy block.',
    expected: 'Five to eight minutes, oral only, every child responding together.',
    developmental: 'The routine runs but drifts past ten minutes or mixes in letters.',
    unacceptable: 'No phonemic awareness routine.',
    present: 'A brisk oral routine with every child responding.',
    partial: 'A routine ran but was slow, long or only some children took part.',
    absent: 'No routine was seen.',
  },
  {
    code: 'SL.4',
    title: 'Data-based small groups',
    statement: 'Small groups are formed from the latest phonics screener and regrouped at least every six weeks.',
    expected: 'Group lists match the latest screener; the teacher can say what each group practises.',
    developmental: 'Groups exist but were formed from older data or by general reading level.',
    unacceptable: 'No small-group instruction in phonics.',
    present: 'Groups match recent screener data and practise their own pattern.',
    partial: 'Groups meet but their make-up or focus is not tied to the screener.',
    absent: 'No small groups were seen.',
  },
  {
    code: 'SL.5',
    title: 'Encoding and dictation',
    statement: 'Children spell the day’s pattern in words and a dictated sentence, and check their own spelling.',
    expected: 'Dictation of words and a sentence every day, with self-checking against the model.',
    developmental: 'Dictation of words only, or no self-check.',
    unacceptable: 'No spelling practice tied to the pattern.',
    present: 'Word and sentence dictation with self-checking.',
    partial: 'Dictation of words only, or without self-checking.',
    absent: 'No dictation was seen.',
  },
];

/** The practice profile's three levels, then the fidelity tool's three. */
export const PROFILE_LEVELS = ['Expected', 'Developmental', 'Unacceptable'] as const;
export const TOOL_LEVELS = ['Present', 'Partial', 'Absent'] as const;

export const TEAM_TEXT = {
  district: {
    name: 'District literacy implementation team',
    terms:
      'Meets monthly. Plans the drivers for Foundations Structured Literacy, reviews fidelity, coaching and training data across schools, removes barriers school teams raise, and reports to the superintendent’s cabinet each quarter.',
  },
  school: {
    terms:
      'Meets every two weeks. Reviews its school’s fidelity and screener data, runs PDSA cycles on one component at a time, and reports progress and barriers to the district team each month.',
    reports: 'Monthly: fidelity by component, PDSA cycles run and their results, barriers that need the district.',
  },
};

export const MEETINGS = [
  {
    agenda: '1. Fidelity data from the first round of checks\n2. Training calendar for the spring\n3. Barriers raised by the pilot schools',
    notes:
      'Decodable text practice is the weakest component at both pilot schools (partial in most rooms). Coaches report children listening rather than reading. Agreed to add a coaching focus on it between the January and February sessions.',
    decisions: [
      { text: 'Coaches focus on decodable text practice until the February training session.', driver: 'coaching' },
      { text: 'Add a decodable-text demonstration to the February training session.', driver: 'training' },
      { text: 'Ask for one phonics scenario in interviews for K-3 vacancies.', driver: 'selection' },
    ],
    actions: [
      { text: 'Send the coaching focus and look-fors to every literacy coach', dueInDays: -10, done: true },
      { text: 'Revise the February session plan with the vendor', dueInDays: 6, done: false },
      { text: 'Draft the interview scenario with HR', dueInDays: -3, done: false },
    ],
  },
];

export const PDSA = [
  {
    title: 'Every child reads the decodable text aloud',
    component: 'SL.2',
    change: 'Partner reading: children read the decodable text to a partner, who follows with a finger and stops at each error.',
    prediction: 'Within four weeks, decodable text practice scores present in at least 70% of checks at the school.',
    measures: 'Fidelity checks on SL.2; the share of children reading aloud in a two-minute scan.',
    doneAsIntended: false,
    doNotes: 'Partner reading ran in four of nine classrooms; the others had no time left after the phonics lesson ran long.',
    study: 'SL.2 scored present in 38% of checks, below the prediction; in the four rooms that ran it, present in 80%.',
    predictionMet: false,
    act: 'adapt',
    actNotes:
      'Shorten the phonics lesson model step; coaches model partner reading in the five rooms that did not run it, then repeat the cycle.',
  },
  {
    title: 'Regroup small groups every six weeks from the screener',
    component: 'SL.4',
    change: 'Teachers regroup from the screener on a fixed date every six weeks, using the district’s grouping sheet.',
    prediction: 'Children in the lowest group move up at least one group by the next screener.',
    measures: 'Fidelity checks on SL.4 (groups match data); screener movement between groups.',
    doneAsIntended: true,
    doNotes: 'Every classroom regrouped on the date; checks found groups matching the screener in 90% of rooms.',
    study: 'Done as intended, yet only 15% of children in the lowest groups moved up, against 50% predicted.',
    predictionMet: false,
    act: 'abandon',
    actNotes:
      'Regrouping alone does not move children; take the question of the small-group lesson design to the district team and the vendor.',
  },
];
