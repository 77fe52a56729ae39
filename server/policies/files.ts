import type { Actor } from '../lib/actor.ts';

/**
 * Attachments follow their record. Reading one needs reading the record in full (a coaching log's
 * files are what was said: school leaders who see only that a session happened do not get them).
 * Attaching: observation -> its observers and, once published, the teacher; coaching log -> the
 * coach and the coachees; action step -> everyone who may read it. Deleting: the uploader, or
 * whoever may edit the record.
 */
export interface FileOwnerAccess {
  /** The caller reads the record in full (else the record is 404, or 403 when they see only its summary). */
  read: boolean;
  upload: boolean;
  /** May edit the record: deletes anyone's attachment. */
  edit: boolean;
  /** The people the record is about: a download is logged as a read of their record. */
  subjectPersonIds: string[];
}

export function fileAbilities(actor: Actor, owner: FileOwnerAccess, file: { uploadedByPersonId: string }) {
  return { delete: owner.edit || (owner.read && file.uploadedByPersonId === actor.personId) };
}
