/**
 * Exact source edits on a Python script: replace the text between two JS
 * string offsets, keep every other character. Edits are applied from the end
 * backwards so earlier offsets stay valid.
 */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits that do not overlap. An insertion (empty range) at the start
 * of a replaced range lands before the replacement text.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new Error(`overlapping edits at ${e.start}..${e.end}`);
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

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
