import { index, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { districts } from './districts.ts';
import { frameworkItems, scaleLevels } from './frameworks.ts';
import { people } from './people.ts';
import { users } from './users.ts';

/**
 * Append-only log of what shows a person's level on a competency (observation score, self-assessment,
 * training post-test...); the competency profile is derived from it. A database trigger refuses
 * UPDATE and DELETE. A framework item with evidence can be retired, never deleted.
 */
export const evidence = pgTable(
  'evidence',
  {
    id: uuid().primaryKey().defaultRandom(),
    districtId: uuid()
      .notNull()
      .references(() => districts.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    itemId: uuid()
      .notNull()
      .references(() => frameworkItems.id),
    scaleLevelId: uuid().references(() => scaleLevels.id),
    levelScore: numeric({ mode: 'number' }),
    /** common/competency.ts EVIDENCE_SOURCES */
    source: text().notNull(),
    sourceId: uuid(),
    observedAt: timestamp({ withTimezone: true }).notNull(),
    recordedByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_person_idx').on(t.districtId, t.personId, t.itemId), index('evidence_item_idx').on(t.itemId)],
);
