import nodemailer from 'nodemailer';
import type { Env } from '../../env.ts';
import { publicBaseUrl } from '../../lib/public-url.ts';

/** How this server delivers e-mail (common/schemas/outbox.ts `MAIL_DELIVERY`). */
export type Delivery = 'smtp' | 'console' | 'none';

/** One message as its recipient receives it. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** Extra header fields (List-Unsubscribe, List-Unsubscribe-Post). */
  headers?: Record<string, string>;
}

export interface MailTransport {
  delivery: Delivery;
  /** Delivers one message (SMTP) or prints it (development console); throws what nodemailer throws. */
  send(mail: OutgoingEmail): Promise<void>;
  close(): void;
}

type MailEnv = Pick<Env, 'SMTP_URL' | 'SMTP_FROM' | 'NODE_ENV' | 'PUBLIC_URL' | 'HOST' | 'PORT'>;

const AUTO_SUBMITTED = { 'Auto-Submitted': 'auto-generated' };

/** The delivery the configuration asks for: SMTP when configured, else the console in development only. */
export function deliveryFor(env: Pick<Env, 'SMTP_URL' | 'NODE_ENV'>): Delivery {
  if (env.SMTP_URL) return 'smtp';
  return env.NODE_ENV === 'development' ? 'console' : 'none';
}

/** The From address: SMTP_FROM, else no-reply at the host of the public URL. */
export function senderAddress(env: MailEnv): string {
  return env.SMTP_FROM ?? `Trellis <no-reply@${new URL(publicBaseUrl(env)).hostname}>`;
}

/** The SMTP server for logs and the Outbox page: scheme, host and port, never the user or password. */
export function describeSmtp(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}

/**
 * The transport for this configuration. SMTP goes through nodemailer (STARTTLS when the server offers
 * it; `smtps://` for implicit TLS), one connection per message, with timeouts so a silent server
 * cannot hold a message forever. Every message is marked as sent automatically (RFC 3834), so
 * out-of-office replies do not come back.
 */
export function createMailTransport(env: MailEnv, print: (text: string) => void = console.log): MailTransport {
  const delivery = deliveryFor(env);
  const from = senderAddress(env);
  if (delivery === 'smtp') {
    const transporter = nodemailer.createTransport(
      { url: env.SMTP_URL, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 },
      { from, headers: AUTO_SUBMITTED },
    );
    return {
      delivery,
      send: async (mail) => {
        // A message's own headers replace the defaults' (shallow merge): keep Auto-Submitted.
        await transporter.sendMail({
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.headers ? { headers: { ...AUTO_SUBMITTED, ...mail.headers } } : {}),
        });
      },
      close: () => transporter.close(),
    };
  }
  return {
    delivery,
    send: async (mail) => {
      if (delivery === 'none') throw new Error('no SMTP server configured');
      const rule = '-'.repeat(72);
      print(
        `\n${rule}\nE-mail (development: printed here, not sent; set SMTP_URL to send)\nFrom: ${from}\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n${rule}\n`,
      );
    },
    close: () => {},
  };
}

/** The lines the server prints at start about e-mail: where it goes, or that it goes nowhere. */
export function mailStartupNotice(env: MailEnv): { level: 'info' | 'warn'; message: string } {
  switch (deliveryFor(env)) {
    case 'smtp':
      return { level: 'info', message: `E-mail: sent through ${describeSmtp(env.SMTP_URL!)} as ${senderAddress(env)}` };
    case 'console':
      return { level: 'info', message: 'E-mail: no SMTP_URL, so in development every e-mail is printed to this console and none is sent' };
    default:
      return {
        level: 'warn',
        message: 'E-mail: no SMTP server configured (SMTP_URL): e-mails are not sent and show as failed on the Outbox page',
      };
  }
}
