/**
 * Evaluates one Python expression node into a value, with the names bound so
 * far. Whatever Python could do but we cannot know (imports, calls to unknown
 * functions, lambdas, environment reads) becomes an `Opaque` value keeping its
 * exact source text, reported once as PY-002; operations on an opaque operand
 * give opaque without a second report.
 */
import type { Finding } from '../report/findings.js';
import { finding } from '../report/findings.js';
import { type Args, callBuiltin, callMethod, MUTATING_METHODS } from './evaluate-builtins.js';
import { convertField, formatValue, percentFormat, pyStr } from './evaluate-format.js';
import {
  asInt,
  binaryOp,
  contains,
  dictKey,
  fail,
  type Fail,
  getItem,
  getSlice,
  isFail,
  iterate,
  lazyItems,
  MAX_ITEMS,
  pyCompare,
  pyEquals,
  type Result,
  truthy,
  typeName,
  unaryOp,
  unknownOperand,
} from './evaluate-ops.js';
import type { SyntaxNode } from './parse.js';
import type { DictKey, DictValue, OpaqueValue, Origin, Value } from './values.js';

/** What a top-level name is bound to. Only `value` bindings become config keys. */
export type Binding =
  | { kind: 'value'; value: Value }
  | { kind: 'module' | 'function' | 'class' | 'import'; name: string };

export interface Predefined {
  fileDirname: string;
  fileBasename: string;
  fileBasenameNoExtension: string;
  fileExtname: string;
}

export interface EvalContext {
  file: string;
  source: string;
  globals: Map<string, Binding>;
  /** The merged bases, bound to `_base_` as mmengine does; absent when not known. */
  base?: DictValue;
  predefined?: Predefined;
  findings: Finding[];
  /**
   * Dicts that are mmengine `ConfigDict`s (the bases and what is read out of
   * them): only those allow attribute access (`_base_.model.decode_head`).
   * Keyed by the entries map, which every wrapper of the same dict shares.
   */
  configDicts: WeakSet<Map<DictKey, Value>>;
}

/** Comprehension variables, innermost scope last. */
export type Locals = Map<string, Value>[];

export const BASE_KEY = '_base_';

/** Named children minus comments and line continuations, which may sit anywhere. */
export function kids(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter(
    (c): c is SyntaxNode => c !== null && c.type !== 'comment' && c.type !== 'line_continuation',
  );
}

export function origin(ctx: EvalContext, node: SyntaxNode): Origin {
  return {
    file: ctx.file,
    start: node.startIndex,
    end: node.endIndex,
    line: node.startPosition.row + 1,
  };
}

function shortSource(src: string): string {
  const oneLine = src.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
}

export function cannotEvaluate(src: string, reason: string): string {
  return `Cannot evaluate \`${shortSource(src)}\`: ${reason}. The value is kept as written.`;
}

/** The opaque stand-in for `node`; reports PY-002 unless an operand already was opaque. */
export function opaqueAt(ctx: EvalContext, node: SyntaxNode, f: Fail): OpaqueValue {
  const src = ctx.source.slice(node.startIndex, node.endIndex);
  if (!f.cascade) {
    ctx.findings.push(
      finding(
        'PY-002',
        'warning',
        ctx.file,
        node.startPosition.row + 1,
        cannotEvaluate(src, f.reason),
      ),
    );
  }
  return { t: 'opaque', src, reason: f.reason, at: origin(ctx, node) };
}

function settle(ctx: EvalContext, node: SyntaxNode, r: Result): Value {
  return isFail(r) ? opaqueAt(ctx, node, r) : r;
}

/** A value as read through a variable: same data, same span, plus the variable name. */
export function readThrough(v: Value, name: string): Value {
  return v.at ? ({ ...v, at: { ...v.at, via: name } } as Value) : v;
}

const isLazy = (v: Value): boolean => (v.t === 'list' || v.t === 'tuple') && lazyItems.has(v.items);

/**
 * A string literal without prefix, escapes, braces (`{{fileDirname}}`) or
 * line breaks: its value is the text between its quotes.
 */
const PLAIN_STRING = /^(?:'[^'\\\n\r{}]*'|"[^"\\\n\r{}]*")$/;

/** Evaluates an expression whose value is config data (no iterator objects). */
export function evalExpr(ctx: EvalContext, node: SyntaxNode, locals: Locals = []): Value {
  const v = evalRaw(ctx, node, locals);
  if (isLazy(v)) return opaqueAt(ctx, node, fail('an iterator or range object is not config data'));
  return v;
}

/**
 * Evaluates an expression that may also be an iterator (`range(3)`, a
 * generator, `d.items()`), for the places that consume one: call arguments,
 * `for` clauses, `*` unpacking.
 */
export function evalRaw(ctx: EvalContext, node: SyntaxNode, locals: Locals = []): Value {
  const at = origin(ctx, node);
  switch (node.type) {
    case 'integer':
      return settle(ctx, node, parseIntLiteral(node.text, at));
    case 'float': {
      const text = node.text.replace(/_/g, '');
      if (/[jJ]$/.test(text))
        return opaqueAt(ctx, node, fail('complex numbers are not config data'));
      return { t: 'float', v: Number(text), at };
    }
    case 'true':
    case 'false':
      return { t: 'bool', v: node.type === 'true', at };
    case 'none':
      return { t: 'none', at };
    case 'string': {
      // Most config strings are plain quoted text; reading it from the source
      // spares the walk over the literal's parts, each a call into the parser.
      const src = ctx.source.slice(at.start, at.end);
      if (PLAIN_STRING.test(src)) return { t: 'str', v: src.slice(1, -1), at };
      return evalString(ctx, node, locals);
    }
    case 'concatenated_string':
      return evalString(ctx, node, locals);
    case 'identifier':
      return readName(ctx, node, locals);
    case 'parenthesized_expression': {
      const inner = kids(node)[0];
      return inner ? evalRaw(ctx, inner, locals) : opaqueAt(ctx, node, fail('empty parentheses'));
    }
    case 'list':
    case 'tuple':
    case 'expression_list':
      return evalSequence(ctx, node, locals, node.type === 'list' ? 'list' : 'tuple');
    case 'dictionary':
      return evalDictDisplay(ctx, node, locals);
    case 'set':
      return baseRef(ctx, node) ?? opaqueAt(ctx, node, fail('sets are not config data'));
    case 'list_comprehension':
    case 'generator_expression':
    case 'dictionary_comprehension':
      return evalComprehension(ctx, node, locals);
    case 'binary_operator':
      return evalBinary(ctx, node, locals);
    case 'unary_operator': {
      const operand = evalExpr(ctx, node.childForFieldName('argument')!, locals);
      return settle(ctx, node, unaryOp(node.childForFieldName('operator')!.type, operand, at));
    }
    case 'not_operator': {
      const t = truthy(evalExpr(ctx, node.childForFieldName('argument')!, locals));
      return isFail(t) ? opaqueAt(ctx, node, t) : { t: 'bool', v: !t, at };
    }
    case 'boolean_operator': {
      const left = evalExpr(ctx, node.childForFieldName('left')!, locals);
      const t = truthy(left);
      if (isFail(t)) return opaqueAt(ctx, node, t);
      const isAnd = node.childForFieldName('operator')!.type === 'and';
      if (isAnd ? !t : t) return left;
      return evalExpr(ctx, node.childForFieldName('right')!, locals);
    }
    case 'comparison_operator':
      return evalComparison(ctx, node, locals);
    case 'conditional_expression': {
      const [whenTrue, cond, whenFalse] = kids(node);
      const t = truthy(evalExpr(ctx, cond, locals));
      if (isFail(t)) return opaqueAt(ctx, node, t);
      return evalRaw(ctx, t ? whenTrue : whenFalse, locals);
    }
    case 'subscript':
      return evalSubscript(ctx, node, locals);
    case 'attribute':
      return evalAttribute(ctx, node, locals);
    case 'call':
      return evalCall(ctx, node, locals);
    case 'lambda':
      return opaqueAt(ctx, node, fail('a lambda is code, not config data'));
    default:
      return opaqueAt(ctx, node, fail(`unsupported expression (${node.type.replace(/_/g, ' ')})`));
  }
}

function parseIntLiteral(raw: string, at: Origin): Result {
  const text = raw.replace(/_/g, '');
  if (/[jJ]$/.test(text)) return fail('complex numbers are not config data');
  if (/[lL]$/.test(text)) return fail('Python 2 long literal');
  let n: number;
  if (/^0[xX]/.test(text)) n = parseInt(text.slice(2), 16);
  else if (/^0[oO]/.test(text)) n = parseInt(text.slice(2), 8);
  else if (/^0[bB]/.test(text)) n = parseInt(text.slice(2), 2);
  else if (/^0+\d/.test(text) && !/^0+$/.test(text))
    return fail('leading zeros in a decimal literal');
  else n = Number(text);
  if (!Number.isSafeInteger(n)) return fail('integer literal is too large to represent exactly');
  return { t: 'int', v: n, at };
}

/** `{{_base_.a.b}}` parses as a set holding a set holding an attribute chain. */
function baseRef(ctx: EvalContext, node: SyntaxNode): Value | undefined {
  const outer = kids(node);
  if (outer.length !== 1 || outer[0].type !== 'set') return undefined;
  const inner = kids(outer[0]);
  if (inner.length !== 1 || inner[0].type !== 'attribute') return undefined;
  const m = /^_base_\.([\w.]+)$/.exec(inner[0].text);
  if (!m) return undefined;
  return { t: 'baseref', path: m[1].split('.'), at: origin(ctx, node) };
}

function readName(ctx: EvalContext, node: SyntaxNode, locals: Locals): Value {
  const name = node.text;
  for (let i = locals.length - 1; i >= 0; i--) {
    const v = locals[i].get(name);
    if (v) return v;
  }
  const b = ctx.globals.get(name);
  if (b) {
    if (b.kind === 'value') return readThrough(b.value, name);
    return opaqueAt(ctx, node, fail(nonValueReason(name, b.kind)));
  }
  if (name === BASE_KEY) {
    if (ctx.base) return ctx.base;
    return opaqueAt(ctx, node, fail('`_base_` is known only after the base files are merged'));
  }
  return opaqueAt(ctx, node, fail(`name \`${name}\` is not defined in this file`));
}

function nonValueReason(name: string, kind: string): string {
  if (kind === 'module' || kind === 'import') return `uses the imported name \`${name}\``;
  return `uses the ${kind} \`${name}\` defined in this file`;
}

/** The identifier at the bottom of an `a.b(c)[d]` chain, if any. */
function chainRoot(node: SyntaxNode): SyntaxNode | undefined {
  let cur: SyntaxNode | null = node;
  while (cur) {
    if (cur.type === 'identifier') return cur;
    if (cur.type === 'attribute') cur = cur.childForFieldName('object');
    else if (cur.type === 'call') cur = cur.childForFieldName('function');
    else if (cur.type === 'subscript') cur = cur.childForFieldName('value');
    else return undefined;
  }
  return undefined;
}

/** A chain rooted at an import, function or class: reported once, for the whole expression. */
function nonValueChain(ctx: EvalContext, node: SyntaxNode, locals: Locals): Fail | undefined {
  const root = chainRoot(node);
  if (!root || locals.some((l) => l.has(root.text))) return undefined;
  const b = ctx.globals.get(root.text);
  if (!b || b.kind === 'value') return undefined;
  return fail(nonValueReason(root.text, b.kind));
}

function evalSequence(
  ctx: EvalContext,
  node: SyntaxNode,
  locals: Locals,
  t: 'list' | 'tuple',
): Value {
  const items: Value[] = [];
  for (const child of kids(node)) {
    if (child.type === 'list_splat') {
      const inner = evalRaw(ctx, kids(child)[0], locals);
      const xs = iterate(inner);
      if (isFail(xs)) return opaqueAt(ctx, node, xs);
      items.push(...xs);
    } else {
      items.push(evalExpr(ctx, child, locals));
    }
    if (items.length > MAX_ITEMS)
      return opaqueAt(ctx, node, fail('sequence is too long to be config data'));
  }
  return { t, items, at: origin(ctx, node) };
}

function evalDictDisplay(ctx: EvalContext, node: SyntaxNode, locals: Locals): Value {
  const entries = new Map<DictKey, Value>();
  for (const child of kids(node)) {
    if (child.type === 'dictionary_splat') {
      const inner = evalExpr(ctx, kids(child)[0], locals);
      if (inner.t !== 'dict') {
        return opaqueAt(
          ctx,
          node,
          unknownOperand(inner) ?? fail(`'${typeName(inner)}' object is not a mapping`),
        );
      }
      for (const [k, v] of inner.entries) entries.set(k, v);
    } else if (child.type === 'pair') {
      const key = evalExpr(ctx, child.childForFieldName('key')!, locals);
      const k = dictKey(key);
      if (isFail(k)) return opaqueAt(ctx, node, k);
      entries.set(k, evalExpr(ctx, child.childForFieldName('value')!, locals));
    } else {
      return opaqueAt(ctx, node, fail(`unsupported dict item (${child.type})`));
    }
  }
  return { t: 'dict', entries, at: origin(ctx, node) };
}

const opOf = (node: SyntaxNode): string => node.childForFieldName('operator')!.type;

/**
 * tree-sitter-python binds `^` tighter than `&` (Python: `&` before `^`), so
 * an unparenthesised run of `&`/`^` is re-read in source order with Python's
 * precedence: `6 & 3 ^ 1` is `(6 & 3) ^ 1`.
 */
function evalBitwiseRun(ctx: EvalContext, node: SyntaxNode, locals: Locals): Value {
  const parts: (SyntaxNode | string)[] = [];
  const flatten = (n: SyntaxNode): void => {
    if (n.type === 'binary_operator' && (opOf(n) === '&' || opOf(n) === '^')) {
      flatten(n.childForFieldName('left')!);
      parts.push(opOf(n));
      flatten(n.childForFieldName('right')!);
    } else {
      parts.push(n);
    }
  };
  flatten(node);
  const at = origin(ctx, node);
  let acc: Result | undefined;
  let term: Result = evalExpr(ctx, parts[0] as SyntaxNode, locals);
  for (let i = 1; i < parts.length; i += 2) {
    const right = evalExpr(ctx, parts[i + 1] as SyntaxNode, locals);
    if (parts[i] === '&') {
      term = isFail(term) ? term : binaryOp('&', term, right, at);
    } else {
      acc =
        acc === undefined ? term : isFail(acc) || isFail(term) ? acc : binaryOp('^', acc, term, at);
      term = right;
    }
  }
  if (acc !== undefined)
    term = isFail(acc) ? acc : isFail(term) ? term : binaryOp('^', acc, term, at);
  return settle(ctx, node, term);
}

function evalBinary(ctx: EvalContext, node: SyntaxNode, locals: Locals): Value {
  const op = opOf(node);
  if (op === '&' || op === '^') return evalBitwiseRun(ctx, node, locals);
  const left = evalExpr(ctx, node.childForFieldName('left')!, locals);
  const right = evalExpr(ctx, node.childForFieldName('right')!, locals);
  const at = origin(ctx, node);
  if (op === '%' && left.t === 'str') {
    const s = percentFormat(left.v, right);
    return isFail(s) ? opaqueAt(ctx, node, s) : { t: 'str', v: s, at };
  }
  return settle(ctx, node, binaryOp(op, left, right, at));
}

function compareOnce(op: string, a: Value, b: Value): boolean | Fail {
  switch (op) {
    case '==':
    case '!=': {
      const e = pyEquals(a, b);
      return isFail(e) ? e : op === '==' ? e : !e;
    }
    case 'in':
    case 'not in': {
      const c = contains(b, a);
      return isFail(c) ? c : op === 'in' ? c : !c;
    }
    case 'is':
    case 'is not': {
      const u = unknownOperand(a) ?? unknownOperand(b);
      if (u) return u;
      const simple = (v: Value) => v.t === 'none' || v.t === 'bool';
      if (!simple(a) && !simple(b)) return fail('identity comparison of values');
      const same =
        a.t === b.t && (a.t === 'none' || (a as { v: unknown }).v === (b as { v: unknown }).v);
      return op === 'is' ? same : !same;
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const c = pyCompare(a, b);
      if (isFail(c)) return c;
      if (Number.isNaN(c)) return false;
      return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
    }
    default:
      return fail(`unsupported comparison ${op}`);
  }
}

function evalComparison(ctx: EvalContext, node: SyntaxNode, locals: Locals): Value {
  const operands: SyntaxNode[] = [];
  const ops: string[] = [];
  for (const child of node.children) {
    if (!child || child.type === 'comment' || child.type === 'line_continuation') continue;
    if (child.isNamed) operands.push(child);
    else ops.push(child.type);
  }
  const at = origin(ctx, node);
  // Chained comparisons evaluate each operand once and stop at the first false link.
  let left = evalExpr(ctx, operands[0], locals);
  for (let i = 0; i < ops.length; i++) {
    const right = evalExpr(ctx, operands[i + 1], locals);
    const r = compareOnce(ops[i], left, right);
    if (isFail(r)) return opaqueAt(ctx, node, r);
    if (!r) return { t: 'bool', v: false, at };
    left = right;
  }
  return { t: 'bool', v: true, at };
}

function sliceBound(
  ctx: EvalContext,
  node: SyntaxNode | undefined,
  locals: Locals,
): number | undefined | Fail {
  if (!node) return undefined;
  const v = evalExpr(ctx, node, locals);
  if (v.t === 'none') return undefined;
  const n = asInt(v);
  return n ?? unknownOperand(v) ?? fail('slice indices must be integers or None');
}

/** A ConfigDict's sub-dicts are ConfigDicts too. */
function readOut(ctx: EvalContext, container: Value, item: Value): Value {
  if (container.t === 'dict' && item.t === 'dict' && ctx.configDicts.has(container.entries)) {
    ctx.configDicts.add(item.entries);
  }
  return item;
}

function evalSubscript(ctx: EvalContext, node: SyntaxNode, locals: Locals): Value {
  const chainFail = nonValueChain(ctx, node, locals);
  if (chainFail) return opaqueAt(ctx, node, chainFail);
  const container = evalExpr(ctx, node.childForFieldName('value')!, locals);
  const subs = node.childrenForFieldName('subscript').filter((c): c is SyntaxNode => c !== null);
  const tupleKey = subs.length !== 1 || node.children.some((c) => c?.type === ',');
  if (tupleKey)
    return opaqueAt(
      ctx,
      node,
      unknownOperand(container) ?? fail('tuple subscripts are not supported'),
    );
  const sub = subs[0];
  if (sub.type === 'slice') {
    const bounds: (SyntaxNode | undefined)[] = [undefined, undefined, undefined];
    let slot = 0;
    for (const c of sub.children) {
      if (!c) continue;
      if (c.type === ':') slot++;
      else if (c.isNamed && c.type !== 'comment') bounds[slot] = c;
    }
    const nums = bounds.map((b) => sliceBound(ctx, b, locals));
    const bad = nums.find(isFail);
    if (bad) return opaqueAt(ctx, node, bad);
    const [a, b, s] = nums as (number | undefined)[];
    return settle(ctx, node, getSlice(container, a, b, s, origin(ctx, node)));
  }
  const index = evalExpr(ctx, sub, locals);
  const r = getItem(container, index);
  if (isFail(r)) return opaqueAt(ctx, node, r);
  return readOut(ctx, container, r.at ? r : { ...r, at: origin(ctx, node) });
}

function evalAttribute(ctx: EvalContext, node: SyntaxNode, locals: Locals): Value {
  const chainFail = nonValueChain(ctx, node, locals);
  if (chainFail) return opaqueAt(ctx, node, chainFail);
  const obj = evalExpr(ctx, node.childForFieldName('object')!, locals);
  const name = node.childForFieldName('attribute')!.text;
  if (obj.t === 'dict' && ctx.configDicts.has(obj.entries)) {
    const v = obj.entries.get(name);
    if (v) return readOut(ctx, obj, v);
    return opaqueAt(ctx, node, fail(`the config has no key \`${name}\``));
  }
  if (obj.t === 'dict') {
    return opaqueAt(
      ctx,
      node,
      fail(`attribute access \`.${name}\` on a plain dict (Python raises AttributeError)`),
    );
  }
  return opaqueAt(
    ctx,
    node,
    unknownOperand(obj) ?? fail(`attribute \`.${name}\` of a ${typeName(obj)} value`),
  );
}

/** Evaluates call arguments in order, expanding `*seq` and `**mapping`. */
export function evalArgs(ctx: EvalContext, argsNode: SyntaxNode, locals: Locals): Args | Fail {
  const args: Args = { pos: [], kw: new Map() };
  if (argsNode.type === 'generator_expression') {
    args.pos.push(evalRaw(ctx, argsNode, locals));
    return args;
  }
  const setKw = (k: string, v: Value): Fail | undefined => {
    if (args.kw.has(k)) return fail(`got multiple values for keyword argument '${k}'`);
    args.kw.set(k, v);
    return undefined;
  };
  for (const child of kids(argsNode)) {
    if (child.type === 'keyword_argument') {
      // `name=value` with nothing between has exactly these two named
      // children; one call fetches both, where fields cost a call each.
      const parts = child.namedChildren;
      const [name, value] =
        parts.length === 2
          ? parts
          : [child.childForFieldName('name'), child.childForFieldName('value')];
      const bad = setKw(name!.text, evalRaw(ctx, value!, locals));
      if (bad) return bad;
    } else if (child.type === 'list_splat') {
      const xs = iterate(evalRaw(ctx, kids(child)[0], locals));
      if (isFail(xs)) return xs;
      args.pos.push(...xs);
    } else if (child.type === 'dictionary_splat') {
      const d = evalExpr(ctx, kids(child)[0], locals);
      if (d.t !== 'dict')
        return unknownOperand(d) ?? fail(`argument after ** must be a mapping, not ${typeName(d)}`);
      for (const [k, v] of d.entries) {
        if (typeof k !== 'string') return fail('keywords must be strings');
        const bad = setKw(k, v);
        if (bad) return bad;
      }
    } else {
      args.pos.push(evalRaw(ctx, child, locals));
    }
  }
  return args;
}

function evalCall(ctx: EvalContext, node: SyntaxNode, locals: Locals): Value {
  const at = origin(ctx, node);
  const fn = node.childForFieldName('function')!;
  const argsNode = node.childForFieldName('arguments')!;
  const chainFail = nonValueChain(ctx, node, locals);
  if (chainFail) return opaqueAt(ctx, node, chainFail);
  if (fn.type === 'identifier') {
    const name = fn.text;
    const shadowed = locals.some((l) => l.has(name)) || ctx.globals.has(name);
    if (shadowed) {
      const callee = evalExpr(ctx, fn, locals);
      return opaqueAt(
        ctx,
        node,
        unknownOperand(callee) ?? fail(`'${typeName(callee)}' object is not callable`),
      );
    }
    const args = evalArgs(ctx, argsNode, locals);
    if (isFail(args)) return opaqueAt(ctx, node, args);
    const r = callBuiltin(name, args, at);
    if (r === undefined) {
      return opaqueAt(ctx, node, fail(`calls \`${name}()\`, which the evaluator does not know`));
    }
    return settle(ctx, node, r);
  }
  if (fn.type === 'attribute') {
    const method = fn.childForFieldName('attribute')!.text;
    const recv = evalExpr(ctx, fn.childForFieldName('object')!, locals);
    const u = unknownOperand(recv);
    if (u) return opaqueAt(ctx, node, u);
    if (MUTATING_METHODS.has(method)) {
      return opaqueAt(ctx, node, fail(`\`.${method}()\` changes its object inside an expression`));
    }
    const args = evalArgs(ctx, argsNode, locals);
    if (isFail(args)) return opaqueAt(ctx, node, args);
    const r = callMethod(recv, method, args, at);
    if (r === undefined) {
      return opaqueAt(
        ctx,
        node,
        fail(`calls \`.${method}()\` on a ${typeName(recv)}, which the evaluator does not know`),
      );
    }
    if (isFail(r)) return opaqueAt(ctx, node, r);
    if (
      recv.t === 'dict' &&
      r.t === 'dict' &&
      method === 'copy' &&
      ctx.configDicts.has(recv.entries)
    ) {
      ctx.configDicts.add(r.entries);
    }
    return readOut(ctx, recv, r);
  }
  const callee = evalExpr(ctx, fn, locals);
  return opaqueAt(
    ctx,
    node,
    unknownOperand(callee) ?? fail(`'${typeName(callee)}' object is not callable`),
  );
}

/** Binds a `for` target (`x`, `k, v`, `(a, *rest)`) in a comprehension scope. */
export function bindTarget(
  target: SyntaxNode,
  value: Value,
  set: (name: string, v: Value) => void,
): Fail | undefined {
  switch (target.type) {
    case 'identifier':
      set(target.text, value);
      return undefined;
    case 'parenthesized_expression':
      return bindTarget(kids(target)[0], value, set);
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'tuple':
    case 'list':
    case 'expression_list': {
      const xs = iterate(value);
      if (isFail(xs)) return xs;
      const targets = kids(target);
      const star = targets.findIndex(
        (t) => t.type === 'list_splat_pattern' || t.type === 'list_splat',
      );
      if (star < 0) {
        if (xs.length !== targets.length) {
          return fail(`cannot unpack ${xs.length} values into ${targets.length} names`);
        }
        for (let i = 0; i < targets.length; i++) {
          const bad = bindTarget(targets[i], xs[i], set);
          if (bad) return bad;
        }
        return undefined;
      }
      const after = targets.length - star - 1;
      if (xs.length < targets.length - 1) return fail('not enough values to unpack');
      for (let i = 0; i < star; i++) {
        const bad = bindTarget(targets[i], xs[i], set);
        if (bad) return bad;
      }
      const rest: Value = { t: 'list', items: xs.slice(star, xs.length - after), at: value.at };
      const bad = bindTarget(kids(targets[star])[0], rest, set);
      if (bad) return bad;
      for (let i = 0; i < after; i++) {
        const b2 = bindTarget(targets[star + 1 + i], xs[xs.length - after + i], set);
        if (b2) return b2;
      }
      return undefined;
    }
    default:
      return fail(`unsupported loop target (${target.type})`);
  }
}

function evalComprehension(ctx: EvalContext, node: SyntaxNode, locals: Locals): Value {
  const body = node.childForFieldName('body')!;
  const clauses = kids(node).filter((c) => c.type === 'for_in_clause' || c.type === 'if_clause');
  const scope = new Map<string, Value>();
  const inner = [...locals, scope];
  const items: Value[] = [];
  const entries = new Map<DictKey, Value>();
  const isDict = node.type === 'dictionary_comprehension';
  let produced = 0;

  const run = (i: number): Fail | undefined => {
    if (i === clauses.length) {
      if (++produced > MAX_ITEMS) return fail('comprehension is too long to be config data');
      if (isDict) {
        const key = evalExpr(ctx, body.childForFieldName('key')!, inner);
        const k = dictKey(key);
        if (isFail(k)) return k;
        entries.set(k, evalExpr(ctx, body.childForFieldName('value')!, inner));
      } else {
        items.push(evalExpr(ctx, body, inner));
      }
      return undefined;
    }
    const clause = clauses[i];
    if (clause.type === 'if_clause') {
      const t = truthy(evalExpr(ctx, kids(clause)[0], inner));
      if (isFail(t)) return t;
      return t ? run(i + 1) : undefined;
    }
    if (clause.children.some((c) => c?.type === 'async')) return fail('async comprehension');
    const rights = clause.childrenForFieldName('right').filter((c): c is SyntaxNode => c !== null);
    const iterable =
      rights.length === 1
        ? evalRaw(ctx, rights[0], inner)
        : ({ t: 'tuple', items: rights.map((r) => evalExpr(ctx, r, inner)) } as Value);
    const xs = iterate(iterable);
    if (isFail(xs)) return xs;
    const target = clause.childForFieldName('left')!;
    for (const x of xs) {
      const bad = bindTarget(target, x, (n, v) => scope.set(n, v)) ?? run(i + 1);
      if (bad) return bad;
    }
    return undefined;
  };

  const bad = run(0);
  if (bad) return opaqueAt(ctx, node, bad);
  const at = origin(ctx, node);
  if (isDict) return { t: 'dict', entries, at };
  if (node.type === 'generator_expression') {
    lazyItems.add(items);
  }
  return { t: 'list', items, at };
}

const PREDEFINED_RE =
  /\{\{\s*(fileDirname|fileBasename|fileBasenameNoExtension|fileExtname)\s*\}\}/g;

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Python's escape processing for a non-raw str literal. */
function decodeEscapes(text: string): string | Fail {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '\\' || i + 1 >= text.length) {
      out += ch;
      continue;
    }
    const next = text[i + 1];
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i++;
    } else if (next === '\n') {
      i++;
    } else if (next === '\r') {
      i += text[i + 2] === '\n' ? 2 : 1;
    } else if (/[0-7]/.test(next)) {
      const m = /^[0-7]{1,3}/.exec(text.slice(i + 1))![0];
      out += String.fromCodePoint(parseInt(m, 8));
      i += m.length;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const len = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = text.slice(i + 2, i + 2 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) return fail(`truncated \\${next} escape`);
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) return fail('illegal Unicode character');
      out += String.fromCodePoint(cp);
      i += 1 + len;
    } else if (next === 'N') {
      return fail('named Unicode escapes (\\N{...}) are not supported');
    } else {
      out += ch;
    }
  }
  return out;
}

function literalText(ctx: EvalContext, raw: string, isRaw: boolean, isF: boolean): string | Fail {
  let text = raw;
  const pre = ctx.predefined;
  if (pre) text = text.replace(PREDEFINED_RE, (_m, key: keyof Predefined) => pre[key]);
  if (isF) text = text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  return isRaw ? text : decodeEscapes(text);
}

function evalInterpolation(ctx: EvalContext, node: SyntaxNode, locals: Locals): string | Fail {
  const exprNode = node.childForFieldName('expression') ?? kids(node)[0];
  if (!exprNode) return fail('empty f-string field');
  const value = evalExpr(ctx, exprNode, locals);
  const conversion = kids(node)
    .find((c) => c.type === 'type_conversion')
    ?.text.slice(1);
  const specNode = kids(node).find((c) => c.type === 'format_specifier');
  const debugEq = node.children.find((c) => c?.type === '=');
  let spec = '';
  if (specNode) {
    let cursor = specNode.startIndex + 1;
    for (const part of kids(specNode)) {
      spec += ctx.source.slice(cursor, part.startIndex);
      const inner = kids(part)[0];
      const v = inner ? evalExpr(ctx, inner, locals) : undefined;
      const s = v ? pyStr(v) : fail('empty nested format field');
      if (isFail(s)) return s;
      spec += s;
      cursor = part.endIndex;
    }
    spec += ctx.source.slice(cursor, specNode.endIndex);
  }
  let prefix = '';
  let conv = conversion;
  if (debugEq) {
    prefix = ctx.source.slice(node.startIndex + 1, debugEq.endIndex);
    if (!conv && !specNode) conv = 'r';
  }
  const converted = convertField(value, conv);
  if (isFail(converted)) return converted;
  const text = formatValue(converted, spec);
  return isFail(text) ? text : prefix + text;
}

function evalStringPiece(
  ctx: EvalContext,
  node: SyntaxNode,
  locals: Locals,
): { text: string; bytes: boolean } | Fail {
  const children = node.children.filter((c): c is SyntaxNode => c !== null);
  const start = children.find((c) => c.type === 'string_start');
  const prefix = (start?.text ?? '').replace(/['"]+$/, '').toLowerCase();
  if (prefix.includes('t')) return fail('template strings are not config data');
  const isRaw = prefix.includes('r');
  const isF = prefix.includes('f');
  let text = '';
  for (const c of children) {
    if (c.type === 'string_content') {
      const piece = literalText(ctx, ctx.source.slice(c.startIndex, c.endIndex), isRaw, isF);
      if (isFail(piece)) return piece;
      text += piece;
    } else if (c.type === 'interpolation') {
      const piece = evalInterpolation(ctx, c, locals);
      if (isFail(piece)) return piece;
      text += piece;
    }
  }
  return { text, bytes: prefix.includes('b') };
}

function evalString(ctx: EvalContext, node: SyntaxNode, locals: Locals): Value {
  const pieces =
    node.type === 'concatenated_string' ? kids(node).filter((c) => c.type === 'string') : [node];
  let text = '';
  let bytes: boolean | undefined;
  for (const p of pieces) {
    const r = evalStringPiece(ctx, p, locals);
    if (isFail(r)) return opaqueAt(ctx, node, r);
    if (bytes !== undefined && bytes !== r.bytes)
      return opaqueAt(ctx, node, fail('cannot mix bytes and str literals'));
    bytes = r.bytes;
    text += r.text;
  }
  if (bytes) return opaqueAt(ctx, node, fail('bytes values are not config data'));
  return { t: 'str', v: text, at: origin(ctx, node) };
}
