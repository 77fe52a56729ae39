import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { people } from './people.ts';

/**
 * An attachment of an observation, a coaching log or an action step (`ownerType` + `ownerId`; who
 * may read it follows the owner record). The bytes live in the file storage under `storageKey`
 * (services/files/storage.ts); `deletedAt` keeps the row for the audit once the bytes are gone.
 */
export const files = pgTable(
  'files',
  {
    ...tenantColumns(),
    /** common/schemas/files.ts FILE_OWNER_TYPES */
    ownerType: text().notNull(),
    ownerId: uuid().notNull(),
    /** The uploaded name, made safe (no path, no control characters, capped). */
    name: text().notNull(),
    /** Detected from the content, never taken from the upload's headers. */
    mimeType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    uploadedByPersonId: uuid()
      .notNull()
      .references(() => people.id),
    deletedAt: timestamp({ withTimezone: true }),
    deletedByPersonId: uuid().references(() => people.id),
  },
  (t) => [index('files_owner_idx').on(t.districtId, t.ownerType, t.ownerId, t.createdAt)],
);
