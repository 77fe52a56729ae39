import { createHash } from 'node:crypto';
import type { Messages } from './messages.ts';

/**
 * The CASE 1.1 fields of each kind of object in a CFPackage, with how a value of each is read,
 * and the leniency that real exports need: differently-cased or misspelt names are renamed (with a
 * warning), CASE 1.0 names are mapped, values of the wrong shape are converted when the meaning is
 * clear, and anything unknown is kept under `extensions` so a round trip loses nothing.
 */
export type FieldKind =
  | 'identifier'
  | 'string'
  | 'stringArray'
  | 'int'
  | 'number'
  | 'dateTime'
  | 'date'
  | 'link'
  | 'linkArray'
  | 'genLink'
  | 'extensions'
  | 'extensionsArray'
  | 'children';

export type ObjectKind =
  | 'package'
  | 'document'
  | 'item'
  | 'association'
  | 'definitions'
  | 'itemType'
  | 'concept'
  | 'subject'
  | 'license'
  | 'grouping'
  | 'rubric'
  | 'criterion'
  | 'level';

const common = { identifier: 'identifier', uri: 'string', lastChangeDateTime: 'dateTime', extensions: 'extensions' } as const;

export const FIELD_SPECS: Record<ObjectKind, Record<string, FieldKind>> = {
  package: {
    CFDocument: 'children',
    CFItems: 'children',
    CFAssociations: 'children',
    CFDefinitions: 'children',
    CFRubrics: 'children',
    extensions: 'extensions',
  },
  document: {
    ...common,
    frameworkType: 'string',
    caseVersion: 'string',
    creator: 'string',
    title: 'string',
    officialSourceURL: 'string',
    publisher: 'string',
    description: 'string',
    subject: 'stringArray',
    subjectURI: 'linkArray',
    language: 'string',
    version: 'string',
    adoptionStatus: 'string',
    statusStartDate: 'date',
    statusEndDate: 'date',
    licenseURI: 'link',
    notes: 'string',
  },
  item: {
    ...common,
    fullStatement: 'string',
    alternativeLabel: 'string',
    CFItemType: 'string',
    humanCodingScheme: 'string',
    listEnumeration: 'string',
    abbreviatedStatement: 'string',
    conceptKeywords: 'stringArray',
    conceptKeywordsURI: 'link',
    notes: 'string',
    subject: 'stringArray',
    subjectURI: 'linkArray',
    language: 'string',
    educationLevel: 'stringArray',
    CFItemTypeURI: 'link',
    licenseURI: 'link',
    statusStartDate: 'date',
    statusEndDate: 'date',
  },
  association: {
    ...common,
    associationType: 'string',
    sequenceNumber: 'int',
    originNodeURI: 'genLink',
    destinationNodeURI: 'genLink',
    CFAssociationGroupingURI: 'link',
    notes: 'string',
  },
  definitions: {
    CFConcepts: 'children',
    CFSubjects: 'children',
    CFLicenses: 'children',
    CFItemTypes: 'children',
    CFAssociationGroupings: 'children',
    extensions: 'extensions',
  },
  itemType: { ...common, title: 'string', description: 'string', hierarchyCode: 'string', typeCode: 'string' },
  concept: { ...common, title: 'string', keywords: 'string', hierarchyCode: 'string', description: 'string' },
  subject: { ...common, title: 'string', hierarchyCode: 'string', description: 'string' },
  license: { ...common, title: 'string', description: 'string', licenseText: 'string' },
  grouping: { ...common, title: 'string', description: 'string' },
  rubric: { ...common, title: 'string', description: 'string', CFRubricCriteria: 'children' },
  criterion: {
    ...common,
    category: 'string',
    description: 'string',
    CFItemURI: 'link',
    weight: 'number',
    position: 'int',
    rubricId: 'string',
    CFRubricCriterionLevels: 'children',
  },
  level: {
    ...common,
    extensions: 'extensionsArray',
    description: 'string',
    quality: 'string',
    score: 'number',
    feedback: 'string',
    position: 'int',
    rubricCriterionId: 'string',
  },
};

/**
 * Other names seen in real files (CASE 1.0, OpenSALT, hand-written JSON), by normalized name
 * (lower case, letters and digits only).
 */
const ALIASES: Partial<Record<ObjectKind, Record<string, string>>> = {
  package: {
    cfdocuments: 'CFDocument',
    document: 'CFDocument',
    items: 'CFItems',
    cfitem: 'CFItems',
    associations: 'CFAssociations',
    cfassociation: 'CFAssociations',
    definitions: 'CFDefinitions',
    rubrics: 'CFRubrics',
    cfrubric: 'CFRubrics',
  },
  item: {
    educationallevel: 'educationLevel',
    educationlevels: 'educationLevel',
    humancode: 'humanCodingScheme',
    statement: 'fullStatement',
    itemtype: 'CFItemType',
    cfitemtypeurl: 'CFItemTypeURI',
    conceptkeyword: 'conceptKeywords',
    subjects: 'subject',
  },
  document: {
    subjects: 'subject',
    versionlabel: 'version',
    officialsourceuri: 'officialSourceURL',
    officialurl: 'officialSourceURL',
    licenceuri: 'licenseURI',
  },
  association: {
    type: 'associationType',
    originnode: 'originNodeURI',
    destinationnode: 'destinationNodeURI',
    originnodeuri: 'originNodeURI',
    destinationnodeuri: 'destinationNodeURI',
    sequence: 'sequenceNumber',
    cfassociationgrouping: 'CFAssociationGroupingURI',
  },
  rubric: { criteria: 'CFRubricCriteria', cfrubriccriterion: 'CFRubricCriteria' },
  criterion: {
    levels: 'CFRubricCriterionLevels',
    cfrubriccriterionlevel: 'CFRubricCriterionLevels',
    cfitem: 'CFItemURI',
    itemuri: 'CFItemURI',
  },
  level: { levelscore: 'score' },
};

/** CASE 1.0 links back to the containing document or package: derivable, so dropped without a warning. */
const DERIVABLE: Partial<Record<ObjectKind, Set<string>>> = {
  document: new Set(['cfpackageuri']),
  item: new Set(['cfdocumenturi']),
  association: new Set(['cfdocumenturi']),
  itemType: new Set(['cfdocumenturi']),
  concept: new Set(['cfdocumenturi']),
  subject: new Set(['cfdocumenturi']),
  license: new Set(['cfdocumenturi']),
  grouping: new Set(['cfdocumenturi']),
  rubric: new Set(['cfdocumenturi']),
};

export const normalizeName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

const resolvedNames = new Map<string, string | null>();

/** The canonical CASE name of `key` in an object of `kind`, or null when it is not recognised. */
export function canonicalName(kind: ObjectKind, key: string): string | null {
  const cacheKey = `${kind}\u0000${key}`;
  const cached = resolvedNames.get(cacheKey);
  if (cached !== undefined) return cached;
  const spec = FIELD_SPECS[kind];
  const norm = normalizeName(key);
  let found: string | null = null;
  if (key in spec) found = key;
  else {
    found = Object.keys(spec).find((name) => normalizeName(name) === norm) ?? ALIASES[kind]?.[norm] ?? null;
    if (!found && norm.length >= 5) {
      // Misspellings: one edit for short names, two for long ones; only an unambiguous best match.
      const limit = norm.length >= 9 ? 2 : 1;
      const scored = Object.keys(spec)
        .map((name) => ({ name, d: editDistance(norm, normalizeName(name)) }))
        .filter((s) => s.d <= limit)
        .sort((x, y) => x.d - y.d);
      if (scored.length === 1 || (scored.length > 1 && scored[0]!.d < scored[1]!.d)) found = scored[0]!.name;
    }
  }
  resolvedNames.set(cacheKey, found);
  return found;
}

export const isDerivable = (kind: ObjectKind, key: string) => DERIVABLE[kind]?.has(normalizeName(key)) ?? false;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID_RE.test(value);

/** RFC 4122 version-5 (SHA-1, name-based) UUID in a namespace of our own: the same name always gives the same UUID. */
const NAMESPACE = Buffer.from('6f1c2b4e8a1d4c7e9b3f2a5d6c7e8f90', 'hex');
export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An identifier as CASE 1.1 requires it (a UUID): kept when it is one, else derived from it. */
export function caseUuid(value: string, messages: Messages, path: string): string {
  const trimmed = value.trim();
  if (isUuid(trimmed)) return trimmed;
  const derived = uuidV5(trimmed);
  messages.warn('identifier_not_uuid', path, { value: trimmed.slice(0, 80), identifier: derived });
  return derived;
}

const ZONE_RE = /(z|[+-]\d\d(:?\d\d)?)$/i;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(z|[+-]\d\d(?::?\d\d)?)?$/i;

/**
 * An ISO timestamp in the one form the export writes (`toISOString`), so re-imports compare equal.
 * A timestamp without a time zone is read as UTC (with a warning); a bare date as midnight UTC.
 */
export function normalizeDateTime(value: unknown, messages: Messages, path: string): string | null {
  if (typeof value !== 'string' || value.trim() === '') {
    if (value !== undefined && value !== null && value !== '')
      messages.warn('invalid_timestamp', path, { value: String(value).slice(0, 40) });
    return null;
  }
  const text = value.trim();
  const m = DATE_TIME_RE.exec(text);
  if (!m) {
    messages.warn('invalid_timestamp', path, { value: text.slice(0, 40) });
    return null;
  }
  let iso = text.replace(' ', 'T');
  if (!m[4]) iso = `${m[1]}-${m[2]}-${m[3]}T00:00:00Z`;
  else if (!ZONE_RE.test(text)) {
    messages.warn('timestamp_without_zone', path, {});
    iso = `${iso}Z`;
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    messages.warn('invalid_timestamp', path, { value: text.slice(0, 40) });
    return null;
  }
  return date.toISOString();
}

/** A calendar date `YYYY-MM-DD` (a timestamp keeps its date part). */
export function normalizeDate(value: unknown, messages: Messages, path: string): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (!m || Number.isNaN(new Date(`${m[1]}T00:00:00Z`).getTime())) {
    messages.warn('invalid_date', path, { value: String(value).slice(0, 40) });
    return null;
  }
  return m[1]!;
}
