/** A run of text in a word comparison: the same in both texts, or only in this one. */
export interface DiffPart {
  text: string;
  changed: boolean;
}

/**
 * Compares two texts word by word (longest common subsequence) and marks, in each, the words the
 * other lacks, so a reader sees what changed in a long statement.
 * @example wordDiff('plans lessons', 'plans units').before // [{ text: 'plans ', changed: false }, { text: 'lessons', changed: true }]
 */
export function wordDiff(before: string, after: string): { before: DiffPart[]; after: DiffPart[] } {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  // Long texts: too costly to align, and no help to read; show them whole.
  if (a.length * b.length > 250_000) return { before: [{ text: before, changed: true }], after: [{ text: after, changed: true }] };
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out = { before: [] as DiffPart[], after: [] as DiffPart[] };
  const push = (parts: DiffPart[], text: string, changed: boolean) => {
    const last = parts.at(-1);
    // Whitespace between two changed words belongs to the change.
    if (last && (last.changed === changed || (/^\s+$/.test(text) && last.changed))) last.text += text;
    else parts.push({ text, changed });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(out.before, a[i]!, false);
      push(out.after, b[j]!, false);
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      push(out.after, b[j]!, !/^\s+$/.test(b[j]!));
      j++;
    } else {
      push(out.before, a[i]!, !/^\s+$/.test(a[i]!));
      i++;
    }
  }
  // A change ends at its last word: trailing whitespace goes back to the unchanged text after it.
  for (const parts of [out.before, out.after]) {
    for (let k = 0; k < parts.length - 1; k++) {
      const space = /\s+$/.exec(parts[k]!.text);
      if (parts[k]!.changed && space && !parts[k + 1]!.changed) {
        parts[k]!.text = parts[k]!.text.slice(0, -space[0].length);
        parts[k + 1]!.text = space[0] + parts[k + 1]!.text;
      }
    }
  }
  return out;
}
