import { describe, expect, it } from 'vitest';
import { parseRosterUpload, RosterFileError } from './index.ts';

const HEADER = 'sourcedId,givenName,familyName,role,orgSourcedIds';
const TEXT = `${HEADER}\r\nu1,José,Núñez,teacher,s1\r\nu2,Zoë,Ça,teacher,s1\r\n`;
const users = (data: Buffer) => [{ name: 'users.csv', data }];
const names = async (data: Buffer) => (await parseRosterUpload(users(data))).people.map((p) => `${p.givenName} ${p.familyName}`);

describe('encodings', () => {
  it('reads UTF-8 with and without BOM without any issue', async () => {
    for (const data of [Buffer.from(TEXT), Buffer.from(`\uFEFF${TEXT}`)]) {
      const result = await parseRosterUpload(users(data));
      expect(result.issues).toEqual([]);
      expect(result.people.map((p) => p.givenName)).toEqual(['José', 'Zoë']);
    }
  });

  it('reads Windows-1252 (Excel "CSV (Windows)") with a warning, keeping accents', async () => {
    const data = Buffer.from(TEXT, 'latin1');
    expect(await names(data)).toEqual(['José Núñez', 'Zoë Ça']);
    expect((await parseRosterUpload(users(data))).issues).toEqual([
      { file: 'users.csv', line: null, severity: 'warning', code: 'encoding_assumed_windows_1252' },
    ]);
    // Bytes 0x80-0x9f are where Windows-1252 differs from Latin-1: the euro sign and curly quotes.
    const curly = Buffer.concat([Buffer.from(`${HEADER}\nu1,Ren`), Buffer.from([0x92, 0x80]), Buffer.from(',Lee,teacher,s1\n')]);
    expect(await names(curly)).toEqual(['Ren’€ Lee']);
  });

  it('reads UTF-16 LE and BE with a BOM', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    for (const data of [le, be]) {
      const result = await parseRosterUpload(users(data));
      expect(result.issues).toEqual([]);
      expect(result.people.map((p) => `${p.givenName} ${p.familyName}`)).toEqual(['José Núñez', 'Zoë Ça']);
    }
  });

  it('refuses binary content', async () => {
    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]);
    await expect(parseRosterUpload(users(binary))).rejects.toBeInstanceOf(RosterFileError);
    await expect(parseRosterUpload(users(binary))).rejects.toMatchObject({ code: 'not_a_text_file', params: { file: 'users.csv' } });
  });
});

describe('malformed CSV', () => {
  it('reports an unclosed quote where it opened and still reads the rows around it', async () => {
    const data = Buffer.from(`${HEADER}\nu1,Ann,Lee,teacher,s1\n\nu2,"Bo,Li,teacher,s1\nu3,Cy,Mo,teacher,s1\n`);
    const result = await parseRosterUpload(users(data));
    expect(result.people.map((p) => [p.sourcedId, p.line])).toEqual([
      ['u1', 2],
      ['u3', 5],
    ]);
    expect(result.issues).toEqual([{ file: 'users.csv', line: 4, severity: 'error', code: 'malformed_csv', params: { line: 4 } }]);
  });

  it('loses only the row with a stray quote, and counts lines of quoted multi-line cells', async () => {
    const data = Buffer.from(`${HEADER}\r\nu1,"Ann\r\nMarie",Lee,teacher,s1\r\nu2,B"o,Li,teacher,s1\r\nu3,Cy,Mo,teacher,s1`);
    const result = await parseRosterUpload(users(data));
    expect(result.people.map((p) => [p.sourcedId, p.givenName, p.line])).toEqual([
      ['u1', 'Ann\r\nMarie', 2],
      ['u3', 'Cy', 5],
    ]);
    expect(result.issues).toEqual([{ file: 'users.csv', line: 4, severity: 'error', code: 'malformed_csv', params: { line: 4 } }]);
  });

  it('recovers after a bad closing quote, and a malformed header makes the file unusable', async () => {
    const data = Buffer.from(`${HEADER}\nu1,"Ann"x,Lee,teacher,s1\nu2,Bo,Li,teacher,s1\nu3,"Cy, Jr.",Mo,teacher,s1\n`);
    const result = await parseRosterUpload(users(data));
    expect(result.people.map((p) => [p.sourcedId, p.givenName])).toEqual([
      ['u2', 'Bo'],
      ['u3', 'Cy, Jr.'],
    ]);
    expect(result.issues.map((i) => [i.code, i.line])).toEqual([['malformed_csv', 2]]);
    const badHeader = await parseRosterUpload(users(Buffer.from(`sourcedId,"givenName\nu1,Ann\n`)));
    expect(badHeader.issues.map((i) => [i.code, i.line])).toEqual([['malformed_csv', 1]]);
    expect(badHeader.people).toEqual([]);
  });

  it('reads semicolon- and tab-separated files (Excel in comma-decimal locales)', async () => {
    for (const d of [';', '\t']) {
      const data = Buffer.from(`${HEADER.replaceAll(',', d)}\nu1${d}"Ann${d}Marie"${d}Lee${d}teacher${d}s1,s2\n`);
      const result = await parseRosterUpload(users(data));
      expect(result.issues).toEqual([]);
      expect(result.roles.map((r) => r.orgSourcedId)).toEqual(['s1', 's2']);
      expect(result.people[0]?.givenName).toBe(`Ann${d}Marie`);
    }
  });

  it('reports an empty file as an error', async () => {
    const result = await parseRosterUpload(users(Buffer.alloc(0)));
    expect(result.issues).toEqual([{ file: 'users.csv', line: null, severity: 'error', code: 'empty_file' }]);
  });
});
