/**
 * What an audit row may keep of a record: its reader (a district admin; HR reading a person's
 * history) sees no more there than on the record itself. Coaching is not evaluation
 * (policies/coaching.ts): admins read sessions and cycles as a summary, so notes, next steps,
 * ratings, a cycle's goal and outcome are redacted. A draft observation is its observer's only
 * (policies/observations.ts), and the published content stays readable in its revisions, so an
 * observation's glows, grows and look-for results are redacted too. Redaction happens when the
 * row is written (audit_log is append-only), keeping a marker with the length and whether the field
 * changed, so the log still tells who changed what and when.
 */
const CONFIDENTIAL: Record<string, readonly string[]> = {
  coaching_log: ['notes', 'nextSteps', 'helpfulness'],
  coaching_cycle: ['goal', 'outcome'],
  observation: ['glows', 'grows', 'lookForResults'],
};

/** The marker written in place of a confidential value. */
export interface RedactedValue {
  redacted: true;
  /** Characters of a text, items of a list. */
  length?: number;
  /** On an `after` that has a `before`: whether the field changed. */
  changed?: boolean;
}

function marker(value: unknown): RedactedValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || Array.isArray(value)) return { redacted: true, length: value.length };
  return { redacted: true };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** The before and after of an audit row with the entity type's confidential fields replaced by markers. */
export function redactAudit(entityType: string, before: unknown, after: unknown): { before: unknown; after: unknown } {
  const fields = CONFIDENTIAL[entityType];
  if (!fields) return { before, after };
  const redact = (value: unknown, other: unknown) => {
    if (!isRecord(value)) return value;
    const out: Record<string, unknown> = { ...value };
    for (const field of fields) {
      if (!(field in value)) continue;
      const m = marker(value[field]);
      if (m && isRecord(other) && field in other) m.changed = JSON.stringify(value[field]) !== JSON.stringify(other[field]);
      out[field] = m;
    }
    return out;
  };
  return { before: redact(before, undefined), after: redact(after, before) };
}
