import { and, eq } from 'drizzle-orm';
import type { SsoMatchBy, SsoRefusal } from '../../../../common/sso.ts';
import type { Db } from '../../../db/client.ts';
import { people, users } from '../../../db/schema/index.ts';

export interface MatchRules {
  matchBy: SsoMatchBy;
  claim: string;
  allowedDomains: string[];
  tenantClaim: string | null;
  tenantValue: string | null;
}

export type ClaimCheck = { ok: true; value: string } | { ok: false; reason: SsoRefusal; value: string | null };

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null;

/** The claims a provider must send for these rules (to know whether the ID token is enough). */
export function neededClaims(rules: MatchRules): string[] {
  const needed = [rules.claim];
  if (rules.tenantClaim) needed.push(rules.tenantClaim);
  if (rules.allowedDomains.length > 0 && rules.matchBy === 'identifier') needed.push('email');
  return needed;
}

/**
 * Checks the provider's claims against a provider's rules (pure): the tenant claim, the matching
 * claim, a verified e-mail and an allowed domain. Returns the value to look the person up by.
 * @example checkClaims({ matchBy: 'email', claim: 'email', allowedDomains: ['d.org'], tenantClaim: null, tenantValue: null }, { email: 'Ana@D.org' }) // { ok: true, value: 'ana@d.org' }
 */
export function checkClaims(rules: MatchRules, claims: Record<string, unknown>): ClaimCheck {
  const raw = text(claims[rules.claim]);
  const value = raw && rules.matchBy === 'email' ? raw.toLowerCase() : raw;
  if (rules.tenantClaim && text(claims[rules.tenantClaim])?.toLowerCase() !== rules.tenantValue?.trim().toLowerCase()) {
    return { ok: false, reason: 'wrong_tenant', value };
  }
  if (!value) return { ok: false, reason: 'missing_claim', value: null };
  // A provider that says the e-mail is unverified is not trusted with it (absent means it does not say).
  if (rules.matchBy === 'email' && rules.claim === 'email' && (claims.email_verified === false || claims.email_verified === 'false')) {
    return { ok: false, reason: 'email_unverified', value };
  }
  if (rules.allowedDomains.length > 0) {
    const email = rules.matchBy === 'email' ? value : text(claims.email)?.toLowerCase();
    const domain = email?.includes('@') ? email.slice(email.lastIndexOf('@') + 1) : null;
    if (!domain || !rules.allowedDomains.includes(domain)) return { ok: false, reason: 'domain_not_allowed', value };
  }
  return { ok: true, value };
}

export type AccountMatch =
  | { ok: true; userId: string; districtId: string; adminGrant: string | null }
  | { ok: false; detail: 'unknown' | 'deactivated' | 'ambiguous'; userId: string | null };

/**
 * The existing account in `districtId` the value names: by the account's e-mail, or by the
 * person's roster identifier. Never creates one; a deactivated account or person does not match.
 * Runs before anyone is signed in, on the privileged executor.
 */
export async function findAccount(db: Db, districtId: string, matchBy: SsoMatchBy, value: string): Promise<AccountMatch> {
  const rows = await db
    .select({ userId: users.id, adminGrant: users.adminGrant, userActive: users.active, personActive: people.active })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(
      and(
        eq(users.districtId, districtId),
        matchBy === 'email' ? eq(users.email, value) : and(eq(people.districtId, districtId), eq(people.identifier, value)),
      ),
    )
    .limit(2);
  if (rows.length === 0) return { ok: false, detail: 'unknown', userId: null };
  if (rows.length > 1) return { ok: false, detail: 'ambiguous', userId: null };
  const [row] = rows;
  if (!row!.userActive || !row!.personActive) return { ok: false, detail: 'deactivated', userId: row!.userId };
  return { ok: true, userId: row!.userId, districtId, adminGrant: row!.adminGrant };
}
