import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ApiToken, CreateApiTokenInput, CreatedApiToken } from '../../common/schemas/api-tokens.ts';
import type { Db } from '../db/client.ts';
import { apiTokens, people, users } from '../db/schema/index.ts';
import type { Ctx } from '../lib/context.ts';
import { forbidden, notFound } from '../lib/errors.ts';
import { isDistrictAdmin } from '../policies/app.ts';
import { recordAudit } from './audit.ts';
import { hashToken, newToken } from './auth/tokens.ts';

/** Tokens start with this, so a leaked one is recognisable (e.g. by secret scanners). */
export const TOKEN_PREFIX = 'trellis_';

type Row = typeof apiTokens.$inferSelect & { createdByName: string | null };

function present(ctx: Ctx, row: Row): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes as ApiToken['scopes'],
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    abilities: { revoke: isDistrictAdmin(ctx.actor) && row.revokedAt === null },
  };
}

const requireAdmin = (ctx: Ctx) => {
  if (!isDistrictAdmin(ctx.actor)) throw forbidden();
};

async function load(ctx: Ctx, id?: string): Promise<Row[]> {
  return ctx.db
    .select({
      ...apiTokensColumns,
      createdByName: sql<string | null>`nullif(trim(${people.givenName} || ' ' || ${people.familyName}), '')`,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdByUserId))
    .leftJoin(people, eq(people.id, users.personId))
    .where(id ? and(eq(apiTokens.districtId, ctx.actor.districtId), eq(apiTokens.id, id)) : eq(apiTokens.districtId, ctx.actor.districtId))
    .orderBy(desc(apiTokens.createdAt));
}
const apiTokensColumns = {
  id: apiTokens.id,
  districtId: apiTokens.districtId,
  createdAt: apiTokens.createdAt,
  updatedAt: apiTokens.updatedAt,
  name: apiTokens.name,
  tokenHash: apiTokens.tokenHash,
  scopes: apiTokens.scopes,
  createdByUserId: apiTokens.createdByUserId,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

/** District admins: every token of the district, revoked ones included (newest first). */
export async function listApiTokens(ctx: Ctx) {
  requireAdmin(ctx);
  return (await load(ctx)).map((r) => present(ctx, r));
}

/** Creates a token; the secret is in the answer only (its SHA-256 is stored). */
export async function createApiToken(ctx: Ctx, input: z.infer<typeof CreateApiTokenInput>): Promise<CreatedApiToken> {
  requireAdmin(ctx);
  const secret = `${TOKEN_PREFIX}${newToken()}`;
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        districtId: ctx.actor.districtId,
        name: input.name,
        tokenHash: hashToken(secret),
        scopes: input.scopes,
        createdByUserId: ctx.actor.userId,
      })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, ctx, {
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: row!.id,
      after: { name: input.name, scopes: input.scopes },
    });
    return row!.id;
  });
  const [row] = await load(ctx, id);
  return { token: present(ctx, row!), secret };
}

/** Revokes a token at once (idempotent: revoking a revoked token changes nothing). */
export async function revokeApiToken(ctx: Ctx, id: string) {
  requireAdmin(ctx);
  const [row] = await load(ctx, id);
  if (!row) throw notFound('API token');
  if (row.revokedAt) return present(ctx, row);
  await ctx.db.transaction(async (tx) => {
    await tx.update(apiTokens).set({ revokedAt: new Date(), updatedAt: new Date() }).where(eq(apiTokens.id, id));
    await recordAudit(tx, ctx, {
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: id,
      before: { name: row.name, revokedAt: null },
    });
  });
  const [updated] = await load(ctx, id);
  return present(ctx, updated!);
}

/**
 * The district a bearer token reads for, when the token is live and holds `scope`; null otherwise.
 * `lastUsedAt` is refreshed at most once a minute, so polling systems do not write on every request.
 */
export async function authenticateApiToken(db: Db, secret: string, scope: string): Promise<{ districtId: string; tokenId: string } | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ id: apiTokens.id, districtId: apiTokens.districtId, scopes: apiTokens.scopes })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(secret)), isNull(apiTokens.revokedAt)));
  if (!row || !(row.scopes as string[]).includes(scope)) return null;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(Date.now() - 60_000)))));
  return { districtId: row.districtId, tokenId: row.id };
}
