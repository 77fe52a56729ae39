import { createHash, randomUUID } from 'node:crypto';
import { SPREADSHEET_COLUMNS, SPREADSHEET_EXTRA_COLUMNS } from '../../../../common/schemas/case.ts';
import { FRAMEWORK_MAX_ITEMS } from '../../../../common/competency.ts';
import type { ItemTypeDef } from '../../../db/schema/frameworks.ts';
import { isUuid, uuidV5 } from '../fields.ts';
import { CaseFileError, Messages } from '../messages.ts';
import { caseUri } from '../rows.ts';
import type { ParsedFramework, ParsedItem } from '../types.ts';
import { parseCsvTable, type Table } from '../../roster/parse/csv.ts';
import { decodeText } from '../../roster/parse/decode.ts';
import { DEFAULT_LIMITS, Issues, RosterFileError } from '../../roster/parse/types.ts';
import { readXlsxTable } from '../../roster/parse/xlsx.ts';

type Column = (typeof SPREADSHEET_COLUMNS)[number] | (typeof SPREADSHEET_EXTRA_COLUMNS)[number];
const ALL_COLUMNS: readonly Column[] = [...SPREADSHEET_COLUMNS, ...SPREADSHEET_EXTRA_COLUMNS];

/** Other headers people write, by normalized name. */
const HEADER_ALIASES: Record<string, Column> = {
  human_code: 'code',
  human_coding_scheme: 'code',
  parent: 'parent_code',
  parentcode: 'parent_code',
  item_type: 'type',
  full_statement: 'statement',
  fullstatement: 'statement',
  abbreviated: 'abbreviated_statement',
  abbreviation: 'abbreviated_statement',
  short_statement: 'abbreviated_statement',
  note: 'notes',
  case_identifier: 'identifier',
  id: 'identifier',
  parent_id: 'parent_identifier',
};
const normalizeHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** What the export neutralised (a leading `'` before = + - @ tab or CR) comes back as it was. */
export const unneutralize = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

async function readTable(data: Buffer, fileName: string, messages: Messages): Promise<Table> {
  const issues = new Issues();
  const lower = fileName.toLowerCase();
  const isZip = data[0] === 0x50 && data[1] === 0x4b;
  let table: Table | null;
  try {
    if (lower.endsWith('.xlsx') || (isZip && !lower.endsWith('.csv'))) table = await readXlsxTable(data, fileName, DEFAULT_LIMITS, issues);
    else if (lower.endsWith('.csv') || lower.endsWith('.txt') || !lower.includes('.'))
      table = parseCsvTable(decodeText(data, fileName, issues), fileName, issues);
    else throw new CaseFileError('unsupported_file', { file: fileName });
  } catch (err) {
    if (err instanceof RosterFileError) {
      throw new CaseFileError(err.code === 'invalid_xlsx' || err.code === 'zip_too_large' ? 'invalid_xlsx' : 'unsupported_file', {
        file: fileName,
      });
    }
    throw err;
  }
  for (const issue of issues.list) {
    if (issue.code === 'malformed_csv') messages.error('malformed_csv', `line ${issue.line}`, { line: issue.line ?? 0 }, issue.line);
    else if (issue.code === 'encoding_assumed_windows_1252') messages.warn('encoding_assumed_windows_1252', null);
  }
  if (!table) throw new CaseFileError('empty_file');
  return table;
}

export interface SheetParseOptions {
  baseUrl: string;
  now: Date;
  title: string;
  creator: string;
}

/**
 * Reads a framework spreadsheet (CSV or XLSX, one row per item: code, parent code, type, statement,
 * abbreviated statement, notes). A missing statement, a duplicate code, a parent code no row has
 * and a loop of parents are row errors with their line: such a file is reported, never applied.
 */
export async function parseFrameworkSheet(data: Buffer, fileName: string, opts: SheetParseOptions): Promise<ParsedFramework> {
  const messages = new Messages();
  const table = await readTable(data, fileName, messages);
  const index = new Map<Column, number>();
  table.header.forEach((h, i) => {
    const name = normalizeHeader(h);
    const column = (ALL_COLUMNS as readonly string[]).includes(name) ? (name as Column) : HEADER_ALIASES[name];
    if (column && !index.has(column)) index.set(column, i);
    else if (h.trim() !== '') messages.warn('unknown_column', null, { column: h.trim() }, table.headerLine);
  });
  if (!index.has('statement')) messages.error('missing_column', null, { column: 'statement' }, table.headerLine);
  if (table.rows.length > FRAMEWORK_MAX_ITEMS)
    throw new CaseFileError('too_many_items', { count: table.rows.length, max: FRAMEWORK_MAX_ITEMS });

  // The same file gives the same document identifier (dry run and apply agree).
  const docId = uuidV5(`sheet:${createHash('sha256').update(data).digest('hex')}`);
  const now = opts.now.toISOString();
  const cell = (cells: string[], column: Column) => {
    const i = index.get(column);
    const value = i === undefined ? '' : unneutralize((cells[i] ?? '').trim());
    return value === '' ? null : value;
  };
  interface Row {
    line: number;
    item: ParsedItem;
    parentCode: string | null;
    parentIdentifier: string | null;
  }
  const rows: Row[] = [];
  const byCode = new Map<string, Row>();
  const byIdentifier = new Map<string, number>();
  const itemTypes: ItemTypeDef[] = [];
  if (index.has('statement')) {
    for (const { line, cells } of table.rows) {
      const statement = cell(cells, 'statement');
      const code = cell(cells, 'code');
      if (!statement) messages.error('missing_statement', `line ${line}`, { line }, line);
      if (code && byCode.has(code)) messages.error('duplicate_code', `line ${line}`, { line, code, first: byCode.get(code)!.line }, line);
      const givenId = cell(cells, 'identifier');
      const identifier = givenId && isUuid(givenId) && !byIdentifier.has(givenId) ? givenId : randomUUID();
      const type = cell(cells, 'type');
      if (type && !itemTypes.some((t) => t.code === type)) {
        const typeId = uuidV5(`itemType:${docId}:${type}`);
        itemTypes.push({
          code: type,
          title: type,
          description: null,
          hierarchyCode: null,
          identifier: typeId,
          uri: caseUri(opts.baseUrl, 'CFItemTypes', typeId),
        });
      }
      const row: Row = {
        line,
        parentCode: cell(cells, 'parent_code'),
        parentIdentifier: cell(cells, 'parent_identifier'),
        item: {
          identifier,
          parentIndex: null,
          position: 0,
          parentAssociationIdentifier: null,
          itemType: type,
          humanCode: code,
          fullStatement: statement ?? '',
          abbreviatedStatement: cell(cells, 'abbreviated_statement'),
          alternativeLabel: null,
          notes: cell(cells, 'notes'),
          language: null,
          listEnumeration: null,
          educationLevel: null,
          conceptKeywords: null,
          caseFields: {},
          sourceChangedAt: null,
        },
      };
      byIdentifier.set(identifier, rows.length);
      if (code && !byCode.has(code)) byCode.set(code, row);
      rows.push(row);
    }
  }
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  rows.forEach((row) => {
    if (row.parentIdentifier && byIdentifier.has(row.parentIdentifier)) row.item.parentIndex = byIdentifier.get(row.parentIdentifier)!;
    else if (row.parentCode) {
      const parent = byCode.get(row.parentCode);
      if (parent) row.item.parentIndex = rowIndex.get(parent)!;
      else messages.error('missing_parent_code', `line ${row.line}`, { line: row.line, code: row.parentCode }, row.line);
    }
  });
  // Loops of parents (A under B under A): each loop is reported once, on its first line.
  const state = new Uint8Array(rows.length);
  for (let start = 0; start < rows.length; start++) {
    const path: number[] = [];
    let i: number | null = start;
    while (i !== null && state[i] === 0) {
      state[i] = 1;
      path.push(i);
      i = rows[i]!.item.parentIndex;
    }
    if (i !== null && state[i] === 1) {
      const loop = path.slice(path.indexOf(i));
      const first = rows[Math.min(...loop)]!;
      const cycle = [...loop, i].map((n) => rows[n]!.item.humanCode ?? `#${rows[n]!.line}`).join(' → ');
      messages.error('parent_cycle', `line ${first.line}`, { line: first.line, cycle }, first.line);
      for (const n of loop) rows[n]!.item.parentIndex = null;
    }
    for (const n of path) state[n] = 2;
  }
  const counters = new Map<number | null, number>();
  for (const { item } of rows) {
    const position = counters.get(item.parentIndex) ?? 0;
    item.position = position;
    counters.set(item.parentIndex, position + 1);
  }
  return {
    format: 'spreadsheet',
    document: {
      identifier: docId,
      title: opts.title,
      description: null,
      creator: opts.creator,
      publisher: null,
      language: null,
      versionLabel: null,
      adoptionStatus: null,
      sourceChangedAt: new Date(now),
      caseFields: {},
    },
    itemTypes,
    items: rows.map((r) => r.item),
    associations: [],
    rubrics: [],
    hierarchyLinks: rows.length,
    definitionCount: 0,
    messages,
  };
}
