import { describe, expect, it } from 'vitest';
import { safeNext } from './return-path.ts';

describe('safeNext', () => {
  it('keeps a page of the app with its query', () => {
    expect(safeNext('/people?q=ana')).toBe('/people?q=ana');
    expect(safeNext('/tracker/schools/1#x')).toBe('/tracker/schools/1#x');
  });

  it('goes home instead of back to a sign-in page (/login after signing in was "Page not found")', () => {
    for (const page of [
      '/login',
      '/login/',
      '/login?next=%2Fpeople',
      '/sign-in',
      '/sign-in?step=second-factor',
      '/logout',
      '/reset-password?token=x',
    ]) {
      expect(safeNext(page)).toBe('/');
    }
  });

  it('never leaves the app', () => {
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '',
      null,
      undefined,
    ]) {
      expect(safeNext(bad)).toBe('/');
    }
  });
});
