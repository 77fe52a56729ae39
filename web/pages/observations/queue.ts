import { useEffect } from 'react';
import { isApiError } from '../../api/client.ts';
import { saveObservationDraft } from '../../api/observations.ts';
import { toSaveFields, type DraftContent } from './content.ts';
import { browserStorage, clearLocalDraft, pendingDrafts, pruneLocalDrafts, readLocalDraft, recordSaved } from './draft-store.ts';

let sending = false;

/**
 * Sends this user's drafts changed on this device while offline and never sent (the page was left
 * before the network came back). One at a time; a refused one (conflict, published meanwhile)
 * stays on the device and is shown when its observation is opened. `exceptId`: the draft open on
 * screen, which sends its own.
 */
export async function sendQueuedDrafts(userId: string, exceptId?: string): Promise<void> {
  const storage = browserStorage();
  if (sending || !storage || (typeof navigator !== 'undefined' && navigator.onLine === false)) return;
  sending = true;
  try {
    for (const id of pendingDrafts(storage, userId)) {
      if (id === exceptId) continue;
      const local = readLocalDraft<DraftContent>(storage, userId, id);
      if (!local?.pending) continue;
      try {
        const saved = await saveObservationDraft(id, { version: local.baseVersion, ...toSaveFields(local.content) });
        recordSaved(storage, userId, id, local.changedAt, saved.version);
      } catch (error) {
        // Deleted (or no longer ours): nothing to send it to.
        if (isApiError(error, 'not_found') || isApiError(error, 'forbidden')) clearLocalDraft(storage, userId, id);
        if (isApiError(error, 'network')) break;
      }
    }
  } finally {
    sending = false;
  }
}

/** Sends the queue now and whenever the network comes back; drops month-old confirmed copies. */
export function useQueuedDrafts(userId: string, exceptId?: string) {
  useEffect(() => {
    pruneLocalDrafts(browserStorage(), userId);
    void sendQueuedDrafts(userId, exceptId);
    const online = () => void sendQueuedDrafts(userId, exceptId);
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [userId, exceptId]);
}
