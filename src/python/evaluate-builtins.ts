/**
 * The Python builtins and methods that configs use (`dict`, `range`, `sum`,
 * `len`, `'…'.format`, `d.get`, …), on already evaluated arguments. Anything
 * not listed here is unknown to the evaluator, and the caller makes it opaque.
 */
import { formatValue, pyRepr, pyRound, pyStr, strFormat } from './evaluate-format.js';
import {
  asInt,
  asNumber,
  binaryOp,
  contains,
  dictKey,
  fail,
  firstUnknown,
  isFail,
  iterate,
  keyValue,
  lazyItems,
  MAX_ITEMS,
  pyCompare,
  type Fail,
  type Result,
  truthy,
  typeName,
  unknownOperand,
} from './evaluate-ops.js';
import type { DictKey, Origin, Value } from './values.js';

/** Evaluated call arguments; keyword order is kept. */
export interface Args {
  pos: Value[];
  kw: Map<string, Value>;
}

/** Methods that change their receiver: only supported as statements on a variable. */
export const MUTATING_METHODS = new Set([
  'append',
  'extend',
  'insert',
  'update',
  'pop',
  'popitem',
  'remove',
  'clear',
  'setdefault',
  'sort',
  'reverse',
]);

const isLazy = (v: Value): boolean => (v.t === 'list' || v.t === 'tuple') && lazyItems.has(v.items);

/** An iterator-like result: a list the caller may iterate but not keep as config data. */
export function lazy(items: Value[], at?: Origin): Value {
  lazyItems.add(items);
  return { t: 'list', items, at };
}

function arity(
  args: Args,
  name: string,
  min: number,
  max: number,
  kw: string[] = [],
): Fail | undefined {
  if (args.pos.length < min || args.pos.length > max) {
    return fail(`${name}() takes ${min === max ? min : `${min} to ${max}`} positional arguments`);
  }
  for (const k of args.kw.keys()) {
    if (!kw.includes(k)) return fail(`${name}() got an unsupported keyword argument '${k}'`);
  }
  return undefined;
}

/** An argument given by position or by keyword. */
function arg(args: Args, index: number, name: string): Value | undefined {
  return args.pos[index] ?? args.kw.get(name);
}

/** Config data must not hold iterator objects; Python would keep a `range`/`zip` object there. */
function dataValue(v: Value): Value | Fail {
  return isLazy(v) ? fail('an iterator or range object is not config data') : v;
}

function buildDict(args: Args, at?: Origin): Result {
  if (args.pos.length > 1) return fail('dict expected at most 1 argument');
  const entries = new Map<DictKey, Value>();
  const source = args.pos[0];
  if (source) {
    if (source.t === 'dict') {
      for (const [k, v] of source.entries) entries.set(k, v);
    } else {
      const items = iterate(source);
      if (isFail(items)) return items;
      for (const pair of items) {
        const kv = pair.t === 'list' || pair.t === 'tuple' ? pair.items : undefined;
        if (!kv || kv.length !== 2)
          return unknownOperand(pair) ?? fail('dict() sequence items must be pairs');
        const k = dictKey(kv[0]);
        if (isFail(k)) return k;
        const v = dataValue(kv[1]);
        if (isFail(v)) return v;
        entries.set(k, v);
      }
    }
  }
  for (const [k, v] of args.kw) {
    const d = dataValue(v);
    if (isFail(d)) return d;
    entries.set(k, d);
  }
  return { t: 'dict', entries, at };
}

function items(v: Value): Value[] | Fail {
  return iterate(v);
}

function parseIntText(text: string, base: number): number | Fail {
  let s = text.trim().replace(/(?<=[0-9a-zA-Z])_(?=[0-9a-zA-Z])/g, '');
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  let b = base;
  const prefixed = /^0([xob])/i.exec(s);
  if (prefixed && (b === 0 || b === { x: 16, o: 8, b: 2 }[prefixed[1].toLowerCase()])) {
    b = { x: 16, o: 8, b: 2 }[prefixed[1].toLowerCase()]!;
    s = s.slice(2);
  }
  if (b === 0) b = 10;
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, b);
  if (!s || [...s.toLowerCase()].some((c) => !digits.includes(c))) {
    return fail(`invalid literal for int() with base ${base}: ${JSON.stringify(text)}`);
  }
  const n = sign * parseInt(s, b);
  return Number.isSafeInteger(n) ? n : fail('integer result is too large to represent exactly');
}

function parseFloatText(text: string): number | Fail {
  const s = text.trim().replace(/(?<=\d)_(?=\d)/g, '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return Number(s);
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    if (special[2].toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  return fail(`could not convert string to float: ${JSON.stringify(text)}`);
}

function minMax(name: 'min' | 'max', args: Args): Result {
  const bad = arity(args, name, 1, Infinity, ['default']);
  if (bad) return bad;
  const candidates = args.pos.length === 1 ? items(args.pos[0]) : args.pos;
  if (isFail(candidates)) return candidates;
  if (candidates.length === 0) {
    return args.kw.get('default') ?? fail(`${name}() arg is an empty sequence`);
  }
  let best = candidates[0];
  for (const c of candidates.slice(1)) {
    const cmp = pyCompare(c, best);
    if (isFail(cmp)) return cmp;
    if (name === 'min' ? cmp < 0 : cmp > 0) best = c;
  }
  return best;
}

function sortValues(values: Value[], reverse: boolean): Value[] | Fail {
  let error: Fail | undefined;
  const out = [...values].sort((a, b) => {
    const c = pyCompare(a, b);
    if (isFail(c)) {
      error ??= c;
      return 0;
    }
    return reverse ? -c : c;
  });
  return error ?? out;
}

/** A builtin function call, or undefined when `name` is not a supported builtin. */
export function callBuiltin(name: string, args: Args, at?: Origin): Result | undefined {
  switch (name) {
    case 'dict':
      return buildDict(args, at);
    case 'list':
    case 'tuple': {
      const bad = arity(args, name, 0, 1);
      if (bad) return bad;
      const xs = args.pos.length ? items(args.pos[0]) : [];
      return isFail(xs) ? xs : { t: name, items: [...xs], at };
    }
    case 'len': {
      const bad = arity(args, name, 1, 1);
      if (bad) return bad;
      const v = args.pos[0];
      if (v.t === 'str') return { t: 'int', v: Array.from(v.v).length, at };
      if (v.t === 'list' || v.t === 'tuple') return { t: 'int', v: v.items.length, at };
      if (v.t === 'dict') return { t: 'int', v: v.entries.size, at };
      return unknownOperand(v) ?? fail(`object of type '${typeName(v)}' has no len()`);
    }
    case 'sum': {
      const bad = arity(args, name, 1, 2, ['start']);
      if (bad) return bad;
      const xs = items(args.pos[0]);
      if (isFail(xs)) return xs;
      let acc: Value = arg(args, 1, 'start') ?? { t: 'int', v: 0, at };
      if (acc.t === 'str') return fail("sum() can't sum strings");
      for (const x of xs) {
        const r = binaryOp('+', acc, x, at);
        if (isFail(r)) return r;
        acc = r;
      }
      return acc.at === at ? acc : { ...acc, at };
    }
    case 'range': {
      const bad = arity(args, name, 1, 3);
      if (bad) return bad;
      const ns = args.pos.map(asInt);
      if (ns.some((n) => n === undefined)) {
        return (
          firstUnknown(args.pos.find((p) => asInt(p) === undefined)!) ??
          fail('range() arguments must be integers')
        );
      }
      const [start, stop, step] = ns.length === 1 ? [0, ns[0]!, 1] : [ns[0]!, ns[1]!, ns[2] ?? 1];
      if (step === 0) return fail('range() arg 3 must not be zero');
      const count = Math.max(0, Math.ceil((stop - start) / step));
      if (count > MAX_ITEMS) return fail('range is too long to be config data');
      const out: Value[] = [];
      for (let i = 0; i < count; i++) out.push({ t: 'int', v: start + i * step, at });
      return lazy(out, at);
    }
    case 'int': {
      const bad = arity(args, name, 0, 2, ['base']);
      if (bad) return bad;
      const v = args.pos[0];
      if (!v) return { t: 'int', v: 0, at };
      const baseArg = arg(args, 1, 'base');
      if (v.t === 'str') {
        const base = baseArg ? asInt(baseArg) : 10;
        if (base === undefined) return fail('int() base must be an integer');
        const n = parseIntText(v.v, base);
        return isFail(n) ? n : { t: 'int', v: n, at };
      }
      if (baseArg) return fail("int() can't convert non-string with explicit base");
      const num = asNumber(v);
      if (!num)
        return (
          unknownOperand(v) ??
          fail(`int() argument must be a string or a number, not '${typeName(v)}'`)
        );
      if (!Number.isFinite(num.v)) return fail('cannot convert float infinity or NaN to integer');
      const n = Math.trunc(num.v);
      return Number.isSafeInteger(n)
        ? { t: 'int', v: n === 0 ? 0 : n, at }
        : fail('integer result is too large');
    }
    case 'float': {
      const bad = arity(args, name, 0, 1);
      if (bad) return bad;
      const v = args.pos[0];
      if (!v) return { t: 'float', v: 0, at };
      if (v.t === 'str') {
        const n = parseFloatText(v.v);
        return isFail(n) ? n : { t: 'float', v: n, at };
      }
      const num = asNumber(v);
      if (!num)
        return (
          unknownOperand(v) ??
          fail(`float() argument must be a string or a number, not '${typeName(v)}'`)
        );
      return { t: 'float', v: num.v, at };
    }
    case 'str':
    case 'repr': {
      const bad = arity(args, name, name === 'str' ? 0 : 1, 1);
      if (bad) return bad;
      const v = args.pos[0];
      if (!v) return { t: 'str', v: '', at };
      if (isLazy(v)) return fail(`${name}() of an iterator or range object`);
      const s = name === 'str' ? pyStr(v) : pyRepr(v);
      return isFail(s) ? s : { t: 'str', v: s, at };
    }
    case 'format': {
      const bad = arity(args, name, 1, 2);
      if (bad) return bad;
      const spec = args.pos[1] ?? { t: 'str', v: '' };
      if (spec.t !== 'str') return unknownOperand(spec) ?? fail('format() argument 2 must be str');
      const s = formatValue(args.pos[0], spec.v);
      return isFail(s) ? s : { t: 'str', v: s, at };
    }
    case 'bool': {
      const bad = arity(args, name, 0, 1);
      if (bad) return bad;
      const t = args.pos.length ? truthy(args.pos[0]) : false;
      return isFail(t) ? t : { t: 'bool', v: t, at };
    }
    case 'min':
    case 'max':
      return minMax(name, args);
    case 'abs': {
      const bad = arity(args, name, 1, 1);
      if (bad) return bad;
      const num = asNumber(args.pos[0]);
      if (!num)
        return (
          unknownOperand(args.pos[0]) ??
          fail(`bad operand type for abs(): '${typeName(args.pos[0])}'`)
        );
      return { t: num.t, v: Math.abs(num.v), at };
    }
    case 'round': {
      const bad = arity(args, name, 1, 2, ['ndigits']);
      if (bad) return bad;
      const nd = arg(args, 1, 'ndigits');
      if (nd && nd.t !== 'none' && asInt(nd) === undefined) {
        return unknownOperand(nd) ?? fail('round() ndigits must be an integer');
      }
      const r = pyRound(args.pos[0], nd && nd.t !== 'none' ? asInt(nd) : undefined);
      return isFail(r) ? r : { ...r, at };
    }
    case 'zip': {
      const bad = arity(args, name, 0, Infinity);
      if (bad) return bad;
      const lists: Value[][] = [];
      for (const p of args.pos) {
        const xs = items(p);
        if (isFail(xs)) return xs;
        lists.push(xs);
      }
      const n = lists.length ? Math.min(...lists.map((l) => l.length)) : 0;
      const out: Value[] = [];
      for (let i = 0; i < n; i++) out.push({ t: 'tuple', items: lists.map((l) => l[i]), at });
      return lazy(out, at);
    }
    case 'enumerate': {
      const bad = arity(args, name, 1, 2, ['start']);
      if (bad) return bad;
      const xs = items(args.pos[0]);
      if (isFail(xs)) return xs;
      const startArg = arg(args, 1, 'start');
      const start = startArg ? asInt(startArg) : 0;
      if (start === undefined) return fail('enumerate() start must be an integer');
      return lazy(
        xs.map((x, i) => ({ t: 'tuple', items: [{ t: 'int', v: start + i, at }, x], at }) as Value),
        at,
      );
    }
    case 'sorted': {
      const bad = arity(args, name, 1, 1, ['reverse']);
      if (bad) return bad;
      const xs = items(args.pos[0]);
      if (isFail(xs)) return xs;
      const rev = args.kw.get('reverse');
      const r = rev ? truthy(rev) : false;
      if (isFail(r)) return r;
      const sortedItems = sortValues(xs, r);
      return isFail(sortedItems) ? sortedItems : { t: 'list', items: sortedItems, at };
    }
    case 'reversed': {
      const bad = arity(args, name, 1, 1);
      if (bad) return bad;
      const v = args.pos[0];
      if (v.t !== 'list' && v.t !== 'tuple' && v.t !== 'str') {
        return unknownOperand(v) ?? fail(`'${typeName(v)}' object is not reversible`);
      }
      const xs = items(v);
      return isFail(xs) ? xs : lazy([...xs].reverse(), at);
    }
    case 'any':
    case 'all': {
      const bad = arity(args, name, 1, 1);
      if (bad) return bad;
      const xs = items(args.pos[0]);
      if (isFail(xs)) return xs;
      for (const x of xs) {
        const t = truthy(x);
        if (isFail(t)) return t;
        if (name === 'any' ? t : !t) return { t: 'bool', v: name === 'any', at };
      }
      return { t: 'bool', v: name === 'all', at };
    }
    case 'print':
      return { t: 'none', at };
    default:
      return undefined;
  }
}

/** What Python's `str.splitlines` splits on (besides `\r\n`). */
const LINE_BREAKS = new Set([0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029]);

function splitText(
  s: string,
  sep: string | undefined,
  maxsplit: number,
  fromRight: boolean,
): string[] {
  if (sep === undefined) {
    const words = s.split(/\s+/).filter((w) => w !== '');
    if (maxsplit < 0 || words.length <= maxsplit + 1) return words;
    // Python keeps the remainder verbatim (inner whitespace included) after maxsplit cuts.
    const re = fromRight ? /\s*\S+\s*$/ : /^\s*\S+\s*/;
    const out: string[] = [];
    let rest = fromRight ? s.trimEnd() : s.trimStart();
    for (let i = 0; i < maxsplit; i++) {
      const m = re.exec(rest)!;
      const word = m[0].trim();
      rest = fromRight ? rest.slice(0, m.index).trimEnd() : rest.slice(m[0].length);
      if (fromRight) out.unshift(word);
      else out.push(word);
    }
    return fromRight ? [rest, ...out] : [...out, rest];
  }
  const parts = s.split(sep);
  if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
  if (fromRight) {
    const keep = parts.slice(parts.length - maxsplit);
    return [parts.slice(0, parts.length - maxsplit).join(sep), ...keep];
  }
  return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sep)];
}

function stripChars(s: string, chars: string | undefined, left: boolean, right: boolean): string {
  const set = chars === undefined ? undefined : new Set(Array.from(chars));
  const strip = (c: string) => (set ? set.has(c) : /\s/.test(c));
  const cs = Array.from(s);
  let a = 0;
  let b = cs.length;
  while (left && a < b && strip(cs[a])) a++;
  while (right && b > a && strip(cs[b - 1])) b--;
  return cs.slice(a, b).join('');
}

function strArg(v: Value | undefined, what: string): string | undefined | Fail {
  if (v === undefined || v.t === 'none') return undefined;
  if (v.t === 'str') return v.v;
  return unknownOperand(v) ?? fail(`${what} must be str, not ${typeName(v)}`);
}

function strMethod(s: string, name: string, args: Args, at?: Origin): Result | undefined {
  const str = (v: string): Value => ({ t: 'str', v, at });
  const boolean = (v: boolean): Value => ({ t: 'bool', v, at });
  const strList = (xs: string[]): Value => ({ t: 'list', items: xs.map(str), at });
  switch (name) {
    case 'format': {
      const r = strFormat(s, args.pos, args.kw);
      return isFail(r) ? r : str(r);
    }
    case 'upper':
    case 'lower':
    case 'capitalize':
    case 'title':
    case 'swapcase':
    case 'casefold': {
      const bad = arity(args, name, 0, 0);
      if (bad) return bad;
      if (name === 'upper') return str(s.toUpperCase());
      if (name === 'lower' || name === 'casefold') return str(s.toLowerCase());
      if (name === 'capitalize') return str(s.slice(0, 1).toUpperCase() + s.slice(1).toLowerCase());
      if (name === 'swapcase') {
        return str(
          Array.from(s, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(
            '',
          ),
        );
      }
      return str(s.toLowerCase().replace(/\p{L}+/gu, (w) => w[0].toUpperCase() + w.slice(1)));
    }
    case 'strip':
    case 'lstrip':
    case 'rstrip': {
      const bad = arity(args, name, 0, 1);
      if (bad) return bad;
      const chars = strArg(args.pos[0], `${name} arg`);
      if (isFail(chars)) return chars;
      return str(stripChars(s, chars, name !== 'rstrip', name !== 'lstrip'));
    }
    case 'split':
    case 'rsplit': {
      const bad = arity(args, name, 0, 2, ['sep', 'maxsplit']);
      if (bad) return bad;
      const sep = strArg(arg(args, 0, 'sep'), 'separator');
      if (isFail(sep)) return sep;
      if (sep === '') return fail('empty separator');
      const maxArg = arg(args, 1, 'maxsplit');
      const max = maxArg ? asInt(maxArg) : -1;
      if (max === undefined) return fail('maxsplit must be an integer');
      return strList(splitText(s, sep, max, name === 'rsplit'));
    }
    case 'splitlines': {
      const bad = arity(args, name, 0, 0);
      if (bad) return bad;
      const lines: string[] = [];
      let line = '';
      for (let i = 0; i < s.length; i++) {
        if (!LINE_BREAKS.has(s.charCodeAt(i))) {
          line += s[i];
          continue;
        }
        if (s[i] === '\r' && s[i + 1] === '\n') i++;
        lines.push(line);
        line = '';
      }
      lines.push(line);
      if (lines.length && lines[lines.length - 1] === '') lines.pop();
      return strList(lines);
    }
    case 'join': {
      const bad = arity(args, name, 1, 1);
      if (bad) return bad;
      const xs = iterate(args.pos[0]);
      if (isFail(xs)) return xs;
      const parts: string[] = [];
      for (const x of xs) {
        if (x.t !== 'str')
          return (
            unknownOperand(x) ?? fail(`sequence item: expected str instance, ${typeName(x)} found`)
          );
        parts.push(x.v);
      }
      return str(parts.join(s));
    }
    case 'replace': {
      const bad = arity(args, name, 2, 3);
      if (bad) return bad;
      const [a, b, c] = args.pos;
      if (a.t !== 'str' || b.t !== 'str')
        return unknownOperand(a) ?? unknownOperand(b) ?? fail('replace() arguments must be str');
      const count = c ? asInt(c) : -1;
      if (count === undefined) return fail('replace() count must be an integer');
      if (count < 0) return str(s.split(a.v).join(b.v));
      const parts = s.split(a.v);
      return str(
        parts.slice(0, count + 1).join(b.v) +
          (parts.length > count + 1 ? a.v + parts.slice(count + 1).join(a.v) : ''),
      );
    }
    case 'startswith':
    case 'endswith': {
      const bad = arity(args, name, 1, 1);
      if (bad) return bad;
      const p = args.pos[0];
      const options = p.t === 'tuple' ? p.items : [p];
      for (const o of options) {
        if (o.t !== 'str')
          return unknownOperand(o) ?? fail(`${name} first arg must be str or a tuple of str`);
        if (name === 'startswith' ? s.startsWith(o.v) : s.endsWith(o.v)) return boolean(true);
      }
      return boolean(false);
    }
    case 'removeprefix':
    case 'removesuffix': {
      const bad = arity(args, name, 1, 1);
      if (bad) return bad;
      const p = strArg(args.pos[0], name);
      if (isFail(p) || p === undefined)
        return isFail(p) ? p : fail(`${name}() argument must be str`);
      if (name === 'removeprefix') return str(p && s.startsWith(p) ? s.slice(p.length) : s);
      return str(p && s.endsWith(p) ? s.slice(0, s.length - p.length) : s);
    }
    case 'find':
    case 'rfind':
    case 'count': {
      const bad = arity(args, name, 1, 1);
      if (bad) return bad;
      const p = strArg(args.pos[0], name);
      if (isFail(p) || p === undefined)
        return isFail(p) ? p : fail(`${name}() argument must be str`);
      const cps = (t: string) => Array.from(t).length;
      if (name === 'count') {
        return { t: 'int', v: p === '' ? cps(s) + 1 : s.split(p).length - 1, at };
      }
      const i = name === 'find' ? s.indexOf(p) : s.lastIndexOf(p);
      return { t: 'int', v: i < 0 ? -1 : cps(s.slice(0, i)), at };
    }
    case 'zfill':
    case 'ljust':
    case 'rjust':
    case 'center': {
      const bad = arity(args, name, 1, name === 'zfill' ? 1 : 2);
      if (bad) return bad;
      const width = asInt(args.pos[0]);
      if (width === undefined)
        return unknownOperand(args.pos[0]) ?? fail(`${name}() width must be an integer`);
      const fillArg = strArg(args.pos[1], 'fill character');
      if (isFail(fillArg)) return fillArg;
      if (name === 'zfill') {
        const sign = /^[+-]/.test(s) ? s[0] : '';
        return str(sign + s.slice(sign.length).padStart(width - sign.length, '0'));
      }
      const spec = `${fillArg ?? ' '}${name === 'ljust' ? '<' : name === 'rjust' ? '>' : '^'}${width}`;
      const r = formatValue({ t: 'str', v: s }, spec);
      return isFail(r) ? r : str(r);
    }
    case 'isdigit':
    case 'isnumeric':
    case 'isdecimal':
    case 'isalpha':
    case 'isalnum':
    case 'isspace':
    case 'islower':
    case 'isupper': {
      const bad = arity(args, name, 0, 0);
      if (bad) return bad;
      const re = {
        isdigit: /^\p{Nd}+$/u,
        isnumeric: /^\p{N}+$/u,
        isdecimal: /^\p{Nd}+$/u,
        isalpha: /^\p{L}+$/u,
        isalnum: /^[\p{L}\p{N}]+$/u,
        isspace: /^\s+$/,
        islower: /^(?=.*\p{Ll})[^\p{Lu}]*$/su,
        isupper: /^(?=.*\p{Lu})[^\p{Ll}]*$/su,
      }[name];
      return boolean(re.test(s));
    }
    default:
      return undefined;
  }
}

/**
 * A non-mutating method call on an evaluated receiver, or undefined when the
 * method is not supported for that type.
 */
export function callMethod(recv: Value, name: string, args: Args, at?: Origin): Result | undefined {
  if (recv.t === 'str') return strMethod(recv.v, name, args, at);
  if (recv.t === 'dict') {
    switch (name) {
      case 'copy': {
        const bad = arity(args, name, 0, 0);
        return bad ?? { t: 'dict', entries: new Map(recv.entries), at };
      }
      case 'get': {
        const bad = arity(args, name, 1, 2);
        if (bad) return bad;
        const k = dictKey(args.pos[0]);
        if (isFail(k)) return args.pos[0].t === 'opaque' ? k : { t: 'none', at };
        return recv.entries.get(k) ?? args.pos[1] ?? { t: 'none', at };
      }
      case 'keys':
      case 'values':
      case 'items': {
        const bad = arity(args, name, 0, 0);
        if (bad) return bad;
        const out: Value[] = [];
        for (const [k, v] of recv.entries) {
          if (name === 'keys') out.push(keyValue(k, at));
          else if (name === 'values') out.push(v);
          else out.push({ t: 'tuple', items: [keyValue(k, at), v], at });
        }
        return lazy(out, at);
      }
      default:
        return undefined;
    }
  }
  if (recv.t === 'list' || recv.t === 'tuple') {
    switch (name) {
      case 'copy':
        if (recv.t !== 'list') return undefined;
        return arity(args, name, 0, 0) ?? { t: 'list', items: [...recv.items], at };
      case 'count':
      case 'index': {
        const bad = arity(args, name, 1, 1);
        if (bad) return bad;
        let count = 0;
        for (let i = 0; i < recv.items.length; i++) {
          const eq = contains({ t: 'list', items: [recv.items[i]] }, args.pos[0]);
          if (isFail(eq)) return eq;
          if (eq && name === 'index') return { t: 'int', v: i, at };
          if (eq) count++;
        }
        return name === 'count'
          ? { t: 'int', v: count, at }
          : fail('ValueError: value is not in list');
      }
      default:
        return undefined;
    }
  }
  return undefined;
}
