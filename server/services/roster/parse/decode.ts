import { RosterFileError, type Issues } from './types.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });
// WHATWG "windows-1252" is what Excel's "CSV (Windows)" and most legacy SIS exports really are;
// it also maps every byte, so decoding cannot fail.
const windows1252 = new TextDecoder('windows-1252');

/**
 * Turns a file's bytes into text. UTF-8 (BOM or not) is the norm; UTF-16 needs its BOM; anything
 * else that is not valid UTF-8 is read as Windows-1252 with a warning, because that is what
 * spreadsheet exports on Windows produce and it keeps names like "José" intact.
 * Throws `not_a_text_file` for binary content (NUL bytes outside UTF-16).
 */
export function decodeText(data: Buffer, file: string, issues: Issues): string {
  if (data[0] === 0xff && data[1] === 0xfe) return utf16le.decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return utf16be.decode(data.subarray(2));
  const body = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
  if (body.includes(0)) throw new RosterFileError('not_a_text_file', { file });
  try {
    return utf8.decode(body);
  } catch {
    issues.warn(file, null, 'encoding_assumed_windows_1252');
    return windows1252.decode(body);
  }
}
