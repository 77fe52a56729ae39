/**
 * Photos lose their location before they are stored: read back with exifr (a real EXIF reader),
 * the GPS coordinates present in the upload are gone, and the image still decodes to the same size.
 */
import exifr from 'exifr';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { jpegWithGps, pngWithGps, webpWithGps } from '../../test/fixtures/files.ts';
import { tinyPdf } from '../../seed/seed-files-data.ts';
import { fileTypeFromBuffer } from 'file-type';
import { stripLocation } from './strip-location.ts';

describe('JPEG', () => {
  it('drops GPS (and all other EXIF) but keeps the orientation, and the image still decodes', async () => {
    const original = jpegWithGps();
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(40.446, 2), longitude: expect.closeTo(-79.982, 2) });
    const stripped = stripLocation('image/jpeg', original);
    expect(await exifr.gps(stripped)).toBeUndefined();
    expect(await exifr.parse(stripped, { gps: true, xmp: true, iptc: true })).not.toHaveProperty('GPSLatitude');
    expect(await exifr.orientation(stripped)).toBe(6);
    const decoded = jpeg.decode(stripped);
    expect([decoded.width, decoded.height]).toEqual([32, 32]);
    // The image data itself is untouched.
    expect(stripped.subarray(stripped.indexOf(Buffer.from([0xff, 0xda])))).toEqual(
      original.subarray(original.indexOf(Buffer.from([0xff, 0xda]))),
    );
  });

  it('leaves a JPEG without metadata as it is', () => {
    const clean = stripLocation('image/jpeg', jpegWithGps());
    expect(stripLocation('image/jpeg', clean)).toEqual(clean);
  });
});

describe('PNG', () => {
  it('drops the eXIf and text chunks, and the image still decodes', async () => {
    const original = pngWithGps();
    expect(original.includes(Buffer.from('Ms. Rivera'))).toBe(true);
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(40.446, 2) });
    const stripped = stripLocation('image/png', original);
    expect(stripped.includes(Buffer.from('eXIf'))).toBe(false);
    expect(stripped.includes(Buffer.from('Ms. Rivera'))).toBe(false);
    expect(await exifr.gps(stripped)).toBeUndefined();
    const decoded = PNG.sync.read(stripped);
    expect([decoded.width, decoded.height]).toEqual([16, 16]);
    expect([...decoded.data.subarray(0, 3)]).toEqual([10, 120, 200]);
  });
});

describe('WebP', () => {
  it('drops the EXIF and XMP chunks and their flags, and stays a well-formed WebP', async () => {
    const original = webpWithGps();
    expect(await fileTypeFromBuffer(original)).toMatchObject({ mime: 'image/webp' });
    const stripped = stripLocation('image/webp', original);
    expect(stripped.includes(Buffer.from('EXIF'))).toBe(false);
    expect(stripped.includes(Buffer.from('Ms. Rivera'))).toBe(false);
    expect(stripped.includes(Buffer.from('N\0', 'latin1'))).toBe(false);
    expect(stripped.readUInt32LE(4)).toBe(stripped.length - 8);
    const vp8x = stripped.indexOf(Buffer.from('VP8X'));
    expect(stripped[vp8x + 8]! & 0x0c).toBe(0);
    expect(stripped.includes(Buffer.from('VP8L'))).toBe(true);
    expect(await fileTypeFromBuffer(stripped)).toMatchObject({ mime: 'image/webp' });
  });
});

it('passes other types through unchanged', () => {
  const pdf = tinyPdf('Lesson plan');
  expect(stripLocation('application/pdf', pdf)).toBe(pdf);
});
