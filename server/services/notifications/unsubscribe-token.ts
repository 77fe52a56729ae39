import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../common/observation.ts';

/** What a link turns off: one kind, or (`digest`) the daily digest, i.e. every kind sent in it. */
export type UnsubscribeTarget = NotificationKind | 'digest';
const TARGETS: readonly string[] = [...NOTIFICATION_KINDS, 'digest'];

/** Who an unsubscribe link is for, and what it turns off. */
export interface UnsubscribeClaim {
  districtId: string;
  personId: string;
  kind: UnsubscribeTarget;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');

/**
 * A token for one person and one kind: `<claim>.<HMAC-SHA256>`, both base64url. It does not expire
 * (an old e-mail's link keeps working, as RFC 8058 expects) and grants nothing but turning that kind off.
 */
export function signUnsubscribe(key: Buffer, claim: UnsubscribeClaim): string {
  const body = Buffer.from(`${claim.districtId}:${claim.personId}:${claim.kind}`).toString('base64url');
  return `${body}.${mac(key, body)}`;
}

/** The claim of a token this server signed, else null (tampered, truncated, or not a token). */
export function verifyUnsubscribe(key: Buffer, token: string): UnsubscribeClaim | null {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [districtId, personId, kind] = Buffer.from(body, 'base64url').toString('utf8').split(':');
  if (!districtId || !personId || !UUID.test(districtId) || !UUID.test(personId)) return null;
  if (!TARGETS.includes(kind ?? '')) return null;
  return { districtId, personId, kind: kind as UnsubscribeTarget };
}
