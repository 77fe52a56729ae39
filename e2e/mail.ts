import { inject } from 'vitest';
import type { ReceivedEmail } from '../server/test/mailbox.ts';
import { workerIndex } from './workers.ts';

/** E-mails the local SMTP server received for `address`, oldest first (this worker's mailbox: e2e/global-setup.ts). */
export async function emailsTo(address: string): Promise<ReceivedEmail[]> {
  const res = await fetch(`${inject('mailboxURLs')[workerIndex()]}/messages?to=${encodeURIComponent(address)}`);
  if (!res.ok) throw new Error(`mailbox answered ${res.status}`);
  return (await res.json()) as ReceivedEmail[];
}

/** Waits for the e-mail number `index` (0 = the first) to `address`, as a person waits for it to arrive. */
export async function waitForEmail(address: string, index: number, timeoutMs = 20_000): Promise<ReceivedEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const emails = await emailsTo(address);
    if (emails[index]) return emails[index];
    if (Date.now() > deadline) throw new Error(`e-mail ${index + 1} to ${address} did not arrive (${emails.length} so far)`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Waits for an e-mail to `address` that `matches` (e.g. one carrying a set-password link), ignoring
 * the others other journeys sent it (notifications), and returns the newest such e-mail.
 */
export async function waitForEmailThat(
  address: string,
  matches: (email: ReceivedEmail) => boolean,
  timeoutMs = 20_000,
): Promise<ReceivedEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await emailsTo(address)).filter(matches).at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching e-mail to ${address} arrived`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Carries a set-password link (a reset or an invitation). */
export const carriesSetPasswordLink = (email: ReceivedEmail) => /\/reset-password\?token=/.test(email.text);
