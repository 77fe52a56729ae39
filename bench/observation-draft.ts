/**
 * Autosave of an observation draft (`PUT /api/observations/:id/draft`, 30 notes and 10 scores,
 * what a coach's laptop sends every few seconds) against the raw SQL `saveDraft` runs
 * (server/services/observations/draft.ts): the read of the row with its rubric's criteria and
 * levels, then one transaction updating the row, replacing notes and scores with one delete and
 * one bulk insert each, and the audit row. The teacher's rubric has 10 competencies; the tables
 * hold a background of other observations (each 30 notes and 10 scores). Target p95 < 30 ms.
 * Runs alone: `npx tsx bench/observation-draft.ts [--quick] [--samples N]`, on PGlite, or on
 * PostgreSQL with DATABASE_URL (or `--db postgres` and BENCH_DATABASE_URL).
 */
import { randomUUID } from 'node:crypto';
import type { App } from '../server/app.ts';
import { buildActor } from '../server/services/auth/actor.ts';
import { saveDraft } from '../server/services/observations/draft.ts';
import { buildObservationFixture } from '../server/test/fixtures/observations.ts';
import { buildDistrict, buildOrgUnit, buildUser } from '../server/test/factories.ts';
import type { Db } from '../server/db/client.ts';
import { openBenchDatabase, type Query, type RawDriver } from './db.ts';
import { signIn, startApp } from './http.ts';
import { parseOptions, type BenchOptions } from './options.ts';
import { measurePairs, type LatencyPair } from './people.ts';
import { millis, percentiles, ratio } from './stats.ts';
import { RequestMail } from '../server/services/mail/outlet.ts';

const CRITERIA = 10;
const NOTES = 30;
const TARGET_P95_MS = 30;

export interface ObservationDraftResults {
  /** saveDraft called directly (same content), measured in its own pairs against raw. */
  service: number[];
  background: { observations: number; notes: number; scores: number };
  pair: LatencyPair;
  db: string;
}

interface Draft {
  id: string;
  version: number;
  notes: { id: string; notedAt: string; body: string; itemId: string | null }[];
  scores: { criterionId: string; scaleLevelId: string; comment: string; citedNoteIds: string[] }[];
}

/** What the draft save needs of a rubric: its criteria and the scale's levels. */
export interface DraftRubric {
  criteria: { id: string; itemId: string }[];
  levels: { id: string; levelScore: number }[];
}

function content(fixture: DraftRubric): Pick<Draft, 'notes' | 'scores'> {
  const notes = Array.from({ length: NOTES }, (_, i) => ({
    id: randomUUID(),
    notedAt: new Date(Date.UTC(2026, 10, 10, 14, i)).toISOString(),
    body: `Minute ${i}: students turn and talk about the word problem; teacher circulates and listens to two pairs before cold calling.`,
    itemId: fixture.criteria[i % CRITERIA]!.itemId,
  }));
  const scores = fixture.criteria.map((c, i) => ({
    criterionId: c.id,
    scaleLevelId: fixture.levels[i % fixture.levels.length]!.id,
    comment: 'Evidence in the cited notes.',
    citedNoteIds: [notes[i]!.id, notes[i + CRITERIA]!.id],
  }));
  return { notes, scores };
}

/** The statements of saveDraft, written by hand, on the same driver. */
function rawSave(
  query: Query,
  transaction: (fn: (q: Query) => Promise<void>) => Promise<void>,
  ctx: { districtId: string; userId: string; levelScores: Map<string, number> },
) {
  return async (draft: Draft) => {
    const [row] = await query(
      `select o.*, coalesce((select json_agg(json_build_object('id', c.id, 'itemId', c.item_id)) from rubric_criteria c where c.rubric_id = o.rubric_id), '[]'::json) as criteria,
              coalesce((select json_agg(json_build_object('id', l.id, 'levelScore', l.level_score, 'proficient', l.proficient)) from scale_levels l where l.scale_id = o.scale_id), '[]'::json) as levels
       from observations o where o.id = $1 and o.district_id = $2`,
      [draft.id, ctx.districtId],
    );
    const criteria = new Map((row!.criteria as { id: string; itemId: string }[]).map((c) => [c.id, c.itemId]));
    await transaction(async (q) => {
      const updated = await q(
        `with dn as (delete from observation_notes where observation_id = $4 returning id), ds as (delete from observation_scores where observation_id = $4 returning id)
         update observations set version = $1, updated_at = now(), updated_by_user_id = $2, glows = $3 where id = $4 and version = $5 and status = 'draft' returning *`,
        [draft.version + 1, ctx.userId, `Glows ${draft.version}`, draft.id, draft.version],
      );
      if (updated.length !== 1) throw new Error('raw save: stale version');
      const params: unknown[] = [];
      const values = (row: unknown[]) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`;
      const noteValues = draft.notes.map((n, i) => values([n.id, ctx.districtId, draft.id, i, n.notedAt, n.body, n.itemId]));
      const scoreValues = draft.scores.map((s) =>
        values([
          ctx.districtId,
          draft.id,
          s.criterionId,
          criteria.get(s.criterionId),
          s.scaleLevelId,
          ctx.levelScores.get(s.scaleLevelId),
          s.comment,
          JSON.stringify(s.citedNoteIds),
        ]),
      );
      const audit = values([
        ctx.districtId,
        ctx.userId,
        draft.id,
        JSON.stringify({ version: draft.version + 1, notes: NOTES, scores: CRITERIA }),
      ]);
      const [written] = await q(
        `with n as (insert into observation_notes (id, district_id, observation_id, position, noted_at, body, item_id) values ${noteValues.join(', ')} on conflict do nothing returning id),
              s as (insert into observation_scores (district_id, observation_id, criterion_id, item_id, scale_level_id, level_score, comment, cited_note_ids) values ${scoreValues.join(', ')} returning id)
         insert into audit_log (district_id, actor_user_id, entity_id, after, action, entity_type, request_id) values ${audit.slice(0, -1)}, 'observation.save_draft', 'observation', 'bench')
         returning (select count(*) from n) as notes`,
        params,
      );
      if (Number(written!.notes) !== NOTES) throw new Error('raw save: notes not written');
    });
    draft.version += 1;
  };
}

/** A background of published-looking observations with notes and scores, written in bulk. */
async function seedBackground(
  query: Query,
  districtId: string,
  teacherId: string,
  observerId: string,
  typeId: string,
  fixture: Awaited<ReturnType<typeof buildObservationFixture>>,
  count: number,
) {
  await query(
    `insert into observations (district_id, type_id, kind, purpose, observed_person_id, observer_person_id, rubric_id, scale_id, observed_on, status, revision)
     select $1, $2, 'scored', 'evaluation', $3, $4, $5, $6, date '2025-09-01' + (g % 300), 'published', 1 from generate_series(1, $7::int) g`,
    [districtId, typeId, teacherId, observerId, fixture.rubricId, fixture.scaleId, count],
  );
  await query(
    `insert into observation_notes (id, district_id, observation_id, position, noted_at, body, item_id)
     select gen_random_uuid(), o.district_id, o.id, n, now(), repeat('Background note. ', 8), null from observations o, generate_series(0, ${NOTES - 1}) n where o.district_id = $1 and o.status = 'published'`,
    [districtId],
  );
  await query(
    `insert into observation_scores (district_id, observation_id, criterion_id, item_id, scale_level_id, level_score)
     select o.district_id, o.id, c.id, c.item_id, $2, 3 from observations o join rubric_criteria c on c.rubric_id = o.rubric_id where o.district_id = $1 and o.status = 'published'`,
    [districtId, fixture.levels[1]!.id],
  );
}

export async function benchObservationDraft(opts: BenchOptions, log: (m: string) => void): Promise<ObservationDraftResults> {
  const url = process.env.DATABASE_URL;
  const bench = await openBenchDatabase(url ? 'postgres' : opts.db, url ?? opts.serverUrl);
  try {
    const db = bench.database.db;
    const districtId = (await buildDistrict(db, 'Bench Observations')).id;
    const school = await buildOrgUnit(db, districtId);
    const leader = await buildUser(db, districtId, 'school_leader', { orgUnitId: school.id });
    const teacher = await buildUser(db, districtId, 'staff', { orgUnitId: school.id });
    const fixture = await buildObservationFixture(db, districtId, { competencies: CRITERIA });
    const background = opts.quick ? 500 : 4_000;
    await seedBackground(bench.raw.query, districtId, teacher.personId, leader.personId, fixture.scoredTypeId, fixture, background);
    const [counts] = await bench.raw.query(
      `select (select count(*) from observations)::int as o, (select count(*) from observation_notes)::int as n, (select count(*) from observation_scores)::int as s`,
    );
    log(`observation draft: background of ${counts!.o} observations, ${counts!.n} notes, ${counts!.s} scores`);
    const app = await startApp(bench.database);
    try {
      const { pair, service } = await measureDraftSave(app, bench.raw, opts, {
        db,
        districtId,
        observer: { id: leader.id, personId: leader.personId, email: leader.email, roles: [{ role: 'principal', orgUnitId: school.id }] },
        observedPersonId: teacher.personId,
        typeId: fixture.scoredTypeId,
        rubric: fixture,
      });
      return {
        service,
        background: { observations: Number(counts!.o), notes: Number(counts!.n), scores: Number(counts!.s) },
        pair,
        db: url ? 'postgres (DATABASE_URL)' : opts.db,
      };
    } finally {
      await app.close();
    }
  } finally {
    await bench.close();
  }
}

export interface DraftSaveSetup {
  db: Db;
  districtId: string;
  /** The observer: a signed-in user who may observe `observedPersonId` with a scored observation of `typeId`. */
  observer: { id: string; personId: string; email: string; roles: { role: string; orgUnitId: string }[] };
  observedPersonId: string;
  typeId: string;
  rubric: DraftRubric;
}

/**
 * Creates two drafts through the API, then saves one through `PUT /api/observations/:id/draft` and
 * the other with the raw statements, alternating (the pair), and `saveDraft` called directly (service).
 * Used here and by the tracker bench on its 25,000-staff district.
 */
export async function measureDraftSave(
  app: App,
  raw: Pick<RawDriver, 'query' | 'transaction'>,
  opts: Pick<BenchOptions, 'samples' | 'warmup'>,
  setup: DraftSaveSetup,
): Promise<{ pair: LatencyPair; service: number[] }> {
  const { districtId, observer, rubric } = setup;
  const { request: send } = await signIn(app, observer.email);
  const create = async (): Promise<Draft> => {
    const res = await send('POST', '/api/observations', {
      typeId: setup.typeId,
      observedPersonId: setup.observedPersonId,
      observedOn: '2026-11-10',
    });
    if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body.slice(0, 300)}`);
    const { id, version } = res.json() as { id: string; version: number };
    return { id, version, ...content(rubric) };
  };
  const apiDraft = await create();
  const rawDraft = await create();
  const apiSave = async (draft: Draft) => {
    const res = await send('PUT', `/api/observations/${draft.id}/draft`, {
      version: draft.version,
      notes: draft.notes,
      scores: draft.scores,
      glows: `Glows ${draft.version}`,
    });
    if (res.statusCode !== 200) throw new Error(`save: ${res.statusCode} ${res.body.slice(0, 300)}`);
    draft.version = (res.json() as { version: number }).version;
  };
  const levelScores = new Map(rubric.levels.map((l) => [l.id, l.levelScore]));
  const rawSaveOne = rawSave(raw.query, (fn) => raw.transaction(fn), { districtId, userId: observer.id, levelScores });
  const pair = await measurePairs(
    [0],
    opts.samples,
    opts.warmup,
    () => apiSave(apiDraft),
    () => rawSaveOne(rawDraft),
  );
  // The service alone (no HTTP, session or body validation), for where the time goes.
  const ctx = {
    db: setup.db,
    actor: buildActor({ id: observer.id, personId: observer.personId, districtId, adminGrant: null }, observer.roles, []),
    requestId: 'bench',
    log: app.log,
    mail: new RequestMail('http://localhost:3000'),
    jobs: app.jobs,
  };
  const service = await measurePairs(
    [0],
    opts.samples,
    opts.warmup,
    async () => {
      const res = await saveDraft(ctx, apiDraft.id, {
        version: apiDraft.version,
        notes: apiDraft.notes,
        scores: apiDraft.scores,
        glows: `Glows ${apiDraft.version}`,
      });
      apiDraft.version = res.version;
    },
    () => rawSaveOne(rawDraft),
  );
  return { pair, service: service.api };
}

export function printObservationDraft(r: ObservationDraftResults): void {
  const a = percentiles(r.pair.api);
  const w = percentiles(r.pair.raw);
  console.log('');
  console.log(`Observation draft autosave (PUT /api/observations/:id/draft): ${NOTES} notes, ${CRITERIA} scores, on ${r.db}`);
  console.log(`  background: ${r.background.observations} observations, ${r.background.notes} notes, ${r.background.scores} scores`);
  console.log(
    `  API      p50 ${millis(a.p50).padStart(8)}  p95 ${millis(a.p95).padStart(8)}   target p95 < ${TARGET_P95_MS} ms: ${a.p95 < TARGET_P95_MS ? 'PASS' : 'FAIL'}   (n=${a.n})`,
  );
  console.log(`  raw SQL  p50 ${millis(w.p50).padStart(8)}  p95 ${millis(w.p95).padStart(8)}   (the statements of saveDraft, same driver)`);
  console.log(`  ratio    p50 ${ratio(a.p50, w.p50)}  p95 ${ratio(a.p95, w.p95)}`);
  const s = percentiles(r.service);
  console.log(
    `  service  p50 ${millis(s.p50).padStart(8)}  p95 ${millis(s.p95).padStart(8)}   (saveDraft called directly: no HTTP, session or body validation)`,
  );
  console.log(
    '  statements per save: API 6 (session, read, BEGIN, deletes+update, inserts+audit, COMMIT), raw 5 (the same without the session)',
  );
}

// Alone: `npx tsx bench/observation-draft.ts [--quick] [--db postgres] [--samples N]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = parseOptions(process.argv.slice(2));
  benchObservationDraft(opts, (m) => process.stderr.write(`[bench] ${m}\n`))
    .then(printObservationDraft)
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
