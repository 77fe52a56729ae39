/**
 * Test and benchmark fixtures: a framework version with domains and competencies written straight
 * to the database (the framework routes have their own tests), and a reader of PDF text.
 */
import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import type { Db } from '../../db/client.ts';
import { frameworkItems, frameworkVersions, frameworks } from '../../db/schema/index.ts';

export interface FixtureVersion {
  frameworkId: string;
  versionId: string;
  domains: { id: string; humanCode: string }[];
  /** Competencies in order, `perDomain` under each domain. */
  competencies: { id: string; humanCode: string; fullStatement: string; parentId: string }[];
}

/** A framework with one version (`status`) holding `domains` x `perDomain` competencies. */
export async function buildFrameworkVersion(
  db: Db,
  districtId: string,
  opts: { title?: string; status?: 'draft' | 'published' | 'retired'; domains?: number; perDomain?: number; scaleId?: string | null } = {},
): Promise<FixtureVersion> {
  const { title = `Framework ${randomUUID().slice(0, 6)}`, status = 'draft', domains = 2, perDomain = 3 } = opts;
  const [framework] = await db.insert(frameworks).values({ districtId, title }).returning();
  const versionId = randomUUID();
  await db.insert(frameworkVersions).values({
    id: versionId,
    districtId,
    frameworkId: framework!.id,
    versionNumber: 1,
    status,
    caseIdentifier: versionId,
    title,
    creator: 'Test District',
    scaleId: opts.scaleId ?? null,
    publishedAt: status === 'draft' ? null : new Date(),
  });
  const domainRows = Array.from({ length: domains }, (_, d) => ({
    id: randomUUID(),
    districtId,
    versionId,
    caseIdentifier: randomUUID(),
    position: d,
    itemType: 'domain',
    humanCode: String(d + 1),
    fullStatement: `Domain ${d + 1}`,
  }));
  await db.insert(frameworkItems).values(domainRows);
  const competencies = domainRows.flatMap((domain, d) =>
    Array.from({ length: perDomain }, (_, c) => ({
      id: randomUUID(),
      districtId,
      versionId,
      caseIdentifier: randomUUID(),
      parentId: domain.id,
      position: c,
      itemType: 'competency',
      humanCode: `${d + 1}${String.fromCharCode(97 + (c % 26))}${c >= 26 ? Math.floor(c / 26) : ''}`,
      fullStatement: `Competency ${d + 1}.${c + 1}`,
    })),
  );
  for (let i = 0; i < competencies.length; i += 500) await db.insert(frameworkItems).values(competencies.slice(i, i + 500));
  return {
    frameworkId: framework!.id,
    versionId,
    domains: domainRows.map((r) => ({ id: r.id, humanCode: r.humanCode })),
    competencies: competencies.map((c) => ({ id: c.id, humanCode: c.humanCode, fullStatement: c.fullStatement, parentId: c.parentId })),
  };
}

/**
 * The text a PDF shows, read without a PDF library: inflates the streams, reads each font's
 * ToUnicode map and decodes the hex glyph strings of the text operators (enough for pdfkit output).
 */
export function pdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: string | null }>();
  for (const m of src.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.search(/stream\r?\n/);
    let stream: string | null = null;
    if (at >= 0) {
      const start = body.indexOf('\n', at) + 1;
      const raw = Buffer.from(body.slice(start, body.lastIndexOf('endstream')), 'latin1');
      try {
        stream = /FlateDecode/.test(body.slice(0, at)) ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
      } catch {
        stream = null;
      }
    }
    objects.set(Number(m[1]), { dict: at >= 0 ? body.slice(0, at) : body, stream });
  }
  const cmapOf = (fontObj: number) => {
    const map = new Map<number, string>();
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontObj)?.dict ?? '');
    const cmap = ref ? (objects.get(Number(ref[1]))?.stream ?? '') : '';
    const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
    for (const r of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
      const values = [...r[3]!.matchAll(/<([0-9a-f]+)>/gi)].map((v) => hex(v[1]!));
      values.forEach((v, i) => map.set(parseInt(r[1]!, 16) + i, v));
    }
    for (const r of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>\s*$/gim)) map.set(parseInt(r[1]!, 16), hex(r[2]!));
    return map;
  };
  // Font resource names (/F1) -> font objects -> ToUnicode maps.
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    const fontDict = /\/Font\s*<<([^>]*)>>/.exec(dict);
    if (!fontDict) continue;
    for (const f of fontDict[1]!.matchAll(/\/(\w+) (\d+) 0 R/g)) if (!fonts.has(f[1]!)) fonts.set(f[1]!, cmapOf(Number(f[2])));
  }
  const lines: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream || !/\bTJ\b|\bTj\b/.test(stream)) continue;
    let font = new Map<number, string>();
    for (const op of stream.matchAll(/\/(\w+) [\d.]+ Tf|\[((?:[^\]])*)\] TJ|<([0-9a-f]*)> Tj/gi)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      const hexes = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]!) : op[3] !== undefined ? [op[3]] : [];
      if (hexes.length === 0) continue;
      lines.push(hexes.map((h) => (h.match(/.{4}/g) ?? []).map((g) => font.get(parseInt(g, 16)) ?? '').join('')).join(''));
    }
  }
  // pdfkit writes each word (with its trailing space) as its own TJ: concatenated, they read as the page does.
  return lines.join('');
}
