/**
 * Building instruments: the built-in library installs once, a draft is written and published, a
 * published version never changes (an edit is a new draft that keeps each item's key), bad scales
 * and empty versions are refused naming the field, and a CSV imports with a dry run, idempotently.
 */
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ASSESSMENT_LIBRARY } from '../../common/assessment-library.ts';
import type { Instrument, InstrumentImportResult, VersionDetail } from '../../common/schemas/assessments.ts';
import { assessmentInstruments, auditLog } from '../db/schema/index.ts';
import { installAssessmentLibrary } from '../services/assessments/library.ts';
import { buildAssessmentWorld, type AssessmentWorld } from '../test/fixtures/assessments.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: AssessmentWorld;
let hr: Client;
const base = '/api/assessments';
const scale = [
  { value: 0, label: 'Not in place', anchor: 'Nothing yet' },
  { value: 1, label: 'Partly', anchor: 'Some of it' },
  { value: 2, label: 'In place', anchor: 'All of it' },
];

beforeAll(async () => {
  w = await buildAssessmentWorld(t.database.db);
  hr = await signIn(t.app, w.hr.email);
}, 90_000);

async function newDraft(name: string) {
  const created = (await hr.post(`${base}/instruments`, { name, kind: 'custom', sourceNote: 'Our own' })).json() as Instrument;
  const draftId = created.versions[0]!.id;
  return (await hr.get(`${base}/versions/${draftId}`)).json() as VersionDetail;
}

describe('assessment instruments', () => {
  it('installs the built-in library once, as published versions, however often it runs', async () => {
    const again = await hr.post(`${base}/library`);
    expect(again.json()).toEqual({ installed: [], alreadyInstalled: expect.arrayContaining(ASSESSMENT_LIBRARY.map((l) => l.key)) });
    expect((await installAssessmentLibrary(t.database.db, w.districtId)).installed).toEqual([]);
    const [n] = await t.database.db
      .select({ n: count() })
      .from(assessmentInstruments)
      .where(eq(assessmentInstruments.districtId, w.districtId));
    expect(n!.n).toBeGreaterThanOrEqual(ASSESSMENT_LIBRARY.length);
    const list = (await hr.get(`${base}/instruments`)).json() as { items: Instrument[] };
    const drivers = list.items.find((i) => i.id === w.drivers.instrumentId)!;
    expect(drivers.builtIn).toBe(true);
    expect(drivers.versions[0]).toMatchObject({ status: 'published', versionNumber: 1, items: 16 });
    const practice = (
      await hr.get(`${base}/versions/${list.items.find((i) => i.kind === 'practice')!.versions[0]!.id}`)
    ).json() as VersionDetail;
    expect(practice.scale.map((p) => p.label)).toEqual([
      'Getting aware',
      'Getting ready',
      'Getting started',
      'Getting better',
      'Keep improving',
    ]);
  });

  it('writes a draft, publishes it, and then refuses to change it', async () => {
    const draft = await newDraft('Coaching review');
    const saved = await hr.request('PUT', `${base}/versions/${draft.id}`, {
      version: draft.version,
      scale,
      targetPct: 80,
      sections: [
        { title: 'Plan', items: [{ text: 'Coaching has a written plan', guidance: 'Look at it' }, { text: 'Coaches meet weekly' }] },
        { title: 'Data', items: [{ text: 'Coaching logs are kept' }] },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const content = saved.json() as VersionDetail;
    expect(content.sections.map((s) => [s.title, s.items.map((i) => i.text)])).toEqual([
      ['Plan', ['Coaching has a written plan', 'Coaches meet weekly']],
      ['Data', ['Coaching logs are kept']],
    ]);
    expect(content).toMatchObject({ targetPct: 80, scale, abilities: { edit: true, publish: true } });

    const stale = await hr.request('PUT', `${base}/versions/${draft.id}`, { version: draft.version, scale, targetPct: null, sections: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.version).toBe(content.version);

    const published = await hr.post(`${base}/versions/${draft.id}/publish`, { version: content.version });
    expect(published.statusCode, published.body).toBe(200);
    const after = published.json() as VersionDetail;
    expect(after).toMatchObject({ status: 'published', abilities: { edit: false } });

    const edit = await hr.request('PUT', `${base}/versions/${draft.id}`, { version: after.version, scale, targetPct: 50, sections: [] });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('invalid_state');
    expect((await hr.post(`${base}/versions/${draft.id}/publish`, { version: after.version })).json().error.code).toBe('invalid_state');

    // An edit is a new draft, copied with the same keys so results follow each item.
    const next = await hr.post(`${base}/instruments/${after.instrument.id}/draft`);
    expect(next.statusCode, next.body).toBe(200);
    const v2 = next.json() as VersionDetail;
    expect(v2).toMatchObject({ versionNumber: 2, status: 'draft', targetPct: 80 });
    expect(v2.sections.flatMap((s) => s.items.map((i) => i.key))).toEqual(after.sections.flatMap((s) => s.items.map((i) => i.key)));
    expect((await hr.post(`${base}/instruments/${after.instrument.id}/draft`)).json().error.code).toBe('invalid_state');

    // Renaming keeps the other fields.
    const renamed = await hr.patch(`${base}/instruments/${after.instrument.id}`, { name: 'Coaching system review', version: 1 });
    expect(renamed.json()).toMatchObject({ name: 'Coaching system review', sourceNote: 'Our own', kind: 'custom' });
    expect((await hr.patch(`${base}/instruments/${after.instrument.id}`, { name: 'Again', version: 1 })).statusCode).toBe(409);

    const audits = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, draft.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['assessment_version.update', 'assessment_version.publish']));
  });

  it('refuses a scale with a repeated value, an item of another draft, and publishing an empty version', async () => {
    const draft = await newDraft('Empty review');
    const repeated = await hr.request('PUT', `${base}/versions/${draft.id}`, {
      version: draft.version,
      scale: [scale[0], { ...scale[1], value: 0 }],
      targetPct: null,
      sections: [],
    });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().error.details[0].path).toBe('scale.1.value');

    const foreign = await hr.request('PUT', `${base}/versions/${draft.id}`, {
      version: draft.version,
      scale,
      targetPct: null,
      sections: [{ title: 'S', items: [{ id: w.drivers.items[0]!.id, text: 'Stolen' }] }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('sections.0.items.0.id');

    const outOfRange = await hr.request('PUT', `${base}/versions/${draft.id}`, {
      version: draft.version,
      scale,
      targetPct: 150,
      sections: [],
    });
    expect(outOfRange.statusCode).toBe(400);
    expect(JSON.stringify(outOfRange.json().error.details)).toContain('targetPct');

    const empty = await hr.post(`${base}/versions/${draft.id}/publish`, { version: draft.version });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].path).toBe('sections');
  });

  it('imports an instrument from CSV: dry run first, then a draft; the same file again changes nothing', async () => {
    const csv =
      'Section,Item,Guidance\nLeadership,Leaders protect time,Ask staff\nLeadership,Leaders review data,\nTeams,A team meets monthly,Minutes\n';
    const input = { name: 'Licensed capacity copy', kind: 'capacity', sourceNote: 'Licensed copy', scale, csv };
    const dry = (await hr.post(`${base}/instruments/import`, { ...input, dryRun: true })).json() as InstrumentImportResult;
    expect(dry).toMatchObject({ dryRun: true, applied: false, rows: 3, sections: 2, items: 3, errors: [], instrumentId: null });

    const applied = (await hr.post(`${base}/instruments/import`, { ...input, dryRun: false })).json() as InstrumentImportResult;
    expect(applied).toMatchObject({ applied: true, sections: 2, items: 3 });
    const version = (await hr.get(`${base}/versions/${applied.versionId}`)).json() as VersionDetail;
    expect(version).toMatchObject({
      status: 'draft',
      instrument: { name: 'Licensed capacity copy', kind: 'capacity', sourceNote: 'Licensed copy' },
    });
    expect(version.sections[0]!.items[0]).toMatchObject({ text: 'Leaders protect time', guidance: 'Ask staff' });

    const again = (await hr.post(`${base}/instruments/import`, { ...input, dryRun: false })).json() as InstrumentImportResult;
    expect(again).toMatchObject({ applied: false, instrumentId: applied.instrumentId, versionId: applied.versionId });

    const bad = (
      await hr.post(`${base}/instruments/import`, { ...input, csv: 'section,item\n,No section\nA,\nA,Twice\nA,Twice\n', dryRun: false })
    ).json() as InstrumentImportResult;
    expect(bad.applied).toBe(false);
    expect(bad.errors).toEqual([
      { line: 2, code: 'missing', field: 'section' },
      { line: 3, code: 'missing', field: 'item' },
      { line: 5, code: 'duplicate', field: 'item' },
    ]);
    const noColumn = await hr.post(`${base}/instruments/import`, { ...input, csv: 'heading,text\nA,B\n' });
    expect(noColumn.statusCode).toBe(400);
    expect(noColumn.json().error.details[0].path).toBe('csv');
  });
});
