import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';

/** Column name (snake_case) and PostgreSQL type of each column a roster import creates. */
export const IMPORT_COLUMNS = {
  org_units: {
    id: 'uuid',
    district_id: 'uuid',
    sourced_id: 'text',
    name: 'text',
    type: 'text',
    identifier: 'text',
    parent_id: 'uuid',
    active: 'boolean',
  },
  people: {
    id: 'uuid',
    district_id: 'uuid',
    sourced_id: 'text',
    given_name: 'text',
    family_name: 'text',
    middle_name: 'text',
    preferred_name: 'text',
    email: 'text',
    phone: 'text',
    identifier: 'text',
    username: 'text',
    grades: 'text[]',
    active: 'boolean',
    search_text: 'text',
  },
  role_assignments: {
    id: 'uuid',
    district_id: 'uuid',
    sourced_id: 'text',
    person_id: 'uuid',
    org_unit_id: 'uuid',
    role: 'text',
    is_primary: 'boolean',
    begin_date: 'date',
    end_date: 'date',
    active: 'boolean',
  },
} as const;
export type ImportTable = keyof typeof IMPORT_COLUMNS;

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** Not part of an audit row's `after`: the tenant is the row's district, search text is derived. */
const NOT_AUDITED = new Set(['district_id', 'search_text']);

/**
 * Inserts many rows as ONE jsonb parameter expanded by `jsonb_to_recordset`, and writes their
 * audit rows from the inserted rows in the same statement batch. Building a 500-row VALUES list
 * value by value cost more JavaScript time than the database spent writing the rows.
 */
export async function bulkInsertWithAudit(
  tx: Tx,
  table: ImportTable,
  rows: Record<string, unknown>[],
  audit: { districtId: string; actorUserId: string; requestId: string; action: string; entityType: string },
) {
  const columns = IMPORT_COLUMNS[table];
  const names = Object.keys(columns);
  const json = JSON.stringify(rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [snake(k), v ?? null]))));
  const list = sql.raw(names.join(', '));
  const types = sql.raw(names.map((n) => `${n} ${columns[n as keyof typeof columns]}`).join(', '));
  const tableName = sql.raw(table);
  // camelCase keys, like every other audit row (written from Drizzle rows).
  const after = sql.raw(
    `jsonb_build_object(${names
      .filter((n) => !NOT_AUDITED.has(n))
      .map((n) => `'${camel(n)}', t.${n}`)
      .join(', ')})`,
  );
  await tx.execute(sql`insert into ${tableName} (${list}) select ${list} from jsonb_to_recordset(${json}::jsonb) as x(${types})`);
  await tx.execute(sql`
    insert into audit_log (district_id, actor_user_id, action, entity_type, entity_id, after, request_id)
    select ${audit.districtId}::uuid, ${audit.actorUserId}::uuid, ${audit.action}, ${audit.entityType}, t.id,
           ${after}, ${audit.requestId}
    from ${tableName} t
    where t.id in (select (r->>'id')::uuid from jsonb_array_elements(${json}::jsonb) r)`);
}
