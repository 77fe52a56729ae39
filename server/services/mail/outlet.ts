import type { HeldEmail, Mailer } from './mailer.ts';

/** What a service needs to send e-mail: the base of its links and the way out once it has committed. */
export interface MailOutlet {
  /** Base URL of every link in an e-mail (configuration only: lib/public-url.ts). */
  readonly publicUrl: string;
  /** Signs the unsubscribe links of notification e-mails (lib/secret-key.ts); null: no links (tests of other things). */
  readonly unsubscribeKey: Buffer | null;
  /** Sends an e-mail carrying a set-password link (recorded with the link withheld) once the request succeeded. */
  sendHeld(mail: HeldEmail): void;
  /** Stored e-mails were recorded: the worker picks them up once the request succeeded. */
  storedRecorded(): void;
}

/**
 * The outlet of one request: e-mails wait until the response (when the service's transaction has
 * committed) and go out only if it succeeded, so a rolled-back write never sends a dead link.
 */
export class RequestMail implements MailOutlet {
  private readonly held: HeldEmail[] = [];
  private stored = false;

  constructor(
    readonly publicUrl: string,
    readonly unsubscribeKey: Buffer | null = null,
  ) {}

  sendHeld(mail: HeldEmail): void {
    this.held.push(mail);
  }

  storedRecorded(): void {
    this.stored = true;
  }

  /** Hands what the request recorded to the mailer (succeeded), or forgets it (failed). */
  finish(mailer: Mailer, succeeded: boolean): void {
    if (!succeeded) return;
    for (const mail of this.held.splice(0)) mailer.sendHeld(mail);
    if (this.stored) mailer.nudge();
  }
}
