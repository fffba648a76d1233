/**
 * A file's migration as line edits on its head version: each run of changed
 * lines, the head lines it replaces and the lines that replace them. These
 * are what a review suggestion can carry.
 */
import { structuredPatch } from 'diff';

export interface LineEdit {
  /** First head line replaced (1-based). */
  start: number;
  /** Last head line replaced; `start - 1` when the edit only inserts lines before `start`. */
  end: number;
  /** The head lines replaced, without line breaks. */
  old: string[];
  /** The lines that replace them, without line breaks. */
  lines: string[];
}

function unmark(line: string): string {
  return line.slice(1).replace(/\r$/, '');
}

export function lineEdits(before: string, after: string): LineEdit[] {
  if (before === after) return [];
  const { hunks } = structuredPatch('a', 'b', before, after, undefined, undefined, { context: 0 });
  return hunks.map((h) => ({
    start: h.oldStart,
    end: h.oldStart + h.oldLines - 1,
    old: h.lines.filter((l) => l.startsWith('-')).map(unmark),
    lines: h.lines.filter((l) => l.startsWith('+')).map(unmark),
  }));
}

/**
 * The head lines a suggestion for `edit` covers, and the text it puts there.
 * A suggestion replaces at least one line, so an insertion takes the line
 * before it (or, at the top of the file, the line after it) along.
 */
export function suggestionRange(
  edit: LineEdit,
  headLines: readonly string[],
): { start: number; end: number; lines: string[] } | undefined {
  if (edit.end >= edit.start) return { start: edit.start, end: edit.end, lines: edit.lines };
  if (edit.start > 1) {
    const anchor = edit.start - 1;
    return { start: anchor, end: anchor, lines: [headLines[anchor - 1] ?? '', ...edit.lines] };
  }
  if (headLines.length === 0) return undefined;
  return { start: 1, end: 1, lines: [...edit.lines, headLines[0]] };
}
