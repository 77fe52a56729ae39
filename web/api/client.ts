import type { ErrorCode } from '../../common/errors.ts';

/** What went wrong with a request: an API error code, or `network` when no answer came back. */
export type ApiErrorCode = ErrorCode | 'network';

/** A failed API call. The UI shows `code` through i18n, never `message` (server English). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    readonly details: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** True when `error` is an ApiError with this code. */
export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

let csrfToken: string | null = null;

/** Remembers the session's CSRF token, sent with every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type QueryValue = string | number | boolean | null | undefined;

/**
 * A query string from the defined values, with a leading `?` (or '' when empty).
 * @example queryString({ q: 'ana', role: undefined, limit: 50 }) // '?q=ana&limit=50'
 */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Calls the API and returns the parsed JSON (undefined for 204), or throws an ApiError.
 * @example const person = await api<Person>('PATCH', `/api/people/${id}`, { version: 3, phone: null });
 */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  // The language on screen (set by app/i18n.ts): district content comes translated into it.
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': globalThis.document?.documentElement.lang || 'en',
  };
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, 'network', null, error instanceof Error ? error.message : 'Network error');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  if (error?.code) return new ApiError(status, error.code as ErrorCode, error.details ?? null, error.message ?? '');
  // A proxy or gateway answered without our error envelope.
  const fallback: ErrorCode =
    status === 401
      ? 'unauthenticated'
      : status === 404
        ? 'not_found'
        : status === 413
          ? 'payload_too_large'
          : status === 429
            ? 'rate_limited'
            : 'internal';
  return new ApiError(status, fallback, null, `HTTP ${status}`);
}
