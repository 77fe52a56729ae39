/**
 * Grade levels as rosters name them: CEDS codes (OneRoster `grades`): IT, PR, PK, TK, KG, 01..13,
 * PS, UG, Other. A roster cell lists several, separated by commas, semicolons or bars.
 */
export const GRADE_CODES = [
  'IT',
  'PR',
  'PK',
  'TK',
  'KG',
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  'PS',
  'UG',
  'Other',
] as const;
export type GradeCode = (typeof GRADE_CODES)[number];

const WORDS: Record<string, GradeCode> = {
  k: 'KG',
  kinder: 'KG',
  kindergarten: 'KG',
  prek: 'PK',
  prekindergarten: 'PK',
  transitionalkindergarten: 'TK',
  other: 'Other',
};

/** One grade as written ("3", "03", "Grade 3", "K", "kg", "Pre-K") -> its CEDS code, or null when not a grade. */
export function gradeCode(value: string): GradeCode | null {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/^(grade|gr\.?)\s*/, '')
    .replace(/[\s_-]+/g, '');
  if (/^\d{1,2}$/.test(key)) {
    const n = Number(key);
    if (n === 0) return 'KG';
    return n <= 13 ? (String(n).padStart(2, '0') as GradeCode) : null;
  }
  const upper = key.toUpperCase();
  const code = GRADE_CODES.find((c) => c.toUpperCase() === upper);
  return code ?? WORDS[key] ?? null;
}

/** A roster cell of grades -> the codes in school order without repeats, and the parts that are not grades. */
export function gradesCell(value: string): { grades: GradeCode[]; invalid: string[] } {
  const parts = value
    .split(/[,;|]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const found = new Set<GradeCode>();
  const invalid: string[] = [];
  for (const part of parts) {
    const code = gradeCode(part);
    if (code) found.add(code);
    else invalid.push(part);
  }
  return { grades: GRADE_CODES.filter((c) => found.has(c)), invalid };
}
