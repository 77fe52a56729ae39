import { RosterFileError, type Issues } from './types.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });
// Windows-1252 is Latin-1 except for 0x80-0x9f (curly quotes, dashes, euro...). Node's TextDecoder
// decodes the 'windows-1252' label as plain Latin-1, so those 27 characters are mapped here;
// the 5 bytes Windows leaves undefined keep their C1 code points.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const decodeWindows1252 = (bytes: Buffer) =>
  bytes.toString('latin1').replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);

/**
 * Turns a file's bytes into text. UTF-8 (BOM or not) is the norm; UTF-16 needs its BOM; anything
 * else that is not valid UTF-8 is read as Windows-1252 with a warning, because that is what Excel's
 * "CSV (Windows)" and legacy SIS exports produce, and it keeps names like "José" intact.
 * Throws `not_a_text_file` for binary content (NUL bytes, or a NUL character in UTF-16).
 */
export function decodeText(data: Buffer, file: string, issues: Issues): string {
  const bigEndian = data[0] === 0xfe && data[1] === 0xff;
  if ((data[0] === 0xff && data[1] === 0xfe) || bigEndian) {
    const text = (bigEndian ? utf16be : utf16le).decode(data.subarray(2));
    // PostgreSQL text cannot hold U+0000: refused here rather than at apply.
    if (text.includes('\0')) throw new RosterFileError('not_a_text_file', { file });
    return text;
  }
  const body = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
  if (body.includes(0)) throw new RosterFileError('not_a_text_file', { file });
  try {
    return utf8.decode(body);
  } catch {
    issues.warn(file, null, 'encoding_assumed_windows_1252');
    return decodeWindows1252(body);
  }
}
