import type { StaffRole } from '../../../../common/roles.ts';

/** One uploaded file as the route received it. */
export interface RosterInputFile {
  name: string;
  data: Buffer;
}

export type RecordStatus = 'active' | 'tobedeleted';

export interface RosterOrg {
  sourcedId: string;
  status: RecordStatus;
  name: string;
  type: 'district' | 'school' | 'department';
  identifier: string | null;
  parentSourcedId: string | null;
  file: string;
  line: number;
}

export interface RosterPerson {
  sourcedId: string;
  status: RecordStatus;
  givenName: string;
  familyName: string;
  middleName: string | null;
  preferredName: string | null;
  email: string | null;
  phone: string | null;
  identifier: string | null;
  username: string | null;
  /** The career step the staff spreadsheet names (`step_code`), if any. */
  stepCode?: string | null;
  /** Grades the person teaches (CEDS codes); absent when the file has no grades column. */
  grades?: string[];
  file: string;
  line: number;
}

export interface RosterRole {
  sourcedId: string;
  status: RecordStatus;
  personSourcedId: string;
  orgSourcedId: string;
  role: StaffRole;
  isPrimary: boolean;
  /** YYYY-MM-DD */
  beginDate: string | null;
  endDate: string | null;
  file: string;
  line: number;
}

/** A problem a person must read: `code` is an i18n key under `roster:issue.`, never English text. */
export interface RosterIssue {
  file: string;
  line: number | null;
  severity: 'error' | 'warning';
  code: string;
  params?: Record<string, string | number>;
  field?: string;
}

export interface ParsedRoster {
  format: 'oneroster-1.1' | 'oneroster-1.2' | 'staff-csv' | 'staff-xlsx';
  mode: 'bulk' | 'delta';
  orgs: RosterOrg[];
  people: RosterPerson[];
  roles: RosterRole[];
  issues: RosterIssue[];
  ignored: { nonStaffUsers: number; nonStaffRoles: number; files: string[] };
}

/**
 * Every issue code of an import report (i18n keys under `roster:issue.`); the planner also uses the
 * `unknown_*` ones and adds `mass_*deactivation`, `role_of_deleted_*` and `parent_org_deleted`.
 */
export const ISSUE_CODES = [
  'malformed_csv',
  'empty_file',
  'missing_column',
  'duplicate_column',
  'column_count_mismatch',
  'missing_value',
  'duplicate_sourced_id',
  'invalid_status',
  'inactive_status',
  'invalid_email',
  'invalid_value',
  'invalid_grade',
  'invalid_date',
  'ambiguous_date',
  'date_format_assumed',
  'end_before_begin',
  'encoding_assumed_windows_1252',
  'unknown_role',
  'conflicting_value',
  'multiple_primary_roles',
  'no_roles_file',
  'user_without_role',
  'unknown_person',
  'unknown_org',
  'unknown_step',
  'step_closed',
  'unknown_org_type',
  'org_type_assumed',
  'orphan_parent_org',
  'org_parent_cycle',
  'unknown_oneroster_version',
  'manifest_file_missing',
  'value_too_long',
  'mass_deactivation',
  'mass_org_deactivation',
  'role_of_deleted_person',
  'role_of_deleted_org',
  'parent_org_deleted',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Every fatal code (i18n keys under `roster:fatal.`). */
export const FATAL_CODES = [
  'no_roster_files',
  'unsupported_file',
  'mixed_upload',
  'duplicate_file',
  'not_a_text_file',
  'invalid_zip',
  'unsafe_zip_path',
  'zip_too_large',
  'invalid_xlsx',
] as const;
export type FatalCode = (typeof FATAL_CODES)[number];

export interface RosterLimits {
  maxUncompressedBytes: number;
  maxEntries: number;
}

export const DEFAULT_LIMITS: RosterLimits = { maxUncompressedBytes: 200 * 1024 * 1024, maxEntries: 100 };

/**
 * The whole upload is unusable (not a zip, zip bomb, binary file...). `code` is an i18n key under
 * `roster:fatal.`; the message is only for logs.
 */
export class RosterFileError extends Error {
  code: FatalCode;
  params?: Record<string, string | number>;

  constructor(code: FatalCode, params?: Record<string, string | number>) {
    super(params ? `${code} ${JSON.stringify(params)}` : code);
    this.name = 'RosterFileError';
    this.code = code;
    if (params) this.params = params;
  }
}

type Params = Record<string, string | number>;

/** Collects issues; the helpers keep call sites to one line and omit empty optional keys. */
export class Issues {
  readonly list: RosterIssue[] = [];

  /** Records an error: the caller refuses to apply an import while any error exists. */
  error(file: string, line: number | null, code: IssueCode, params?: Params, field?: string): void {
    this.add('error', file, line, code, params, field);
  }

  /** Records a warning: shown in the dry run, does not block the import. */
  warn(file: string, line: number | null, code: IssueCode, params?: Params, field?: string): void {
    this.add('warning', file, line, code, params, field);
  }

  /** Records `missing_value`: a required cell is empty. The column is also a param for the message. */
  missing(file: string, line: number, field: string): void {
    this.add('error', file, line, 'missing_value', { column: field }, field);
  }

  private add(severity: RosterIssue['severity'], file: string, line: number | null, code: IssueCode, params?: Params, field?: string) {
    const issue: RosterIssue = { file, line, severity, code };
    if (params) issue.params = params;
    if (field) issue.field = field;
    this.list.push(issue);
  }
}
