import { and, count, desc, eq, gte, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { DistrictSummary, PeriodQuery } from '../../../common/schemas/district.ts';
import { observations, outboxEmails, rosterImports } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { BEHIND_SHARE } from '../coaching/delivery.ts';
import { districtToday } from '../coaching/refs.ts';
import { deliveryOfPlans } from './coaching-delivery.ts';

const DAY_MS = 86_400_000;

/**
 * What a district's HR director looks at first (HR and district admins): observations of the period
 * by where they stand, coaching delivered against plans, and roster imports and e-mail that failed.
 * Counts only, each a few indexed aggregates.
 */
export async function districtSummary(ctx: Ctx, q: PeriodQuery): Promise<DistrictSummary> {
  if (!isHrOrAdmin(ctx.actor)) throw forbidden('Only HR and district admins see the district summary');
  const districtId = ctx.actor.districtId;
  const { period, rows } = await deliveryOfPlans(ctx.db, districtId, q);
  const { today: day } = await districtToday(ctx.db, districtId);
  const published = eq(observations.status, 'published');
  const [obs] = await ctx.db
    .select({
      published: sql<number>`count(*) filter (where ${published})`.mapWith(Number),
      drafts: sql<number>`count(*) filter (where ${eq(observations.status, 'draft')})`.mapWith(Number),
      feedbackOverdue:
        sql<number>`count(*) filter (where ${and(published, isNull(observations.feedbackHeldAt), lt(observations.feedbackDueOn, day))})`.mapWith(
          Number,
        ),
      awaitingAcknowledgement: sql<number>`count(*) filter (where ${and(
        published,
        or(isNull(observations.acknowledgedRevision), ne(observations.acknowledgedRevision, observations.revision)),
      )})`.mapWith(Number),
    })
    .from(observations)
    .where(
      and(eq(observations.districtId, districtId), gte(observations.observedOn, period.from), lte(observations.observedOn, period.to)),
    );
  const since = new Date(Date.now() - 30 * DAY_MS);
  const [latest] = await ctx.db
    .select({
      id: rosterImports.id,
      status: rosterImports.status,
      createdAt: rosterImports.createdAt,
      finishedAt: rosterImports.finishedAt,
    })
    .from(rosterImports)
    .where(eq(rosterImports.districtId, districtId))
    .orderBy(desc(rosterImports.createdAt))
    .limit(1);
  const [failedImports] = await ctx.db
    .select({ n: count() })
    .from(rosterImports)
    .where(and(eq(rosterImports.districtId, districtId), eq(rosterImports.status, 'failed'), gte(rosterImports.createdAt, since)));
  const [mail] = await ctx.db
    .select({
      failed: sql<number>`count(*) filter (where ${and(eq(outboxEmails.status, 'failed'), gte(outboxEmails.createdAt, since))})`.mapWith(
        Number,
      ),
      pending: sql<number>`count(*) filter (where ${eq(outboxEmails.status, 'pending')})`.mapWith(Number),
    })
    .from(outboxEmails)
    .where(eq(outboxEmails.districtId, districtId));
  const planned = rows.reduce((s, r) => s + r.planned, 0);
  return {
    period,
    observations: obs ?? { published: 0, drafts: 0, feedbackOverdue: 0, awaitingAcknowledgement: 0 },
    coaching: {
      plans: rows.length,
      planned: Math.round(planned * 10) / 10,
      delivered: rows.reduce((s, r) => s + r.delivered, 0),
      behind: rows.filter((r) => r.planned > 0 && r.delivered < BEHIND_SHARE * r.planned).length,
    },
    imports: {
      latest: latest ? { id: latest.id, status: latest.status, at: (latest.finishedAt ?? latest.createdAt).toISOString() } : null,
      failedLast30Days: Number(failedImports?.n ?? 0),
    },
    outbox: { failedLast30Days: mail?.failed ?? 0, pending: mail?.pending ?? 0 },
  };
}
