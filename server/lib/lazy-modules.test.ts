import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..', '..');

/**
 * Runs `body` in a fresh Node process (tsx, as `npm start` runs the server) after importing the
 * whole app, and returns which export-only libraries the CommonJS loader has loaded by then.
 * A child process because Vitest's own module graph would not show what the server loads.
 */
function loadedAfter(body: string): string[] {
  const script = `
    const { createRequire } = await import('node:module');
    await import('./server/app.ts');
    ${body}
    const cache = createRequire(import.meta.url).cache;
    const loaded = ['exceljs', 'pdfmake'].filter((name) => Object.keys(cache).some((file) => file.includes('/node_modules/' + name + '/')));
    console.log(JSON.stringify(loaded));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as string[];
}

describe('export-only libraries', () => {
  it('are not loaded when the server starts', () => {
    expect(loadedAfter('')).toEqual([]);
  });

  it('load on first use, and a spreadsheet export still works', () => {
    const body = `
      const ExcelJS = await (await import('./server/lib/lazy-modules.ts')).loadExcelJS();
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('t').addRow(['a', 1]);
      const data = await workbook.xlsx.writeBuffer();
      const back = new ExcelJS.Workbook();
      await back.xlsx.load(data);
      if (back.getWorksheet('t').getCell('A1').value !== 'a') throw new Error('round trip failed');
      await (await import('./server/lib/lazy-modules.ts')).loadPdfmake();`;
    expect(loadedAfter(body)).toEqual(['exceljs', 'pdfmake']);
  });
});
