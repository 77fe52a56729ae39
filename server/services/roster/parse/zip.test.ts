import { describe, expect, it } from 'vitest';
import { parseRosterUpload } from './index.ts';
import { buildZip, crc32 } from '../../../test/fixtures/zip.ts';

const text = (s: string) => Buffer.from(s, 'utf8');
const ORGS = text('sourcedId,name,type\ns1,Lincoln High,school\n');
const USERS = text('sourcedId,givenName,familyName,role,orgSourcedIds\nu1,Ann,Lee,teacher,s1\n');
const upload = (zip: Buffer, name = 'roster.zip') => parseRosterUpload([{ name, data: zip }]);

describe('test zip helper', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
  });
});

describe('zipped OneRoster sets', () => {
  it('accepts one top folder, skips directories and Mac droppings, lists the other files', async () => {
    const zip = buildZip([
      { name: 'export/', data: Buffer.alloc(0), store: true },
      { name: 'export/orgs.csv', data: ORGS },
      { name: 'export/Users.CSV', data: USERS, store: true },
      { name: 'export/classes.csv', data: text('sourcedId\n') },
      { name: '__MACOSX/export/._users.csv', data: Buffer.from([0, 1, 2, 3]) },
      { name: 'export/.DS_Store', data: Buffer.from([0, 0, 0, 1]) },
    ]);
    const result = await upload(zip);
    expect(result.issues).toEqual([]);
    expect(result.people.map((p) => [p.sourcedId, p.file])).toEqual([['u1', 'Users.CSV']]);
    expect(result.orgs.map((o) => o.sourcedId)).toEqual(['s1']);
    expect(result.ignored.files).toEqual(['classes.csv']);
  });

  it('refuses paths that climb out or are absolute', async () => {
    for (const name of ['../../x', 'a/../../users.csv', '/etc/users.csv', 'C:/users.csv']) {
      const zip = buildZip([{ name, data: USERS }]);
      await expect(upload(zip)).rejects.toMatchObject({ code: 'unsafe_zip_path', params: { file: 'roster.zip' } });
    }
  });

  it('refuses a file named .zip that is not one, and a zip without roster files', async () => {
    await expect(upload(text('sourcedId,name\n'))).rejects.toMatchObject({ code: 'invalid_zip', params: { file: 'roster.zip' } });
    const truncated = buildZip([{ name: 'users.csv', data: USERS }]).subarray(0, 40);
    await expect(upload(truncated)).rejects.toMatchObject({ code: 'invalid_zip' });
    await expect(upload(buildZip([{ name: 'classes.csv', data: text('sourcedId\n') }]))).rejects.toMatchObject({ code: 'no_roster_files' });
    await expect(upload(buildZip([]))).rejects.toMatchObject({ code: 'no_roster_files' });
  });

  it('refuses two members for the same file, and a zip mixed with other files', async () => {
    const twice = buildZip([
      { name: 'users.csv', data: USERS },
      { name: 'USERS.csv', data: USERS },
    ]);
    await expect(upload(twice)).rejects.toMatchObject({ code: 'duplicate_file' });
    const zip = buildZip([{ name: 'users.csv', data: USERS }]);
    await expect(
      parseRosterUpload([
        { name: 'a.zip', data: zip },
        { name: 'orgs.csv', data: ORGS },
      ]),
    ).rejects.toMatchObject({
      code: 'mixed_upload',
    });
  });
});

describe('zip bomb protection', () => {
  it('refuses more members than maxEntries', async () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ name: `f${i}.csv`, data: text('x') }));
    await expect(upload(buildZip(many))).rejects.toMatchObject({ code: 'zip_too_large', params: { maxEntries: 100 } });
    const three = buildZip([
      { name: 'users.csv', data: USERS },
      { name: 'orgs.csv', data: ORGS },
      { name: 'a.csv', data: ORGS },
    ]);
    await expect(parseRosterUpload([{ name: 'r.zip', data: three }], { maxEntries: 2 })).rejects.toMatchObject({ code: 'zip_too_large' });
  });

  it('refuses a member that declares more than maxUncompressedBytes (default 200 MB)', async () => {
    // ~210 MB of zeros deflates to ~200 KB.
    const zip = buildZip([{ name: 'users.csv', data: Buffer.alloc(210 * 1024 * 1024), crc: 0 }]);
    expect(zip.length).toBeLessThan(1024 * 1024);
    await expect(upload(zip)).rejects.toMatchObject({ code: 'zip_too_large', params: { file: 'roster.zip', maxMegabytes: 200 } });
  });

  it('counts the declared total over all members read', async () => {
    const zip = buildZip([
      { name: 'users.csv', data: Buffer.alloc(600) },
      { name: 'orgs.csv', data: Buffer.alloc(600) },
    ]);
    await expect(parseRosterUpload([{ name: 'r.zip', data: zip }], { maxUncompressedBytes: 1000 })).rejects.toMatchObject({
      code: 'zip_too_large',
    });
  });

  it('stops inflating a member that lies about its size', async () => {
    // Declares 100 bytes (under the limit) but inflates to 5 MB: only counting the output catches it.
    const zip = buildZip([{ name: 'users.csv', data: Buffer.alloc(5 * 1024 * 1024, 0x41), declaredSize: 100 }]);
    await expect(parseRosterUpload([{ name: 'r.zip', data: zip }], { maxUncompressedBytes: 1024 * 1024 })).rejects.toMatchObject({
      code: 'zip_too_large',
    });
  });

  it('ignores the size of members it does not read (a large enrollments.csv is fine)', async () => {
    const zip = buildZip([
      { name: 'users.csv', data: USERS },
      { name: 'enrollments.csv', data: Buffer.alloc(5000, 0x41) },
    ]);
    const result = await parseRosterUpload([{ name: 'r.zip', data: zip }], { maxUncompressedBytes: 1000 });
    expect(result.people).toHaveLength(1);
    expect(result.ignored.files).toEqual(['enrollments.csv']);
  });
});
