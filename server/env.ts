import { isIP } from 'node:net';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY besides addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies may name the client's address in X-Forwarded-For: unset trusts none (the peer is
 * the client); a hop count trusts that many proxies in front; otherwise a comma-separated list of
 * proxy addresses, CIDR ranges or `loopback` / `linklocal` / `uniquelocal`. Never "everyone".
 */
const trustProxy = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): false | number | string[] => {
    if (!value) return false;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const bad = entries.filter((e) => !isProxyEntry(e));
    if (bad.length > 0 || entries.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a hop count or proxy addresses/CIDRs separated by commas; not understood: ${bad.join(', ') || value}`,
      });
      return z.NEVER;
    }
    return entries;
  });
const httpUrl = z.string().refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http:// or https:// URL');
/** An optional setting for which an empty value (`PUBLIC_URL=` in a service file) means unset. */
const unlessEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** Every setting Trellis reads from the environment; README.md documents each. */
const envSchema = z.object({
  /** Safe defaults (Secure cookie, no e-mail links in the log) unless `development`. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** PostgreSQL connection string; without it Trellis uses the embedded database in DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  /**
   * The address people open Trellis at (e.g. https://trellis.district.org): the only source of the
   * links Trellis e-mails or hands out. Unset: built from HOST and PORT (see lib/public-url.ts).
   */
  PUBLIC_URL: unlessEmpty(httpUrl),
  /** SMTP server for outgoing e-mail, e.g. smtp://user:pass@mail.district.org:587 or smtps://...:465. */
  SMTP_URL: unlessEmpty(z.string().refine((v) => /^smtps?:\/\/[^/]/.test(v) && URL.canParse(v), 'must be an smtp:// or smtps:// URL')),
  /** The From of every e-mail, e.g. "Trellis <trellis@district.org>". */
  SMTP_FROM: unlessEmpty(z.string().min(3)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: bool.default(true),
  /** Idle session lifetime: each use slides it. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Absolute session lifetime: sign in again this long after signing in, however active. */
  SESSION_MAX_HOURS: z.coerce.number().positive().default(24),
  TRUST_PROXY: trustProxy,
  MAX_UPLOAD_MB: z.coerce.number().positive().default(50),
  /** Largest attachment (observations, coaching logs, action steps), in MB. */
  FILES_MAX_MB: z.coerce.number().positive().default(25),
  /** Attachments in an S3-compatible bucket (kept private) instead of DATA_DIR/files. */
  FILES_S3_BUCKET: unlessEmpty(z.string().min(3)),
  /** The store's address for anything but AWS itself (MinIO, Ceph, R2...), e.g. https://s3.district.org. */
  FILES_S3_ENDPOINT: unlessEmpty(httpUrl),
  FILES_S3_REGION: unlessEmpty(z.string()),
  FILES_S3_ACCESS_KEY_ID: unlessEmpty(z.string()),
  FILES_S3_SECRET_ACCESS_KEY: unlessEmpty(z.string()),
  /** Secure cookies; on unless NODE_ENV=development (browsers accept them on http://localhost and 127.0.0.1). */
  COOKIE_SECURE: bool.optional(),
  /**
   * 32+ random characters from which the keys for secrets at rest are derived (TOTP seeds, SSO
   * client secrets): lib/secret-key.ts. Unset: a key file in DATA_DIR; required with PostgreSQL in production.
   */
  SECRET_KEY: unlessEmpty(z.string().min(32, 'must be 32 or more random characters (e.g. openssl rand -base64 32)')),
});

export type Env = z.infer<typeof envSchema>;

/** Reads and validates the environment, failing with every problem listed. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
