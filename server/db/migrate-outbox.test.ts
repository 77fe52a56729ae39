/**
 * Upgrading a server that ran before Trellis sent e-mail itself (issue 10, finding 4): the outbox
 * held live set-password links that district admins could read. The migration withholds them,
 * revokes every open link, and marks the old rows as never sent so the new worker does not send
 * stale messages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, expect, it } from 'vitest';
import { openPglite } from './pglite.ts';

const source = path.join(import.meta.dirname, 'migrations');
const before = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-migrations-'));
afterAll(() => fs.rmSync(before, { recursive: true, force: true }));

/** The migrations folder as it was before e-mail delivery (every migration before `*_outbox_delivery`). */
function migrationsBeforeDelivery(): string {
  const journal = JSON.parse(fs.readFileSync(path.join(source, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  const delivery = journal.entries.findIndex((e) => e.tag.endsWith('_outbox_delivery'));
  const kept = journal.entries.slice(0, delivery);
  fs.mkdirSync(path.join(before, 'meta'), { recursive: true });
  fs.writeFileSync(path.join(before, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  for (const e of kept) fs.copyFileSync(path.join(source, `${e.tag}.sql`), path.join(before, `${e.tag}.sql`));
  return before;
}

it('withholds old links, revokes open ones and marks old e-mails as never sent', async () => {
  const client = await openPglite('memory://', { extensions: { pg_trgm } });
  const db = drizzle(client, { casing: 'snake_case' });
  try {
    await migrate(db, { migrationsFolder: migrationsBeforeDelivery() });
    await db.execute(sql`INSERT INTO districts (id, name, slug) VALUES ('00000000-0000-4000-8000-000000000001', 'Old', 'old')`);
    await db.execute(
      sql`INSERT INTO people (id, district_id, given_name, family_name, search_text) VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Ana', 'Old', 'ana old')`,
    );
    await db.execute(
      sql`INSERT INTO users (id, district_id, person_id, email) VALUES ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'ana@old.example')`,
    );
    await db.execute(sql`INSERT INTO password_resets (user_id, token_hash, expires_at, used_at) VALUES
      ('00000000-0000-4000-8000-000000000003', 'open-link-hash', now() + interval '1 hour', NULL),
      ('00000000-0000-4000-8000-000000000003', 'used-link-hash', now() + interval '1 hour', now())`);
    await db.execute(sql`INSERT INTO outbox_emails (district_id, to_address, subject, body) VALUES
      ('00000000-0000-4000-8000-000000000001', 'ana@old.example', 'Reset your Trellis password', 'Open this link:\n\nhttps://t.example/reset-password?token=AbC-123_xyz\n\nThe link works once.'),
      ('00000000-0000-4000-8000-000000000001', 'ana@old.example', 'Le invitamos a Trellis', 'Abra este enlace:\n\nhttp://localhost:3000/reset-password?token=zzz\n'),
      ('00000000-0000-4000-8000-000000000001', 'ana@old.example', 'New observation', 'Open it: https://t.example/observations/1')`);

    await migrate(db, { migrationsFolder: source });

    const { rows } = await db.execute<{
      subject: string;
      body: string;
      kind: string;
      status: string;
      failure_reason: string;
      link_withheld: boolean;
    }>(sql`SELECT o.subject, o.body, o.kind, o.status, o.failure_reason, o.link_withheld FROM outbox_emails o ORDER BY o.subject`);
    expect(rows).toEqual([
      {
        subject: 'Le invitamos a Trellis',
        body: 'Abra este enlace:\n\n[…]\n',
        kind: 'invitation',
        status: 'failed',
        failure_reason: 'before_delivery',
        link_withheld: true,
      },
      {
        subject: 'New observation',
        body: 'Open it: https://t.example/observations/1',
        kind: 'notification',
        status: 'failed',
        failure_reason: 'before_delivery',
        link_withheld: false,
      },
      {
        subject: 'Reset your Trellis password',
        body: 'Open this link:\n\n[…]\n\nThe link works once.',
        kind: 'password_reset',
        status: 'failed',
        failure_reason: 'before_delivery',
        link_withheld: true,
      },
    ]);
    const resets = await db.execute<{ token_hash: string }>(sql`SELECT r.token_hash FROM password_resets r`);
    expect(resets.rows.map((r) => r.token_hash)).toEqual(['used-link-hash']);
  } finally {
    await client.close();
  }
});
