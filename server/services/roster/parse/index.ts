/**
 * Parsing of staff roster uploads (OneRoster 1.1/1.2 CSV sets, zipped or not, and our own staff
 * CSV/XLSX template) into plain records. Pure: no database; the caller plans and applies.
 */
import { parseCsvTable, type Table } from './csv.ts';
import { decodeText } from './decode.ts';
import { normaliseHeader } from './headers.ts';
import { oneRosterFileOf, parseOneRosterSet, type OneRosterFile, type OneRosterTables } from './oneroster.ts';
import { looksLikeStaffSheet, parseStaffTable } from './staff-sheet.ts';
import { DEFAULT_LIMITS, Issues, RosterFileError, type ParsedRoster, type RosterInputFile, type RosterLimits } from './types.ts';
import { readXlsxTable } from './xlsx.ts';
import { readZip } from './zip.ts';

export { buildStaffTemplateCsv, buildStaffTemplateXlsx } from './template.ts';
export { STAFF_TEMPLATE_COLUMNS } from './staff-sheet.ts';
export { DEFAULT_LIMITS, FATAL_CODES, ISSUE_CODES, RosterFileError } from './types.ts';
export type {
  FatalCode,
  IssueCode,
  ParsedRoster,
  RecordStatus,
  RosterInputFile,
  RosterIssue,
  RosterLimits,
  RosterOrg,
  RosterPerson,
  RosterRole,
} from './types.ts';

const extension = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
// Browsers send bare names, but a folder upload or another client may send a path.
const baseName = (name: string) => name.split(/[\\/]/).pop() ?? name;

/** Reads CSV members into the set's tables; two members for one OneRoster file are refused. */
function tablesOf(members: { name: string; data: Buffer }[], issues: Issues): OneRosterTables {
  const tables: OneRosterTables = {};
  for (const m of members) {
    const kind = oneRosterFileOf(m.name);
    if (!kind) continue;
    if (kind in tables) throw new RosterFileError('duplicate_file', { file: m.name });
    tables[kind] = parseCsvTable(decodeText(m.data, m.name, issues), m.name, issues);
  }
  // A manifest alone (or only classes, enrollments...) holds no staff data.
  if (!('orgs' in tables || 'users' in tables || 'roles' in tables)) throw new RosterFileError('no_roster_files');
  return tables;
}

/** Which OneRoster file a header row belongs to, for a lone CSV not named like one. */
function oneRosterKindOf(header: string[]): OneRosterFile | null {
  const keys = new Set(header.map(normaliseHeader));
  if (!keys.has('sourcedid')) return null;
  if (keys.has('usersourcedid') && keys.has('role')) return 'roles';
  if (keys.has('givenname') && keys.has('familyname')) return 'users';
  if (keys.has('name') && keys.has('type')) return 'orgs';
  return null;
}

/** A lone CSV: ours if its header says so, else a OneRoster file under another name. */
function parseLoneCsv(file: RosterInputFile, issues: Issues): ParsedRoster {
  const table: Table | null = parseCsvTable(decodeText(file.data, file.name, issues), file.name, issues);
  if (!table || looksLikeStaffSheet(table.header)) return parseStaffTable(table, 'staff-csv', issues);
  const kind = oneRosterKindOf(table.header);
  if (!kind) throw new RosterFileError('unsupported_file', { file: file.name });
  return parseOneRosterSet({ [kind]: table }, [], issues);
}

/**
 * Parses one upload: a OneRoster zip, the CSV files of a OneRoster set, or one staff CSV/XLSX.
 * Row-level problems come back as `issues` (the caller must refuse to apply while any error
 * exists); a `RosterFileError` is thrown when the upload as a whole cannot be used.
 * Limits guard zipped content (zip and xlsx): at most `maxEntries` members (default 100) and
 * `maxUncompressedBytes` inflated in total (default 200 MB).
 */
export async function parseRosterUpload(
  files: RosterInputFile[],
  limits?: { maxUncompressedBytes?: number; maxEntries?: number },
): Promise<ParsedRoster> {
  const lim: RosterLimits = {
    maxUncompressedBytes: limits?.maxUncompressedBytes ?? DEFAULT_LIMITS.maxUncompressedBytes,
    maxEntries: limits?.maxEntries ?? DEFAULT_LIMITS.maxEntries,
  };
  const issues = new Issues();
  if (files.length === 0) throw new RosterFileError('no_roster_files');
  // A zip or a workbook is a whole upload by itself; mixing them with other files is ambiguous.
  const packaged = files.find((f) => ['zip', 'xlsx'].includes(extension(f.name)));
  if (packaged && files.length > 1) throw new RosterFileError('mixed_upload', { file: packaged.name });
  const [first] = files as [RosterInputFile];

  if (extension(first.name) === 'zip') {
    const zip = await readZip(first.data, first.name, lim, (path) => oneRosterFileOf(path) !== null);
    const tables = tablesOf(
      zip.files.map((f) => ({ name: f.path, data: f.data })),
      issues,
    );
    return parseOneRosterSet(tables, zip.others, issues);
  }
  if (extension(first.name) === 'xlsx') {
    return parseStaffTable(await readXlsxTable(first.data, first.name, lim, issues), 'staff-xlsx', issues);
  }
  if (files.length === 1 && !oneRosterFileOf(baseName(first.name))) {
    if (extension(first.name) !== 'csv') throw new RosterFileError('unsupported_file', { file: first.name });
    return parseLoneCsv(first, issues);
  }
  const named = files.map((f) => ({ name: baseName(f.name), data: f.data }));
  const tables = tablesOf(named, issues);
  const ignored = named.filter((f) => !oneRosterFileOf(f.name)).map((f) => f.name);
  return parseOneRosterSet(tables, ignored, issues);
}
