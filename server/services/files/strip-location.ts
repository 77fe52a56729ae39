/**
 * Photos lose their location before they are stored: a JPEG keeps its image data, colour profile
 * (APP2) and JFIF/Adobe headers, loses every APP1 (EXIF, XMP: GPS, camera, owner) and APP13
 * (Photoshop/IPTC) segment and comments, and gets back a minimal EXIF holding only its Orientation
 * (so a phone photo is not shown sideways). A PNG loses its eXIf, text and time chunks; a WebP its
 * EXIF and XMP chunks. No library
 * without native binaries does this on the server; the filters walk the files' segment structure.
 */

const SOI = 0xd8;
const SOS = 0xda;
const EOI = 0xd9;
const APP1 = 0xe1;
const APP13 = 0xed;
const COM = 0xfe;

/** The Orientation (1-8) of an EXIF APP1 payload, or null. */
function exifOrientation(payload: Buffer): number | null {
  if (payload.length < 14 || payload.toString('latin1', 0, 6) !== 'Exif\0\0') return null;
  const tiff = payload.subarray(6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  try {
    const ifd = u32(4);
    const count = u16(ifd);
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      if (u16(entry) === 0x0112) {
        const value = u16(entry + 8);
        return value >= 1 && value <= 8 ? value : null;
      }
    }
  } catch {
    return null; // a truncated EXIF block: no orientation to keep
  }
  return null;
}

/** An APP1 segment holding only an EXIF Orientation tag (big-endian TIFF, one IFD entry). */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, APP1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** The JPEG without location or other personal metadata; the input unchanged if it is not a well-formed JPEG. */
export function stripJpegMetadata(input: Buffer): Buffer {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== SOI) return input;
  const kept: Buffer[] = [input.subarray(0, 2)];
  let orientation: number | null = null;
  let at = 2;
  while (at + 4 <= input.length) {
    if (input[at] !== 0xff) return input; // not a marker where one must be: leave it to the type check
    const marker = input[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === SOS || marker === EOI) {
      kept.push(input.subarray(at)); // the image data to the end, untouched
      at = input.length;
      break;
    }
    const length = input.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > input.length) return input;
    const segment = input.subarray(at, end);
    if (marker === APP1) orientation ??= exifOrientation(segment.subarray(4));
    else if (marker !== APP13 && marker !== COM) kept.push(segment);
    at = end;
  }
  if (orientation !== null && orientation !== 1) kept.splice(1, 0, orientationSegment(orientation));
  return Buffer.concat(kept);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Chunks that can carry location, names or dates of a person's photo. */
const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

/** The PNG without its EXIF, text and time chunks; the input unchanged if it is not a well-formed PNG. */
export function stripPngMetadata(input: Buffer): Buffer {
  if (input.length < 8 || !input.subarray(0, 8).equals(PNG_SIGNATURE)) return input;
  const kept: Buffer[] = [PNG_SIGNATURE];
  let at = 8;
  while (at + 12 <= input.length) {
    const length = input.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > input.length) return input;
    const type = input.toString('latin1', at + 4, at + 8);
    if (!PNG_DROPPED.has(type)) kept.push(input.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(kept);
}

/** The WebP without its EXIF and XMP chunks (and their VP8X flags); the input unchanged if it is not a well-formed WebP. */
export function stripWebpMetadata(input: Buffer): Buffer {
  if (input.length < 12 || input.toString('latin1', 0, 4) !== 'RIFF' || input.toString('latin1', 8, 12) !== 'WEBP') return input;
  const kept: Buffer[] = [];
  let at = 12;
  while (at + 8 <= input.length) {
    const type = input.toString('latin1', at, at + 4);
    const size = input.readUInt32LE(at + 4);
    const end = at + 8 + size + (size % 2);
    if (at + 8 + size > input.length) return input;
    const chunk = Buffer.from(input.subarray(at, Math.min(end, input.length)));
    if (type === 'VP8X' && size >= 1) chunk[8] = chunk[8]! & ~0x0c; // no EXIF (0x08) or XMP (0x04) flag
    if (type !== 'EXIF' && type !== 'XMP ') kept.push(chunk);
    at = end;
  }
  const body = Buffer.concat(kept);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
}

/** Strips location data from the photo types that carry it; other content is returned as it is. */
export function stripLocation(mimeType: string, data: Buffer): Buffer {
  if (mimeType === 'image/jpeg') return stripJpegMetadata(data);
  if (mimeType === 'image/png') return stripPngMetadata(data);
  if (mimeType === 'image/webp') return stripWebpMetadata(data);
  return data;
}
