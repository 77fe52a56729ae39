import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** An e-mail as the local SMTP server received it, parsed the way a mail client reads it. */
export interface ReceivedEmail {
  /** Envelope sender and recipients. */
  mailFrom: string;
  rcptTo: string[];
  /** Header fields, lower-case names, encoded words decoded. */
  headers: Record<string, string>;
  subject: string;
  text: string;
}

export interface MailboxOptions {
  /** Require SMTP authentication with this user and password. */
  auth?: { user: string; pass: string };
  /** Refuse a recipient with an SMTP reply (e.g. 451 for "try later", 550 for "no such user"); null accepts. */
  refuse?: (to: string) => { code: number; message: string } | null;
  /** Listen on this port (e.g. where an earlier test found nothing listening); default: any free one. */
  port?: number;
}

/**
 * A real SMTP server (smtp-server from npm) on a free local port that keeps what it receives, for
 * tests and browser journeys to read e-mail the way its recipient would.
 */
export class Mailbox {
  readonly received: ReceivedEmail[] = [];
  private readonly taken = new Set<ReceivedEmail>();
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
  ) {}

  /** Starts a server on 127.0.0.1 and a free port; `url` is the SMTP_URL that reaches it. */
  static async start(opts: MailboxOptions = {}): Promise<Mailbox> {
    const box: { mailbox?: Mailbox } = {};
    const server = new SMTPServer({
      // Plain SMTP on loopback: no STARTTLS (its built-in certificate is self-signed).
      disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      allowInsecureAuth: true,
      authOptional: !opts.auth,
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === opts.auth?.user && auth.password === opts.auth?.pass) callback(null, { user: auth.username });
        else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo(address, _session, callback) {
        const refusal = opts.refuse?.(address.address);
        callback(refusal ? Object.assign(new Error(refusal.message), { responseCode: refusal.code }) : null);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          const rcptTo = session.envelope.rcptTo.map((r) => r.address);
          box.mailbox!.receive({ mailFrom, rcptTo, ...parseEmail(Buffer.concat(chunks).toString('latin1')) });
          callback(null);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.server.address() as AddressInfo;
    const credentials = opts.auth ? `${encodeURIComponent(opts.auth.user)}:${encodeURIComponent(opts.auth.pass)}@` : '';
    box.mailbox = new Mailbox(server, `smtp://${credentials}127.0.0.1:${port}`);
    return box.mailbox;
  }

  /** Waits for the oldest e-mail to `to` not taken yet, and takes it. */
  async take(to: string, timeoutMs = 15_000): Promise<ReceivedEmail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const email = this.received.find((e) => !this.taken.has(e) && e.rcptTo.includes(to.toLowerCase()));
      if (email) {
        this.taken.add(email);
        return email;
      }
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no e-mail to ${to} arrived within ${timeoutMs} ms (received: ${this.received.map((e) => e.rcptTo.join()).join('; ') || 'none'})`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** E-mails to `to` received so far (taken or not). */
  to(to: string): ReceivedEmail[] {
    return this.received.filter((e) => e.rcptTo.includes(to.toLowerCase()));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private receive(email: ReceivedEmail): void {
    this.received.push({ ...email, rcptTo: email.rcptTo.map((r) => r.toLowerCase()) });
    for (const wake of this.waiters.splice(0)) wake();
  }
}

/** The set-password link in an e-mail's text. */
export function setPasswordLink(email: { text: string }): URL {
  const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(email.text)?.[0];
  if (!link) throw new Error(`no set-password link in: ${email.text}`);
  return new URL(link);
}

/**
 * Parses a single-part text message (what Trellis sends): unfolds and decodes the header fields
 * (RFC 2047 encoded words) and decodes the body (quoted-printable, base64, 7bit or 8bit).
 */
export function parseEmail(raw: string): Pick<ReceivedEmail, 'headers' | 'subject' | 'text'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  if (/^multipart\//i.test(headers['content-type'] ?? '')) throw new Error('parseEmail reads single-part messages only');
  const body = raw.slice(split + 4);
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body.replace(/=\r\n/g, ''))
        : Buffer.from(body, 'latin1');
  return { headers, subject: headers.subject ?? '', text: bytes.toString('utf8').replace(/\r\n/g, '\n').replace(/\n$/, '') };
}

function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i));
    }
  }
  return Buffer.from(bytes);
}

function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BQ]\?[^?]*\?=)\s+(?==\?)/gi, '$1')
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_all, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')).toString('utf8'),
    );
}
