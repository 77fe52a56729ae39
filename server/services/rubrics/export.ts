import type { Content, TableCell as PdfCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { RubricGrid } from '../../../common/schemas/rubrics.ts';
import { preparePdf } from '../../lib/pdf-setup.ts';
import { loadDocx, loadPdfmake } from '../../lib/lazy-modules.ts';

/** The words the printed documents use (the document is for a reader, so in their language). */
const LABELS = {
  en: {
    competency: 'Competency',
    framework: 'Framework',
    version: 'Version',
    status: { draft: 'draft', published: 'published', retired: 'superseded' },
    page: 'Page',
    of: 'of',
    empty: 'This rubric has no competencies yet.',
    proficient: 'proficient',
  },
  es: {
    competency: 'Competencia',
    framework: 'Marco',
    version: 'Versión',
    status: { draft: 'borrador', published: 'publicada', retired: 'reemplazada' },
    page: 'Página',
    of: 'de',
    empty: 'Esta rúbrica aún no tiene competencias.',
    proficient: 'competente',
  },
} as const;
export type ExportLanguage = keyof typeof LABELS;

function subtitleLines(grid: RubricGrid, lang: ExportLanguage) {
  const l = LABELS[lang];
  const v = grid.frameworkVersion;
  const step = grid.step ? `${grid.step.pathwayName} · ${grid.step.title}` : null;
  const version = `${l.framework}: ${v.frameworkTitle} · ${l.version} ${v.versionNumber} (${l.status[v.status]})`;
  return step ? [step, version] : [version];
}

const competencyName = (c: RubricGrid['criteria'][number]) =>
  c.item ? [c.item.humanCode, c.item.fullStatement].filter(Boolean).join(' ') : (c.description ?? '');

const levelHeader = (level: RubricGrid['levels'][number]) =>
  level.levelScore === null ? level.label : `${level.label} (${level.levelScore})`;

/** A clean one-role document: title, step, version and the competencies x levels table, landscape. */
export async function rubricPdf(grid: RubricGrid, lang: ExportLanguage = 'en'): Promise<Buffer> {
  const pdfmake = await loadPdfmake();
  preparePdf(pdfmake);
  const l = LABELS[lang];
  const header: PdfCell[] = [
    { text: l.competency, style: 'th' },
    ...grid.levels.map((level): PdfCell => ({ text: levelHeader(level), style: 'th' })),
  ];
  const rows: PdfCell[][] = grid.criteria.map((c) => [
    {
      stack: [
        ...(c.domain ? [{ text: [c.domain.humanCode, c.domain.fullStatement].filter(Boolean).join(' '), style: 'domain' }] : []),
        { text: competencyName(c), bold: true },
      ],
    },
    ...grid.levels.map((_, i): PdfCell => ({ text: c.descriptors[i]?.description ?? '' })),
  ]);
  const body: Content[] = grid.criteria.length
    ? [
        {
          table: { headerRows: 1, dontBreakRows: true, widths: ['22%', ...grid.levels.map(() => '*')], body: [header, ...rows] },
          layout: {
            fillColor: (row: number) => (row === 0 ? '#e9ecef' : null),
            hLineColor: () => '#adb5bd',
            vLineColor: () => '#adb5bd',
          },
        },
      ]
    : [{ text: l.empty, italics: true }];
  const doc: TDocumentDefinitions = {
    pageSize: 'LETTER',
    pageOrientation: 'landscape',
    pageMargins: [36, 40, 36, 44],
    info: { title: grid.rubric.title, subject: grid.frameworkVersion.frameworkTitle, producer: 'Trellis', creator: 'Trellis' },
    language: lang,
    defaultStyle: { font: 'Roboto', fontSize: 8.5, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 10, color: '#495057' },
      th: { bold: true, fontSize: 9 },
      domain: { fontSize: 7.5, color: '#495057', margin: [0, 0, 0, 2] },
    },
    content: [
      { text: grid.rubric.title, style: 'title' },
      ...subtitleLines(grid, lang).map((text): Content => ({ text, style: 'subtitle' })),
      ...(grid.rubric.description ? [{ text: grid.rubric.description, margin: [0, 6, 0, 0] } as Content] : []),
      { text: '', margin: [0, 0, 0, 10] },
      ...body,
    ],
    footer: (current: number, total: number) => ({
      columns: [
        { text: grid.rubric.title, fontSize: 7.5, color: '#495057' },
        { text: `${l.page} ${current} ${l.of} ${total}`, alignment: 'right', fontSize: 7.5, color: '#495057' },
      ],
      margin: [36, 12, 36, 0],
    }),
  };
  return pdfmake.createPdf(doc).getBuffer();
}

const cellMargins = { top: 80, bottom: 80, left: 100, right: 100 };

/** The same document as DOCX (Word), landscape, for districts that hand rubrics out on paper. */
export async function rubricDocx(grid: RubricGrid, lang: ExportLanguage = 'en'): Promise<Buffer> {
  const {
    AlignmentType,
    Document,
    HeadingLevel,
    Packer,
    PageOrientation,
    Paragraph,
    ShadingType,
    Table,
    TableCell,
    TableRow,
    TextRun,
    WidthType,
  } = await loadDocx();
  const l = LABELS[lang];
  const headerCell = (text: string) =>
    new TableCell({
      shading: { type: ShadingType.CLEAR, fill: 'E9ECEF', color: 'auto' },
      margins: cellMargins,
      children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })],
    });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [headerCell(l.competency), ...grid.levels.map((level) => headerCell(levelHeader(level)))],
      }),
      ...grid.criteria.map(
        (c) =>
          new TableRow({
            cantSplit: true,
            children: [
              new TableCell({
                margins: cellMargins,
                children: [
                  ...(c.domain
                    ? [
                        new Paragraph({
                          children: [
                            new TextRun({
                              text: [c.domain.humanCode, c.domain.fullStatement].filter(Boolean).join(' '),
                              size: 16,
                              color: '495057',
                            }),
                          ],
                        }),
                      ]
                    : []),
                  new Paragraph({ children: [new TextRun({ text: competencyName(c), bold: true })] }),
                ],
              }),
              ...grid.levels.map(
                (_, i) =>
                  new TableCell({
                    margins: cellMargins,
                    children: (c.descriptors[i]?.description ?? '')
                      .split('\n')
                      .map((line) => new Paragraph({ children: [new TextRun(line)] })),
                  }),
              ),
            ],
          }),
      ),
    ],
  });
  const doc = new Document({
    title: grid.rubric.title,
    creator: 'Trellis',
    styles: { default: { document: { run: { font: 'Calibri', size: 18 } } } },
    sections: [
      {
        properties: {
          page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 720, bottom: 720, left: 720, right: 720 } },
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: grid.rubric.title })] }),
          ...subtitleLines(grid, lang).map((text) => new Paragraph({ children: [new TextRun({ text, color: '495057' })] })),
          ...(grid.rubric.description ? [new Paragraph({ children: [new TextRun(grid.rubric.description)] })] : []),
          new Paragraph({ alignment: AlignmentType.LEFT, children: [] }),
          grid.criteria.length ? table : new Paragraph({ children: [new TextRun({ text: l.empty, italics: true })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A file name for the download: the title in plain letters, e.g. "teacher-leader-rubric.pdf". */
export function exportFileName(grid: RubricGrid, ext: 'pdf' | 'docx'): { ascii: string; utf8: string } {
  const base = grid.rubric.title.trim() || 'rubric';
  const ascii =
    base
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 80) || 'rubric';
  return { ascii: `${ascii}.${ext}`, utf8: `${base.replace(/[\\/:*?"<>|\r\n]+/g, ' ').slice(0, 120)}.${ext}` };
}
