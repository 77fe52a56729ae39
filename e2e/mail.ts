import { inject } from 'vitest';
import type { ReceivedEmail } from '../server/test/mailbox.ts';

/** E-mails the local SMTP server received for `address`, oldest first (see e2e/global-setup.ts). */
export async function emailsTo(address: string): Promise<ReceivedEmail[]> {
  const res = await fetch(`${inject('mailboxURL')}/messages?to=${encodeURIComponent(address)}`);
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
