/**
 * Edit helpers for Python scripts: dropping overlapping edits, and the
 * indentation and whole-line ranges imports are rewritten in.
 */
import type { TextEdit as Edit } from '../text-edits.js';

function overlap(a: Edit, b: Edit): boolean {
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Drops edits that overlap an earlier-listed edit, so one bad plan cannot corrupt the file. */
export function withoutOverlaps(edits: readonly Edit[]): Edit[] {
  const kept: Edit[] = [];
  for (const e of edits) {
    const same = (k: Edit) => k.start === e.start && k.end === e.end && k.text === e.text;
    if (!kept.some((k) => overlap(k, e) || same(k))) kept.push(e);
  }
  return kept;
}

/** The whitespace before `offset` on its line, or undefined when code precedes it. */
export function indentBefore(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(prefix) ? prefix : undefined;
}

/**
 * The range covering whole lines from `start` to `end` (indentation and the
 * final newline included), or undefined when other code shares those lines.
 */
export function wholeLines(text: string, start: number, end: number): Edit | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (!/^[ \t]*$/.test(text.slice(lineStart, start))) return undefined;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const rest = text.slice(end, newline === -1 ? text.length : newline);
  if (!/^[ \t]*(#.*)?\r?$/.test(rest)) return undefined;
  return { start: lineStart, end: lineEnd, text: '' };
}
