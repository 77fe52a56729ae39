import type { Env } from '../../env.ts';

/** What to do after a failed attempt, and what to tell the admin. */
export interface SendFailure {
  /** Retrying the same message later may succeed (connection, timeout, 4xx, authentication). */
  transient: boolean;
  /** The server's answer or the connection error, without credentials, at most 500 characters. */
  message: string;
}

/**
 * Classifies a nodemailer error. A 5xx rejection of the sender, recipient or message is permanent
 * (nodemailer's `permanent`), except an authentication failure: that is the server's configuration,
 * and the e-mail should go once an administrator fixes it.
 */
export function classifySendError(error: unknown, env: Pick<Env, 'SMTP_URL'>): SendFailure {
  const err = (error ?? {}) as { message?: string; code?: string; permanent?: boolean; response?: string };
  const transient = !(err.permanent === true && err.code !== 'EAUTH');
  const text =
    err.response && !String(err.message).includes(err.response) ? `${err.message}: ${err.response}` : String(err.message ?? error);
  return { transient, message: withoutSecrets(text, env).slice(0, 500) };
}

/** Removes the SMTP user name and password (raw and URL-decoded) from a text meant for people. */
export function withoutSecrets(text: string, env: Pick<Env, 'SMTP_URL'>): string {
  if (!env.SMTP_URL) return text;
  const url = new URL(env.SMTP_URL);
  const secrets = [url.password, url.username].flatMap((s) => (s ? [s, safeDecode(s)] : [])).filter((s) => s.length >= 3);
  return secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
