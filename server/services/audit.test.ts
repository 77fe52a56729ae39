import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/index.ts';
import { buildDistrict } from '../test/factories.ts';
import { useTestApp } from '../test/harness.ts';
import { recordAudit } from './audit.ts';

const t = useTestApp();

describe('audit log', () => {
  it('is append-only: the database refuses updates and deletes', async () => {
    const d = await buildDistrict(t.database.db);
    await recordAudit(
      t.database.db,
      { requestId: 'r1', actor: { userId: null, districtId: d.id } },
      { action: 'x.test', entityType: 'x', entityId: null },
    );
    await expect(t.database.db.execute(sql`update audit_log set action = 'changed' where district_id = ${d.id}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_log where district_id = ${d.id}`)).rejects.toThrow();
  });

  it('never stores password hashes or tokens', async () => {
    const d = await buildDistrict(t.database.db);
    await recordAudit(
      t.database.db,
      { requestId: 'r2', actor: { userId: null, districtId: d.id } },
      {
        action: 'user.update',
        entityType: 'user',
        entityId: null,
        after: { email: 'a@b.test', passwordHash: 'scrypt$secret', csrfToken: 'tok' },
      },
    );
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.districtId} = ${d.id}`);
    expect(rows[0]!.after).toEqual({ email: 'a@b.test' });
  });
});
