import { z } from 'zod';

/** API tokens other systems use to read published frameworks over the CASE REST API. */
export const API_TOKEN_SCOPES = ['case.read'] as const;

export const ApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(z.enum(API_TOKEN_SCOPES)),
  createdAt: z.iso.datetime({ offset: true }),
  createdByName: z.string().nullable(),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
  abilities: z.object({ revoke: z.boolean() }),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const ApiTokenList = z.object({
  items: z.array(ApiToken),
  /** Where other systems read published frameworks (CASE 1.1 REST). */
  caseBaseUrl: z.string(),
});
export type ApiTokenList = z.infer<typeof ApiTokenList>;

export const CreateApiTokenInput = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(API_TOKEN_SCOPES)).min(1).default(['case.read']),
});

/** The token itself is in `secret`, shown this once: only its SHA-256 hash is stored. */
export const CreatedApiToken = z.object({ token: ApiToken, secret: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
