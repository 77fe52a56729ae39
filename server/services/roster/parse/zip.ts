import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { RosterFileError, type RosterLimits } from './types.ts';

export interface ZipMember {
  /** Path inside the archive, without the single top folder many zip tools add. */
  path: string;
  data: Buffer;
}

export interface ZipContents {
  /** The members `want` selected, inflated. */
  files: ZipMember[];
  /** Other file members (paths as in `files`), not inflated. */
  others: string[];
}

// Finder and Explorer droppings: never roster data, not worth listing as "ignored".
const isJunk = (path: string) => path.startsWith('__MACOSX/') || /(^|\/)(\._[^/]*|\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(path);

function fatalFor(err: unknown, archive: string, limits: RosterLimits): RosterFileError {
  if (err instanceof RosterFileError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const unsafe = /^(invalid relative path|absolute path|invalid characters in fileName): (.*)$/s.exec(message);
  if (unsafe) return new RosterFileError('unsafe_zip_path', { file: archive, entry: unsafe[2] ?? '' });
  // yauzl's own check that an entry does not inflate past its declared size.
  if (message.startsWith('too many bytes in the stream')) return tooLarge(archive, limits);
  return new RosterFileError('invalid_zip', { file: archive });
}

function tooLarge(archive: string, limits: RosterLimits): RosterFileError {
  return new RosterFileError('zip_too_large', {
    file: archive,
    maxMegabytes: Math.round((limits.maxUncompressedBytes / 1024 / 1024) * 10) / 10,
    maxEntries: limits.maxEntries,
  });
}

/** Strips one folder that holds every member ("export/users.csv" -> "users.csv"). */
function stripTopFolder(paths: string[]): string[] {
  const first = paths[0]?.split('/')[0];
  const shared = first !== undefined && paths.every((p) => p.includes('/') && p.split('/')[0] === first);
  return shared ? paths.map((p) => p.slice(first.length + 1)) : paths;
}

async function inflate(zip: ZipFile, entry: Entry, archive: string, limits: RosterLimits, budget: { used: number }): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      // Declared sizes are only a claim: count what actually comes out of the inflater.
      budget.used += chunk.length;
      if (budget.used > limits.maxUncompressedBytes) throw tooLarge(archive, limits);
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks);
}

/**
 * Opens a zip held in memory, lists its file members and inflates those `want` selects.
 * Guards against hostile archives: more than `maxEntries` members, or selected members whose
 * declared or actually inflated size exceeds `maxUncompressedBytes` in total -> `zip_too_large`;
 * `..`, absolute or backslash paths -> `unsafe_zip_path`; anything unreadable -> `invalid_zip`.
 * Directories, `__MACOSX/` and similar are skipped; one shared top folder is stripped.
 */
export async function readZip(data: Buffer, archive: string, limits: RosterLimits, want: (path: string) => boolean): Promise<ZipContents> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true });
  } catch (err) {
    throw fatalFor(err, archive, limits);
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw tooLarge(archive, limits);
    const entries: Entry[] = [];
    for await (const entry of zip.eachEntry()) {
      // yauzl already refuses these names; checked again so a change of options cannot let one through.
      if (yauzl.validateFileName(entry.fileName) !== null) {
        throw new RosterFileError('unsafe_zip_path', { file: archive, entry: entry.fileName });
      }
      if (!entry.fileName.endsWith('/') && !isJunk(entry.fileName)) entries.push(entry);
    }
    const paths = stripTopFolder(entries.map((e) => e.fileName));
    const chosen = entries.map((entry, i) => ({ entry, path: paths[i] ?? entry.fileName })).filter((m) => want(m.path));
    const declared = chosen.reduce((sum, m) => sum + m.entry.uncompressedSize, 0);
    if (declared > limits.maxUncompressedBytes) throw tooLarge(archive, limits);

    const budget = { used: 0 };
    const files: ZipMember[] = [];
    for (const m of chosen) files.push({ path: m.path, data: await inflate(zip, m.entry, archive, limits, budget) });
    return { files, others: paths.filter((p) => !want(p)) };
  } catch (err) {
    throw fatalFor(err, archive, limits);
  } finally {
    zip.close();
  }
}
