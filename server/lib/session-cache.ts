import type { SessionUser } from '../services/auth/sessions.ts';

/**
 * Sessions (with the caller's scopes) remembered for a few seconds, so a read does not pay for the
 * session query (~2 ms on PGlite, more than most reads themselves). Any write through this process
 * (every non-GET request, and a finished import) starts a new epoch, which empties it: a sign-out,
 * deactivation or role change is seen by the next request. Another server process sees such a
 * change within TTL_MS.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
let epoch = 0;
const entries = new Map<string, { session: SessionUser; epoch: number; at: number }>();

export function cachedSession(tokenHash: string): SessionUser | undefined {
  const hit = entries.get(tokenHash);
  if (!hit) return undefined;
  if (hit.epoch !== epoch || Date.now() - hit.at > TTL_MS) {
    entries.delete(tokenHash);
    return undefined;
  }
  return hit.session;
}

export function rememberSession(tokenHash: string, session: SessionUser) {
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(tokenHash, { session, epoch, at: Date.now() });
}

/** Forget every remembered session: something that decides access may have changed. */
export function invalidateSessions() {
  epoch++;
  entries.clear();
}
