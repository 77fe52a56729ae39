/** What may be attached is decided from the bytes; names are made safe to store and to send back. */
import { describe, expect, it } from 'vitest';
import { tinyPdf, tinyPng } from '../../seed/seed-files-data.ts';
import { jpegWithGps, windowsExecutable } from '../../test/fixtures/files.ts';
import { attachmentDisposition, detectAllowedType, MAX_NAME_LENGTH, safeFileName } from './content.ts';

describe('detectAllowedType', () => {
  it('recognises allowed types from their content, whatever the name says', async () => {
    expect(await detectAllowedType(tinyPdf('Plan'), 'plan.pdf')).toBe('application/pdf');
    expect(await detectAllowedType(tinyPdf('Plan'), 'photo.jpg')).toBe('application/pdf');
    expect(await detectAllowedType(jpegWithGps(), 'IMG_0001')).toBe('image/jpeg');
    expect(await detectAllowedType(tinyPng(4, 4, [0, 0, 0], [255, 255, 255]), 'x.png')).toBe('image/png');
    expect(await detectAllowedType(Buffer.from('name,grade\nAna,3\n'), 'roster.csv')).toBe('text/csv');
    expect(await detectAllowedType(Buffer.from('Exit ticket: 18 of 24 correct.\n'), 'notes.txt')).toBe('text/plain');
  });

  it('refuses an executable calling itself a PDF, and binary data that is no known type', async () => {
    expect(await detectAllowedType(windowsExecutable(), 'lesson-plan.pdf')).toBeNull();
    expect(await detectAllowedType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...Array(60).fill(0)]), 'a.pdf')).toBeNull();
    expect(await detectAllowedType(Buffer.from([0, 1, 2, 3, 0, 0, 0, 9]), 'data.txt')).toBeNull();
  });
});

describe('safeFileName', () => {
  it('keeps only the last path part, without control or direction-override characters', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..\\..\\windows\\win.ini')).toBe('win.ini');
    expect(safeFileName('lesson\u0000plan\r\n.pdf')).toBe('lessonplan.pdf');
    expect(safeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(safeFileName('..')).toBe('file');
    expect(safeFileName('.hidden')).toBe('hidden');
    expect(safeFileName('Plan de la lección.pdf')).toBe('Plan de la lección.pdf');
  });

  it('caps long names, keeping the extension', () => {
    const name = safeFileName(`${'a'.repeat(300)}.docx`);
    expect([...name]).toHaveLength(MAX_NAME_LENGTH);
    expect(name.endsWith('.docx')).toBe(true);
  });
});

it('attachmentDisposition gives an ASCII fallback and the exact UTF-8 name', () => {
  expect(attachmentDisposition('Plan "final" lección.pdf')).toBe(
    `attachment; filename="Plan _final_ leccion.pdf"; filename*=UTF-8''Plan%20%22final%22%20lecci%C3%B3n.pdf`,
  );
});
