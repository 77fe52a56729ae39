import { boolean, date, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { districts } from './districts.ts';
import { frameworkItems } from './frameworks.ts';
import { initiatives } from './initiatives.ts';
import { observations } from './observations.ts';
import { orgUnits } from './org-units.ts';
import { people } from './people.ts';
import { rubrics } from './rubrics.ts';

/**
 * A fidelity check is an observation of kind `fidelity` (notes, autosave, offline and calendar come
 * with it); this row ties it to its initiative and the tool version it was made with, and holds its
 * score once published (share of the tool's maximum, 0-100).
 */
export const fidelityChecks = pgTable(
  'fidelity_checks',
  {
    ...tenantColumns(),
    observationId: uuid()
      .notNull()
      .references(() => observations.id),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    rubricId: uuid()
      .notNull()
      .references(() => rubrics.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    orgUnitId: uuid().references(() => orgUnits.id),
    checkedOn: date({ mode: 'string' }).notNull(),
    scorePct: numeric({ mode: 'number' }),
    atFidelity: boolean(),
  },
  (t) => [
    uniqueIndex('fidelity_checks_observation_uq').on(t.observationId),
    index('fidelity_checks_person_idx').on(t.initiativeId, t.personId, t.checkedOn),
    index('fidelity_checks_school_idx').on(t.initiativeId, t.orgUnitId, t.checkedOn),
  ],
);

/** Each person's latest published check per initiative, kept on publish (the initiative page reads it). */
export const fidelityLatest = pgTable(
  'fidelity_latest',
  {
    districtId: uuid()
      .notNull()
      .references(() => districts.id),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    orgUnitId: uuid().references(() => orgUnits.id),
    checkId: uuid()
      .notNull()
      .references(() => fidelityChecks.id),
    checkedOn: date({ mode: 'string' }).notNull(),
    scorePct: numeric({ mode: 'number' }).notNull(),
    atFidelity: boolean().notNull(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.personId] }), index('fidelity_latest_school_idx').on(t.initiativeId, t.orgUnitId)],
);

/** Monthly sums per school and component, kept on publish: the trend charts read these, never the checks. */
export const fidelityMonthly = pgTable(
  'fidelity_monthly',
  {
    districtId: uuid()
      .notNull()
      .references(() => districts.id),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    itemId: uuid()
      .notNull()
      .references(() => frameworkItems.id),
    /** First day of the month (district time zone). */
    month: date({ mode: 'string' }).notNull(),
    checks: integer().notNull().default(0),
    /** Sum of the component's score share (0-100) over the month's checks. */
    sumPct: numeric({ mode: 'number' }).notNull().default(0),
    /** Checks that scored the component at the tool's top level ("present"). */
    present: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.orgUnitId, t.itemId, t.month] })],
);

/**
 * A Plan-Do-Study-Act cycle on one component at one school. It cannot close without study and act; its
 * result is classified as an implementation problem (not done as intended) or an innovation problem
 * (done as intended, no result).
 */
export const pdsaCycles = pgTable(
  'pdsa_cycles',
  {
    ...tenantColumns(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    itemId: uuid().references(() => frameworkItems.id),
    teamId: uuid(),
    title: text().notNull(),
    /** common/implementation.ts PDSA_STATUSES */
    status: text().notNull().default('plan'),
    change: text().notNull().default(''),
    prediction: text().notNull().default(''),
    measures: text().notNull().default(''),
    startsOn: date({ mode: 'string' }),
    endsOn: date({ mode: 'string' }),
    /** Do: was the change done as intended (fidelity data attached on the cycle page). */
    doneAsIntended: boolean(),
    doNotes: text().notNull().default(''),
    study: text().notNull().default(''),
    /** Did the result match the prediction? */
    predictionMet: boolean(),
    /** common/implementation.ts PDSA_ACTS */
    act: text(),
    actNotes: text().notNull().default(''),
    /** common/implementation.ts PDSA_PROBLEMS, derived on closing from doneAsIntended and predictionMet. */
    problem: text(),
    version: integer().notNull().default(1),
  },
  (t) => [index('pdsa_cycles_initiative_idx').on(t.initiativeId, t.orgUnitId, t.status)],
);
