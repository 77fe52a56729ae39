import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { districts } from './districts.ts';
import { people } from './people.ts';
import { users } from './users.ts';

/**
 * Who read a record about a person (an observation, a coaching record, their person page), when:
 * never the content. One row per reader, record and person in each ten-minute window (`window`),
 * so a page that refetches does not flood the list the person sees on their account page.
 */
export const recordReads = pgTable(
  'record_reads',
  {
    id: uuid().primaryKey().defaultRandom(),
    districtId: uuid()
      .notNull()
      .references(() => districts.id),
    /** The person the record is about. */
    subjectPersonId: uuid()
      .notNull()
      .references(() => people.id),
    readerUserId: uuid()
      .notNull()
      .references(() => users.id),
    readerPersonId: uuid()
      .notNull()
      .references(() => people.id),
    /** person, person_history, competency_profile, observation, action_step, coaching_plan, coaching_cycle, coaching_log, coaching_summary */
    entityType: text().notNull(),
    entityId: uuid().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** `at` rounded down to ten minutes: the unique key that collapses repeated reads. */
    window: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('record_reads_once_idx').on(t.readerUserId, t.entityType, t.entityId, t.subjectPersonId, t.window),
    index('record_reads_subject_idx').on(t.districtId, t.subjectPersonId, t.at, t.id),
  ],
);
