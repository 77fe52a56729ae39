import { z } from 'zod';
import {
  ADMINISTRATION_ROLES,
  ADMINISTRATION_STATUSES,
  ASSESSMENT_LIMITS,
  INSTRUMENT_KINDS,
  INSTRUMENT_VERSION_STATUSES,
  ITEM_STATES,
} from '../assessments.ts';
import { IsoDate, Uuid } from './common.ts';

/** The assessment engine (issue 15 parts 1 and 4): instruments, versions, administrations, results. */

const Name = z.string().trim().min(1).max(ASSESSMENT_LIMITS.nameChars);
const Text = z.string().max(ASSESSMENT_LIMITS.textChars);
const Version = z.number().int().positive();

export const InstrumentKindSchema = z.enum(INSTRUMENT_KINDS);
export const AdministrationRoleSchema = z.enum(ADMINISTRATION_ROLES);

export const ScalePointSchema = z.object({
  value: z.number().int().min(0).max(100),
  label: z.string().trim().min(1).max(100),
  anchor: Text.default(''),
});

// ---------- Instruments ----------

export const InstrumentInput = z.object({
  name: Name,
  kind: InstrumentKindSchema,
  description: Text.default(''),
  /** Where the text comes from and its licence ("Licensed copy of ..., for our district's use"). */
  sourceNote: Text.default(''),
});
export type InstrumentInput = z.infer<typeof InstrumentInput>;

/** The fields given change; the others stay (no defaults here, so a missing field is never blanked). */
export const InstrumentUpdateInput = z.object({
  name: Name.optional(),
  kind: InstrumentKindSchema.optional(),
  description: Text.optional(),
  sourceNote: Text.optional(),
  version: Version,
});
export type InstrumentUpdateInput = z.infer<typeof InstrumentUpdateInput>;

export const VersionSummary = z.object({
  id: Uuid,
  versionNumber: z.number().int(),
  status: z.enum(INSTRUMENT_VERSION_STATUSES),
  publishedAt: z.string().nullable(),
  items: z.number().int(),
});

export const Instrument = z.object({
  id: Uuid,
  name: z.string(),
  kind: InstrumentKindSchema,
  description: z.string(),
  sourceNote: z.string(),
  builtIn: z.boolean(),
  version: z.number().int(),
  versions: z.array(VersionSummary),
  abilities: z.object({ edit: z.boolean(), administer: z.boolean() }),
});
export type Instrument = z.infer<typeof Instrument>;

export const InstrumentList = z.object({
  items: z.array(Instrument),
  abilities: z.object({ create: z.boolean(), installLibrary: z.boolean() }),
});
export type InstrumentList = z.infer<typeof InstrumentList>;

// ---------- Version content ----------

export const ItemInput = z.object({
  /** The item's id when kept from the draft being saved, so its key (its history) stays. */
  id: Uuid.optional(),
  text: z.string().trim().min(1).max(ASSESSMENT_LIMITS.textChars),
  guidance: Text.default(''),
});

export const SectionInput = z.object({
  id: Uuid.optional(),
  title: Name,
  items: z.array(ItemInput).max(ASSESSMENT_LIMITS.itemsPerSection),
});

/** The whole content of a draft, saved at once by the builder. */
export const VersionContentInput = z.object({
  version: Version,
  scale: z.array(ScalePointSchema).min(2).max(ASSESSMENT_LIMITS.scalePoints),
  targetPct: z.number().int().min(1).max(100).nullable(),
  sections: z.array(SectionInput).max(ASSESSMENT_LIMITS.sections),
});
export type VersionContentInput = z.infer<typeof VersionContentInput>;

export const AssessmentItem = z.object({ id: Uuid, key: Uuid, position: z.number().int(), text: z.string(), guidance: z.string() });
export const AssessmentSection = z.object({
  id: Uuid,
  key: Uuid,
  position: z.number().int(),
  title: z.string(),
  items: z.array(AssessmentItem),
});
export type AssessmentSection = z.infer<typeof AssessmentSection>;

export const VersionDetail = z.object({
  id: Uuid,
  instrument: z.object({ id: Uuid, name: z.string(), kind: InstrumentKindSchema, sourceNote: z.string() }),
  versionNumber: z.number().int(),
  status: z.enum(INSTRUMENT_VERSION_STATUSES),
  scale: z.array(ScalePointSchema),
  targetPct: z.number().int().nullable(),
  sections: z.array(AssessmentSection),
  version: z.number().int(),
  publishedAt: z.string().nullable(),
  abilities: z.object({ edit: z.boolean(), publish: z.boolean(), startDraft: z.boolean() }),
});
export type VersionDetail = z.infer<typeof VersionDetail>;

export const VersionParams = z.object({ versionId: Uuid });
export const PublishInput = z.object({ version: Version });

// ---------- Library and CSV import ----------

export const LibraryInstallResult = z.object({ installed: z.array(z.string()), alreadyInstalled: z.array(z.string()) });
export type LibraryInstallResult = z.infer<typeof LibraryInstallResult>;

export const InstrumentImportInput = InstrumentInput.extend({
  /** Columns: section, item, guidance (any order, any case). */
  csv: z.string().max(1_000_000),
  scale: z.array(ScalePointSchema).min(2).max(ASSESSMENT_LIMITS.scalePoints),
  targetPct: z.number().int().min(1).max(100).nullable().default(null),
  dryRun: z.boolean().default(true),
});
export type InstrumentImportInput = z.infer<typeof InstrumentImportInput>;

export const ImportRowError = z.object({ line: z.number().int(), code: z.string(), field: z.string().optional() });
export const InstrumentImportResult = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.number().int(),
  sections: z.number().int(),
  items: z.number().int(),
  errors: z.array(ImportRowError),
  instrumentId: Uuid.nullable(),
  versionId: Uuid.nullable(),
});
export type InstrumentImportResult = z.infer<typeof InstrumentImportResult>;

// ---------- Administrations ----------

export const AttendeeInput = z.object({ personId: Uuid, role: AdministrationRoleSchema });

/** The fields of a new administration; `AdministrationCreateInput` adds that it is a team's or one person's. */
export const AdministrationFields = z.object({
  versionId: Uuid,
  /** An implementation team, or null with `soloPersonId` for one person scoring alone. */
  teamId: Uuid.nullable().default(null),
  soloPersonId: Uuid.nullable().default(null),
  orgUnitId: Uuid,
  initiativeId: Uuid.nullable().default(null),
  title: z.string().trim().max(ASSESSMENT_LIMITS.nameChars).default(''),
  heldOn: IsoDate,
  attendees: z.array(AttendeeInput).max(200).default([]),
});

export const AdministrationCreateInput = AdministrationFields.refine((v) => (v.teamId === null) !== (v.soloPersonId === null), {
  path: ['teamId'],
  message: 'give either a team or the person scoring alone',
});
export type AdministrationCreateInput = z.infer<typeof AdministrationCreateInput>;

export const AttendeesInput = z.object({ version: Version, attendees: z.array(AttendeeInput).max(200) });
export type AttendeesInput = z.infer<typeof AttendeesInput>;

export const ScoreInput = z.object({
  value: z.number(),
  note: Text.default(''),
  /** The score's version when changing one already recorded (a stale one answers 409). */
  version: Version.optional(),
});
export type ScoreInput = z.infer<typeof ScoreInput>;

export const ScoreParams = z.object({ id: Uuid, itemId: Uuid });
export const CloseInput = z.object({ version: Version });

export const AdministrationListQuery = z.object({
  instrumentId: Uuid.optional(),
  teamId: Uuid.optional(),
  orgUnitId: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AdministrationListQuery = z.infer<typeof AdministrationListQuery>;

const Named = z.object({ id: Uuid, name: z.string() });

export const SectionResult = z.object({
  key: Uuid,
  title: z.string(),
  sum: z.number(),
  max: z.number(),
  pct: z.number().nullable(),
  scored: z.number().int(),
  items: z.number().int(),
});
export const AdministrationResultsSchema = z.object({
  total: SectionResult.omit({ key: true, title: true }),
  sections: z.array(SectionResult),
  targetPct: z.number().int().nullable(),
});
export type AdministrationResultsView = z.infer<typeof AdministrationResultsSchema>;

export const AdministrationSummary = z.object({
  id: Uuid,
  title: z.string(),
  heldOn: IsoDate,
  status: z.enum(ADMINISTRATION_STATUSES),
  instrument: Named,
  versionId: Uuid,
  versionNumber: z.number().int(),
  team: Named.nullable(),
  soloPerson: Named.nullable(),
  orgUnit: Named,
  initiativeId: Uuid.nullable(),
  totalPct: z.number().nullable(),
  version: z.number().int(),
});
export type AdministrationSummary = z.infer<typeof AdministrationSummary>;

export const AdministrationList = z.object({ items: z.array(AdministrationSummary), total: z.number().int() });
export type AdministrationList = z.infer<typeof AdministrationList>;

export const ConsensusScore = z.object({
  itemId: Uuid,
  value: z.number(),
  note: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const AdministrationDetail = AdministrationSummary.extend({
  content: VersionDetail.omit({ abilities: true }),
  attendees: z.array(z.object({ person: Named, role: AdministrationRoleSchema })),
  scores: z.array(ConsensusScore),
  results: AdministrationResultsSchema,
  currentItemId: Uuid.nullable(),
  currentItemState: z.enum(ITEM_STATES).nullable(),
  /** The fit review candidate this administration scores, if it scores one. */
  fitCandidate: z.object({ reviewId: Uuid, reviewTitle: z.string(), candidateId: Uuid, name: z.string() }).nullable(),
  abilities: z.object({
    score: z.boolean(),
    manage: z.boolean(),
    /** Writes action plans of a team this administration's low items may be planned from (its own team, or a team at its org unit). */
    planActions: z.boolean(),
  }),
});
export type AdministrationDetail = z.infer<typeof AdministrationDetail>;

// ---------- Results over time ----------

export const TrendQuery = z
  .object({ instrumentId: Uuid, teamId: Uuid.optional(), orgUnitId: Uuid.optional(), soloPersonId: Uuid.optional() })
  .refine((q) => [q.teamId, q.orgUnitId, q.soloPersonId].filter(Boolean).length === 1, {
    path: ['teamId'],
    message: 'give one of teamId, orgUnitId or soloPersonId',
  });
export type TrendQuery = z.infer<typeof TrendQuery>;

export const ItemMove = z.object({
  key: Uuid,
  text: z.string(),
  section: z.string(),
  before: z.number(),
  after: z.number(),
});

export const Trend = z.object({
  instrument: Named,
  targetPct: z.number().int().nullable(),
  points: z.array(
    z.object({
      administrationId: Uuid,
      heldOn: IsoDate,
      versionNumber: z.number().int(),
      status: z.enum(ADMINISTRATION_STATUSES),
      totalPct: z.number().nullable(),
      sections: z.array(z.object({ key: Uuid, title: z.string(), pct: z.number().nullable() })),
    }),
  ),
  /** Items whose consensus score changed between the last two administrations. */
  moved: z.array(ItemMove),
});
export type Trend = z.infer<typeof Trend>;

export const SchoolComparisonQuery = z.object({ instrumentId: Uuid });
export const SchoolComparison = z.object({
  instrument: Named,
  targetPct: z.number().int().nullable(),
  /** Each school's latest closed administration, in name order (never ranked). */
  schools: z.array(
    z.object({ orgUnit: Named, administrationId: Uuid, heldOn: IsoDate, versionNumber: z.number().int(), totalPct: z.number().nullable() }),
  ),
});
export type SchoolComparison = z.infer<typeof SchoolComparison>;

export const AssessmentSettingsView = z.object({
  schoolLeadersCompareSchools: z.boolean(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean() }),
});
export type AssessmentSettingsView = z.infer<typeof AssessmentSettingsView>;
export const AssessmentSettingsInput = z.object({ schoolLeadersCompareSchools: z.boolean(), version: Version });
export type AssessmentSettingsInput = z.infer<typeof AssessmentSettingsInput>;
