/**
 * Every keyset pager over a timestamp (lib/cursor.ts) walks rows that share a timestamp to the
 * microsecond without losing one: the audit log, a person's history, coaching sessions and "who
 * viewed my record". Issue 11: the cursor kept milliseconds, PostgreSQL keeps microseconds, and
 * rows of one transaction share `now()`, so 6 audit rows paged 2 at a time gave 2 on PostgreSQL
 * (6 on PGlite, whose clock has milliseconds only). Run it on both databases.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, recordReads } from '../db/schema/index.ts';
import { coachingWorld, postOk, sessionBody, type CoachingWorld } from '../test/fixtures/coaching.ts';
import type { Client } from '../test/harness.ts';
import { useTestApp } from '../test/harness.ts';

const t = useTestApp();
let w: CoachingWorld;
let adminUserId = '';

/** A timestamp with microseconds that a millisecond cursor cannot carry. */
const MICROS = sql`timestamptz '2026-03-02 10:00:00.123456+00'`;

/** Every id of a list, following `nextCursor` from page to page. */
async function walk(client: Client, url: string, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const res = await client.get(
      `${url}${url.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: { id: string }[]; nextCursor: string | null };
    ids.push(...body.items.map((i) => i.id));
    cursor = body.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error('more than 50 pages');
}

beforeAll(async () => {
  w = await coachingWorld(t);
  adminUserId = (await w.admin.get('/api/me')).json().id;
}, 60_000);

describe('keyset paging over timestamps', () => {
  it('gives all 6 audit rows written in one transaction, 2 a page', async () => {
    const ids = await t.database.db.transaction(async (tx) => {
      const made: string[] = [];
      for (let i = 0; i < 6; i++) {
        const [row] = await tx
          .insert(auditLog)
          .values({
            districtId: w.districtId,
            actorUserId: adminUserId,
            action: 'probe.same_transaction',
            entityType: 'paging_probe',
            entityId: w.ids.coachee,
          })
          .returning({ id: auditLog.id });
        made.push(row!.id);
      }
      return made;
    });
    const seen = await walk(w.admin, '/api/audit?action=probe.same_transaction', 2);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('gives all 6 audit rows sharing a microsecond timestamp, and a person history the same', async () => {
    const rows = await t.database.db
      .insert(auditLog)
      .values(
        Array.from({ length: 6 }, () => ({
          districtId: w.districtId,
          action: 'probe.micro',
          entityType: 'person',
          entityId: w.ids.peer,
          at: MICROS,
        })),
      )
      .returning({ id: auditLog.id });
    const ids = rows.map((r) => r.id).sort();
    expect((await walk(w.admin, '/api/audit?action=probe.micro', 2)).sort()).toEqual(ids);
    const history = await walk(w.admin, `/api/people/${w.ids.peer}/history`, 2);
    expect(history.filter((id) => ids.includes(id)).sort()).toEqual(ids);
  });

  it('keeps a row in an audit filter whose from and to are its own time as the log shows it', async () => {
    const [row] = await t.database.db
      .insert(auditLog)
      .values({ districtId: w.districtId, action: 'probe.bounds', entityType: 'person', entityId: w.ids.peer, at: MICROS })
      .returning({ id: auditLog.id });
    const shown = (await w.admin.get('/api/audit?action=probe.bounds')).json() as { items: { id: string; at: string }[] };
    const at = shown.items[0]!.at;
    const res = await w.admin.get(`/api/audit?action=probe.bounds&from=${encodeURIComponent(at)}&to=${encodeURIComponent(at)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([row!.id]);
  });

  it('gives all 6 coaching sessions starting at one microsecond, 2 a page', async () => {
    const made: string[] = [];
    for (let i = 0; i < 6; i++) made.push((await postOk(w.coach, '/api/coaching/logs', sessionBody([w.ids.peer]))).id);
    await t.database.db.execute(sql`update coaching_logs set starts_at = ${MICROS} where coaching_logs.coach_person_id = ${w.ids.coach}`);
    const seen = await walk(w.coach, `/api/coaching/logs?personId=${w.ids.peer}`, 2);
    expect(seen.sort()).toEqual(made.sort());
  });

  it('gives all 6 reads of my record at one microsecond, 2 a page', async () => {
    const rows = await t.database.db
      .insert(recordReads)
      .values(
        Array.from({ length: 6 }, (_, i) => ({
          districtId: w.districtId,
          subjectPersonId: w.ids.otherTeacher,
          readerUserId: adminUserId,
          readerPersonId: w.ids.leader,
          entityType: 'action_step',
          entityId: crypto.randomUUID(),
          at: MICROS,
          window: sql`timestamptz '2026-03-02 10:00:00+00' + make_interval(mins => ${i})`,
        })),
      )
      .returning({ id: recordReads.id });
    expect((await walk(w.otherTeacher, '/api/me/record-reads', 2)).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('refuses a cursor it did not make (400), old millisecond cursors still read', async () => {
    for (const bad of [
      'not-a-cursor',
      Buffer.from('2026-03-02|x').toString('base64url'),
      Buffer.from(`2026-03-02 10:00:00|${crypto.randomUUID()}`).toString('base64url'),
    ]) {
      const res = await w.admin.get(`/api/audit?cursor=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const old = Buffer.from(`2026-03-02T10:00:00.124Z|${crypto.randomUUID()}`).toString('base64url');
    expect((await w.admin.get(`/api/audit?action=probe.micro&cursor=${old}`)).json().items).toHaveLength(6);
  });
});
