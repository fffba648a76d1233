/**
 * Prints values back as Python source in the style of the official
 * MMSegmentation 1.x configs (yapf, pep8-based, 79 columns):
 *
 * - a value stays on one line when it fits;
 * - otherwise a `dict(...)` call first tries all its arguments on one
 *   continuation line, then one argument per line, and closes right after
 *   the last argument (`norm_cfg=norm_cfg),`);
 * - a list or `{...}` display that does not fit puts its items on
 *   continuation lines and its closing bracket on a line of its own;
 *   lists holding dicts get one item per line, other lists and tuples are
 *   filled, as many items per line as fit.
 *
 * Whether a line fits counts everything around the value: the text before it
 * on its first line (`    backbone=`) and the closers and comma after it on
 * its last line (`)),`).
 */
import { pyFloatRepr, type DictKey, type DictValue, type Value } from './values.js';

export type PrintPath = (string | number)[];

export interface PrintOptions {
  /**
   * A variable name to print instead of the value (e.g. `train_pipeline`), or
   * undefined to print the value. Asked first, for every value including the
   * root. Default: never.
   */
  nameFor?: (v: Value, path: PrintPath) => string | undefined;
  /**
   * Source text to print verbatim for a value (e.g. `0.01 * gpu_factor` kept
   * as written), or undefined. Asked when `nameFor` gave nothing.
   */
  sourceFor?: (v: Value, path: PrintPath) => string | undefined;
  /** Maximum line length. Default 79. */
  width?: number;
  /** Spaces per indentation level. Default 4. */
  indent?: number;
}

interface Layout {
  nameFor?: PrintOptions['nameFor'];
  sourceFor?: PrintOptions['sourceFor'];
  width: number;
  indent: number;
  /**
   * One-line forms by path. Each level of a broken layout asks for the
   * one-line form of everything below it, so without this a deep value
   * would be flattened once per ancestor.
   */
  flatByPath: Map<string, string | undefined>;
}

// Python 3 hard keywords; soft keywords (`type`, `match`, `case`, `_`) are valid argument names.
const KEYWORDS = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

const IDENTIFIER = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;

/**
 * Whether `key` can be written as a keyword argument (`dict(key=...)`): a
 * Python identifier that is not a keyword. Python NFKC-normalises
 * identifiers, so a key that normalisation would change cannot be one.
 */
export function isIdentifier(key: string): boolean {
  let known = identifierKeys.get(key);
  if (known === undefined) {
    known = IDENTIFIER.test(key) && !KEYWORDS.has(key) && key.normalize('NFKC') === key;
    identifierKeys.set(key, known);
  }
  return known;
}

// Configs repeat a small set of keys, and each printed dict asks for all of its keys.
const identifierKeys = new Map<string, boolean>();

// What `str.isprintable()` rejects: the Unicode categories Other and Separator (ASCII space aside).
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0');

/** Python's `repr()` of a `str`. */
export function pyStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      const cp = ch.codePointAt(0)!;
      out +=
        cp < 0x100 ? `\\x${hex(cp, 2)}` : cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
    } else out += ch;
  }
  return out + quote;
}

function pyInt(n: number): string {
  // Beyond 1e21 JS switches to exponent notation; Python ints never do.
  return Number.isSafeInteger(n) ? String(n) : BigInt(Math.trunc(n)).toString();
}

/** A float as Python source: `repr()` for finite values, `float('inf')`/`float('nan')` otherwise. */
function pyFloat(n: number): string {
  if (Number.isNaN(n)) return "float('nan')";
  if (!Number.isFinite(n)) return n > 0 ? "float('inf')" : "-float('inf')";
  return pyFloatRepr(n);
}

function pyKey(key: DictKey): string {
  if (typeof key === 'string') return pyStr(key);
  return Number.isInteger(key) ? pyInt(key) : pyFloat(key);
}

/** Dicts whose keys can all be keyword arguments print as `dict(...)`; the others as `{...}`. */
function isCallStyle(d: DictValue): boolean {
  for (const key of d.entries.keys()) {
    if (typeof key !== 'string' || !isIdentifier(key)) return false;
  }
  return true;
}

/**
 * Moves the continuation lines of multi-line source text to `depth`: the
 * least indented line lands one level in, or at `depth` itself when it is a
 * closing bracket. Text holding a triple-quoted string or a backslash
 * continuation is left exactly as written, since re-indenting it could change
 * a string's contents.
 */
function reindent(src: string, depth: number, layout: Layout): string {
  const lines = src.split('\n');
  if (lines.length === 1 || /'''|"""|\\\r?\n/.test(src)) return src;
  const rest = lines.slice(1).filter((l) => l.trim() !== '');
  if (rest.length === 0) return src;
  const indentOf = (l: string) => l.length - l.trimStart().length;
  const least = Math.min(...rest.map(indentOf));
  const closes = rest.some((l) => indentOf(l) === least && /^[)\]}]/.test(l.trimStart()));
  const target = (closes ? depth : depth + 1) * layout.indent;
  return [
    lines[0],
    ...lines.slice(1).map((l) => (l.trim() === '' ? '' : ' '.repeat(target) + l.slice(least))),
  ].join('\n');
}

/** Text given by `nameFor`/`sourceFor` for this value, if any. */
function override(v: Value, path: PrintPath, layout: Layout): string | undefined {
  return layout.nameFor?.(v, path) ?? layout.sourceFor?.(v, path);
}

function atom(v: Value): string | undefined {
  switch (v.t) {
    case 'none':
      return 'None';
    case 'bool':
      return v.v ? 'True' : 'False';
    case 'int':
      return pyInt(v.v);
    case 'float':
      return pyFloat(v.v);
    case 'str':
      return pyStr(v.v);
    case 'baseref':
      return `{{_base_.${v.path.join('.')}}}`;
    default:
      return undefined;
  }
}

function emptyContainer(v: Value): string | undefined {
  if (v.t === 'dict' && v.entries.size === 0) return 'dict()';
  if (v.t === 'list' && v.items.length === 0) return '[]';
  if (v.t === 'tuple' && v.items.length === 0) return '()';
  return undefined;
}

/**
 * A path names one value of the tree being printed; numbers and strings stay
 * apart (0 vs '0'). Each segment is marked by its kind; a string holding a
 * marker falls back to JSON, so no two paths share a key.
 */
function pathKey(path: PrintPath): string {
  let key = '';
  for (const p of path) {
    if (typeof p === 'number') key += '\u0001' + String(p);
    else if (!p.includes('\u0001') && !p.includes('\u0002')) key += '\u0002' + p;
    else return 'J' + JSON.stringify(path);
  }
  return key;
}

/** The one-line form of a value, or undefined when it has none (multi-line source text). */
function flat(v: Value, path: PrintPath, layout: Layout): string | undefined {
  const key = pathKey(path);
  if (layout.flatByPath.has(key)) return layout.flatByPath.get(key);
  const text = flatUncached(v, path, layout);
  layout.flatByPath.set(key, text);
  return text;
}

function flatUncached(v: Value, path: PrintPath, layout: Layout): string | undefined {
  const given = override(v, path, layout) ?? (v.t === 'opaque' ? v.src : undefined);
  if (given !== undefined) return given.includes('\n') ? undefined : given;
  const simple = atom(v) ?? emptyContainer(v);
  if (simple !== undefined) return simple;
  const parts = childTexts(v, path, layout, (c, p) => flat(c, p, layout));
  if (parts === undefined) return undefined;
  switch (v.t) {
    case 'list':
      return `[${parts.join(', ')}]`;
    case 'tuple':
      return parts.length === 1 ? `(${parts[0]}, )` : `(${parts.join(', ')})`;
    case 'dict':
      return isCallStyle(v) ? `dict(${parts.join(', ')})` : `{${parts.join(', ')}}`;
    default:
      return undefined;
  }
}

/**
 * Each child rendered by `render` with its prefix (`key=`, `'key': `, or
 * nothing for sequence items); undefined as soon as one child has no text.
 */
function childTexts(
  v: Value,
  path: PrintPath,
  layout: Layout,
  render: (child: Value, childPath: PrintPath, prefix: string, index: number) => string | undefined,
): string[] | undefined {
  const out: string[] = [];
  if (v.t === 'list' || v.t === 'tuple') {
    for (const [i, item] of v.items.entries()) {
      const text = render(item, [...path, i], '', i);
      if (text === undefined) return undefined;
      out.push(text);
    }
  } else if (v.t === 'dict') {
    const call = isCallStyle(v);
    let i = 0;
    for (const [key, val] of v.entries) {
      const prefix = call ? `${key}=` : `${pyKey(key)}: `;
      const text = render(val, [...path, key], prefix, i++);
      if (text === undefined) return undefined;
      out.push(prefix + text);
    }
  }
  return out;
}

/**
 * `v` as source starting at `column` of a line indented `depth` levels, with
 * `trailing` characters still to follow its last line.
 */
function render(
  v: Value,
  path: PrintPath,
  column: number,
  depth: number,
  trailing: number,
  layout: Layout,
): string {
  const given = override(v, path, layout) ?? (v.t === 'opaque' ? v.src : undefined);
  if (given !== undefined) return reindent(given, depth, layout);
  const simple = atom(v) ?? emptyContainer(v);
  if (simple !== undefined) return simple;
  const oneLine = flat(v, path, layout);
  if (oneLine !== undefined && column + oneLine.length + trailing <= layout.width) return oneLine;
  switch (v.t) {
    case 'dict':
      return isCallStyle(v)
        ? callBroken(v, path, depth, trailing, layout)
        : displayBroken(v, path, depth, layout);
    case 'list':
    case 'tuple':
      return sequenceBroken(v.t, v.items, path, depth, trailing, layout);
    default:
      // Scalars, opaque values and overrides were returned above.
      throw new Error(`cannot lay out a ${v.t} value`);
  }
}

function pad(depth: number, layout: Layout): string {
  return ' '.repeat(depth * layout.indent);
}

/** `dict(` then the arguments on one continuation line if they fit, else one per line; `)` follows the last. */
function callBroken(
  d: DictValue,
  path: PrintPath,
  depth: number,
  trailing: number,
  layout: Layout,
): string {
  const inner = pad(depth + 1, layout);
  const flatArgs = childTexts(d, path, layout, (c, p) => flat(c, p, layout));
  if (flatArgs !== undefined) {
    const joined = flatArgs.join(', ');
    if (inner.length + joined.length + 1 + trailing <= layout.width) {
      return `dict(\n${inner}${joined})`;
    }
  }
  const last = d.entries.size - 1;
  const args = childTexts(d, path, layout, (c, p, prefix, i) =>
    render(c, p, inner.length + prefix.length, depth + 1, i === last ? 1 + trailing : 1, layout),
  )!;
  return `dict(\n${args.map((a) => inner + a).join(',\n')})`;
}

/** `{`, one entry per line, `}` on a line of its own at the parent indent. */
function displayBroken(d: DictValue, path: PrintPath, depth: number, layout: Layout): string {
  const inner = pad(depth + 1, layout);
  const last = d.entries.size - 1;
  const entries = childTexts(d, path, layout, (c, p, prefix, i) =>
    render(c, p, inner.length + prefix.length, depth + 1, i === last ? 0 : 1, layout),
  )!;
  return `{\n${entries.map((e) => inner + e).join(',\n')}\n${pad(depth, layout)}}`;
}

/**
 * Lists close with `]` on a line of their own; tuples close right after the
 * last item, like calls. Items that are dicts, or that cannot share a line,
 * go one per line; otherwise lines are filled.
 */
function sequenceBroken(
  kind: 'list' | 'tuple',
  items: Value[],
  path: PrintPath,
  depth: number,
  trailing: number,
  layout: Layout,
): string {
  const inner = pad(depth + 1, layout);
  const [open, close] = kind === 'list' ? ['[', `\n${pad(depth, layout)}]`] : ['(', ')'];
  // After the last item: nothing for a list (its `]` is on the next line), the closer for a tuple.
  const tail = kind === 'list' ? 0 : (items.length === 1 ? 3 : 1) + trailing;
  const last = items.length - 1;
  const flatItems = items.map((item, i) => {
    if (item.t === 'dict' && override(item, [...path, i], layout) === undefined) return undefined;
    const text = flat(item, [...path, i], layout);
    const after = i === last ? tail : 1;
    return text !== undefined && inner.length + text.length + after <= layout.width
      ? text
      : undefined;
  });
  const oneTupleEnd = kind === 'tuple' && items.length === 1 ? ', ' : '';
  if (flatItems.every((t) => t !== undefined)) {
    const lines: string[] = [];
    let line = '';
    flatItems.forEach((text, i) => {
      const piece = i === last ? text + oneTupleEnd : text + ',';
      const after = i === last ? tail - oneTupleEnd.length : 0;
      if (line === '') line = inner + piece;
      else if (line.length + 1 + piece.length + after <= layout.width) line += ' ' + piece;
      else {
        lines.push(line);
        line = inner + piece;
      }
    });
    lines.push(line);
    return `${open}\n${lines.join('\n')}${close}`;
  }
  const texts = items.map(
    (item, i) =>
      inner + render(item, [...path, i], inner.length, depth + 1, i === last ? tail : 1, layout),
  );
  return `${open}\n${texts.join(',\n')}${oneTupleEnd}${close}`;
}

function layoutOf(options: PrintOptions = {}): Layout {
  return {
    nameFor: options.nameFor,
    sourceFor: options.sourceFor,
    width: options.width ?? 79,
    indent: options.indent ?? 4,
    flatByPath: new Map(),
  };
}

/**
 * A value as Python source. `column` is where it starts on its first line and
 * `depth` the indentation level of that line; continuation lines are indented
 * from `depth`, and nothing is expected to follow the value on its last line.
 */
export function printValue(v: Value, options?: PrintOptions, column = 0, depth = 0): string {
  return render(v, [], column, depth, 0, layoutOf(options));
}

/** A top-level assignment `name = <value>` with its newline. */
export function printAssignment(name: string, v: Value, options?: PrintOptions): string {
  return `${name} = ${render(v, [], name.length + 3, 0, 0, layoutOf(options))}\n`;
}
