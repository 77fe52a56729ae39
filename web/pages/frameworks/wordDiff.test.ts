import { describe, expect, it } from 'vitest';
import { wordDiff } from './wordDiff.ts';

const marked = (parts: { text: string; changed: boolean }[]) => parts.map((p) => (p.changed ? `[${p.text}]` : p.text)).join('');

describe('wordDiff', () => {
  it('marks the words each text lacks', () => {
    const diff = wordDiff('Knows the content and how to teach it', 'Knows the content, the standards and how students learn them');
    expect(marked(diff.before)).toBe('Knows the [content] and how [to teach it]');
    expect(marked(diff.after)).toBe('Knows the [content, the standards] and how [students learn them]');
  });

  it('keeps equal texts whole and unmarked', () => {
    expect(wordDiff('Same text', 'Same text')).toEqual({
      before: [{ text: 'Same text', changed: false }],
      after: [{ text: 'Same text', changed: false }],
    });
  });

  it('handles an empty side', () => {
    expect(marked(wordDiff('', 'New words').after)).toBe('[New words]');
    expect(wordDiff('', 'New words').before).toEqual([]);
  });
});
