import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FrameworkImportReport, ImportMessage } from '../../../common/schemas/case.ts';

/** Warnings and row errors of a framework import; the text of each is `case:message.<code>`. */
export const MESSAGE_CODES = [
  // CASE JSON
  'field_renamed',
  'unknown_field',
  'invalid_value',
  'value_converted',
  'identifier_not_uuid',
  'missing_identifier',
  'uri_synthesized',
  'timestamp_without_zone',
  'invalid_timestamp',
  'invalid_date',
  'missing_title',
  'missing_creator',
  'missing_full_statement',
  'duplicate_identifier',
  'item_without_parent',
  'external_parent',
  'extra_parent',
  'association_missing_node',
  'association_external',
  'unknown_association_type',
  'association_type_renamed',
  'invalid_target_type',
  'criterion_item_unknown',
  'not_an_object',
  'ignored_section',
  'scale_matched',
  'free_json_too_deep',
  'free_json_too_large',
  // spreadsheets
  'missing_column',
  'unknown_column',
  'missing_statement',
  'missing_parent_code',
  'duplicate_code',
  'parent_cycle',
  'malformed_csv',
  'encoding_assumed_windows_1252',
] as const;
export type MessageCode = (typeof MESSAGE_CODES)[number];

/** Why a whole upload is refused (422); the text is `case:fatal.<code>`. */
export const FATAL_CODES = [
  'not_json',
  'not_a_package',
  'document_list',
  'missing_document',
  'hierarchy_cycle',
  'too_many_items',
  'empty_file',
  'invalid_xlsx',
  'unsupported_file',
  'row_errors',
  'no_file',
  'document_exists',
  'document_has_draft',
] as const;
export type FatalCode = (typeof FATAL_CODES)[number];

type Params = Record<string, string | number>;

const english = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../common/i18n/en/case.json'), 'utf8')) as {
  message?: Record<string, string>;
  fatal?: Record<string, string>;
};

/** `{{name}}`, or `{{name, number}}` (i18next's number format; English grouping here). */
const fill = (text: string, params: Params) =>
  text.replace(/\{\{(\w+)(, number)?\}\}/g, (_, k: string, number?: string) => {
    const value = params[k] ?? '';
    return number && typeof value === 'number' ? value.toLocaleString('en-US') : String(value);
  });

/** A code's text, in its plural form (`code_one`, `code_other`) when it has them and `count` is a number. */
const textOf = (texts: Record<string, string> | undefined, code: string, params: Params) => {
  const form = typeof params.count === 'number' ? `${code}_${params.count === 1 ? 'one' : 'other'}` : code;
  return texts?.[form] ?? texts?.[code] ?? code;
};

/** The English text of a message or fatal code (for API clients and logs; the UI translates the code). */
export const englishMessage = (code: string, params: Params) => fill(textOf(english.message, code, params), params);
export const englishFatal = (code: string, params: Params) => fill(textOf(english.fatal, code, params), params);

/** The upload cannot be understood at all: the route answers 422 with the code and its params. */
export class CaseFileError extends Error {
  constructor(
    readonly code: FatalCode,
    readonly params: Params = {},
    /** The dry-run report, when the refusal is about rows (spreadsheet row errors). */
    readonly report?: FrameworkImportReport,
  ) {
    super(englishFatal(code, params));
    this.name = 'CaseFileError';
  }
}

const MAX_LISTED = 500;

/**
 * Collects messages, merging repeats (same severity, code and params) into one entry with a count
 * and the first path, so 2,000 items with the same misspelt field give one line, not 2,000.
 */
export class Messages {
  private readonly byKey = new Map<string, ImportMessage>();

  warn(code: MessageCode, path: string | null, params: Params = {}, line: number | null = null) {
    this.add('warning', code, path, params, line);
  }

  error(code: MessageCode, path: string | null, params: Params = {}, line: number | null = null) {
    this.add('error', code, path, params, line);
  }

  private add(severity: ImportMessage['severity'], code: MessageCode, path: string | null, params: Params, line: number | null) {
    // Row errors of a spreadsheet are listed one by one (each names its line).
    const key = line !== null ? `${severity}|${code}|${line}|${JSON.stringify(params)}` : `${severity}|${code}|${JSON.stringify(params)}`;
    const found = this.byKey.get(key);
    if (found) {
      found.count++;
      return;
    }
    this.byKey.set(key, { severity, code, path, line, params, count: 1, message: englishMessage(code, params) });
  }

  get errorCount() {
    let n = 0;
    for (const m of this.byKey.values()) if (m.severity === 'error') n += m.count;
    return n;
  }

  get warningCount() {
    let n = 0;
    for (const m of this.byKey.values()) if (m.severity === 'warning') n += m.count;
    return n;
  }

  /** Errors first, then warnings, each in the order first seen; at most 500 entries. */
  list(): ImportMessage[] {
    const all = [...this.byKey.values()];
    return [...all.filter((m) => m.severity === 'error'), ...all.filter((m) => m.severity === 'warning')].slice(0, MAX_LISTED);
  }
}
