import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A tenant. Every other table hangs off one district and every query filters by it. */
export const districts = pgTable('districts', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  slug: text().notNull().unique(),
  timeZone: text().notNull().default('America/New_York'),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
