import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { users } from './users.ts';

/**
 * Read-only tokens other systems use to pull data (e.g. published frameworks over the CASE REST
 * API) with `Authorization: Bearer`. Only a SHA-256 hash is stored; the token is shown once.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    ...tenantColumns(),
    name: text().notNull(),
    tokenHash: text().notNull(),
    /** What the token may read, e.g. ['case.read']. */
    scopes: jsonb().$type<string[]>().notNull().default([]),
    createdByUserId: uuid().references(() => users.id),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_district_idx').on(t.districtId)],
);
