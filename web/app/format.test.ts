import i18n from 'i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  dayBoundary,
  formatDate,
  formatDateTime,
  formatFileSize,
  formatTime,
  fromZoneInput,
  readerZoneDiffers,
  setDistrictTimeZone,
  todayIso,
  toZoneInput,
} from './format.ts';

/** Intl puts narrow no-break spaces before "PM"; compare with plain spaces. */
const plain = (s: string) => s.replace(/\s/g, ' ');
const session = '2026-11-24T23:00:00.000Z';
const originalTz = process.env.TZ;

/** The browser's zone (Node re-reads TZ when it is assigned). */
const browserIn = (zone: string) => {
  process.env.TZ = zone;
};

beforeAll(async () => {
  // The formatter reads the language of the app's i18next instance (web/app/i18n.ts sets it up in the browser).
  if (!i18n.isInitialized) await i18n.init({ lng: 'en', resources: {} });
  await i18n.changeLanguage('en');
});
afterEach(async () => {
  setDistrictTimeZone(null);
  await i18n.changeLanguage('en');
});
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('one clock in the web app', () => {
  it('a browser in Tokyo reads a Chicago district session at the district time, labelled', async () => {
    browserIn('Asia/Tokyo');
    setDistrictTimeZone('America/Chicago');
    expect(readerZoneDiffers()).toBe(true);
    expect(plain(formatDateTime(session))).toBe('Nov 24, 2026, 5:00 PM CST');
    expect(plain(formatTime(session))).toBe('5:00 PM CST');
    // The day is the district's (in Tokyo it is already the 25th).
    expect(plain(formatDate(session))).toBe('Nov 24, 2026');
    await i18n.changeLanguage('es');
    expect(plain(formatDateTime(session))).toBe('24 nov 2026, 17:00 GMT-6');
  });

  it('no label when the browser is in the district zone', () => {
    browserIn('America/Chicago');
    setDistrictTimeZone('America/Chicago');
    expect(readerZoneDiffers()).toBe(false);
    expect(plain(formatDateTime(session))).toBe('Nov 24, 2026, 5:00 PM');
  });

  it('date-time inputs are district wall time both ways, whatever the browser zone', () => {
    for (const zone of ['Asia/Tokyo', 'America/Los_Angeles', 'UTC']) {
      browserIn(zone);
      setDistrictTimeZone('America/Chicago');
      expect(fromZoneInput('2026-11-24T17:00')).toBe(session);
      expect(toZoneInput(session)).toBe('2026-11-24T17:00');
      // Across the spring change: the coach types 9:00 on the Monday after, and gets 9:00 CDT.
      expect(fromZoneInput('2026-03-09T09:00')).toBe('2026-03-09T14:00:00.000Z');
    }
    expect(fromZoneInput('')).toBeNull();
    expect(fromZoneInput('tomorrow')).toBeNull();
  });

  it('a day filter covers the district day', () => {
    browserIn('Asia/Tokyo');
    setDistrictTimeZone('America/Chicago');
    expect(dayBoundary('2026-11-24')).toBe('2026-11-24T06:00:00.000Z');
    expect(dayBoundary('2026-11-24', true)).toBe('2026-11-25T05:59:59.999Z');
    expect(dayBoundary('')).toBeUndefined();
  });

  it('today is the district day', () => {
    browserIn('Pacific/Kiritimati');
    setDistrictTimeZone('Pacific/Pago_Pago');
    const [kiritimati, pagoPago] = [new Date().toLocaleDateString('en-CA'), todayIso()];
    // 25 hours apart: never the same calendar day.
    expect(kiritimati).not.toBe(pagoPago);
  });
});

describe('formatFileSize', () => {
  it("shows bytes, kB and MB in 1024-based units, in the reader's language", async () => {
    expect(plain(formatFileSize(595))).toBe('595 bytes');
    expect(plain(formatFileSize(1536))).toBe('1.5 kB');
    expect(plain(formatFileSize(25 * 1024 * 1024))).toBe('25 MB');
    await i18n.changeLanguage('es');
    expect(plain(formatFileSize(1536))).toBe('1,5 kB');
    expect(plain(formatFileSize(595))).toBe('595 bytes');
    await i18n.changeLanguage('en');
  });
});
