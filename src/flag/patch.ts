/**
 * What a pull request's diff says about one file's head version, read from
 * the `patch` GitHub lists with the pull request's files: which lines it adds
 * and which lines its hunks show, the two regions reviewdog's `added` and
 * `diff_context` filter modes keep, and where a review comment may go.
 */

/** One `@@` hunk's right side: its first and last head line, and the lines it adds. */
export interface PatchHunk {
  start: number;
  /** Last head line shown; `start - 1` for a hunk that only removes lines. */
  end: number;
}

export interface FilePatch {
  hunks: PatchHunk[];
  /** Head line number → its text, for every line the patch adds. */
  added: Map<number, string>;
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** Reads a unified-diff patch body (no file headers), as GitHub returns it. */
export function parsePatch(patch: string): FilePatch {
  const hunks: PatchHunk[] = [];
  const added = new Map<number, string>();
  let line = 0;
  let current: PatchHunk | undefined;
  for (const raw of patch.split('\n')) {
    const header = HUNK_HEADER.exec(raw);
    if (header) {
      const start = Number(header[1]);
      const count = header[2] === undefined ? 1 : Number(header[2]);
      // An empty right side (`+4,0`) names the line it follows: it shows no head line.
      current = count === 0 ? { start: start + 1, end: start } : { start, end: start + count - 1 };
      hunks.push(current);
      line = current.start;
      continue;
    }
    if (!current) continue;
    const mark = raw[0];
    if (mark === '+') {
      added.set(line, raw.slice(1).replace(/\r$/, ''));
      line += 1;
    } else if (mark === ' ' || (mark === undefined && line <= current.end)) {
      line += 1;
    }
    // '-' lines and '\ No newline at end of file' do not move the head side.
  }
  return { hunks, added };
}

/** Every head line of a file, as a patch of a file the pull request adds whole. */
export function wholeFilePatch(text: string): FilePatch {
  const lines = splitLines(text);
  const added = new Map<number, string>();
  lines.forEach((l, i) => added.set(i + 1, l));
  return { hunks: lines.length > 0 ? [{ start: 1, end: lines.length }] : [], added };
}

/** A text's lines without their line breaks; a final line break ends the last line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The hunk that shows every line of `from..to`, if one does. */
export function hunkHolding(patch: FilePatch, from: number, to: number): PatchHunk | undefined {
  return patch.hunks.find((h) => h.start <= from && to <= h.end);
}

export function isShown(patch: FilePatch, line: number): boolean {
  return hunkHolding(patch, line, line) !== undefined;
}
