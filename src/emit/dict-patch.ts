/**
 * A rewritten `key = dict(...)` statement whose only change is new entries
 * is written by inserting them into the text the file has, so every other
 * byte stays as the author wrote it, comments between the entries included
 * (the way LibCST codemods edit a call's arguments).
 */
import { parsePython, type SyntaxNode } from '../python/parse.js';
import { printValue, type PrintOptions } from '../python/print.js';
import { isIdentifier } from '../python/print.js';
import type { DictKey, DictValue, Value } from '../python/values.js';

interface Argument {
  name: string;
  /** Offsets in the statement text. */
  start: number;
  end: number;
  /** The offset right after the comma that follows it, if one does. */
  afterComma?: number;
}

/** The keyword arguments of the `dict(...)` call a simple `name = dict(...)` statement assigns. */
function dictArguments(
  text: string,
): { open: number; close: number; args: Argument[] } | undefined {
  const tree = parsePython(text);
  try {
    const statement = tree.rootNode.namedChildren[0];
    const assignment =
      statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    const call = assignment?.type === 'assignment' ? assignment.childForFieldName('right') : null;
    if (!call || call.type !== 'call' || call.childForFieldName('function')?.text !== 'dict') {
      return undefined;
    }
    const list = call.childForFieldName('arguments');
    if (!list || list.type !== 'argument_list' || tree.rootNode.hasError) return undefined;
    const args: Argument[] = [];
    const children: SyntaxNode[] = list.children.filter((c): c is SyntaxNode => c !== null);
    for (const child of children) {
      if (child.type === 'keyword_argument') {
        const name = child.childForFieldName('name')?.text;
        if (name === undefined) return undefined;
        args.push({ name, start: child.startIndex, end: child.endIndex });
      } else if (child.type === ',') {
        const last = args.at(-1);
        if (last) last.afterComma = child.endIndex;
      } else if (child.type !== '(' && child.type !== ')' && child.type !== 'comment') {
        // Positional arguments and `**splats` are not entries this can place.
        return undefined;
      }
    }
    return { open: list.startIndex + 1, close: list.endIndex - 1, args };
  } finally {
    tree.delete();
  }
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
        insertions.push({ at: previous.afterComma, text: lines.map((l) => `${l},`).join('') });
      } else {
        insertions.push({ at: previous.end, text: `,${lines.join(',')}` });
      }
    } else {
      const lines = pending.map((e) =>
        indent !== undefined ? `\n${indent}${entry(e, indent.length)},` : `${entry(e, 0)}, `,
      );
      const at = following ? (indent !== undefined ? call.open : following.start) : call.open;
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
