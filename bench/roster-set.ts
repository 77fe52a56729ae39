/**
 * Generates, in memory and deterministically, a OneRoster 1.2 bulk CSV set for a district:
 * manifest.csv, orgs.csv (a district and S schools), users.csv (N staff plus students the import
 * must skip) and roles.csv (one or two roles per staff member, ISO dates).
 */
import type { RosterInputFile } from '../server/services/roster/parse/index.ts';

/** One generated staff member, kept so the benchmark can pick realistic search terms. */
export interface StaffRecord {
  sourcedId: string;
  givenName: string;
  familyName: string;
  email: string;
  identifier: string;
}

export interface RosterSet {
  files: RosterInputFile[];
  staff: StaffRecord[];
  /** Rows the import should create: orgs (district + schools), staff people, staff roles. */
  expected: { orgs: number; people: number; roles: number; students: number };
  bytes: number;
}

// Word lists stay packed, many to a line (Prettier would put one word per line).
// prettier-ignore
const GIVEN = [
  'Maria', 'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William',
  'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Christopher', 'Lisa', 'Daniel',
  'Nancy', 'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra', 'Donald', 'Ashley', 'Steven', 'Kimberly', 'Paul',
  'Emily', 'Andrew', 'Donna', 'Joshua', 'Michelle', 'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian', 'Melissa', 'George',
  'Deborah', 'Timothy', 'Stephanie', 'Ronald', 'Rebecca', 'Edward', 'Sharon', 'Jason', 'Laura', 'Jeffrey', 'Cynthia', 'Ryan',
  'José', 'Ana', 'Luis', 'Sofía', 'Jesús', 'Lucía', 'Andrés', 'Inés', 'Ramón', 'Mónica', 'Héctor', 'Raúl', 'Ángela', 'Óscar',
  'Nguyen', 'Minh', 'Thao', 'Linh', 'Chidi', 'Ngozi', 'Oluwaseun', 'Adaeze', 'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Priya', 'Arjun',
  'Fatima', 'Omar', 'Aisha', 'Yusuf', 'Zoë', 'Chloé', 'Renée', 'François', 'Søren', 'Björn', 'Siobhán', 'Seán', 'Niamh', 'Dara',
  'Kwame', 'Ama', 'Tariq', 'Leila', 'Dmitri', 'Olga', 'Ivan', 'Anya', 'Mateo', 'Valentina', 'Santiago', 'Camila', 'Diego',
  'Isabella', 'Gabriel', 'Emma', 'Noah', 'Olivia', 'Liam', 'Ava', 'Ethan', 'Mia', 'Lucas', 'Harper', 'Mason', 'Evelyn', 'Logan',
];

// prettier-ignore
const FAMILY = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez',
  'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White',
  'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres',
  'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Gómez', 'Phillips', 'Evans', 'Turner', 'Díaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes', 'Stewart', 'Morris', 'Morales',
  'Murphy', 'Cook', 'Rogers', 'Gutiérrez', 'Ortiz', 'Morgan', 'Cooper', 'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos',
  'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks', 'Chávez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz',
  'Hughes', 'Price', 'Álvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jiménez', 'Núñez', 'Muñoz',
  "O'Brien", "O'Connor", 'McCarthy', 'Okafor', 'Adeyemi', 'Okonkwo', 'Mensah', 'Tran', 'Pham', 'Le', 'Hoang', 'Vu', 'Dang',
  'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Tanaka', 'Suzuki', 'Sato', 'Sharma', 'Singh', 'Kumar', 'Gupta',
  'Khan', 'Ahmed', 'Ali', 'Hassan', 'Ibrahim', 'Cohen', 'Levi', 'Friedman', 'Schmidt', 'Müller', 'Schneider', 'Fischer', 'Weber',
  'Becker', 'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Petrov', 'Ivanova',
  'Kowalski', 'Nowak', 'Wiśniewski', 'Jensen', 'Nielsen', 'Hansen', 'Larsen', 'Andersen', 'Johansson', 'Karlsson', 'Nilsson',
  'Van der Berg', 'De Jong', 'Bakker', 'Visser', 'Smit', 'Meyer', 'Wagner', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf',
];

// prettier-ignore
const PLACES = [
  'Lincoln', 'Washington', 'Jefferson', 'Roosevelt', 'Riverside', 'Oak Grove', 'Maple', 'Cedar', 'Hillcrest', 'Lakeview',
  'Sunnyvale', 'Pine Ridge', 'Brookside', 'Fairview', 'Highland', 'Meadowbrook', 'Westwood', 'Eastside', 'Valley', 'Summit',
];
const LEVELS = ['Elementary School', 'Middle School', 'High School', 'K-8 Academy'];

/** A small seeded PRNG (mulberry32), so every run generates the same district. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cumulative = new WeakMap<readonly unknown[], number[]>();

/** Picks from `list` with a gently skewed (Zipf-like) distribution: common names are common. */
function skewedPick<T>(list: readonly T[], random: () => number): T {
  let sums = cumulative.get(list);
  if (!sums) {
    // Weight 1/(rank+20): the most common name is ~2% of people, as in a real district.
    let total = 0;
    sums = list.map((_, i) => (total += 1 / (i + 21)));
    cumulative.set(list, sums);
  }
  const r = random() * sums[sums.length - 1]!;
  let lo = 0;
  let hi = sums.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sums[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return list[lo]!;
}

/** ASCII, lower case, letters only: what a district puts in an e-mail address. */
const mailPart = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** One CSV cell, quoted when it holds a comma, quote or newline. */
const cell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const line = (cells: (string | number | null)[]) => cells.map(cell).join(',');

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Staff roles in OneRoster's vocabulary, with how often each is a staff member's primary role. */
const STAFF_ROLE_MIX: [string, number][] = [
  ['teacher', 0.78],
  ['aide', 0.12],
  ['administrator', 0.04],
  ['proctor', 0.02],
  ['systemAdministrator', 0.04],
];

/**
 * Builds the set. Each school gets a principal; about a quarter of staff hold a second,
 * secondary role at another school; a few primary roles ended last year (history). Students
 * (a tenth of the staff count, at least 50) are listed in users.csv and roles.csv and must be skipped.
 */
export function generateRosterSet(opts: { staff: number; schools: number; seed?: number }): RosterSet {
  const random = rng(opts.seed ?? 20261123);
  const int = (n: number) => Math.floor(random() * n);
  const stamp = '2026-08-01T06:00:00.000Z';
  const districtId = 'org-district';
  const schoolIds = Array.from({ length: opts.schools }, (_, i) => `org-sch-${pad(i + 1, 4)}`);

  const orgs = [line(['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'])];
  orgs.push(line([districtId, 'active', stamp, 'Bench Unified School District', 'district', 'BUSD', null]));
  schoolIds.forEach((id, i) => {
    const name = `${PLACES[i % PLACES.length]} ${LEVELS[Math.floor(i / PLACES.length) % LEVELS.length]} #${i + 1}`;
    orgs.push(line([id, 'active', stamp, name, 'school', `SCH${pad(i + 1, 4)}`, districtId]));
  });

  const userHeader = [
    'sourcedId',
    'status',
    'dateLastModified',
    'enabledUser',
    'username',
    'userIds',
    'givenName',
    'familyName',
    'middleName',
    'identifier',
    'email',
    'sms',
    'phone',
    'agentSourcedIds',
    'grades',
    'password',
    'userMasterIdentifier',
    'preferredGivenName',
    'preferredMiddleName',
    'preferredFamilyName',
    'primaryOrgSourcedId',
    'pronouns',
  ];
  const users = [line(userHeader)];
  const roles = [
    line(['sourcedId', 'status', 'dateLastModified', 'userSourcedId', 'roleType', 'role', 'beginDate', 'endDate', 'orgSourcedId']),
  ];
  const staff: StaffRecord[] = [];
  const emails = new Set<string>();
  let roleCount = 0;
  let roleSeq = 0;
  const addRole = (user: string, type: 'primary' | 'secondary', role: string, org: string, begin: string, end: string | null) => {
    roles.push(line([`rol-${pad(++roleSeq, 7)}`, 'active', stamp, user, type, role, begin, end, org]));
  };

  for (let i = 0; i < opts.staff; i++) {
    const sourcedId = `usr-stf-${pad(i + 1, 6)}`;
    const givenName = skewedPick(GIVEN, random);
    const familyName = random() < 0.08 ? `${skewedPick(FAMILY, random)}-${skewedPick(FAMILY, random)}` : skewedPick(FAMILY, random);
    const middleName = random() < 0.4 ? skewedPick(GIVEN, random) : null;
    const base = `${mailPart(givenName)}.${mailPart(familyName)}`;
    let local = base;
    for (let n = 2; emails.has(local); n++) local = `${base}${n}`;
    emails.add(local);
    const email = `${local}@bench-usd.example.org`;
    const identifier = `E${pad(100000 + i, 6)}`;
    const school = i < opts.schools ? schoolIds[i]! : schoolIds[int(opts.schools)]!;
    staff.push({ sourcedId, givenName, familyName, email, identifier });
    users.push(
      line([
        sourcedId,
        'active',
        stamp,
        'true',
        local,
        `{HR:${identifier}}`,
        givenName,
        familyName,
        middleName,
        identifier,
        email,
        null,
        `555${pad(int(10_000_000), 7)}`,
        null,
        null,
        null,
        null,
        random() < 0.05 ? givenName.slice(0, 3) : null,
        null,
        null,
        school,
        null,
      ]),
    );
    // The first S staff members are the schools' principals; the others draw from the mix.
    let role = 'principal';
    if (i >= opts.schools) {
      let r = random();
      role = STAFF_ROLE_MIX.find(([, share]) => (r -= share) <= 0)?.[0] ?? 'teacher';
    }
    const begin = `20${pad(10 + int(15), 2)}-08-${pad(1 + int(28), 2)}`;
    const ended = random() < 0.03;
    addRole(sourcedId, 'primary', role, school, begin, ended ? '2025-06-30' : null);
    roleCount++;
    if (random() < 0.25 && opts.schools > 1) {
      let other = schoolIds[int(opts.schools)]!;
      if (other === school) other = schoolIds[(schoolIds.indexOf(school) + 1) % opts.schools]!;
      addRole(sourcedId, 'secondary', random() < 0.5 ? 'teacher' : 'aide', other, '2025-08-15', random() < 0.2 ? '2027-06-30' : null);
      roleCount++;
    }
  }

  const students = Math.max(50, Math.floor(opts.staff / 10));
  for (let i = 0; i < students; i++) {
    const sourcedId = `usr-stu-${pad(i + 1, 6)}`;
    const school = schoolIds[int(opts.schools)]!;
    users.push(
      line([
        sourcedId,
        'active',
        stamp,
        'true',
        `s${pad(i + 1, 6)}`,
        null,
        skewedPick(GIVEN, random),
        skewedPick(FAMILY, random),
        null,
        `S${pad(i + 1, 6)}`,
        null,
        null,
        null,
        null,
        pad(1 + int(12), 2),
        null,
        null,
        null,
        null,
        null,
        school,
        null,
      ]),
    );
    addRole(sourcedId, 'primary', 'student', school, '2025-08-15', null);
  }

  const manifest = [
    line(['propertyName', 'value']),
    line(['manifest.version', '1.0']),
    line(['oneroster.version', '1.2']),
    ...[
      'academicSessions',
      'categories',
      'classes',
      'classResources',
      'courses',
      'courseResources',
      'demographics',
      'enrollments',
      'lineItems',
      'resources',
      'results',
      'userProfiles',
    ].map((f) => line([`file.${f}`, 'absent'])),
    ...['orgs', 'users', 'roles'].map((f) => line([`file.${f}`, 'bulk'])),
    line(['source.systemName', 'Trellis bench generator']),
  ];

  const files: RosterInputFile[] = [
    { name: 'manifest.csv', data: Buffer.from(`${manifest.join('\r\n')}\r\n`) },
    { name: 'orgs.csv', data: Buffer.from(`${orgs.join('\r\n')}\r\n`) },
    { name: 'users.csv', data: Buffer.from(`${users.join('\r\n')}\r\n`) },
    { name: 'roles.csv', data: Buffer.from(`${roles.join('\r\n')}\r\n`) },
  ];
  return {
    files,
    staff,
    expected: { orgs: opts.schools + 1, people: opts.staff, roles: roleCount, students },
    bytes: files.reduce((n, f) => n + f.data.length, 0),
  };
}
