import { ERROR_STATUS, type ErrorCode } from '../../common/errors.ts';

/** The one error type services throw; the error handler turns it into `{ error: {...} }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new AppError('forbidden', message);
export const conflict = (current: unknown) =>
  new AppError('conflict', 'Someone else changed this record; here is the current version', { current });
export const invalidState = (message: string, details?: unknown) => new AppError('invalid_state', message, details);
/** A 400 naming the field at fault, as zod's own errors do: `details: [{ path, message }]`. */
export const invalidField = (path: string, message: string) =>
  new AppError('validation_failed', `${path}: ${message}`, [{ path, message }]);
