/**
 * Exact source edits: replace the text between two JS string offsets and
 * keep every other character. Shared by the config emitter, the command-line
 * rewriter and the Python script rewriter.
 */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits in text order. An insertion (empty range) at the start of a
 * replaced range lands before the replacement; an edit that overlaps one
 * already applied is skipped, so one bad plan cannot corrupt the text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort(
    (a, b) =>
      a.start - b.start || (a.end - a.start === 0 ? -1 : 0) - (b.end - b.start === 0 ? -1 : 0),
  );
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}
