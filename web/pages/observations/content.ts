import type { ActionStepCheckResult } from '../../../common/observation.ts';
import type { Observation, SaveDraftInput } from '../../../common/schemas/observations.ts';

/** What the observer edits in a draft (and in a revision): kept locally and sent whole. */
export interface DraftContent {
  durationMinutes: number | null;
  classLabel: string;
  notes: { id: string; notedAt: string; body: string; itemId: string | null }[];
  scores: { criterionId: string; scaleLevelId: string; comment: string; citedNoteIds: string[] }[];
  lookForResults: { lookFor: string; seen: boolean | null; comment: string }[];
  glows: string;
  grows: string;
  actionStepChecks: { actionStepId: string; result: ActionStepCheckResult; comment: string }[];
}

/** The observation's content in the editor's shape (walkthroughs list every look-for of their type). */
export function contentOf(o: Observation): DraftContent {
  const recorded = new Map(o.lookForResults.map((r) => [r.lookFor, r]));
  const lookFors = o.kind === 'walkthrough' ? [...new Set([...o.type.lookFors, ...recorded.keys()])] : [...recorded.keys()];
  return {
    durationMinutes: o.durationMinutes,
    classLabel: o.classLabel ?? '',
    notes: [...o.notes]
      .sort((a, b) => a.position - b.position)
      .map((n) => ({ id: n.id, notedAt: n.notedAt, body: n.body, itemId: n.itemId })),
    scores: o.scores.map((s) => ({
      criterionId: s.criterionId,
      scaleLevelId: s.scaleLevelId,
      comment: s.comment ?? '',
      citedNoteIds: s.citedNoteIds,
    })),
    lookForResults: lookFors.map((lookFor) => ({
      lookFor,
      seen: recorded.get(lookFor)?.seen ?? null,
      comment: recorded.get(lookFor)?.comment ?? '',
    })),
    glows: o.glows,
    grows: o.grows,
    actionStepChecks: o.actionStepChecks.map((c) => ({ actionStepId: c.actionStepId, result: c.result, comment: c.comment ?? '' })),
  };
}

/** The content as the API takes it (empty text as null). */
export function toSaveFields(c: DraftContent): Omit<SaveDraftInput, 'version'> {
  return {
    durationMinutes: c.durationMinutes,
    classLabel: c.classLabel.trim() || null,
    notes: c.notes.map((n) => ({ id: n.id, notedAt: n.notedAt, body: n.body, itemId: n.itemId })),
    scores: c.scores
      .filter((s) => s.scaleLevelId)
      .map((s) => ({
        criterionId: s.criterionId,
        scaleLevelId: s.scaleLevelId,
        comment: s.comment.trim() || null,
        citedNoteIds: s.citedNoteIds,
      })),
    lookForResults: c.lookForResults.map((r) => ({ lookFor: r.lookFor, seen: r.seen, comment: r.comment.trim() || null })),
    glows: c.glows,
    grows: c.grows,
    actionStepChecks: c.actionStepChecks.map((a) => ({
      actionStepId: a.actionStepId,
      result: a.result,
      comment: a.comment.trim() || null,
    })),
  };
}

/** Whether two contents say the same thing (the comparison the server's copy is checked with). */
export function sameContent(a: DraftContent, b: DraftContent): boolean {
  return JSON.stringify(toSaveFields(a)) === JSON.stringify(toSaveFields(b));
}

/**
 * The person's words as plain text, for the "copy" button when a change could not be saved.
 * `labels`: the headings in the reader's language.
 */
export function contentAsText(
  c: DraftContent,
  labels: { notes: string; glows: string; grows: string; comments: string },
  time: (iso: string) => string,
): string {
  const parts: string[] = [];
  if (c.notes.length) parts.push(`${labels.notes}\n${c.notes.map((n) => `${time(n.notedAt)}  ${n.body}`).join('\n')}`);
  const comments = [
    ...c.scores.map((s) => s.comment),
    ...c.lookForResults.map((r) => r.comment),
    ...c.actionStepChecks.map((a) => a.comment),
  ].filter((x) => x.trim());
  if (comments.length) parts.push(`${labels.comments}\n${comments.join('\n')}`);
  if (c.glows.trim()) parts.push(`${labels.glows}\n${c.glows}`);
  if (c.grows.trim()) parts.push(`${labels.grows}\n${c.grows}`);
  return parts.join('\n\n');
}

/** A client id for a note (crypto.randomUUID needs a secure context; fall back for plain http). */
export function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
