import { AppError } from './errors.ts';

/**
 * Keyset paging cursors over (timestamp, id), newest first: opaque to clients (base64url), checked
 * on the way back so a cursor the server did not make is a 400, not a query error.
 */
export const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError('validation_failed', 'The cursor is not valid', [{ path: 'cursor', message: 'invalid' }]);
  }
  return { at: date, id };
}
