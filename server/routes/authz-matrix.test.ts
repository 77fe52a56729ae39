/**
 * The endpoint x role x district matrix (issue 10): every operation of the OpenAPI document, called
 * signed out and by a staff member, a coach, a school leader, HR and a district admin of district A,
 * with district B's ids in the path, in the query and in every id field of the body, one place at
 * a time (the others hold A's own ids of the right kind). Expected: 400, 401, 403 or 404 (a query
 * filter naming B may also answer an empty 2xx), never B's data (no B id, name or e-mail in any
 * response) and never a write (B's rows unchanged, no A row pointing at B). Operations come from
 * `app.swagger()`, so a new route is covered without anyone writing a case for it; an operation
 * that yields no request fails the test. Runs on PGlite and, under `npm run test:pg`, PostgreSQL.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fingerprint,
  buildMatrixWorld,
  readDistrict,
  DISTRICT_A,
  DISTRICT_B,
  tenantTables,
  type MatrixWorld,
} from '../test/matrix/world.ts';
import { isIdField, sample, setAt, type IdSlot, type JsonSchema } from '../test/matrix/sample.ts';
import { signIn, useTestApp } from '../test/harness.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../seed/seed-data.ts';

const t = useTestApp();
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const REFUSED = new Set([400, 401, 403, 404]);

interface Operation {
  method: (typeof METHODS)[number];
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  body: JsonSchema | null;
  multipart: boolean;
}

interface Caller {
  label: string;
  headers: Record<string, string>;
  personId: string | null;
  userId: string | null;
}

/** The table a path segment's `{id}` names when its snake_case is not already a table name. */
const SEGMENT_TABLES: Record<string, string> = {
  imports: 'roster_imports',
  pathways: 'career_pathways',
  terms: 'school_terms',
  plans: 'coaching_plans',
  cycles: 'coaching_cycles',
  logs: 'coaching_logs',
  schools: 'org_units',
  CFPackages: 'framework_versions',
  CFDocuments: 'framework_versions',
  CFItems: 'framework_items',
  CFRubrics: 'rubrics',
};
/** Id names no foreign key spells out. */
const NAME_TABLES: Record<string, string> = {
  member_id: 'people',
  attendee_id: 'people',
  coachee_id: 'people',
  review_id: 'coaching_plan_reviews',
  cited_note_id: 'observation_notes',
  equivalence_id: 'step_equivalences',
  assignment_id: 'role_assignments',
  descriptor_id: 'rubric_descriptors',
  source_item_id: 'framework_items',
  entity_id: 'people',
  a: 'pathway_steps',
  b: 'pathway_steps',
  from: 'framework_versions',
  to: 'framework_versions',
};

const snake = (s: string) =>
  s
    .replace(/-/g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();

let world: MatrixWorld;
let operations: Operation[];
let callers: Caller[];
let tables: ReturnType<typeof tenantTables>;
let components: Record<string, JsonSchema>;
const failures: string[] = [];
const stateRefused: string[] = [];
const perOperation = new Map<string, number>();
let before: Record<string, string>;

/** The table an id parameter or field points into. */
function kindOf(op: Operation, name: string): string {
  const tableNames = new Set(tables.map((x) => x.name));
  if (name === 'id') {
    const segments = op.path.split('/');
    const segment = segments[segments.indexOf('{id}') - 1] ?? '';
    return SEGMENT_TABLES[segment] ?? (tableNames.has(snake(segment)) ? snake(segment) : 'people');
  }
  const column = snake(name).replace(/_ids$/, '_id');
  if (NAME_TABLES[column]) return NAME_TABLES[column]!;
  const pathTable = kindOf(op, 'id');
  const own = tables.find((x) => x.name === pathTable)?.references.get(column);
  if (own) return own;
  for (const x of tables) if (x.references.has(column)) return x.references.get(column)!;
  if (/person_id$/.test(column)) return 'people';
  if (/item_id$/.test(column)) return 'framework_items';
  const bare = column.replace(/_id$/, '');
  for (const candidate of [bare, `${bare}s`, bare.replace(/y$/, 'ies')]) if (tableNames.has(candidate)) return candidate;
  return 'people';
}

const bRow = (table: string) => world.b.rows.get(table)?.find((r) => typeof r.id === 'string') ?? world.b.rows.get('people')![0]!;

/** The status of the row, or of the framework version (or rubric's version) it belongs to. */
function statusOf(r: Record<string, unknown>): unknown {
  if (r.status !== undefined) return r.status;
  const find = (table: string, id: unknown) => world.a.rows.get(table)?.find((x) => x.id === id);
  const rubric = r.rubric_id ? find('rubrics', r.rubric_id) : undefined;
  const versionId = r.version_id ?? rubric?.version_id;
  return versionId ? find('framework_versions', versionId)?.status : undefined;
}

/**
 * A's row of a kind, preferring one the caller has to do with (theirs), in the state the operation
 * acts on (a draft, or published for what follows publishing), and active.
 */
function aRow(table: string, caller: Caller, op?: Operation): Record<string, unknown> {
  const rows = world.a.rows.get(table)?.filter((r) => typeof r.id === 'string') ?? [];
  if (rows.length === 0) return world.a.rows.get('people')![0]!;
  const wanted = op && /\/(revise|acknowledge|replies|feedback|new-version|retire)$/.test(op.path) ? 'published' : 'draft';
  let best = rows[0]!;
  let bestScore = -1;
  for (const r of rows) {
    const values = Object.values(r);
    const mine = (caller.personId && values.includes(caller.personId)) || (caller.userId && values.includes(caller.userId));
    const score = (mine ? 4 : 0) + (statusOf(r) === wanted ? 5 : 0) + (r.active === false ? 0 : 1);
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return best;
}

function readOperations(doc: {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema: JsonSchema; required?: boolean }[];
        requestBody?: { content?: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      out.push({
        method,
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: content['application/json']?.schema ?? null,
        multipart: !content['application/json'] && Object.keys(content).length > 0,
      });
    }
  }
  return out;
}

type Place = { where: 'path' | 'query'; name: string } | { where: 'body'; slot: IdSlot };

/** The request for one caller with B's id at `place` (or nowhere) and A's ids elsewhere. */
function buildRequest(op: Operation, caller: Caller, place: Place | 'everywhere' | null): { options: InjectOptions; sent: string[] } {
  const sent: string[] = [];
  const idFor = (where: string, name: string, isB: boolean, parent?: string | number) => {
    // A body `id` names a row of its list (notes[].id -> observation_notes), not the path's row.
    const listTable =
      where === 'body' && name === 'id' && typeof parent === 'string'
        ? tables.find((x) => x.name === snake(parent) || x.name.endsWith(`_${snake(parent)}`))?.name
        : undefined;
    const kind = listTable ?? kindOf(op, name);
    if (isB || caller.personId === null) {
      const id = bRow(kind).id as string;
      sent.push(id);
      return id;
    }
    return aRow(kind, caller, op).id as string;
  };
  let pathRow: Record<string, unknown> | null = null;
  let url = op.path;
  for (const p of op.pathParams) {
    const isId = isIdField(p.name, p.schema);
    const here = place === 'everywhere' || (place !== null && place.where === 'path' && place.name === p.name);
    const value = isId ? idFor('path', p.name, here) : String(sample(p.schema, components));
    if (isId && p.name === 'id' && !here && caller.personId) pathRow = aRow(kindOf(op, 'id'), caller, op);
    url = url.replace(`{${p.name}}`, encodeURIComponent(value));
  }
  const query = new URLSearchParams();
  for (const q of op.queryParams) {
    const isId = isIdField(q.name, q.schema);
    if (isId)
      query.set(
        q.name,
        idFor('query', q.name, place === 'everywhere' || (place !== null && place.where === 'query' && place.name === q.name)),
      );
    else if (q.required) query.set(q.name, String(sample(q.schema, components)));
  }
  let payload: unknown;
  if (op.body) {
    const slots: IdSlot[] = [];
    // Signed out: the whole body; signed in: required fields plus the path to the id under test.
    const keep = place === 'everywhere' ? undefined : place !== null && place.where === 'body' ? place.slot.path : [];
    payload = sample(op.body, components, slots, [], '', keep);
    for (const slot of slots) {
      const here =
        place === 'everywhere' || (place !== null && place.where === 'body' && place.slot.path.join('.') === slot.path.join('.'));
      const parent = slot.path.filter((k) => typeof k === 'string').at(-2);
      payload = setAt(payload, slot.path, idFor('body', slot.name, here, parent));
    }
    if (pathRow && typeof (payload as Record<string, unknown>).version === 'number' && typeof pathRow.version === 'number') {
      payload = { ...(payload as object), version: pathRow.version };
    }
  }
  const qs = query.toString();
  return {
    options: {
      method: op.method.toUpperCase() as InjectOptions['method'],
      url: qs ? `${url}?${qs}` : url,
      headers: { ...caller.headers, ...(op.body ? { 'content-type': 'application/json' } : {}) },
      ...(op.body ? { payload: JSON.stringify(payload) } : {}),
    },
    sent,
  };
}

/** The places an operation can carry an id, found from its parameters and body schema. */
function placesOf(op: Operation): Place[] {
  const places: Place[] = [];
  for (const p of op.pathParams) if (isIdField(p.name, p.schema)) places.push({ where: 'path', name: p.name });
  for (const q of op.queryParams) if (isIdField(q.name, q.schema)) places.push({ where: 'query', name: q.name });
  if (op.body) {
    const slots: IdSlot[] = [];
    sample(op.body, components, slots);
    for (const slot of slots) places.push({ where: 'body', slot });
  }
  return places;
}

/**
 * Operations anyone may call with any district's id, by design, and why. Their answers are still
 * checked for B's data; only the status is not expected to be a refusal.
 */
const PUBLIC_BY_DESIGN = new Map<string, string>([
  [
    'GET /api/auth/sso/start/{id}',
    "starts a sign-in at a provider whose button is on its district's public sign-in page: a redirect to the provider, nothing of the district",
  ],
]);

async function check(op: Operation, caller: Caller, place: Place | 'everywhere' | null) {
  const { options, sent } = buildRequest(op, caller, place);
  const res = await t.app.inject(options);
  const key = `${op.method.toUpperCase()} ${op.path}`;
  perOperation.set(key, (perOperation.get(key) ?? 0) + 1);
  const where =
    place === null
      ? 'no B id'
      : place === 'everywhere'
        ? 'B ids everywhere'
        : place.where === 'body'
          ? `body ${place.slot.path.join('.')}`
          : `${place.where} ${place.name}`;
  const label = `${caller.label} ${options.method} ${options.url} [${where}]`;
  const body = res.body;
  const leaked = (body.match(UUID) ?? []).filter((id) => world.bIds.has(id.toLowerCase()) && !sent.includes(id.toLowerCase()));
  if (leaked.length) failures.push(`${label}: ${res.statusCode} shows B's ids ${[...new Set(leaked)].slice(0, 3).join(', ')}`);
  if (body.includes(DISTRICT_B.name) || body.includes(`@${DISTRICT_B.domain}`))
    failures.push(`${label}: ${res.statusCode} shows B's name or e-mail`);
  if (res.statusCode >= 500) failures.push(`${label}: ${res.statusCode} ${body.slice(0, 200)}`);
  else if (sent.length > 0 && !PUBLIC_BY_DESIGN.has(key)) {
    const queryOnly = place !== null && place !== 'everywhere' && place.where === 'query' && op.method === 'get';
    if (REFUSED.has(res.statusCode) || (queryOnly && res.statusCode < 300)) return;
    // A 409 decided by the state of A's own record (a published version, a draft not yet published)
    // refuses the same request with A's ids too: B's id was not reached, nothing was shown or written.
    if (res.statusCode === 409 && (await t.app.inject(buildRequest(op, caller, null).options)).statusCode === 409) {
      stateRefused.push(label);
      return;
    }
    failures.push(`${label}: ${res.statusCode} (expected 400, 401, 403 or 404) ${body.slice(0, 200)}`);
  }
}

beforeAll(async () => {
  world = await buildMatrixWorld(t.database.db);
  tables = tenantTables();
  const doc = t.app.swagger() as unknown as Parameters<typeof readOperations>[0] & {
    components?: { schemas?: Record<string, JsonSchema> };
  };
  components = doc.components?.schemas ?? {};
  operations = readOperations(doc);
  const users = world.a.rows.get('users')!;
  callers = [{ label: 'signed out', headers: {}, personId: null, userId: null }];
  for (const who of ['teacher', 'coach', 'principal', 'hr', 'admin']) {
    const email = `${who}@${DISTRICT_A.domain}`;
    const client = await signIn(t.app, email, DEMO_PASSWORD, DEMO_TOTP_SECRET);
    const user = users.find((u) => u.email === email)!;
    callers.push({
      label: who,
      headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken! },
      personId: user.person_id as string,
      userId: user.id as string,
    });
  }
  // The coach's own draft (the demo's drafts are leaders'), so draft saves reach their id checks.
  const coach = callers.find((c) => c.label === 'coach')!;
  const coachee = world.a.rows.get('caseload_members')!.find((m) => m.coach_person_id === coach.personId)!.person_id;
  const scored = world.a.rows.get('observation_types')!.find((x) => x.kind === 'scored')!.id;
  const draft = await t.app.inject({
    method: 'POST',
    url: '/api/observations',
    headers: coach.headers,
    payload: { typeId: scored, observedPersonId: coachee, observedOn: '2026-10-14' },
  });
  expect(draft.statusCode, draft.body).toBe(201);
  world.a.rows = await readDistrict(t.database.db, world.a.id);
  before = await fingerprint(t.database.db, world.b.id);
}, 180_000);

afterAll(() => {
  if (process.env.MATRIX_REPORT) {
    console.log(
      `matrix: ${operations?.length} operations, ${[...perOperation.values()].reduce((a, b) => a + b, 0)} requests, ${stateRefused.length} refused by A's record state (409):\n  ${stateRefused.join('\n  ')}`,
    );
  }
});

describe('endpoint x role x district', () => {
  it('every operation refuses district B’s ids from every caller of district A, shows none of B and writes nothing', async () => {
    expect(operations.length).toBeGreaterThan(100);
    // Signing out ends the caller's session: it goes last.
    const ordered = [...operations].sort((x, y) => Number(x.path.endsWith('/sign-out')) - Number(y.path.endsWith('/sign-out')));
    for (const caller of callers) {
      for (const op of ordered) {
        if (caller.personId === null) {
          await check(op, caller, placesOf(op).length ? 'everywhere' : null);
          continue;
        }
        const places = placesOf(op);
        // Without an id there is nothing of B to send; reads are still checked for B's data.
        if (places.length === 0) {
          if (op.method === 'get') await check(op, caller, null);
          continue;
        }
        for (const place of places) await check(op, caller, place);
      }
    }
    const silent = operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).filter((key) => !perOperation.has(key));
    expect(silent, 'operations that yielded no request').toEqual([]);
    expect(failures).toEqual([]);
  }, 600_000);

  it('leaves district B’s rows as they were and no row of A points at B', async () => {
    expect(await fingerprint(t.database.db, world.b.id)).toEqual(before);
    const pointing: string[] = [];
    for (const x of tables) {
      const rows = (await t.database.db.execute(
        (await import('drizzle-orm'))
          .sql`select to_jsonb(t)::text as r from ${(await import('drizzle-orm')).sql.identifier(x.name)} t where t.district_id = ${world.a.id}`,
      )) as unknown as { rows: { r: string }[] };
      for (const { r } of rows.rows) {
        const ids = (r.match(UUID) ?? []).filter((id) => world.bIds.has(id.toLowerCase()));
        if (ids.length) pointing.push(`${x.name}: ${r.slice(0, 300)}`);
      }
    }
    expect(pointing).toEqual([]);
  }, 120_000);
});
