/**
 * A rewritten `key = dict(...)` statement whose only change is new entries
 * is written by inserting them into the text the file has, so every other
 * byte stays as the author wrote it, comments between the entries included
 * (the way LibCST codemods edit a call's arguments).
 */
import { isIdentifier, printValue, type PrintOptions } from '../python/print.js';
import type { DictKey, DictValue, Value } from '../python/values.js';

interface Argument {
  name: string;
  /** Offsets in the statement text. */
  start: number;
  end: number;
  /** The offset right after the comma that follows it, if one does. */
  afterComma?: number;
}

/** Where a Python string literal starting at `i` (after any prefix) ends. */
function stringEnd(text: string, i: number): number {
  const quote = text[i];
  const triple = text.startsWith(quote.repeat(3), i);
  const close = triple ? quote.repeat(3) : quote;
  let j = i + close.length;
  while (j < text.length) {
    if (text[j] === '\\') j += 2;
    else if (text.startsWith(close, j)) return j + close.length;
    else if (!triple && text[j] === '\n') return -1;
    else j += 1;
  }
  return -1;
}

/**
 * The keyword arguments of the `dict(...)` call a simple `name = dict(...)`
 * statement assigns, read with a bracket-and-string scanner: the scan has
 * parsed the statement already, and the verifier parses the result again.
 */
function dictArguments(
  text: string,
): { open: number; close: number; args: Argument[] } | undefined {
  const head = /^[A-Za-z_][A-Za-z0-9_]*[ \t]*=[ \t]*dict[ \t]*\(/.exec(text);
  if (!head) return undefined;
  const open = head[0].length;
  const args: Argument[] = [];
  let depth = 0;
  let argStart = -1;
  let lastEnd = -1;
  const finish = (): boolean => {
    if (argStart < 0) return true;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)[ \t]*=(?!=)/.exec(text.slice(argStart, lastEnd));
    if (!m) return false;
    args.push({ name: m[1], start: argStart, end: lastEnd });
    argStart = -1;
    return true;
  };
  for (let i = open; i < text.length; i += 1) {
    const c = text[i];
    if (c === '#') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl - 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\\') continue;
    if (depth === 0 && (c === ',' || c === ')')) {
      if (!finish()) return undefined;
      if (c === ')') {
        // Only the whole statement may follow the call's closing bracket.
        return text.slice(i + 1).trim() === '' ? { open, close: i, args } : undefined;
      }
      const last = args.at(-1);
      if (last && last.end === lastEnd) last.afterComma = i + 1;
      continue;
    }
    if (argStart < 0) argStart = i;
    if (c === '"' || c === "'") {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      i = end - 1;
      lastEnd = end;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth += 1;
    else if (c === ')' || c === ']' || c === '}') depth -= 1;
    lastEnd = i + 1;
  }
  return undefined;
}

/** A comment after `offset` on its line belongs to what precedes it: insert after it. */
function pastComment(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline < 0) return offset;
  return /^[ \t]*(#.*)?\r?$/.test(text.slice(offset, newline)) ? newline : offset;
}

function lineIndent(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/**
 * The statement `text` (`key = dict(...)`) with the entries of `next` that
 * `own` lacks inserted where `next` orders them; undefined unless `next` is
 * exactly `own`'s entries, unchanged and in order, plus new ones.
 */
export function insertDictEntries(
  text: string,
  own: DictValue,
  next: DictValue,
  options: PrintOptions,
): string | undefined {
  const ownKeys = [...own.entries.keys()];
  const nextKeys = [...next.entries.keys()];
  if (nextKeys.filter((k) => own.entries.has(k)).join('\0') !== ownKeys.join('\0'))
    return undefined;
  for (const [key, value] of next.entries) {
    const mine = own.entries.get(key);
    if (mine !== undefined && mine !== value) return undefined;
    if (mine === undefined && (typeof key !== 'string' || !isIdentifier(key))) return undefined;
  }
  const call = dictArguments(text);
  if (!call || call.args.map((a) => a.name).join('\0') !== ownKeys.map(String).join('\0')) {
    return undefined;
  }
  const byName = new Map(call.args.map((a) => [a.name, a]));
  const insertions: { at: number; text: string }[] = [];
  let previous: Argument | undefined;
  let pending: [DictKey, Value][] = [];
  const flush = (following: Argument | undefined) => {
    if (pending.length === 0) return;
    const anchor = previous ?? following;
    const indent = anchor ? lineIndent(text, anchor.start) : undefined;
    const entry = ([key, value]: [DictKey, Value], column: number) =>
      `${String(key)}=${printValue(value, options, column + String(key).length + 1, 1)}`;
    if (previous) {
      const lines = pending.map((e) =>
        indent !== undefined ? `\n${indent}${entry(e, indent.length)}` : ` ${entry(e, 0)}`,
      );
      if (previous.afterComma !== undefined) {
        const at =
          indent !== undefined ? pastComment(text, previous.afterComma) : previous.afterComma;
        insertions.push({ at, text: lines.map((l) => `${l},`).join('') });
      } else {
        insertions.push({ at: previous.end, text: `,${lines.join(',')}` });
      }
    } else {
      const lines = pending.map((e) =>
        indent !== undefined ? `\n${indent}${entry(e, indent.length)},` : `${entry(e, 0)}, `,
      );
      const at = following
        ? indent !== undefined
          ? pastComment(text, call.open)
          : following.start
        : call.open;
      insertions.push({ at, text: lines.join('') });
    }
    pending = [];
  };
  for (const [key, value] of next.entries) {
    const arg = byName.get(String(key));
    if (arg === undefined) {
      pending.push([key, value]);
      continue;
    }
    flush(arg);
    previous = arg;
  }
  if (pending.length > 0 && previous === undefined) return undefined;
  flush(undefined);
  let out = text;
  for (const { at, text: inserted } of insertions.sort((a, b) => b.at - a.at)) {
    out = out.slice(0, at) + inserted + out.slice(at);
  }
  // An insertion that runs a line past the width reads worse than the value printed afresh.
  const widest = (t: string) => Math.max(...t.split('\n').map((l) => l.length));
  return widest(out) > Math.max(WIDTH, widest(text)) ? undefined : out;
}

/** The line width the official configs keep (yapf, pep8). */
const WIDTH = 79;
