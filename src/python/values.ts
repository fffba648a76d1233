/**
 * The values a config evaluates to: the Python data types mmengine keeps in a
 * config, plus `Opaque` for anything the evaluator cannot know, and `BaseRef`
 * for a `{{_base_.a.b}}` placeholder waiting for the merged bases.
 *
 * Each value may carry where it came from (`at`), so later passes can reuse
 * the source text or the variable a value was read through.
 */

/** A source span: UTF-16 offsets into the file's text (what tree-sitter reports in JS), 1-based line. */
export interface Span {
  file: string;
  start: number;
  end: number;
  line: number;
}

/** Where a value was written, and the variable name it was read through, if any. */
export interface Origin extends Span {
  via?: string;
}

interface Base {
  at?: Origin;
}

export interface NoneValue extends Base {
  t: 'none';
}
export interface BoolValue extends Base {
  t: 'bool';
  v: boolean;
}
/** Python `int`. Kept apart from `float` because 1.x checks the type (e.g. `RandomFlip.prob`). */
export interface IntValue extends Base {
  t: 'int';
  v: number;
}
export interface FloatValue extends Base {
  t: 'float';
  v: number;
}
export interface StrValue extends Base {
  t: 'str';
  v: string;
}
export interface ListValue extends Base {
  t: 'list';
  items: Value[];
}
export interface TupleValue extends Base {
  t: 'tuple';
  items: Value[];
}
/** Python dict. Keys are str (the common case) or int; insertion order is Python's. */
export type DictKey = string | number;
export interface DictValue extends Base {
  t: 'dict';
  entries: Map<DictKey, Value>;
}
/** Something the evaluator could not compute; keeps its source text and the reason. */
export interface OpaqueValue extends Base {
  t: 'opaque';
  src: string;
  reason: string;
}
/** `{{_base_.a.b}}`, replaced by the value at `path` of the merged bases. */
export interface BaseRefValue extends Base {
  t: 'baseref';
  path: string[];
}

export type Value =
  | NoneValue
  | BoolValue
  | IntValue
  | FloatValue
  | StrValue
  | ListValue
  | TupleValue
  | DictValue
  | OpaqueValue
  | BaseRefValue;

export type ValueKind = Value['t'];

export const none = (at?: Origin): NoneValue => ({ t: 'none', at });
export const bool = (v: boolean, at?: Origin): BoolValue => ({ t: 'bool', v, at });
export const int = (v: number, at?: Origin): IntValue => ({ t: 'int', v, at });
export const float = (v: number, at?: Origin): FloatValue => ({ t: 'float', v, at });
export const str = (v: string, at?: Origin): StrValue => ({ t: 'str', v, at });
export const list = (items: Value[], at?: Origin): ListValue => ({ t: 'list', items, at });
export const tuple = (items: Value[], at?: Origin): TupleValue => ({ t: 'tuple', items, at });
export const opaque = (src: string, reason: string, at?: Origin): OpaqueValue => ({
  t: 'opaque',
  src,
  reason,
  at,
});
export function dict(entries: Iterable<[DictKey, Value]> = [], at?: Origin): DictValue {
  return { t: 'dict', entries: new Map(entries), at };
}

export const isDict = (v: Value | undefined): v is DictValue => v?.t === 'dict';
export const isSeq = (v: Value | undefined): v is ListValue | TupleValue =>
  v?.t === 'list' || v?.t === 'tuple';

/** The value at a dotted path of dict keys, or undefined. */
export function getPath(root: Value, path: readonly DictKey[]): Value | undefined {
  let cur: Value | undefined = root;
  for (const key of path) {
    if (!isDict(cur)) return undefined;
    cur = cur.entries.get(key);
  }
  return cur;
}

/**
 * Structural equality as Python's `==` sees config data, plus the int/float
 * distinction (`1 == 1.0` is true in Python, but 1.x treats them differently).
 * Provenance is ignored. Dict order is ignored, as in Python.
 */
/** Results of `sameValue` for pairs of containers; values never change once built. */
const equalities = new WeakMap<Value, WeakMap<Value, boolean>>();

/**
 * `valueEquals`, remembered per pair of dicts or lists: the emitter and the
 * verifier compare the same converted subtree with the same resolved base
 * for every config that shares them.
 */
export function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  if ((a.t !== 'dict' && a.t !== 'list' && a.t !== 'tuple') || a.t !== b.t) {
    return valueEquals(a, b);
  }
  let known = equalities.get(a);
  const cached = known?.get(b);
  if (cached !== undefined) return cached;
  const equal = valueEquals(a, b);
  if (known === undefined) equalities.set(a, (known = new WeakMap()));
  known.set(b, equal);
  return equal;
}

export function valueEquals(a: Value, b: Value): boolean {
  // Converted configs share unchanged subtrees with the values they came from.
  if (a === b) return true;
  if (a.t !== b.t) return false;
  switch (a.t) {
    case 'none':
      return true;
    case 'bool':
    case 'int':
    case 'float':
    case 'str':
      return a.v === (b as typeof a).v || (Number.isNaN(a.v) && Number.isNaN((b as typeof a).v));
    // Plain loops: verification compares every emitted config whole, and
    // callbacks or entry pairs would allocate on each visited node.
    case 'list':
    case 'tuple': {
      const ai = a.items;
      const bi = (b as typeof a).items;
      if (ai.length !== bi.length) return false;
      for (let i = 0; i < ai.length; i++) if (!valueEquals(ai[i], bi[i])) return false;
      return true;
    }
    case 'dict': {
      const ae = a.entries;
      const be = (b as DictValue).entries;
      if (ae.size !== be.size) return false;
      for (const k of ae.keys()) {
        const w = be.get(k);
        if (w === undefined || !valueEquals(ae.get(k)!, w)) return false;
      }
      return true;
    }
    case 'opaque':
      return a.src === (b as OpaqueValue).src;
    case 'baseref':
      return a.path.join('.') === (b as BaseRefValue).path.join('.');
  }
}

/** Plain JSON data (tuples become arrays), as `json.dumps(cfg.to_dict())` would give. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Serialises a value as JSON text the way Python's `json.dumps` does for
 * config data: floats keep a decimal point (`1.0`), NaN/Infinity as Python
 * writes them, tuples as arrays, int keys as strings. Opaque values become
 * `{"__opaque__": source}` so nothing is silently dropped.
 */
export function toJsonText(v: Value, indent = 2): string {
  const pad = (n: number) => (indent > 0 ? '\n' + ' '.repeat(n * indent) : '');
  const sep = indent > 0 ? ': ' : ':';
  const walk = (x: Value, depth: number): string => {
    switch (x.t) {
      case 'none':
        return 'null';
      case 'bool':
        return x.v ? 'true' : 'false';
      case 'int':
        return String(x.v);
      case 'float':
        return pyFloatRepr(x.v);
      case 'str':
        return JSON.stringify(x.v);
      case 'list':
      case 'tuple':
        if (x.items.length === 0) return '[]';
        return (
          '[' + x.items.map((i) => pad(depth + 1) + walk(i, depth + 1)).join(',') + pad(depth) + ']'
        );
      case 'dict': {
        if (x.entries.size === 0) return '{}';
        const parts: string[] = [];
        for (const [k, val] of x.entries) {
          parts.push(pad(depth + 1) + JSON.stringify(String(k)) + sep + walk(val, depth + 1));
        }
        return '{' + parts.join(',') + pad(depth) + '}';
      }
      case 'opaque':
        return `{"__opaque__"${sep}${JSON.stringify(x.src)}}`;
      case 'baseref':
        return JSON.stringify(`{{_base_.${x.path.join('.')}}}`);
    }
  };
  return walk(v, 0);
}

/** Python's `repr(float)` for finite values, `NaN`/`Infinity` as `json.dumps` writes them. */
export function pyFloatRepr(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  // Shortest round-trip digits, then Python's layout: positional for
  // exponents in [-4, 16), otherwise d.ddde±XX.
  const [mantissa, expText] = Math.abs(n).toExponential().split('e');
  const exp = Number(expText);
  const digits = mantissa.replace('.', '');
  const sign = n < 0 ? '-' : '';
  if (exp >= -4 && exp < 16) {
    if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const frac = digits.slice(exp + 1);
    return `${sign}${intPart}.${frac || '0'}`;
  }
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
  return `${sign}${m}e${exp < 0 ? '-' : '+'}${e}`;
}

/**
 * A copy of a dict's entries, in order. `new Map(map)` walks the map's entry
 * iterator and allocates a pair per entry; configs copy dicts often enough
 * for that to show.
 */
/**
 * A map that records what is read from it (the conversion memo's) copies
 * itself through this method, so that copying a dict to change it does not
 * count as reading every entry.
 */
export const COPY_ENTRIES = Symbol('copyEntries');

export function copyEntries(entries: ReadonlyMap<DictKey, Value>): Map<DictKey, Value> {
  const own = (entries as { [COPY_ENTRIES]?: () => Map<DictKey, Value> })[COPY_ENTRIES];
  if (own !== undefined) return own.call(entries);
  const copy = new Map<DictKey, Value>();
  entries.forEach((value, key) => copy.set(key, value));
  return copy;
}

/** A copy of `d` with `key` set to `value` (appended when new, in place when present). */
export function withEntry(d: DictValue, key: DictKey, value: Value): DictValue {
  const entries = copyEntries(d.entries);
  entries.set(key, value);
  return { ...d, entries };
}

/** A copy of `d` without `keys`. */
export function withoutKeys(d: DictValue, keys: Iterable<DictKey>): DictValue {
  const entries = copyEntries(d.entries);
  for (const key of keys) entries.delete(key);
  return { ...d, entries };
}

/**
 * Several key changes to one dict as a single copy: a conversion pass sets
 * and removes many top-level keys, and copying the whole config for each
 * one dominated its cost. `set` and `delete` behave as `withEntry` and
 * `withoutKeys` applied in the same order; `value` is the dict so far (`d`
 * itself until something changes), and is never changed by later edits.
 */
export interface DictEdit {
  set(key: DictKey, value: Value): void;
  delete(...keys: DictKey[]): void;
  has(key: DictKey): boolean;
  readonly value: DictValue;
}

export function editDict(d: DictValue): DictEdit {
  let current = d;
  // Whether `current` is a copy nobody else has seen, so it may change in place.
  let private_ = false;
  const entries = (): Map<DictKey, Value> => {
    if (!private_) {
      current = { ...current, entries: copyEntries(current.entries) };
      private_ = true;
    }
    return current.entries;
  };
  return {
    set: (key, value) => void entries().set(key, value),
    delete: (...keys) => {
      for (const key of keys) if (current.entries.has(key)) entries().delete(key);
    },
    has: (key) => current.entries.has(key),
    get value() {
      private_ = false;
      return current;
    },
  };
}

/** A str value's text, or undefined for any other kind. */
export const strOf = (v: Value | undefined): string | undefined =>
  v?.t === 'str' ? v.v : undefined;

/** An int or float value's number, or undefined. */
export const numOf = (v: Value | undefined): number | undefined =>
  v?.t === 'int' || v?.t === 'float' ? v.v : undefined;

/** Python truthiness for config data; undefined for opaque and baseref values. */
export function truthy(v: Value | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  switch (v.t) {
    case 'none':
      return false;
    case 'bool':
      return v.v;
    case 'int':
    case 'float':
      return v.v !== 0; // NaN is truthy in Python
    case 'str':
      return v.v.length > 0;
    case 'list':
    case 'tuple':
      return v.items.length > 0;
    case 'dict':
      return v.entries.size > 0;
    default:
      return undefined;
  }
}

/** A copy of `d` with the value at a dotted dict path set; intermediate dicts must exist. */
export function withPath(d: DictValue, path: readonly DictKey[], value: Value): DictValue {
  const [head, ...rest] = path;
  if (rest.length === 0) return withEntry(d, head, value);
  const child = d.entries.get(head);
  if (!isDict(child)) throw new Error(`withPath: no dict at ${String(head)}`);
  return withEntry(d, head, withPath(child, rest, value));
}
