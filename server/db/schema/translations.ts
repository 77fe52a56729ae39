import { integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { users } from './users.ts';

/**
 * A district's own translation of one field of its content (a scale level's label, a rubric
 * descriptor, an observation type's name...), shown to readers of `locale` instead of the original.
 * Presentation only: a translation of a published framework version changes neither the version's
 * content nor its history. `entityType` and `field` come from common/translations.ts.
 */
export const contentTranslations = pgTable(
  'content_translations',
  {
    ...tenantColumns(),
    entityType: text().notNull(),
    entityId: uuid().notNull(),
    field: text().notNull(),
    locale: text().notNull(),
    /** Empty: no translation (readers see the original). */
    text: text().notNull(),
    updatedBy: uuid().references(() => users.id),
    /** Optimistic lock: two translators saving the same text get 409 with the current one. */
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('content_translations_uq').on(t.districtId, t.entityType, t.entityId, t.field, t.locale)],
);
