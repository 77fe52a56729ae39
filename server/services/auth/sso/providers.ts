import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateSsoProviderInput, SsoOverview, SsoProvider, UpdateSsoProviderInput } from '../../../../common/schemas/sso.ts';
import type { Env } from '../../../env.ts';
import { districts, ssoProviders } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, conflict, forbidden, invalidState, notFound } from '../../../lib/errors.ts';
import { canManageSignIn, passwordsOffBlockedBy } from '../../../policies/sso.ts';
import { canEndOthersSessions } from '../../../policies/sessions.ts';
import { recordAudit } from '../../audit.ts';
import { issuerProblem } from './oidc.ts';
import { sealSecret } from './secrets.ts';
import { enabledProviderCount, sessionAuthMethod, signInSettingsOf } from '../sign-in-settings.ts';

type Row = typeof ssoProviders.$inferSelect;

/** The provider as the API shows it: every field but the secret. */
function present(row: Row): SsoProvider {
  return {
    id: row.id,
    kind: row.kind as SsoProvider['kind'],
    displayName: row.displayName,
    issuer: row.issuer,
    clientId: row.clientId,
    hasClientSecret: row.clientSecretEncrypted !== '',
    scopes: row.scopes,
    matchBy: row.matchBy as SsoProvider['matchBy'],
    claim: row.claim,
    allowedDomains: row.allowedDomains,
    tenantClaim: row.tenantClaim,
    tenantValue: row.tenantValue,
    enforcesMfa: row.enforcesMfa,
    enabled: row.enabled,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a provider: its settings, never the secret. */
const audited = (row: Row) => {
  const { clientSecretEncrypted: _secret, createdAt: _c, updatedAt: _u, districtId: _d, ...rest } = row;
  return rest;
};

const requireAdmin = (ctx: Ctx) => {
  if (!canManageSignIn(ctx.actor)) throw forbidden();
};

const checkIssuer = (env: Env, issuer: string) => {
  if (issuerProblem(issuer, env)) {
    throw new AppError('validation_failed', 'The issuer must be an https:// address', [{ path: 'issuer', message: 'insecure' }]);
  }
};

/** The sealed client secret, bound to its district and provider row. */
const seal = (env: Env, secret: string, districtId: string, id: string) =>
  sealSecret(env, 'sso-client-secret', secret, `${districtId}:${id}`);

/** District admins: the providers, the sign-in settings, the URIs to register and share, and what may change. */
export async function ssoOverview(ctx: Ctx, input: { origin: string; sessionId: string }): Promise<SsoOverview> {
  requireAdmin(ctx);
  const districtId = ctx.actor.districtId;
  const rows = await ctx.db.select().from(ssoProviders).where(eq(ssoProviders.districtId, districtId)).orderBy(asc(ssoProviders.createdAt));
  const settings = await signInSettingsOf(ctx.db, districtId);
  const [district] = await ctx.db.select({ slug: districts.slug }).from(districts).where(eq(districts.id, districtId));
  const blockedBy = passwordsOffBlockedBy({
    enabledProviders: rows.filter((r) => r.enabled).length,
    sessionAuthMethod: await sessionAuthMethod(ctx.db, input.sessionId),
  });
  return {
    providers: rows.map(present),
    passwordSignIn: settings.passwordSignIn,
    requireTwoFactor: settings.requireTwoFactor,
    settingsVersion: settings.version,
    redirectUri: `${input.origin}/api/auth/sso/callback`,
    signInUrl: `${input.origin}/sign-in?district=${encodeURIComponent(district!.slug)}`,
    abilities: { turnPasswordsOff: blockedBy === null, turnPasswordsOffBlockedBy: blockedBy, endSessions: canEndOthersSessions(ctx.actor) },
  };
}

/** Adds a provider to the caller's district; the secret is stored encrypted. Audited without it. */
export async function createSsoProvider(ctx: Ctx, env: Env, input: z.infer<typeof CreateSsoProviderInput>): Promise<SsoProvider> {
  requireAdmin(ctx);
  checkIssuer(env, input.issuer);
  const id = randomUUID();
  const districtId = ctx.actor.districtId;
  const { clientSecret, ...fields } = input;
  const clientSecretEncrypted = seal(env, clientSecret, districtId, id);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ssoProviders)
      .values({ id, districtId, ...fields, clientSecretEncrypted })
      .returning();
    await recordAudit(tx, ctx, { action: 'sso_provider.create', entityType: 'sso_provider', entityId: id, after: audited(row!) });
    return present(row!);
  });
}

/**
 * Changes a provider (optimistic version). A new secret replaces the stored one; none keeps it.
 * While passwords are off, the last enabled provider cannot be disabled.
 */
export async function updateSsoProvider(
  ctx: Ctx,
  env: Env,
  id: string,
  input: z.infer<typeof UpdateSsoProviderInput>,
): Promise<SsoProvider> {
  requireAdmin(ctx);
  if (input.issuer) checkIssuer(env, input.issuer);
  const districtId = ctx.actor.districtId;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(ssoProviders)
      .where(and(eq(ssoProviders.districtId, districtId), eq(ssoProviders.id, id)))
      .for('update');
    if (!row) throw notFound('SSO provider');
    if (row.version !== input.version) throw conflict(present(row));
    const { version: _v, clientSecret, ...fields } = input;
    if (
      row.enabled &&
      fields.enabled === false &&
      !(await signInSettingsOf(tx, districtId)).passwordSignIn &&
      (await enabledProviderCount(tx, districtId)) <= 1
    ) {
      throw invalidState('This is the only way your district signs in: turn password sign-in on first', { reason: 'last_provider' });
    }
    const [updated] = await tx
      .update(ssoProviders)
      .set({
        ...fields,
        ...(clientSecret ? { clientSecretEncrypted: seal(env, clientSecret, districtId, id) } : {}),
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(ssoProviders.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'sso_provider.update',
      entityType: 'sso_provider',
      entityId: id,
      before: audited(row),
      after: { ...audited(updated!), ...(clientSecret ? { clientSecretReplaced: true } : {}) },
    });
    return present(updated!);
  });
}
