import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { districts } from './districts.ts';

/** Columns every tenant table carries: a UUID key, the owning district, and write times. */
export const tenantColumns = () => ({
  id: uuid().primaryKey().defaultRandom(),
  districtId: uuid()
    .notNull()
    .references(() => districts.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
