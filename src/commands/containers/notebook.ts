/**
 * Jupyter notebooks: `!` shell lines (with `\` continuations) and `%%bash` /
 * `%%sh` cells of code cells. A cell's source is edited as text; only the
 * JSON string literals whose line changed are re-encoded, so every other
 * byte of the notebook stays as it was.
 */
import { blank } from '../../text-lines.js';
import { member, parseJsonSpans, type JsonNode } from './json-spans.js';

type StringNode = Extract<JsonNode, { t: 'string' }>;

export interface NotebookCell {
  /** The cell's source strings (one per line, or a single string). */
  strings: StringNode[];
  /** The source array's span, when the source is an array. */
  array?: Extract<JsonNode, { t: 'array' }>;
  /** The cell's text, and a copy with everything that is not shell blanked. */
  text: string;
  shell: string;
}

/** Code cells that contain shell text. Undefined when the text is not a notebook. */
export function notebookCells(text: string): NotebookCell[] | undefined {
  const root = parseJsonSpans(text);
  const cells = member(root, 'cells');
  if (!cells || cells.t !== 'array') return undefined;
  const out: NotebookCell[] = [];
  for (const cell of cells.items) {
    const type = member(cell, 'cell_type');
    if (type?.t !== 'string' || type.value !== 'code') continue;
    const source = member(cell, 'source');
    let strings: StringNode[];
    let array: Extract<JsonNode, { t: 'array' }> | undefined;
    if (source?.t === 'string') strings = [source];
    else if (source?.t === 'array' && source.items.every((i) => i.t === 'string')) {
      strings = source.items as StringNode[];
      array = source;
    } else continue;
    const cellText = strings.map((s) => s.value).join('');
    const shell = shellOfCell(cellText);
    if (shell.trim() === '') continue;
    out.push({ strings, array, text: cellText, shell });
  }
  return out;
}

/** The shell part of a cell: a `%%bash` cell's body, or its `!` lines; the rest blanked. */
export function shellOfCell(text: string): string {
  const lines = text.split('\n');
  if (/^%%(bash|sh|script (ba)?sh)\s*$/.test(lines[0] ?? '')) {
    return [blank(lines[0]), ...lines.slice(1)].join('\n');
  }
  let continued = false;
  return lines
    .map((line) => {
      const bang = /^(\s*)!/.exec(line);
      if (bang && !continued) {
        continued = /\\$/.test(line);
        return blank(bang[0]) + line.slice(bang[0].length);
      }
      if (continued) {
        continued = /\\$/.test(line);
        return line;
      }
      return blank(line);
    })
    .join('\n');
}

/** Line-by-line source strings of a cell text, as nbformat stores them. */
export function sourceLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length && lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

/** The notebook's text with one cell's source replaced, touching only the literals that changed. */
export function replaceCellSource(text: string, cell: NotebookCell, newText: string): string {
  if (!cell.array) {
    const s = cell.strings[0];
    return text.slice(0, s.start) + JSON.stringify(newText) + text.slice(s.end);
  }
  const old = cell.strings;
  const next = sourceLines(newText);
  if (next.length === old.length) {
    let out = '';
    let pos = 0;
    old.forEach((s, k) => {
      if (s.value === next[k]) return;
      out += text.slice(pos, s.start) + JSON.stringify(next[k]);
      pos = s.end;
    });
    return out + text.slice(pos);
  }
  // Lines were joined or split: rewrite the changed stretch with the array's separator.
  let first = 0;
  while (first < old.length && first < next.length && old[first].value === next[first]) first++;
  let lastOld = old.length - 1;
  let lastNew = next.length - 1;
  while (lastOld >= first && lastNew >= first && old[lastOld].value === next[lastNew]) {
    lastOld--;
    lastNew--;
  }
  const separator = old.length > 1 ? text.slice(old[0].end, old[1].start) : ',\n';
  const middle = next.slice(first, lastNew + 1).map((l) => JSON.stringify(l));
  if (lastOld < first) {
    // Only insertions: place them after the string before the stretch.
    const at = first > 0 ? old[first - 1].end : cell.array.start + 1;
    const joined = middle.map((m) => (first > 0 ? separator + m : m + separator)).join('');
    return text.slice(0, at) + joined + text.slice(at);
  }
  const start = old[first].start;
  const end = old[lastOld].end;
  if (middle.length === 0) {
    // The stretch disappears with the separator before it (or after it, at the start).
    const cutStart = first > 0 ? old[first - 1].end : start;
    const cutEnd = first > 0 ? end : lastOld + 1 < old.length ? old[lastOld + 1].start : end;
    return text.slice(0, cutStart) + text.slice(cutEnd);
  }
  return text.slice(0, start) + middle.join(separator) + text.slice(end);
}

/** The offset in the notebook text of an offset in a cell's text (the start of that line's literal). */
export function notebookOffset(cell: NotebookCell, offset: number): number {
  let pos = 0;
  for (const s of cell.strings) {
    if (offset < pos + s.value.length) return s.start;
    pos += s.value.length;
  }
  return cell.strings[cell.strings.length - 1]?.start ?? 0;
}
