import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { preparePdf } from '../../../lib/pdf-setup.ts';
import { loadDocx, loadPdfmake } from '../../../lib/lazy-modules.ts';
import type { PlanDocument } from './export-data.ts';

/** The printed plan as a few kinds of block, so the PDF and the Word file say the same thing. */
type Block =
  | { kind: 'title' | 'heading' | 'text' | 'muted'; text: string }
  | { kind: 'pairs'; pairs: [string, string][] }
  | { kind: 'table'; header: string[]; rows: string[][] };

function blocks(doc: PlanDocument): Block[] {
  const t = doc.t;
  const out: Block[] = [
    { kind: 'title', text: `${t('export.title')}: ${doc.person}` },
    {
      kind: 'pairs',
      pairs: [
        [t('export.person'), doc.person],
        [t('export.cycle'), doc.cycle],
        [t('export.school'), doc.school ?? t('export.none')],
        [t('export.evaluator'), doc.evaluator ?? t('export.none')],
        [t('export.status'), doc.status],
        ...doc.dates.map((d): [string, string] => [d.label, d.value]),
      ],
    },
  ];
  if (doc.reflections.length) {
    out.push({ kind: 'heading', text: t('export.reflections') });
    for (const r of doc.reflections) out.push({ kind: 'muted', text: r.title }, { kind: 'text', text: r.text });
  }
  out.push({ kind: 'heading', text: t('export.goals') });
  if (doc.goals.length) {
    out.push({
      kind: 'table',
      header: [t('export.goals'), t('export.metric'), t('export.baseline'), t('export.target'), t('export.due'), t('export.rating')],
      rows: doc.goals.map((g) => [g.title, g.metric, g.baseline, g.target, g.due, g.rating]),
    });
  } else out.push({ kind: 'muted', text: t('export.none') });
  out.push({ kind: 'heading', text: t('export.focusAreas') });
  if (!doc.focusAreas.length) out.push({ kind: 'muted', text: t('export.none') });
  for (const f of doc.focusAreas) {
    out.push({ kind: 'text', text: f.competency });
    if (f.rationale) out.push({ kind: 'muted', text: f.rationale });
    for (const a of f.actions) out.push({ kind: 'text', text: `• ${a}` });
  }
  if (doc.ratings.length) {
    out.push(
      { kind: 'heading', text: t('export.ratings') },
      {
        kind: 'table',
        header: [t('export.competency'), t('export.selfRating'), t('export.evaluatorRating')],
        rows: doc.ratings.map((r) => [r.comment ? `${r.competency}\n${r.comment}` : r.competency, r.self, r.evaluator]),
      },
    );
  }
  if (doc.overall || doc.summary || doc.personReflection || doc.response) {
    out.push({ kind: 'heading', text: t('export.review') });
    if (doc.overall) out.push({ kind: 'pairs', pairs: [[t('export.overall'), doc.overall]] });
    for (const [key, text] of [
      ['summary', doc.summary],
      ['personReflection', doc.personReflection],
      ['response', doc.response ?? ''],
    ] as const) {
      if (text.trim()) out.push({ kind: 'muted', text: t(`export.${key}`) }, { kind: 'text', text });
    }
  }
  if (doc.signatures.length) {
    out.push(
      { kind: 'heading', text: t('export.signatures') },
      { kind: 'table', header: ['', '', '', ''], rows: doc.signatures.map((s) => [s.stage, s.signer, s.name, s.at]) },
    );
  }
  return out;
}

/** The plan and its review as a PDF (letter, portrait), labels in the reader's language. */
export async function planPdf(doc: PlanDocument): Promise<Buffer> {
  const pdfmake = await loadPdfmake();
  preparePdf(pdfmake);
  const content: Content[] = blocks(doc).map((b): Content => {
    if (b.kind === 'table') {
      const header = b.header.some(Boolean) ? [b.header.map((text) => ({ text, bold: true }))] : [];
      return {
        table: { headerRows: header.length, dontBreakRows: true, widths: b.rows[0]?.map(() => '*') ?? ['*'], body: [...header, ...b.rows] },
        layout: 'lightHorizontalLines',
      };
    }
    if (b.kind === 'title') return { text: b.text, style: 'title' };
    if (b.kind === 'heading') return { text: b.text, style: 'heading' };
    if (b.kind === 'muted') return { text: b.text, style: 'muted' };
    if (b.kind === 'text') return { text: b.text, margin: [0, 0, 0, 4] };
    if (b.kind !== 'pairs') return { text: '' };
    return { table: { widths: ['30%', '*'], body: b.pairs.map(([k, v]) => [{ text: k, bold: true }, v]) }, layout: 'noBorders' };
  });
  const definition: TDocumentDefinitions = {
    pageSize: 'LETTER',
    pageMargins: [48, 48, 48, 48],
    info: { title: `${doc.t('export.title')}: ${doc.person}`, producer: 'Trellis', creator: 'Trellis' },
    language: doc.lang,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
      heading: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      muted: { color: '#495057', italics: true, margin: [0, 2, 0, 2] },
    },
    content,
    footer: (current: number, total: number) => ({
      text: doc.t('export.page', { current, total }),
      alignment: 'right',
      fontSize: 8,
      color: '#495057',
      margin: [48, 12, 48, 0],
    }),
  };
  return pdfmake.createPdf(definition).getBuffer();
}

/** The same document as Word (DOCX). */
export async function planDocx(doc: PlanDocument): Promise<Buffer> {
  const { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await loadDocx();
  const cell = (text: string, bold = false) =>
    new TableCell({ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })) });
  const table = (rows: string[][], header: string[] | null) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        ...(header ? [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) })] : []),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v) => cell(v)) })),
      ],
    });
  const children = blocks(doc).map((b) => {
    if (b.kind === 'table') return table(b.rows, b.header.some(Boolean) ? b.header : null);
    if (b.kind === 'pairs') return table(b.pairs, null);
    if (b.kind === 'title') return new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(b.text)] });
    if (b.kind === 'heading') return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(b.text)] });
    if (b.kind === 'muted') return new Paragraph({ children: [new TextRun({ text: b.text, italics: true, color: '495057' })] });
    return new Paragraph({ children: [new TextRun(b.text)] });
  });
  const document = new Document({
    title: `${doc.t('export.title')}: ${doc.person}`,
    creator: 'Trellis',
    styles: { default: { document: { run: { font: 'Calibri', size: 20 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
