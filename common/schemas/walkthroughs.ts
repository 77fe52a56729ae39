import { z } from 'zod';
import { IsoDate, Uuid } from './common.ts';

export const WALKTHROUGH_PERIODS = ['month', 'term'] as const;
export type WalkthroughPeriod = (typeof WALKTHROUGH_PERIODS)[number];

/** GET /api/walkthroughs/report: one school (or, for HR and admins, the whole district when omitted). */
export const WalkthroughReportQuery = z
  .object({
    school: Uuid.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    period: z.enum(WALKTHROUGH_PERIODS).default('month'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'The start must be on or before the end', path: ['to'] });

export const WalkthroughCompetency = z.object({ id: Uuid, label: z.string() });

/** A period with at least one walkthrough (periods without any are absent, never 0). */
export const WalkthroughPeriodRow = z.object({
  key: z.string(),
  label: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  walkthroughs: z.number().int(),
});

/** Seen / looked at: `looked` counts walkthroughs that marked the look-for seen or not seen. */
export const LookForShare = z.object({ seen: z.number().int(), looked: z.number().int(), share: z.number().nullable() });

export const LookForReportRow = LookForShare.extend({
  lookFor: z.string(),
  competency: WalkthroughCompetency.nullable(),
  /** Only the periods in which the look-for was looked at. */
  byPeriod: z.array(LookForShare.extend({ period: z.string() })),
});

export const WalkthroughReport = z.object({
  schoolId: Uuid.nullable(),
  from: IsoDate,
  to: IsoDate,
  period: z.enum(WALKTHROUGH_PERIODS),
  walkthroughs: z.number().int(),
  periods: z.array(WalkthroughPeriodRow),
  lookFors: z.array(LookForReportRow),
});
export type WalkthroughReport = z.infer<typeof WalkthroughReport>;

/** PUT /api/walkthroughs/types/:id/look-for-tags: the competency (or none) of each look-for of the type. */
export const LookForTagsInput = z.object({
  version: z.number().int(),
  tags: z.array(z.object({ lookFor: z.string().min(1), itemId: Uuid.nullable() })).max(100),
});

export const LookForTags = z.object({
  id: Uuid,
  name: z.string(),
  version: z.number().int(),
  tags: z.array(z.object({ lookFor: z.string(), competency: WalkthroughCompetency.nullable() })),
});
export type LookForTags = z.infer<typeof LookForTags>;
export const LookForTagsList = z.object({
  items: z.array(LookForTags),
  /** The competencies a look-for may be tagged to: items of the published observation framework. */
  competencies: z.array(WalkthroughCompetency),
  abilities: z.object({ update: z.boolean() }),
});
