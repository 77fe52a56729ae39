import { createHash, randomBytes } from 'node:crypto';

/** A random URL-safe token (256 bits). */
export const newToken = () => randomBytes(32).toString('base64url');

/** Tokens are stored only as their SHA-256, so a database dump yields no live session or link. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
