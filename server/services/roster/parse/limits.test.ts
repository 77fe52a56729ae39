// Field limits are row errors of the dry run: what the dry run accepts, the database takes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { parseRosterUpload } from './index.ts';
import { MAX_LENGTH } from './values.ts';

const huge = 'x'.repeat(20 * 1024 * 1024);
const csv = (lines: string[]) => Buffer.from(lines.join('\n') + '\n');

describe('field limits', () => {
  it('reports a 20 MB name in users.csv with file, line, field and reason, and drops that person and their roles', async () => {
    const parsed = await parseRosterUpload([
      { name: 'orgs.csv', data: csv(['sourcedId,name,type', 'sch,School,school']) },
      {
        name: 'users.csv',
        data: csv(['sourcedId,givenName,familyName,email', 'u1,Ann,Able,ann@example.org', `u2,${huge},Baker,bo@example.org`]),
      },
      { name: 'roles.csv', data: csv(['sourcedId,userSourcedId,role,orgSourcedId', 'r1,u1,teacher,sch', 'r2,u2,teacher,sch']) },
    ]);
    expect(parsed.issues).toEqual([
      {
        file: 'users.csv',
        line: 3,
        severity: 'error',
        code: 'value_too_long',
        field: 'givenName',
        params: { column: 'givenName', max: MAX_LENGTH.name, length: huge.length },
      },
    ]);
    expect(parsed.people.map((p) => p.sourcedId)).toEqual(['u1']);
    expect(parsed.roles.map((r) => r.sourcedId)).toEqual(['r1']);
  });

  it('checks every text column it stores: org names and ids, role ids, e-mails, phones', async () => {
    const long = (n: number) => 'a'.repeat(n + 1);
    const parsed = await parseRosterUpload([
      {
        name: 'orgs.csv',
        data: csv(['sourcedId,name,type,identifier', `sch,${long(MAX_LENGTH.orgName)},school,S1`, `${long(MAX_LENGTH.id)},B,school,`]),
      },
      {
        name: 'users.csv',
        data: csv(['sourcedId,givenName,familyName,email,phone', `u1,Ann,Able,${long(MAX_LENGTH.email)}@x.org,${long(MAX_LENGTH.phone)}`]),
      },
      { name: 'roles.csv', data: csv(['sourcedId,userSourcedId,role,orgSourcedId', `${long(MAX_LENGTH.id)},u1,teacher,sch`]) },
    ]);
    const errors = parsed.issues.filter((i) => i.code === 'value_too_long').map((i) => `${i.file}:${i.line}:${i.field}`);
    expect(errors.sort()).toEqual([
      'orgs.csv:2:name',
      'orgs.csv:3:sourcedId',
      'roles.csv:2:sourcedId',
      'users.csv:2:email',
      'users.csv:2:phone',
    ]);
  });

  it('applies the same limits to the staff template', async () => {
    const sheet = csv(['staff_id,given_name,family_name,role,school_code', `S1,Ann,${'b'.repeat(MAX_LENGTH.name + 1)},teacher,S1`]);
    const parsed = await parseRosterUpload([{ name: 'staff.csv', data: sheet }]);
    expect(parsed.issues).toEqual([
      expect.objectContaining({ file: 'staff.csv', line: 2, severity: 'error', code: 'value_too_long', field: 'family_name' }),
    ]);
    expect(parsed.people).toEqual([]);
  });

  it('refuses a UTF-16 file holding a NUL character, which the database cannot store', async () => {
    const text = 'sourcedId,givenName,familyName\nu1,A\u0000nn,Able\n';
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    await expect(parseRosterUpload([{ name: 'users.csv', data }])).rejects.toMatchObject({ code: 'not_a_text_file' });
  });

  it('explains the limit in English and Spanish, with the numbers formatted', async () => {
    const messages = (lang: string) =>
      JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../../common/i18n/${lang}/roster.json`), 'utf8'));
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { en: { roster: messages('en') }, es: { roster: messages('es') } },
      ns: ['roster'],
      defaultNS: 'roster',
      interpolation: { escapeValue: false },
    });
    const params = { column: 'givenName', max: 100, length: 20971520 };
    expect(i18n.getFixedT('en')('issue.value_too_long', params)).toBe(
      '"givenName" is too long: 20,971,520 characters, at most 100 are allowed. The row was skipped.',
    );
    expect(i18n.getFixedT('es')('issue.value_too_long', params)).toBe(
      '"givenName" es demasiado largo: tiene 20.971.520 caracteres y se admiten como máximo 100. La fila se omitió.',
    );
  });
});
