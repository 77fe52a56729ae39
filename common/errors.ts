/** The one list of error codes the API returns, with the HTTP status of each. */
export const ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation_failed: 400,
  conflict: 409,
  invalid_state: 409,
  rate_limited: 429,
  payload_too_large: 413,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Body of every error response: `{ error: { code, message, details } }`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
