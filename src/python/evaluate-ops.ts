/**
 * Python's operators on config values: arithmetic with int/float typing,
 * comparison, truthiness, membership, indexing and slicing. Pure functions:
 * a failure is returned as a `Fail` (the reason Python would raise), never
 * thrown, and the caller turns it into an opaque value with a finding.
 */
import {
  truthy as pythonTruth,
  type DictKey,
  type DictValue,
  type Origin,
  type Value,
} from './values.js';

/** Why an operation has no value. `cascade`: an operand was already opaque (already reported). */
export interface Fail {
  t: 'fail';
  reason: string;
  cascade?: boolean;
}
export type Result = Value | Fail;

export const fail = (reason: string): Fail => ({ t: 'fail', reason });
export const CASCADE: Fail = {
  t: 'fail',
  reason: 'depends on a value that could not be evaluated',
  cascade: true,
};
export const isFail = (r: unknown): r is Fail => (r as Fail | undefined)?.t === 'fail';

/** Sequences too long to be config data are refused rather than built (`'a' * 10**9`). */
export const MAX_ITEMS = 1_000_000;

/**
 * Lists that stand for Python iterators or views (`range(3)`, `zip(...)`,
 * `d.items()`, generator expressions): usable by `list()`, `sum()`, loops, but
 * not config data themselves. Keyed by the items array, which wrappers share.
 */
export const lazyItems = new WeakSet<Value[]>();

/** The failure to report when `v` is not plain data, or undefined. */
export function unknownOperand(v: Value): Fail | undefined {
  if (v.t === 'opaque') return CASCADE;
  if (v.t === 'baseref') {
    return fail('uses a `{{_base_.…}}` placeholder, whose value is known only after merging');
  }
  return undefined;
}

/** Nested opaque/placeholder check for operations that read a whole value (==, str(), sum). */
export function firstUnknown(v: Value): Fail | undefined {
  const own = unknownOperand(v);
  if (own) return own;
  if (v.t === 'list' || v.t === 'tuple') {
    for (const item of v.items) {
      const f = firstUnknown(item);
      if (f) return f;
    }
  } else if (v.t === 'dict') {
    for (const item of v.entries.values()) {
      const f = firstUnknown(item);
      if (f) return f;
    }
  }
  return undefined;
}

export const typeName = (v: Value): string =>
  ({
    none: 'NoneType',
    bool: 'bool',
    int: 'int',
    float: 'float',
    str: 'str',
    list: 'list',
    tuple: 'tuple',
    dict: 'dict',
    opaque: 'object',
    baseref: 'str',
  })[v.t];

type Num = { t: 'int' | 'float'; v: number };

/** bool is an int subclass in Python. */
export function asNumber(v: Value): Num | undefined {
  if (v.t === 'int' || v.t === 'float') return { t: v.t, v: v.v };
  if (v.t === 'bool') return { t: 'int', v: v.v ? 1 : 0 };
  return undefined;
}

/** An int that Python could index or repeat with (bools count). */
export function asInt(v: Value): number | undefined {
  const n = asNumber(v);
  return n?.t === 'int' ? n.v : undefined;
}

export function intResult(n: number, at?: Origin): Result {
  if (!Number.isSafeInteger(n)) return fail('integer result is too large to represent exactly');
  return { t: 'int', v: n === 0 ? 0 : n, at };
}

export function truthy(v: Value): boolean | Fail {
  return pythonTruth(v) ?? unknownOperand(v) ?? CASCADE;
}

/** Python `==`: 1 == 1.0 == True, list != tuple, dict order ignored. */
export function pyEquals(a: Value, b: Value): boolean | Fail {
  const u = unknownOperand(a) ?? unknownOperand(b);
  if (u) return u;
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na && nb) return na.v === nb.v;
  if (na || nb) return false;
  if (a.t !== b.t) return false;
  switch (a.t) {
    case 'none':
      return true;
    case 'str':
      return a.v === (b as typeof a).v;
    case 'list':
    case 'tuple': {
      const bi = (b as typeof a).items;
      if (a.items.length !== bi.length) return false;
      for (let i = 0; i < bi.length; i++) {
        const e = pyEquals(a.items[i], bi[i]);
        if (e !== true) return e;
      }
      return true;
    }
    case 'dict': {
      const be = (b as DictValue).entries;
      if (a.entries.size !== be.size) return false;
      for (const [k, v] of a.entries) {
        const w = be.get(k);
        if (w === undefined) return false;
        const e = pyEquals(v, w);
        if (e !== true) return e;
      }
      return true;
    }
    default:
      return false;
  }
}

/** -1, 0, 1 for `<` and friends, or the TypeError Python raises. */
export function pyCompare(a: Value, b: Value): number | Fail {
  const u = unknownOperand(a) ?? unknownOperand(b);
  if (u) return u;
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na && nb) {
    if (Number.isNaN(na.v) || Number.isNaN(nb.v)) return NaN;
    return na.v < nb.v ? -1 : na.v > nb.v ? 1 : 0;
  }
  if (a.t === 'str' && b.t === 'str') {
    const x = Array.from(a.v, (c) => c.codePointAt(0)!);
    const y = Array.from(b.v, (c) => c.codePointAt(0)!);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    }
    return Math.sign(x.length - y.length);
  }
  if ((a.t === 'list' && b.t === 'list') || (a.t === 'tuple' && b.t === 'tuple')) {
    const n = Math.min(a.items.length, b.items.length);
    for (let i = 0; i < n; i++) {
      const eq = pyEquals(a.items[i], b.items[i]);
      if (isFail(eq)) return eq;
      if (!eq) return pyCompare(a.items[i], b.items[i]);
    }
    return Math.sign(a.items.length - b.items.length);
  }
  return fail(`'<' not supported between '${typeName(a)}' and '${typeName(b)}'`);
}

/** A hashable dict key, or the reason it cannot be one in our model. */
export function dictKey(v: Value): DictKey | Fail {
  if (v.t === 'str') return v.v;
  if (v.t === 'int') return v.v;
  const u = unknownOperand(v);
  if (u) return u;
  if (v.t === 'float' && Number.isInteger(v.v)) return v.v;
  return fail(`${typeName(v)} dict keys are not supported`);
}

export function keyValue(k: DictKey, at?: Origin): Value {
  return typeof k === 'number' ? { t: 'int', v: k, at } : { t: 'str', v: k, at };
}

export function contains(container: Value, needle: Value): boolean | Fail {
  const u = unknownOperand(container);
  if (u) return u;
  if (container.t === 'str') {
    if (needle.t !== 'str') return unknownOperand(needle) ?? fail("'in <string>' requires a str");
    return container.v.includes(needle.v);
  }
  if (container.t === 'dict') {
    const k = dictKey(needle);
    if (isFail(k)) return needle.t === 'float' || needle.t === 'bool' ? false : k;
    return container.entries.has(k);
  }
  if (container.t === 'list' || container.t === 'tuple') {
    for (const item of container.items) {
      const e = pyEquals(item, needle);
      if (e !== false) return e;
    }
    return false;
  }
  return fail(`argument of type '${typeName(container)}' is not iterable`);
}

/** The items a `for` loop would see. Strings iterate by code point, dicts by key. */
export function iterate(v: Value): Value[] | Fail {
  switch (v.t) {
    case 'list':
    case 'tuple':
      return v.items;
    case 'str':
      return Array.from(v.v, (c) => ({ t: 'str', v: c, at: v.at }) as Value);
    case 'dict':
      return [...v.entries.keys()].map((k) => keyValue(k, v.at));
    default:
      return unknownOperand(v) ?? fail(`'${typeName(v)}' object is not iterable`);
  }
}

function normIndex(i: number, len: number): number | undefined {
  const j = i < 0 ? i + len : i;
  return j >= 0 && j < len ? j : undefined;
}

/** Python slice indices for `len` items (CPython's PySlice_AdjustIndices). */
export function sliceIndices(
  start: number | undefined,
  stop: number | undefined,
  step: number | undefined,
  len: number,
): number[] | Fail {
  const s = step ?? 1;
  if (s === 0) return fail('slice step cannot be zero');
  const adjust = (v: number | undefined, dflt: number, lo: number, hi: number): number => {
    if (v === undefined) return dflt;
    if (v < 0) return Math.max(v + len, lo);
    return Math.min(v, hi);
  };
  const out: number[] = [];
  if (s > 0) {
    const a = adjust(start, 0, 0, len);
    const b = adjust(stop, len, 0, len);
    for (let i = a; i < b; i += s) out.push(i);
  } else {
    const a = adjust(start, len - 1, -1, len - 1);
    const b = adjust(stop, -1, -1, len - 1);
    for (let i = a; i > b; i += s) out.push(i);
  }
  return out;
}

/** `container[index]` for lists, tuples, strings and dicts. */
export function getItem(container: Value, index: Value): Result {
  const u = unknownOperand(container) ?? unknownOperand(index);
  if (u) return u;
  if (container.t === 'dict') {
    const k = dictKey(index);
    if (isFail(k)) return k;
    const found = container.entries.get(k);
    return found ?? fail(`KeyError: ${typeof k === 'number' ? k : `'${k}'`}`);
  }
  const i = asInt(index);
  if (container.t === 'list' || container.t === 'tuple') {
    if (i === undefined) return fail(`${container.t} indices must be integers`);
    const j = normIndex(i, container.items.length);
    return j === undefined ? fail(`${container.t} index out of range`) : container.items[j];
  }
  if (container.t === 'str') {
    if (i === undefined) return fail('string indices must be integers');
    const chars = Array.from(container.v);
    const j = normIndex(i, chars.length);
    return j === undefined ? fail('string index out of range') : { t: 'str', v: chars[j] };
  }
  return fail(`'${typeName(container)}' object is not subscriptable`);
}

export function getSlice(
  container: Value,
  start: number | undefined,
  stop: number | undefined,
  step: number | undefined,
  at?: Origin,
): Result {
  const u = unknownOperand(container);
  if (u) return u;
  if (container.t === 'list' || container.t === 'tuple') {
    const idx = sliceIndices(start, stop, step, container.items.length);
    if (isFail(idx)) return idx;
    return { t: container.t, items: idx.map((i) => container.items[i]), at };
  }
  if (container.t === 'str') {
    const chars = Array.from(container.v);
    const idx = sliceIndices(start, stop, step, chars.length);
    if (isFail(idx)) return idx;
    return { t: 'str', v: idx.map((i) => chars[i]).join(''), at };
  }
  return fail(`'${typeName(container)}' object is not subscriptable`);
}

/** CPython's float floor division and modulo (float_divmod). */
function floatDivmod(x: number, y: number): [number, number] {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod) {
    if (y < 0 !== mod < 0) {
      mod += y;
      div -= 1;
    }
  } else {
    mod = y < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = x / y < 0 ? -0 : 0;
  }
  return [floordiv, mod];
}

function intDivmod(x: number, y: number): [number, number] {
  let r = x % y;
  if (r !== 0 && r < 0 !== y < 0) r += y;
  return [(x - r) / y, r === 0 ? 0 : r];
}

function intPow(base: number, exp: number, at?: Origin): Result {
  if (Math.abs(base) > 1 && exp > 64)
    return fail('integer result is too large to represent exactly');
  const big = BigInt(base) ** BigInt(exp);
  if (BigInt(Number(big)) !== big) {
    return fail('integer result is too large to represent exactly');
  }
  return { t: 'int', v: Number(big), at };
}

function arithmetic(op: string, a: Num, b: Num, at?: Origin): Result {
  const bothInt = a.t === 'int' && b.t === 'int';
  const x = a.v;
  const y = b.v;
  const flt = (v: number): Value => ({ t: 'float', v, at });
  switch (op) {
    case '+':
      return bothInt ? intResult(x + y, at) : flt(x + y);
    case '-':
      return bothInt ? intResult(x - y, at) : flt(x - y);
    case '*':
      return bothInt ? intResult(x * y, at) : flt(x * y);
    case '/':
      if (y === 0) return fail('ZeroDivisionError: division by zero');
      return flt(x / y);
    case '//':
    case '%': {
      if (y === 0) return fail('ZeroDivisionError: integer division or modulo by zero');
      const [q, r] = bothInt ? intDivmod(x, y) : floatDivmod(x, y);
      const v = op === '//' ? q : r;
      return bothInt ? intResult(v, at) : flt(v);
    }
    case '**':
      if (bothInt && y >= 0) return intPow(x, y, at);
      if (x === 0 && y < 0)
        return fail('ZeroDivisionError: 0.0 cannot be raised to a negative power');
      if (x < 0 && !Number.isInteger(y)) return fail('result would be a complex number');
      return flt(Math.pow(x, y));
    case '<<':
    case '>>':
    case '&':
    case '|':
    case '^': {
      if (!bothInt) return fail(`unsupported operand types for ${op}: float`);
      if ((op === '<<' || op === '>>') && y < 0) return fail('negative shift count');
      if (op === '<<' && y > 64) return fail('integer result is too large to represent exactly');
      const bx = BigInt(x);
      const by = BigInt(y);
      const r =
        op === '<<'
          ? bx << by
          : op === '>>'
            ? bx >> by
            : op === '&'
              ? bx & by
              : op === '|'
                ? bx | by
                : bx ^ by;
      return intResult(Number(r), at);
    }
    default:
      return fail(`unsupported operator ${op}`);
  }
}

function repeat(items: Value[], times: number): Value[] | Fail {
  if (times <= 0) return [];
  if (items.length * times > MAX_ITEMS) return fail('sequence is too long to be config data');
  const out: Value[] = [];
  for (let i = 0; i < times; i++) out.push(...items);
  return out;
}

/** `a op b` for the binary operators, with `%` string formatting left to the caller. */
export function binaryOp(op: string, a: Value, b: Value, at?: Origin): Result {
  const u = unknownOperand(a) ?? unknownOperand(b);
  if (u) return u;
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na && nb) {
    if (a.t === 'bool' && b.t === 'bool' && (op === '&' || op === '|' || op === '^')) {
      const r = op === '&' ? a.v && b.v : op === '|' ? a.v || b.v : a.v !== b.v;
      return { t: 'bool', v: r, at };
    }
    return arithmetic(op, na, nb, at);
  }
  if (op === '+') {
    if (a.t === 'str' && b.t === 'str') return { t: 'str', v: a.v + b.v, at };
    if ((a.t === 'list' && b.t === 'list') || (a.t === 'tuple' && b.t === 'tuple')) {
      if (a.items.length + b.items.length > MAX_ITEMS)
        return fail('sequence is too long to be config data');
      return { t: a.t, items: [...a.items, ...b.items], at };
    }
  }
  if (op === '*') {
    const [seq, n] = na ? [b, asInt(a)] : [a, asInt(b)];
    if (n !== undefined) {
      if (seq.t === 'str') {
        if (seq.v.length * Math.max(n, 0) > MAX_ITEMS)
          return fail('string is too long to be config data');
        return { t: 'str', v: n > 0 ? seq.v.repeat(n) : '', at };
      }
      if (seq.t === 'list' || seq.t === 'tuple') {
        const items = repeat(seq.items, n);
        return isFail(items) ? items : { t: seq.t, items, at };
      }
    }
  }
  if (op === '|' && a.t === 'dict' && b.t === 'dict') {
    return { t: 'dict', entries: new Map([...a.entries, ...b.entries]), at };
  }
  return fail(`unsupported operand types for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

export function unaryOp(op: string, a: Value, at?: Origin): Result {
  const u = unknownOperand(a);
  if (u) return u;
  const n = asNumber(a);
  if (!n) return fail(`bad operand type for unary ${op}: '${typeName(a)}'`);
  if (op === '-') return n.t === 'int' ? intResult(-n.v, at) : { t: 'float', v: -n.v, at };
  if (op === '+') return n.t === 'int' ? intResult(n.v, at) : { t: 'float', v: n.v, at };
  if (op === '~' && n.t === 'int') return intResult(-n.v - 1, at);
  return fail(`bad operand type for unary ${op}: '${typeName(a)}'`);
}
