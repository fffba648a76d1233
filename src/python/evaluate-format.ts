/**
 * Python's text conversions of config values: `str()`, `repr()`, the format
 * mini-language (`format()`, `str.format`, f-strings), `%` formatting and
 * `round()`. Numbers are rounded on their exact binary value, half to even,
 * as CPython does (`'%.2f' % 0.125 == '0.12'`, `round(2.675, 2) == 2.67`).
 */
import {
  asNumber,
  fail,
  getItem,
  isFail,
  type Fail,
  typeName,
  unknownOperand,
} from './evaluate-ops.js';
import type { Value } from './values.js';
import { pyFloatRepr } from './values.js';

/** Python's `str(float)`. */
export function floatStr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  return pyFloatRepr(n);
}

/** Python's `repr(str)`: single quotes unless the text has a `'` and no `"`. */
export function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0x80 && c < 0xa0) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

export function pyRepr(v: Value): string | Fail {
  switch (v.t) {
    case 'str':
      return reprString(v.v);
    case 'list':
    case 'tuple': {
      const parts: string[] = [];
      for (const item of v.items) {
        const r = pyRepr(item);
        if (isFail(r)) return r;
        parts.push(r);
      }
      if (v.t === 'list') return `[${parts.join(', ')}]`;
      return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
    }
    case 'dict': {
      const parts: string[] = [];
      for (const [k, item] of v.entries) {
        const r = pyRepr(item);
        if (isFail(r)) return r;
        parts.push(`${typeof k === 'number' ? String(k) : reprString(k)}: ${r}`);
      }
      return `{${parts.join(', ')}}`;
    }
    default:
      return pyStr(v);
  }
}

export function pyStr(v: Value): string | Fail {
  switch (v.t) {
    case 'none':
      return 'None';
    case 'bool':
      return v.v ? 'True' : 'False';
    case 'int':
      return String(v.v);
    case 'float':
      return floatStr(v.v);
    case 'str':
      return v.v;
    case 'list':
    case 'tuple':
    case 'dict':
      return pyRepr(v);
    default:
      return unknownOperand(v)!;
  }
}

/** |x| = n / 10^scale exactly, for a finite double. */
function exactDecimal(x: number): { n: bigint; scale: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e = -1074;
  if (expBits !== 0) {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  if (e >= 0) return { n: mant << BigInt(e), scale: 0 };
  return { n: mant * 5n ** BigInt(-e), scale: -e };
}

function divHalfEven(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r2 = (n % d) * 2n;
  if (r2 > d || (r2 === d && q % 2n === 1n)) return q + 1n;
  return q;
}

/** |x| with `prec` decimals, correctly rounded. */
function fixedDigits(ax: number, prec: number): string {
  const { n, scale } = exactDecimal(ax);
  const q =
    scale <= prec ? n * 10n ** BigInt(prec - scale) : divHalfEven(n, 10n ** BigInt(scale - prec));
  if (prec === 0) return q.toString();
  const s = q.toString().padStart(prec + 1, '0');
  return `${s.slice(0, -prec)}.${s.slice(-prec)}`;
}

/** |x| rounded to `sig` significant digits: the digits and the decimal exponent of the first. */
function sigDigits(ax: number, sig: number): { digits: string; exp: number } {
  if (ax === 0) return { digits: '0'.repeat(sig), exp: 0 };
  const { n, scale } = exactDecimal(ax);
  const len = n.toString().length;
  let exp = len - 1 - scale;
  const cut = len - sig;
  let q = cut <= 0 ? n * 10n ** BigInt(-cut) : divHalfEven(n, 10n ** BigInt(cut));
  if (q.toString().length > sig) {
    q /= 10n;
    exp += 1;
  }
  return { digits: q.toString(), exp };
}

function expForm(digits: string, exp: number, alt: boolean, upper: boolean): string {
  const mant = digits.length > 1 || alt ? `${digits[0]}.${digits.slice(1)}` : digits;
  const e = `${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return `${mant}${upper ? 'E' : 'e'}${e}`;
}

function stripZeros(s: string): string {
  const [m, e] = s.split(/(?=[eE])/);
  const t = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
  return t + (e ?? '');
}

/** The digits of |x| for a float presentation type (no sign, no padding). */
function floatBody(ax: number, type: string, prec: number | undefined, alt: boolean): string {
  const upper = type === type.toUpperCase() && type !== '%' && type !== '';
  if (!Number.isFinite(ax)) {
    const s = Number.isNaN(ax) ? 'nan' : 'inf';
    return upper ? s.toUpperCase() : s;
  }
  switch (type) {
    case 'f':
    case 'F':
      return fixedDigits(ax, prec ?? 6) + (alt && prec === 0 ? '.' : '');
    case '%':
      return fixedDigits(ax * 100, prec ?? 6) + (alt && prec === 0 ? '.' : '') + '%';
    case 'e':
    case 'E': {
      const p = prec ?? 6;
      const { digits, exp } = sigDigits(ax, p + 1);
      return expForm(digits, exp, alt, upper);
    }
    case 'g':
    case 'G':
    case 'n':
    case '': {
      if (type === '' && prec === undefined) return floatStr(ax);
      const p = prec === 0 ? 1 : (prec ?? 6);
      const { digits, exp } = sigDigits(ax, p);
      const sciFrom = type === '' ? p - 1 : p;
      let out: string;
      if (exp >= -4 && exp < sciFrom) {
        out = fixedDigits(ax, Math.max(p - 1 - exp, 0));
        if (!alt) out = stripZeros(out);
        if (type === '' && !out.includes('.')) out += '.0';
      } else {
        out = expForm(digits, exp, alt, upper);
        if (!alt) out = stripZeros(out);
      }
      return out;
    }
    default:
      return '';
  }
}

interface Spec {
  fill: string;
  align?: string;
  sign: string;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string;
  precision?: number;
  type: string;
}

const SPEC_RE =
  /^(?:([\s\S])?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/;

function parseSpec(text: string): Spec | undefined {
  const m = SPEC_RE.exec(text);
  if (!m) return undefined;
  return {
    fill: m[1] ?? (m[6] && !m[2] ? '0' : ' '),
    align: m[2] ?? (m[6] ? '=' : undefined),
    sign: m[3] ?? '-',
    alt: Boolean(m[5]),
    zero: Boolean(m[6]),
    width: m[7] ? Number(m[7]) : 0,
    grouping: m[8] ?? '',
    precision: m[9] !== undefined ? Number(m[9]) : undefined,
    type: m[10] ?? '',
  };
}

function group(intDigits: string, sep: string, every: number): string {
  if (!sep) return intDigits;
  let out = '';
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % every === 0) out += sep;
    out += intDigits[i];
  }
  return out;
}

function pad(sign: string, body: string, spec: Spec, defaultAlign: string): string {
  const len = Array.from(sign + body).length;
  const n = spec.width - len;
  if (n <= 0) return sign + body;
  const fill = spec.fill.repeat(n);
  switch (spec.align ?? defaultAlign) {
    case '<':
      return sign + body + fill;
    case '^': {
      const left = Math.floor(n / 2);
      return spec.fill.repeat(left) + sign + body + spec.fill.repeat(n - left);
    }
    case '=':
      return sign + fill + body;
    default:
      return fill + sign + body;
  }
}

function signOf(negative: boolean, spec: Spec): string {
  if (negative) return '-';
  return spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '';
}

function formatNumber(v: Value, spec: Spec): string | Fail {
  const num = asNumber(v)!;
  const type = spec.type;
  if (num.t === 'int' && 'bcdoxXn'.includes(type)) {
    if (spec.precision !== undefined)
      return fail('precision not allowed in integer format specifier');
    const x = Math.abs(num.v);
    if (type === 'c') return pad('', String.fromCodePoint(num.v), spec, '>');
    const radix = type === 'b' ? 2 : type === 'o' ? 8 : type === 'x' || type === 'X' ? 16 : 10;
    let digits = x.toString(radix);
    if (type === 'X') digits = digits.toUpperCase();
    digits = group(digits, spec.grouping, radix === 10 ? 3 : 4);
    const prefix =
      spec.alt && radix !== 10 ? `0${type === 'X' ? 'X' : type === 'x' ? 'x' : type}` : '';
    return pad(signOf(num.v < 0, spec) + prefix, digits, spec, '>');
  }
  if (num.t === 'int' && type === '') {
    if (spec.precision !== undefined)
      return fail('precision not allowed in integer format specifier');
    return pad(
      signOf(num.v < 0, spec),
      group(String(Math.abs(num.v)), spec.grouping, 3),
      spec,
      '>',
    );
  }
  if (!'eEfFgGn%'.includes(type)) {
    return fail(`unknown format code '${type}' for object of type '${num.t}'`);
  }
  const x = num.v;
  const negative = x < 0 || Object.is(x, -0);
  let body = floatBody(Math.abs(x), type, spec.precision, spec.alt);
  if (spec.grouping && Number.isFinite(x)) {
    const m = /^(\d+)(.*)$/.exec(body);
    if (m) body = group(m[1], spec.grouping, 3) + m[2];
  }
  return pad(signOf(negative && !Number.isNaN(x), spec), body, spec, '>');
}

/** Python's `format(value, spec)`. */
export function formatValue(v: Value, specText: string): string | Fail {
  const u = unknownOperand(v);
  if (u) return u;
  const spec = parseSpec(specText);
  if (!spec) return fail(`invalid format specifier '${specText}'`);
  if (v.t === 'bool' && specText === '') return v.v ? 'True' : 'False';
  if (v.t === 'int' || v.t === 'float' || v.t === 'bool') return formatNumber(v, spec);
  if (v.t === 'str') {
    if (spec.type !== '' && spec.type !== 's') {
      return fail(`unknown format code '${spec.type}' for object of type 'str'`);
    }
    const chars = Array.from(v.v);
    const text = spec.precision !== undefined ? chars.slice(0, spec.precision).join('') : v.v;
    return pad('', text, spec, '<');
  }
  if (specText !== '') return fail(`unsupported format string passed to ${typeName(v)}.__format__`);
  return pyStr(v);
}

/** `value!r` / `value!s` before formatting. */
export function convertField(v: Value, conversion: string | undefined): Value | Fail {
  if (!conversion) return v;
  const s = conversion === 's' ? pyStr(v) : pyRepr(v);
  return isFail(s) ? s : { t: 'str', v: s };
}

const PERCENT_RE =
  /%(?:\(([^)]*)\))?([#0\- +]*)(\*|\d+)?(?:\.(\*|\d*))?[hlL]?([diouxXeEfFgGcrsa%])/g;

/** `fmt % args`, printf-style. */
export function percentFormat(fmt: string, args: Value): string | Fail {
  const u = unknownOperand(args);
  if (u) return u;
  const usesNames = /%\(/.test(fmt);
  const positional: Value[] = args.t === 'tuple' ? args.items : [args];
  let next = 0;
  const take = (): Value | Fail =>
    next < positional.length ? positional[next++] : fail('not enough arguments for format string');
  let out = '';
  let last = 0;
  let error: Fail | undefined;
  for (const m of fmt.matchAll(PERCENT_RE)) {
    out += fmt.slice(last, m.index);
    last = m.index + m[0].length;
    if (error) break;
    const [, name, flags, widthText, precText, type] = m;
    if (type === '%') {
      out += '%';
      continue;
    }
    const readNumber = (t: string | undefined): number | undefined | Fail => {
      if (t === undefined) return undefined;
      if (t !== '*') return t === '' ? 0 : Number(t);
      const w = take();
      if (isFail(w)) return w;
      return w.t === 'int' ? w.v : fail('* wants int');
    };
    const width = readNumber(widthText);
    const precision = readNumber(precText);
    if (isFail(width) || isFail(precision)) {
      error = isFail(width) ? width : (precision as Fail);
      break;
    }
    let arg: Value | Fail;
    if (name !== undefined) {
      arg =
        args.t === 'dict'
          ? getItem(args, { t: 'str', v: name })
          : fail('format requires a mapping');
    } else {
      arg = take();
    }
    if (isFail(arg)) {
      error = arg;
      break;
    }
    const piece = percentOne(arg, type, flags, width ?? 0, precision);
    if (isFail(piece)) {
      error = piece;
      break;
    }
    out += piece;
  }
  if (error) return error;
  out += fmt.slice(last);
  if (!usesNames && args.t !== 'dict' && next < positional.length) {
    return fail('not all arguments converted during string formatting');
  }
  return out;
}

function percentOne(
  arg: Value,
  type: string,
  flags: string,
  width: number,
  precision: number | undefined,
): string | Fail {
  const u = unknownOperand(arg);
  if (u) return u;
  const left = flags.includes('-');
  const spec: Spec = {
    fill: flags.includes('0') && !left && !'srac'.includes(type) ? '0' : ' ',
    align: left ? '<' : flags.includes('0') && !'srac'.includes(type) ? '=' : '>',
    sign: flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '-',
    alt: flags.includes('#'),
    zero: false,
    width,
    grouping: '',
    precision,
    type: '',
  };
  if (type === 's' || type === 'r' || type === 'a') {
    const s = type === 's' ? pyStr(arg) : pyRepr(arg);
    if (isFail(s)) return s;
    const text = precision !== undefined ? Array.from(s).slice(0, precision).join('') : s;
    return pad('', text, spec, '>');
  }
  if (type === 'c') {
    if (arg.t === 'str' && Array.from(arg.v).length === 1) return pad('', arg.v, spec, '>');
    if (arg.t === 'int') return pad('', String.fromCodePoint(arg.v), spec, '>');
    return fail('%c requires an int or a single character');
  }
  const num = asNumber(arg);
  if (!num) return fail(`%${type} format: a real number is required, not ${typeName(arg)}`);
  if ('diu'.includes(type)) {
    const n = num.t === 'float' ? Math.trunc(num.v) : num.v;
    if (!Number.isFinite(n)) return fail('cannot convert float infinity or NaN to integer');
    const digits = String(Math.abs(n)).padStart(precision ?? 0, '0');
    return pad(signOf(n < 0, spec), digits, spec, '>');
  }
  if ('oxX'.includes(type)) {
    if (num.t !== 'int') return fail(`%${type} format: an integer is required, not float`);
    const digits = Math.abs(num.v)
      .toString(type === 'o' ? 8 : 16)
      .padStart(precision ?? 0, '0');
    const prefix = spec.alt ? (type === 'o' ? '0o' : `0${type}`) : '';
    return pad(
      signOf(num.v < 0, spec) + prefix,
      type === 'X' ? digits.toUpperCase() : digits,
      spec,
      '>',
    );
  }
  const x = num.v;
  const body = floatBody(Math.abs(x), type, precision ?? 6, spec.alt);
  return pad(signOf(x < 0 || Object.is(x, -0), spec), body, spec, '>');
}

interface Field {
  name: string;
  conversion?: string;
  spec: string;
}

/** Splits `str.format` text into literal pieces and fields; `undefined` when malformed. */
function parseFormatString(fmt: string): (string | Field)[] | undefined {
  const out: (string | Field)[] = [];
  let lit = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '}') {
      if (fmt[i + 1] !== '}') return undefined;
      lit += '}';
      i++;
    } else if (ch === '{') {
      if (fmt[i + 1] === '{') {
        lit += '{';
        i++;
        continue;
      }
      let depth = 1;
      let j = i + 1;
      for (; j < fmt.length && depth > 0; j++) {
        if (fmt[j] === '{') depth++;
        else if (fmt[j] === '}') depth--;
      }
      if (depth !== 0) return undefined;
      const body = fmt.slice(i + 1, j - 1);
      const m = /^([^!:]*)(?:!([rsa]))?(?::([\s\S]*))?$/.exec(body);
      if (!m) return undefined;
      if (lit) out.push(lit);
      lit = '';
      out.push({ name: m[1], conversion: m[2], spec: m[3] ?? '' });
      i = j - 1;
    } else {
      lit += ch;
    }
  }
  if (lit) out.push(lit);
  return out;
}

/** `fmt.format(*pos, **kw)`. */
export function strFormat(fmt: string, pos: Value[], kw: Map<string, Value>): string | Fail {
  const pieces = parseFormatString(fmt);
  if (!pieces) return fail('malformed format string');
  let auto = 0;
  let numbering: 'auto' | 'manual' | undefined;
  const lookup = (fieldName: string): Value | Fail => {
    const m = /^([^.[]*)([\s\S]*)$/.exec(fieldName)!;
    let cur: Value | Fail;
    const manual = /^\d+$/.test(m[1]);
    if (m[1] === '' || manual) {
      const mode = m[1] === '' ? 'auto' : 'manual';
      if (numbering && numbering !== mode) {
        return fail('cannot switch between automatic and manual field numbering');
      }
      numbering = mode;
    }
    if (m[1] === '') {
      cur =
        auto < pos.length ? pos[auto] : fail('Replacement index out of range for positional args');
      auto++;
    } else if (/^\d+$/.test(m[1])) {
      const i = Number(m[1]);
      cur =
        i < pos.length ? pos[i] : fail(`Replacement index ${i} out of range for positional args`);
    } else {
      cur = kw.get(m[1]) ?? fail(`KeyError: '${m[1]}'`);
    }
    for (const acc of m[2].matchAll(/\[([^\]]*)\]|\.(\w+)/g)) {
      if (isFail(cur)) return cur;
      if (acc[2] !== undefined) return fail('attribute access in a format field');
      const key: Value = /^\d+$/.test(acc[1])
        ? { t: 'int', v: Number(acc[1]) }
        : { t: 'str', v: acc[1] };
      cur = getItem(cur, key);
    }
    return cur;
  };
  let out = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      out += piece;
      continue;
    }
    const value = lookup(piece.name);
    if (isFail(value)) return value;
    let spec = piece.spec;
    if (spec.includes('{')) {
      const inner = strFormat(spec, pos.slice(auto), kw);
      if (isFail(inner)) return inner;
      spec = inner;
    }
    const converted = convertField(value, piece.conversion);
    if (isFail(converted)) return converted;
    const text = formatValue(converted, spec);
    if (isFail(text)) return text;
    out += text;
  }
  return out;
}

/** Python's `round(x)` (int, half to even) and `round(x, n)`. */
export function pyRound(v: Value, ndigits: number | undefined): Value | Fail {
  const num = asNumber(v);
  if (!num) return unknownOperand(v) ?? fail(`type ${typeName(v)} doesn't define __round__`);
  const x = num.v;
  if (num.t === 'int') {
    if (ndigits === undefined || ndigits >= 0) return { t: 'int', v: x };
    const p = 10n ** BigInt(-ndigits);
    const q = divHalfEven(BigInt(Math.abs(x)), p) * p;
    return { t: 'int', v: Math.sign(x) * Number(q) };
  }
  if (ndigits === undefined) {
    if (!Number.isFinite(x)) return fail('cannot convert float infinity or NaN to integer');
    const f = Math.floor(x);
    const diff = x - f;
    const r = diff > 0.5 || (diff === 0.5 && f % 2 !== 0) ? f + 1 : f;
    return Number.isSafeInteger(r)
      ? { t: 'int', v: r === 0 ? 0 : r }
      : fail('integer result is too large');
  }
  if (!Number.isFinite(x) || x === 0 || ndigits > 400) return { t: 'float', v: x };
  let text: string;
  if (ndigits >= 0) {
    text = fixedDigits(Math.abs(x), ndigits);
  } else {
    const { n, scale } = exactDecimal(Math.abs(x));
    text = `${divHalfEven(n, 10n ** BigInt(scale - ndigits))}e${-ndigits}`;
  }
  const r = Number(text);
  return { t: 'float', v: x < 0 ? -r : r };
}
