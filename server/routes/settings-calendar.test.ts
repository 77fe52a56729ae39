/**
 * School calendar permission matrix: signed out -> 401; another district's term or day -> 404;
 * reading -> everyone in the district; terms and non-school days -> HR and district admins, others 403.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let hr: Client;
let admin: Client;
let teacher: Client;
let principal: Client;
let outsider: Client;

beforeAll(async () => {
  const db = t.database.db;
  const districtId = (await buildDistrict(db)).id;
  hr = await signIn(t.app, (await buildUser(db, districtId, 'hr')).email);
  admin = await signIn(t.app, (await buildUser(db, districtId, 'district_admin')).email);
  teacher = await signIn(t.app, (await buildUser(db, districtId, 'staff')).email);
  principal = await signIn(t.app, (await buildUser(db, districtId, 'school_leader')).email);
  const other = (await buildDistrict(db, 'Other')).id;
  outsider = await signIn(t.app, (await buildUser(db, other, 'district_admin')).email);
});

const del = (client: Client, url: string) => client.request('DELETE', url);

describe('terms', () => {
  it('HR adds, renames and deletes terms; everyone reads; others 403; another district 404', async () => {
    expect((await anonymous(t.app).get('/api/school-calendar?schoolYear=2026-27')).statusCode).toBe(401);
    const fall = { name: 'Fall 2026', schoolYear: '2026-27', startsOn: '2026-08-17', endsOn: '2026-12-18' };
    expect((await teacher.post('/api/school-calendar/terms', fall)).statusCode).toBe(403);
    expect((await principal.post('/api/school-calendar/terms', fall)).statusCode).toBe(403);
    const created = await hr.post('/api/school-calendar/terms', fall);
    expect(created.statusCode).toBe(201);
    const term = created.json();
    expect(term).toMatchObject({ ...fall, version: 1 });

    const calendar = (await teacher.get('/api/school-calendar?schoolYear=2026-27')).json();
    expect(calendar).toMatchObject({ schoolYear: '2026-27', from: '2026-07-01', to: '2027-06-30', abilities: { edit: false } });
    expect(calendar.terms.map((x: { id: string }) => x.id)).toEqual([term.id]);
    // Aug 17 (Mon) to Dec 18 (Fri) is 18 full weeks: 90 weekdays.
    expect(calendar.termSchoolDays[term.id]).toBe(90);
    expect((await admin.get('/api/school-calendar?schoolYear=2026-27')).json().abilities.edit).toBe(true);
    expect((await outsider.get('/api/school-calendar?schoolYear=2026-27')).json().terms).toEqual([]);

    expect((await outsider.patch(`/api/school-calendar/terms/${term.id}`, { version: 1, name: 'x' })).statusCode).toBe(404);
    expect((await del(outsider, `/api/school-calendar/terms/${term.id}`)).statusCode).toBe(404);
    expect((await del(teacher, `/api/school-calendar/terms/${term.id}`)).statusCode).toBe(403);
    const renamed = (await admin.patch(`/api/school-calendar/terms/${term.id}`, { version: 1, name: 'Semester 1' })).json();
    expect(renamed).toMatchObject({ name: 'Semester 1', version: 2 });
    const stale = await hr.patch(`/api/school-calendar/terms/${term.id}`, { version: 1, name: 'Old' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ name: 'Semester 1', version: 2 });
    expect((await del(hr, `/api/school-calendar/terms/${term.id}`)).statusCode).toBe(204);
    expect((await teacher.get('/api/school-calendar?schoolYear=2026-27')).json().terms).toEqual([]);
  });

  it('overlapping terms, a term ending before it starts or outside its school year -> 400', async () => {
    const spring = (
      await hr.post('/api/school-calendar/terms', { name: 'Spring', schoolYear: '2027-28', startsOn: '2028-01-10', endsOn: '2028-05-26' })
    ).json();
    const bad = [
      { name: 'Overlap', schoolYear: '2027-28', startsOn: '2027-12-01', endsOn: '2028-01-10' },
      { name: 'Inside', schoolYear: '2027-28', startsOn: '2028-02-01', endsOn: '2028-02-10' },
      { name: 'Backwards', schoolYear: '2027-28', startsOn: '2027-12-01', endsOn: '2027-09-01' },
      { name: 'Wrong year', schoolYear: '2027-28', startsOn: '2027-06-01', endsOn: '2027-06-20' },
      { name: 'Over a year', schoolYear: '2027-28', startsOn: '2028-06-01', endsOn: '2029-07-20' },
      { name: 'Bad year', schoolYear: '2027-29', startsOn: '2027-09-01', endsOn: '2027-12-01' },
      { name: 'Bad date', schoolYear: '2027-28', startsOn: '2027-02-30', endsOn: '2027-12-01' },
    ];
    for (const body of bad) expect((await hr.post('/api/school-calendar/terms', body)).statusCode, body.name).toBe(400);
    const overlap = await hr.post('/api/school-calendar/terms', bad[0]);
    expect(overlap.json().error.message).toContain('Spring');
    const fall = (
      await hr.post('/api/school-calendar/terms', { name: 'Fall', schoolYear: '2027-28', startsOn: '2027-08-16', endsOn: '2027-12-17' })
    ).json();
    // Moving a term onto another, or making it end before it starts, is refused too.
    expect((await hr.patch(`/api/school-calendar/terms/${fall.id}`, { version: fall.version, endsOn: '2028-01-15' })).statusCode).toBe(400);
    expect((await hr.patch(`/api/school-calendar/terms/${fall.id}`, { version: fall.version, endsOn: '2027-08-01' })).statusCode).toBe(400);
    // A term may touch its own old dates (moving within itself is not an overlap).
    expect((await hr.patch(`/api/school-calendar/terms/${fall.id}`, { version: fall.version, endsOn: '2027-12-20' })).statusCode).toBe(200);
    expect((await teacher.get('/api/school-calendar?schoolYear=2027-28')).json().terms.map((x: { id: string }) => x.id)).toEqual([
      fall.id,
      spring.id,
    ]);
    expect((await teacher.get('/api/school-calendar?schoolYear=2027')).statusCode).toBe(400);
    // A summer session may run past June 30; the year's view then runs to its end.
    const summer = await hr.post('/api/school-calendar/terms', {
      name: 'Summer',
      schoolYear: '2027-28',
      startsOn: '2028-06-05',
      endsOn: '2028-07-28',
    });
    expect(summer.statusCode).toBe(201);
    await hr.post('/api/school-calendar/non-school-days', { day: '2028-07-04', kind: 'holiday', label: 'Independence Day' });
    const year = (await teacher.get('/api/school-calendar?schoolYear=2027-28')).json();
    expect([year.to, year.nonSchoolDays.map((d: { day: string }) => d.day)]).toEqual(['2028-07-28', ['2028-07-04']]);
    expect((await hr.patch(`/api/school-calendar/terms/${summer.json().id}`, { version: 1, name: 'Summer session' })).statusCode).toBe(200);
  });
});

describe('non-school days and counting', () => {
  it('HR marks a holiday and a break (weekdays only); a duplicate date -> 409 with what is there', async () => {
    const holiday = { day: '2026-11-26', kind: 'holiday', label: 'Thanksgiving' };
    expect((await teacher.post('/api/school-calendar/non-school-days', holiday)).statusCode).toBe(403);
    const created = await hr.post('/api/school-calendar/non-school-days', holiday);
    expect(created.statusCode).toBe(201);
    expect(created.json().items).toMatchObject([{ day: '2026-11-26', kind: 'holiday', label: 'Thanksgiving' }]);
    const dup = await admin.post('/api/school-calendar/non-school-days', { ...holiday, kind: 'other', label: 'Again' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.current).toMatchObject([{ day: '2026-11-26', label: 'Thanksgiving' }]);

    // Winter break Dec 21 - Jan 1: ten weekdays, the weekend between skipped.
    const brk = await hr.post('/api/school-calendar/non-school-days', {
      day: '2026-12-21',
      through: '2027-01-01',
      kind: 'break',
      label: 'Winter break',
    });
    expect(brk.statusCode).toBe(201);
    expect(brk.json().items).toHaveLength(10);
    expect(brk.json().items.map((d: { day: string }) => d.day)).not.toContain('2026-12-26');
    // A break that runs into an existing day writes nothing.
    const overlapping = await hr.post('/api/school-calendar/non-school-days', {
      day: '2026-11-25',
      through: '2026-11-27',
      kind: 'break',
      label: 'Thanksgiving break',
    });
    expect(overlapping.statusCode).toBe(409);
    expect((await teacher.get('/api/school-calendar?schoolYear=2026-27')).json().nonSchoolDays).toHaveLength(11);

    for (const body of [
      { day: '2026-11-28', kind: 'holiday', label: 'Saturday' },
      { day: '2026-11-30', through: '2026-11-29', kind: 'break', label: 'Backwards' },
      { day: '2026-01-05', through: '2026-06-30', kind: 'break', label: 'Too long' },
      { day: '2026-11-30', kind: 'vacation', label: 'Unknown kind' },
      { day: '2026-11-30', kind: 'holiday', label: '' },
    ]) {
      expect((await hr.post('/api/school-calendar/non-school-days', body)).statusCode, body.label).toBe(400);
    }

    const id = created.json().items[0].id;
    expect((await del(outsider, `/api/school-calendar/non-school-days/${id}`)).statusCode).toBe(404);
    expect((await del(principal, `/api/school-calendar/non-school-days/${id}`)).statusCode).toBe(403);
    expect((await del(anonymous(t.app), `/api/school-calendar/non-school-days/${id}`)).statusCode).toBe(401);
  });

  it('counts school days: weekends, the holiday and the break are skipped; same day is zero', async () => {
    const count = async (from: string, to: string) => (await teacher.get(`/api/school-calendar/school-days?from=${from}&to=${to}`)).json();
    // Mon Nov 23 -> Fri Nov 27: Tue, Wed, Fri (Thanksgiving Thursday skipped).
    expect((await count('2026-11-23', '2026-11-27')).schoolDays).toBe(3);
    // Fri Dec 18 -> Mon Jan 4 across the winter break: only Jan 4.
    const across = await count('2026-12-18', '2027-01-04');
    expect(across.schoolDays).toBe(1);
    expect(across.nonSchoolDays).toHaveLength(10);
    expect((await count('2026-11-23', '2026-11-23')).schoolDays).toBe(0);
    expect((await outsider.get('/api/school-calendar/school-days?from=2026-11-23&to=2026-11-27')).json().schoolDays).toBe(4);
    expect((await teacher.get('/api/school-calendar/school-days?from=2026-11-27&to=2026-11-23')).statusCode).toBe(400);
    expect((await teacher.get('/api/school-calendar/school-days?from=2020-01-01&to=2026-01-01')).statusCode).toBe(400);
    expect((await teacher.get('/api/school-calendar/school-days?from=nope&to=2026-01-01')).statusCode).toBe(400);
    expect((await anonymous(t.app).get('/api/school-calendar/school-days?from=2026-11-23&to=2026-11-27')).statusCode).toBe(401);
  });

  it('deleting a day makes it a school day again', async () => {
    const day = (await hr.post('/api/school-calendar/non-school-days', { day: '2027-02-15', kind: 'staff_day', label: 'PD day' })).json()
      .items[0];
    expect((await teacher.get('/api/school-calendar/school-days?from=2027-02-12&to=2027-02-16')).json().schoolDays).toBe(1);
    expect((await del(admin, `/api/school-calendar/non-school-days/${day.id}`)).statusCode).toBe(204);
    expect((await teacher.get('/api/school-calendar/school-days?from=2027-02-12&to=2027-02-16')).json().schoolDays).toBe(2);
    expect((await del(admin, `/api/school-calendar/non-school-days/${randomUUID()}`)).statusCode).toBe(404);
  });
});
