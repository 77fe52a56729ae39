import { and, asc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { CommentListQuery, CreateCommentInput } from '../../../common/schemas/frameworks.ts';
import type { Executor } from '../../db/client.ts';
import { frameworkComments, frameworkItems, people, rubricCriteria, rubricDescriptors, rubrics, users } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, invalidState, notFound } from '../../lib/errors.ts';
import { presentComment } from '../../presenters/frameworks.ts';
import { recordAudit } from '../audit.ts';
import { loadVersion, type LoadedVersion } from './access.ts';
import { invalid } from './items.ts';

const author = alias(people, 'author');
const resolver = alias(people, 'resolver');
const nameOf = (p: typeof author | typeof resolver) => sql<string>`coalesce(${p.preferredName}, ${p.givenName}) || ' ' || ${p.familyName}`;

async function commentRows(db: Executor, where: SQL) {
  return db
    .select({ comment: frameworkComments, authorName: nameOf(author), resolvedByName: sql<string | null>`${nameOf(resolver)}` })
    .from(frameworkComments)
    .innerJoin(author, eq(author.id, frameworkComments.authorPersonId))
    .leftJoin(users, eq(users.id, frameworkComments.resolvedByUserId))
    .leftJoin(resolver, eq(resolver.id, users.personId))
    .where(where)
    .orderBy(asc(frameworkComments.createdAt), asc(frameworkComments.id));
}

const present = (loaded: LoadedVersion, rows: Awaited<ReturnType<typeof commentRows>>) =>
  rows.map((r) =>
    presentComment(r.comment, { authorName: r.authorName, resolvedByName: r.resolvedByName, canResolve: loaded.abilities.resolveComments }),
  );

/** Comments are the design team's conversation with the editors: only they read them. */
function participant(loaded: LoadedVersion) {
  if (!loaded.abilities.manageDesignTeam && !loaded.isCollaborator) throw forbidden();
}

export async function listComments(ctx: Ctx, versionId: string, q: z.infer<typeof CommentListQuery>) {
  const loaded = await loadVersion(ctx, versionId);
  participant(loaded);
  const where: SQL[] = [eq(frameworkComments.versionId, versionId)];
  if (q.itemId) where.push(eq(frameworkComments.itemId, q.itemId));
  if (q.descriptorId) where.push(eq(frameworkComments.descriptorId, q.descriptorId));
  if (q.status === 'open') where.push(isNull(frameworkComments.resolvedAt));
  if (q.status === 'resolved') where.push(isNotNull(frameworkComments.resolvedAt));
  return { items: present(loaded, await commentRows(ctx.db, and(...where)!)) };
}

/** A comment on a draft, on the version, one of its items, or one descriptor of one of its rubrics. */
export async function createComment(ctx: Ctx, versionId: string, input: z.infer<typeof CreateCommentInput>) {
  const loaded = await loadVersion(ctx, versionId);
  participant(loaded);
  if (!loaded.abilities.comment) throw invalidState('Comments are taken on drafts only', { status: loaded.version.status });
  if (input.itemId) {
    const [item] = await ctx.db
      .select({ id: frameworkItems.id })
      .from(frameworkItems)
      .where(and(eq(frameworkItems.id, input.itemId), eq(frameworkItems.versionId, versionId)));
    if (!item) throw invalid('itemId', 'Not an item of this version');
  }
  if (input.descriptorId) {
    const [descriptor] = await ctx.db
      .select({ id: rubricDescriptors.id })
      .from(rubricDescriptors)
      .innerJoin(rubricCriteria, eq(rubricCriteria.id, rubricDescriptors.criterionId))
      .innerJoin(rubrics, eq(rubrics.id, rubricCriteria.rubricId))
      .where(and(eq(rubricDescriptors.id, input.descriptorId), eq(rubrics.versionId, versionId)));
    if (!descriptor) throw invalid('descriptorId', 'Not a descriptor of a rubric of this version');
  }
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(frameworkComments)
      .values({
        districtId: ctx.actor.districtId,
        versionId,
        itemId: input.itemId ?? null,
        descriptorId: input.descriptorId ?? null,
        authorPersonId: ctx.actor.personId,
        body: input.body,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'framework_comment.create', entityType: 'framework_comment', entityId: row!.id, after: row });
    return row!.id;
  });
  return present(loaded, await commentRows(ctx.db, eq(frameworkComments.id, id)))[0]!;
}

/** Editors resolve (or reopen) comments while the version is a draft. */
export async function setCommentResolved(ctx: Ctx, commentId: string, resolved: boolean) {
  const [comment] = await ctx.db
    .select()
    .from(frameworkComments)
    .where(and(eq(frameworkComments.id, commentId), eq(frameworkComments.districtId, ctx.actor.districtId)));
  if (!comment) throw notFound('Comment');
  const loaded = await loadVersion(ctx, comment.versionId);
  if (!loaded.abilities.manageDesignTeam) throw forbidden();
  if (!loaded.abilities.resolveComments) throw invalidState('The version is no longer a draft', { status: loaded.version.status });
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(frameworkComments)
      .set(
        resolved
          ? { resolvedAt: new Date(), resolvedByUserId: ctx.actor.userId, updatedAt: new Date() }
          : { resolvedAt: null, resolvedByUserId: null, updatedAt: new Date() },
      )
      .where(eq(frameworkComments.id, commentId))
      .returning();
    await recordAudit(tx, ctx, {
      action: resolved ? 'framework_comment.resolve' : 'framework_comment.reopen',
      entityType: 'framework_comment',
      entityId: commentId,
      before: comment,
      after: row,
    });
  });
  return present(loaded, await commentRows(ctx.db, eq(frameworkComments.id, commentId)))[0]!;
}
