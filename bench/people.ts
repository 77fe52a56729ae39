/**
 * People search and person page latency through the API, each against its raw-SQL baseline: the
 * statements `listPeople` / `loadReadablePerson` run (server/services/people/list.ts, load.ts),
 * written out by hand and sent through the same driver. Requests alternate API / raw so both
 * see the same machine noise.
 */
import { foldForSearch } from '../common/search.ts';
import type { Query, Row } from './db.ts';
import type { Client } from './http.ts';
import type { StaffRecord } from './roster-set.ts';
import { rng } from './roster-set.ts';
import { now } from './stats.ts';

export interface SearchCase {
  label: string;
  terms: string[];
}

/**
 * Realistic search terms drawn from the generated staff: part of a family name, an e-mail
 * prefix, a staff identifier, a two-word name ("given family"). `perKind` terms of each.
 */
export function searchCases(staff: StaffRecord[], perKind = 25, seed = 7): SearchCase[] {
  const random = rng(seed);
  const someone = () => staff[Math.floor(random() * staff.length)]!;
  const many = (f: (s: StaffRecord) => string) => Array.from({ length: perKind }, () => f(someone()));
  return [
    { label: 'family name part', terms: many((s) => s.familyName.slice(0, Math.max(3, s.familyName.length - 2))) },
    { label: 'e-mail prefix', terms: many((s) => s.email.slice(0, s.email.indexOf('.') + 3)) },
    { label: 'staff identifier', terms: many((s) => s.identifier) },
    { label: 'two-word name', terms: many((s) => `${s.givenName} ${s.familyName}`) },
  ];
}

/** Escapes LIKE wildcards exactly as `likeEscape` in services/people/list.ts does. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The `loadAssignments` statement (services/people/load.ts, prepared once) for the given people. */
async function rawAssignments(query: Query, districtId: string, personIds: string[]): Promise<Row[]> {
  if (personIds.length === 0) return [];
  const current = `("role_assignments"."active"
  and ("role_assignments"."begin_date" is null or "role_assignments"."begin_date" <= current_date)
  and ("role_assignments"."end_date" is null or "role_assignments"."end_date" >= current_date))`;
  return query(
    `select "role_assignments"."id", "role_assignments"."person_id", "role_assignments"."role", "role_assignments"."org_unit_id",
       "org_units"."name", "role_assignments"."is_primary", "role_assignments"."begin_date", "role_assignments"."end_date",
       "role_assignments"."active", ${current}
     from "role_assignments" inner join "org_units" on "org_units"."id" = "role_assignments"."org_unit_id"
     where ("role_assignments"."district_id" = $1 and "role_assignments"."person_id" = any($2::uuid[]))
     order by ${current} desc, "role_assignments"."is_primary" desc, "role_assignments"."begin_date" desc, "org_units"."name" asc`,
    [districtId, personIds],
  );
}

/** The statements of `GET /api/people?q=...&limit=50` for a district-wide reader: page, then assignments. */
export async function rawSearch(query: Query, districtId: string, q: string, limit = 50): Promise<{ ids: string[]; total: number }> {
  const terms = foldForSearch(q).split(' ').filter(Boolean);
  const likes = terms.map((_, i) => ` and "people"."search_text" like $${i + 3}`).join('');
  const n = terms.length + 3;
  const rows = await query(
    `select "id", "given_name", "family_name", "preferred_name", "email", "identifier", "active", count(*) over ()
     from "people" where ("people"."district_id" = $1 and "people"."active" = $2${likes})
     order by "people"."family_name" asc, "people"."given_name" asc, "people"."id" asc limit $${n} offset $${n + 1}`,
    [districtId, true, ...terms.map((t) => `%${likeEscape(t)}%`), limit, 0],
  );
  const ids = rows.map((r) => r.id as string);
  await rawAssignments(query, districtId, ids);
  return { ids, total: Number(rows[0]?.count ?? 0) };
}

/**
 * The statements of `GET /api/people/:id` (`personView`, prepared once per database): the person
 * row with, for a caller who manages people (as the benchmark's district admin does), their account
 * joined in; then their assignments.
 */
export async function rawPerson(query: Query, districtId: string, id: string, reader: Reader): Promise<boolean> {
  const [person] = await query(
    `select "people"."id", "people"."district_id", "people"."created_at", "people"."updated_at", "people"."sourced_id",
       "people"."given_name", "people"."family_name", "people"."middle_name", "people"."preferred_name", "people"."email",
       "people"."phone", "people"."identifier", "people"."username", "people"."active", "people"."version",
       "people"."search_text", "users"."email", "users"."password_hash", "users"."admin_grant"
     from "people" left join "users" on "users"."person_id" = "people"."id"
     where ("people"."id" = $1 and "people"."district_id" = $2)`,
    [id, districtId],
  );
  if (!person) return false;
  await rawAssignments(query, districtId, [id]);
  await rawReadLog(query, districtId, id, reader);
  return true;
}

/** Who reads in the benchmark: the district admin's user and person. */
export interface Reader {
  userId: string;
  personId: string;
}

/** The read-log insert of `logRead` (server/services/record-reads/log.ts) for a person page. */
async function rawReadLog(query: Query, districtId: string, id: string, reader: Reader) {
  await query(
    `insert into "record_reads" ("id", "district_id", "subject_person_id", "reader_user_id", "reader_person_id", "entity_type", "entity_id", "at", "window")
     values (default, $1, $2, $3, $4, $5, $6, default, date_bin('10 minutes'::interval, now(), timestamptz '2000-01-01')) on conflict do nothing`,
    [districtId, id, reader.userId, reader.personId, 'person', id],
  );
}

/** `GET /api/people?q=...&limit=50` through the API; throws unless 200. */
export async function apiSearch(client: Client, q: string, limit = 50): Promise<{ ids: string[]; total: number }> {
  const res = await client.get(`/api/people?q=${encodeURIComponent(q)}&limit=${limit}`);
  if (res.statusCode !== 200) throw new Error(`search ${q}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  const body = res.json() as { items: { id: string }[]; total: number };
  return { ids: body.items.map((i) => i.id), total: body.total };
}

/** `GET /api/people/:id` through the API; throws unless 200. */
export async function apiPerson(client: Client, id: string): Promise<void> {
  const res = await client.get(`/api/people/${id}`);
  if (res.statusCode !== 200) throw new Error(`person ${id}: ${res.statusCode} ${res.body.slice(0, 300)}`);
}

export interface LatencyPair {
  api: number[];
  raw: number[];
}

/**
 * Runs `warmup` unmeasured then `samples` measured iterations; each iteration times the API call
 * and the raw baseline for the same input, alternating which goes first.
 */
export async function measurePairs<T>(
  inputs: T[],
  samples: number,
  warmup: number,
  api: (input: T) => Promise<unknown>,
  raw: (input: T) => Promise<unknown>,
): Promise<LatencyPair> {
  const out: LatencyPair = { api: [], raw: [] };
  for (let i = 0; i < warmup + samples; i++) {
    const input = inputs[i % inputs.length]!;
    const timeOne = async (f: (x: T) => Promise<unknown>) => {
      const start = now();
      await f(input);
      return now() - start;
    };
    const [first, second] = i % 2 === 0 ? [api, raw] : [raw, api];
    const a = await timeOne(first);
    const b = await timeOne(second);
    if (i < warmup) continue;
    out.api.push(i % 2 === 0 ? a : b);
    out.raw.push(i % 2 === 0 ? b : a);
  }
  return out;
}

/**
 * Checks that the hand-written SQL answers what the API answers (same ids in the same order, same
 * total) for every term. Returns the mismatching terms, so a drifted baseline is reported, and
 * the number of matches of each term (context for the latency).
 */
export async function checkSearchBaseline(
  client: Client,
  query: Query,
  districtId: string,
  terms: string[],
): Promise<{ mismatches: string[]; totals: number[] }> {
  const out = { mismatches: [] as string[], totals: [] as number[] };
  for (const term of terms) {
    const a = await apiSearch(client, term);
    const r = await rawSearch(query, districtId, term);
    if (a.total !== r.total || a.ids.join() !== r.ids.join()) out.mismatches.push(term);
    out.totals.push(a.total);
  }
  return out;
}

/**
 * `GET /api/imports/:id` (what the web UI polls while an import runs) against the statement behind
 * it (`loadImport` in services/roster/roster.ts: the whole `roster_imports` row, `parsed` included).
 */
export async function measureImportStatus(client: Client, query: Query, districtId: string, importId: string, samples: number) {
  const api = async () => {
    const res = await client.get(`/api/imports/${importId}`);
    if (res.statusCode !== 200) throw new Error(`import ${importId}: ${res.statusCode}`);
  };
  const raw = () =>
    query(`select * from "roster_imports" where ("roster_imports"."id" = $1 and "roster_imports"."district_id" = $2)`, [
      importId,
      districtId,
    ]);
  const pair = await measurePairs([importId], samples, Math.min(3, samples), api, raw);
  const [size] = await query(
    `select octet_length("parsed"::text) as text_bytes, pg_column_size("parsed") as stored_bytes from "roster_imports" where "id" = $1`,
    [importId],
  );
  return { pair, parsedBytes: Number(size?.text_bytes ?? 0), storedBytes: Number(size?.stored_bytes ?? 0) };
}
