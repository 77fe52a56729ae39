/**
 * Permission matrix: signed out -> 401; a scale of another district -> 404; reading -> everyone in
 * the district; create, update, make default -> HR and district admins (others 403).
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameworkVersions } from '../db/schema/index.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let hr: Client;
let staff: Client;
let otherAdmin: Client;

const fivePoint = {
  name: 'Five-point scale',
  levels: [
    { label: 'Distinguished', levelScore: 5, proficient: true },
    { label: 'Accomplished', levelScore: 4, proficient: true },
    { label: 'Proficient', levelScore: 3, proficient: true, description: 'Meets the standard' },
    { label: 'Basic', levelScore: 2, proficient: false },
    { label: 'Unsatisfactory', levelScore: 1, proficient: false },
  ],
};

beforeAll(async () => {
  const db = t.database.db;
  const district = await buildDistrict(db);
  hr = await signIn(t.app, (await buildUser(db, district.id, 'hr')).email);
  staff = await signIn(t.app, (await buildUser(db, district.id, 'staff')).email);
  const other = await buildDistrict(db, 'Other');
  otherAdmin = await signIn(t.app, (await buildUser(db, other.id, 'district_admin')).email);
});

describe('scales', () => {
  it('creates the default four-level scale on first need', async () => {
    const res = await staff.get('/api/scales');
    expect(res.statusCode).toBe(200);
    const [scale] = res.json().items;
    expect(scale).toMatchObject({ isDefault: true, active: true, inUse: false, abilities: { update: false, deactivate: false } });
    expect(
      scale.levels.map((l: { label: string; levelScore: number; proficient: boolean }) => [l.label, l.levelScore, l.proficient]),
    ).toEqual([
      ['Exemplifying', 4, true],
      ['Demonstrating', 3, true],
      ['Developing', 2, false],
      ['Needs improvement', 1, false],
    ]);
    // Asking again does not create a second one.
    expect((await hr.get('/api/scales')).json().items).toHaveLength(1);
  });

  it('creates a custom 1-5 scale, audited; staff get 403, other districts 404, signed out 401', async () => {
    const res = await hr.post('/api/scales', fivePoint);
    expect(res.statusCode).toBe(201);
    const scale = res.json();
    expect(scale).toMatchObject({ name: 'Five-point scale', isDefault: false, abilities: { update: true } });
    expect(scale.levels).toHaveLength(5);
    expect(scale.levels[2]).toMatchObject({ position: 2, label: 'Proficient', description: 'Meets the standard' });
    expect((await staff.post('/api/scales', fivePoint)).statusCode).toBe(403);
    expect((await staff.get(`/api/scales/${scale.id}`)).statusCode).toBe(200);
    expect((await otherAdmin.get(`/api/scales/${scale.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.patch(`/api/scales/${scale.id}`, { version: 1, name: 'x' })).statusCode).toBe(404);
    expect((await anonymous(t.app).get('/api/scales')).statusCode).toBe(401);
    const audit = await t.database.db.query.auditLog.findFirst({ where: (a, { eq: e }) => e(a.entityId, scale.id) });
    expect(audit?.action).toBe('scale.create');
  });

  it('rejects invalid scales listing every problem', async () => {
    const res = await hr.post('/api/scales', {
      name: '',
      levels: [
        { label: 'Low', levelScore: 1, proficient: false },
        { label: 'High', levelScore: 3, proficient: false },
        { label: 'Again', levelScore: 3, proficient: false },
      ],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    const messages = JSON.stringify(body.error.details);
    expect(messages).toMatch(/name/);
    expect(messages).toMatch(/highest score first/);
    expect(messages).toMatch(/distinct/);
    expect(messages).toMatch(/proficient/);
    const one = await hr.post('/api/scales', { name: 'One level', levels: [{ label: 'Only', levelScore: 1, proficient: true }] });
    expect(one.statusCode).toBe(400);
  });

  it('edits levels while unused, keeps level ids, refuses once a published version uses it, and answers 409 to a stale version', async () => {
    const scale = (await hr.post('/api/scales', { ...fivePoint, name: 'Editable' })).json();
    const levels = scale.levels.map((l: { id: string; label: string; levelScore: number; proficient: boolean }) => ({
      id: l.id,
      label: l.label,
      levelScore: l.levelScore,
      proficient: l.proficient,
    }));
    levels[0].label = 'Exceptional';
    const edited = await hr.patch(`/api/scales/${scale.id}`, { version: scale.version, levels: levels.slice(0, 4) });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().levels.map((l: { label: string }) => l.label)).toEqual(['Exceptional', 'Accomplished', 'Proficient', 'Basic']);
    expect(edited.json().levels[0].id).toBe(scale.levels[0].id);
    const stale = await hr.patch(`/api/scales/${scale.id}`, { version: scale.version, name: 'Late' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.levels[0].label).toBe('Exceptional');

    // A published framework version uses the scale: its levels are now fixed, its name is not.
    const created = (await hr.post('/api/frameworks', { title: 'Uses the five-point scale', scaleId: scale.id })).json();
    await t.database.db.update(frameworkVersions).set({ status: 'published' }).where(eq(frameworkVersions.id, created.version.id));
    const current = (await hr.get(`/api/scales/${scale.id}`)).json();
    expect(current.inUse).toBe(true);
    const refused = await hr.patch(`/api/scales/${scale.id}`, { version: current.version, levels: levels.slice(0, 3) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'invalid_state', details: { reason: 'in_use' } });
    const renamed = await hr.patch(`/api/scales/${scale.id}`, { version: current.version, name: 'Five-point (2026)' });
    expect(renamed.json()).toMatchObject({ name: 'Five-point (2026)', inUse: true });
  });

  it('makes another scale the default; the default cannot be deactivated', async () => {
    const scale = (await hr.post('/api/scales', { ...fivePoint, name: 'Next default' })).json();
    const res = await hr.post(`/api/scales/${scale.id}/make-default`, { version: scale.version });
    expect(res.json()).toMatchObject({ isDefault: true, version: scale.version + 1 });
    const defaults = (await hr.get('/api/scales')).json().items.filter((s: { isDefault: boolean }) => s.isDefault);
    expect(defaults.map((s: { id: string }) => s.id)).toEqual([scale.id]);
    const off = await hr.patch(`/api/scales/${scale.id}`, { version: res.json().version, active: false });
    expect(off.json().error).toMatchObject({ code: 'invalid_state', details: { reason: 'default' } });
    expect((await staff.post(`/api/scales/${scale.id}/make-default`, { version: res.json().version })).statusCode).toBe(403);
  });
});
