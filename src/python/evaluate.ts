/**
 * Runs a config file's top-level statements the way mmengine executes a `.py`
 * config, without executing anything: every top-level name becomes a config
 * key (except `__names`, imports, functions and classes), `_base_` is the
 * merged bases, and `{{_base_.a.b}}` becomes a `BaseRef` for the resolver.
 *
 * Statements we cannot follow (`if`, `for`, `with`, `try`, unknown calls with
 * side effects) are not guessed: the names they assign become opaque and a
 * PY-003 finding says so. Mutations (`x['k'] = v`, `x.update(...)`,
 * `lst += [...]`) build new values and are applied to every name that shares
 * the mutated object, as Python's aliasing would, so values stay immutable.
 */
import type { Finding } from '../report/findings.js';
import { finding } from '../report/findings.js';
import { type Args, callBuiltin, callMethod, MUTATING_METHODS } from './evaluate-builtins.js';
import {
  BASE_KEY,
  bindTarget,
  cannotEvaluate,
  type Binding,
  type EvalContext,
  evalArgs,
  evalExpr,
  evalRaw,
  kids,
  type Locals,
  opaqueAt,
  origin,
  type Predefined,
} from './evaluate-expr.js';
import { percentFormat } from './evaluate-format.js';
import {
  asInt,
  binaryOp,
  CASCADE,
  dictKey,
  fail,
  type Fail,
  isFail,
  iterate,
  lazyItems,
  MAX_ITEMS,
  pyEquals,
  pyCompare,
  type Result,
  typeName,
  unknownOperand,
} from './evaluate-ops.js';
import { parsePython, type SyntaxNode, type SyntaxTree } from './parse.js';
import type { DictKey, DictValue, OpaqueValue, Span, Value } from './values.js';

export interface ParsedModule {
  file: string;
  source: string;
  tree: SyntaxTree;
  syntaxErrors: Finding[];
}

/** The `_base_` assignment read before evaluation (as mmengine does with ast): string or list of strings. */
export interface BaseDecl {
  paths: string[];
  line: number;
  span: Span;
}

export interface EvalOptions {
  base?: DictValue;
  predefined?: Predefined;
}

export interface ModuleValues {
  /** Top-level config keys in first-assignment order (Python dict order; reassignment keeps the first position), `_base_` excluded. */
  names: Map<string, Value>;
  /**
   * Per top-level name, the span of the statement that last assigned it (for
   * emitters and findings). A statement that changes the name's value in
   * place (`x['k'] = v`, `x.update(...)`, `x += [...]`) counts as assigning it.
   */
  assignments: Map<string, Span>;
  findings: Finding[];
}

const MAX_SYNTAX_FINDINGS = 20;

/** Parses a Python file; each ERROR or MISSING node gives a PY-001 error with its line. */
export function parseModule(source: string, file: string): ParsedModule {
  const tree = parsePython(source);
  const syntaxErrors: Finding[] = [];
  // An explicit stack: garbage input can nest deeper than the JS call stack.
  const stack: SyntaxNode[] = tree.rootNode.hasError ? [tree.rootNode] : [];
  while (stack.length > 0 && syntaxErrors.length < MAX_SYNTAX_FINDINGS) {
    const node = stack.pop()!;
    const line = node.startPosition.row + 1;
    if (node.isMissing) {
      syntaxErrors.push(
        finding('PY-001', 'error', file, line, `Syntax error: missing \`${node.type}\`.`),
      );
    } else if (node.isError) {
      const text = node.text.replace(/\s+/g, ' ').trim();
      const near = text.length > 40 ? `${text.slice(0, 37)}...` : text;
      syntaxErrors.push(
        finding(
          'PY-001',
          'error',
          file,
          line,
          near ? `Syntax error near \`${near}\`.` : 'Syntax error.',
        ),
      );
    } else {
      const children = node.children.filter((c): c is SyntaxNode => c !== null && c.hasError);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return { file, source, tree, syntaxErrors };
}

function span(file: string, node: SyntaxNode): Span {
  return { file, start: node.startIndex, end: node.endIndex, line: node.startPosition.row + 1 };
}

/** The statements of the module body. */
function statements(mod: ParsedModule): SyntaxNode[] {
  return kids(mod.tree.rootNode);
}

/** `a = b = c = value` as its targets (left to right) and the value node. */
function unchain(assign: SyntaxNode): {
  targets: SyntaxNode[];
  value?: SyntaxNode;
  annotated: boolean;
} {
  const targets: SyntaxNode[] = [];
  let cur: SyntaxNode | null = assign;
  let annotated = false;
  while (cur?.type === 'assignment') {
    targets.push(cur.childForFieldName('left')!);
    if (cur.childForFieldName('type')) annotated = true;
    cur = cur.childForFieldName('right');
  }
  return { targets, value: cur ?? undefined, annotated };
}

function assignmentOf(stmt: SyntaxNode): SyntaxNode | undefined {
  if (stmt.type !== 'expression_statement') return undefined;
  const inner = kids(stmt);
  return inner.length === 1 && inner[0].type === 'assignment' ? inner[0] : undefined;
}

function isBaseAssignment(assign: SyntaxNode): boolean {
  const left = assign.childForFieldName('left');
  return left?.type === 'identifier' && left.text === BASE_KEY && !assign.childForFieldName('type');
}

/** A plain string literal's value (no f-string, no bytes), or undefined. */
function stringLiteral(mod: ParsedModule, node: SyntaxNode): string | undefined {
  if (node.type !== 'string' && node.type !== 'concatenated_string') return undefined;
  const pieces = node.type === 'concatenated_string' ? kids(node) : [node];
  if (pieces.some((p) => p.type !== 'string' || /^[a-zA-Z]*[fFbBtT]/.test(p.text)))
    return undefined;
  const ctx = newContext(mod, {});
  const v = evalExpr(ctx, node);
  return v.t === 'str' && ctx.findings.length === 0 ? v.v : undefined;
}

/**
 * Reads `_base_` the way mmengine does before running the file: the first
 * top-level `_base_ = …` must be a string or a list of strings (a tuple is
 * wrapped as one path by mmcv and mmengine, and fails to load).
 */
export function readBaseDecl(mod: ParsedModule): { decl?: BaseDecl; findings: Finding[] } {
  for (const stmt of statements(mod)) {
    const assign = assignmentOf(stmt);
    if (!assign || !isBaseAssignment(assign)) continue;
    const { value } = unchain(assign);
    const line = stmt.startPosition.row + 1;
    const bad = (why: string) => ({
      findings: [
        finding(
          'INH-018',
          'error',
          mod.file,
          line,
          `\`_base_\` must be a string or a list of strings: ${why}.`,
        ),
      ],
    });
    if (!value) return bad('it has no value');
    const single = stringLiteral(mod, value);
    const paths: string[] = [];
    if (single !== undefined) {
      paths.push(single);
    } else if (value.type === 'list') {
      for (const item of kids(value)) {
        const s = stringLiteral(mod, item);
        if (s === undefined) return bad(`\`${item.text}\` is not a string literal`);
        paths.push(s);
      }
    } else {
      return bad(
        `\`${value.text.replace(/\s+/g, ' ').slice(0, 60)}\` is not a string or a list of string literals`,
      );
    }
    return { decl: { paths, line, span: span(mod.file, stmt) }, findings: [] };
  }
  return { findings: [] };
}

function newContext(mod: ParsedModule, options: EvalOptions): EvalContext {
  const ctx: EvalContext = {
    file: mod.file,
    source: mod.source,
    globals: new Map(),
    base: options.base,
    predefined: options.predefined,
    findings: [],
    configDicts: new WeakSet(),
  };
  if (options.base) ctx.configDicts.add(options.base.entries);
  return ctx;
}

/** Everything the statement loop needs besides the expression context. */
interface ModuleState {
  ctx: EvalContext;
  assignments: Map<string, Span>;
}

function bindValue(st: ModuleState, name: string, value: Value, stmt: SyntaxNode): void {
  if (name === BASE_KEY) return;
  st.ctx.globals.set(name, { kind: 'value', value });
  st.assignments.set(name, span(st.ctx.file, stmt));
}

function bindOther(
  st: ModuleState,
  name: string,
  kind: Exclude<Binding['kind'], 'value'>,
  stmt: SyntaxNode,
): void {
  st.ctx.globals.set(name, { kind, name });
  st.assignments.set(name, span(st.ctx.file, stmt));
}

function statementOpaque(st: ModuleState, stmt: SyntaxNode, reason: string): OpaqueValue {
  return {
    t: 'opaque',
    src: st.ctx.source.slice(stmt.startIndex, stmt.endIndex),
    reason,
    at: origin(st.ctx, stmt),
  };
}

function reportStatement(st: ModuleState, stmt: SyntaxNode, message: string): void {
  st.ctx.findings.push(
    finding('PY-003', 'warning', st.ctx.file, stmt.startPosition.row + 1, message),
  );
}

/** Makes `names` opaque because `stmt` (not evaluated) may have changed them. */
function poison(st: ModuleState, stmt: SyntaxNode, names: Iterable<string>, reason: string): void {
  for (const name of names) {
    if (name === BASE_KEY || name.startsWith('__')) continue;
    bindValue(st, name, statementOpaque(st, stmt, reason), stmt);
  }
}

/** The identifier at the bottom of `a['x'].y[0]`, if the chain has only subscripts and attributes. */
function targetRoot(node: SyntaxNode): SyntaxNode | undefined {
  let cur: SyntaxNode | null = node;
  while (cur && (cur.type === 'subscript' || cur.type === 'attribute')) {
    cur =
      cur.type === 'subscript' ? cur.childForFieldName('value') : cur.childForFieldName('object');
  }
  return cur?.type === 'identifier' ? cur : undefined;
}

/** Every name a statement we do not evaluate might bind or change (not inside nested scopes). */
function namesTouched(stmt: SyntaxNode): Set<string> {
  const out = new Set<string>();
  const addTarget = (t: SyntaxNode | null): void => {
    if (!t) return;
    if (t.type === 'identifier') out.add(t.text);
    else if (t.type === 'subscript' || t.type === 'attribute') {
      const root = targetRoot(t);
      if (root) out.add(root.text);
    } else for (const c of kids(t)) addTarget(c);
  };
  // An explicit stack: a statement can nest deeper than the JS call stack.
  const stack: SyntaxNode[] = [stmt];
  while (stack.length > 0) {
    const n = stack.pop()!;
    switch (n.type) {
      case 'function_definition':
      case 'class_definition':
        addTarget(n.childForFieldName('name'));
        continue;
      case 'lambda':
      case 'list_comprehension':
      case 'dictionary_comprehension':
      case 'set_comprehension':
      case 'generator_expression':
        continue;
      case 'assignment':
      case 'augmented_assignment':
      case 'for_statement':
        addTarget(n.childForFieldName('left'));
        break;
      case 'as_pattern':
        addTarget(n.childForFieldName('alias'));
        break;
      case 'named_expression':
        addTarget(n.childForFieldName('name'));
        break;
      case 'delete_statement':
        for (const c of kids(n)) addTarget(c);
        break;
      case 'import_statement':
      case 'import_from_statement':
        for (const name of importedNames(n)) out.add(name);
        break;
      case 'call': {
        const fn = n.childForFieldName('function');
        if (fn?.type === 'attribute') addTarget(fn.childForFieldName('object'));
        break;
      }
    }
    stack.push(...kids(n));
  }
  return out;
}

function importedNames(stmt: SyntaxNode): string[] {
  const names: string[] = [];
  const moduleName = stmt.childForFieldName('module_name');
  for (const c of kids(stmt)) {
    if (moduleName && c.startIndex === moduleName.startIndex) continue;
    if (c.type === 'aliased_import') names.push(c.childForFieldName('alias')!.text);
    else if (c.type === 'dotted_name')
      names.push(stmt.type === 'import_statement' ? kids(c)[0].text : c.text);
  }
  return names;
}

/** One step down a mutation target: `[key]` or `.attr` (ConfigDicts only). */
type Step = { kind: 'item'; key: Value } | { kind: 'attr'; name: string };

/** The root variable and the evaluated steps of an assignment target like `a['x'][0]`. */
function targetPath(st: ModuleState, target: SyntaxNode): { root: string; steps: Step[] } | Fail {
  const steps: Step[] = [];
  let cur: SyntaxNode = target;
  while (cur.type === 'subscript' || cur.type === 'attribute') {
    if (cur.type === 'attribute') {
      steps.unshift({ kind: 'attr', name: cur.childForFieldName('attribute')!.text });
      cur = cur.childForFieldName('object')!;
    } else {
      const subs = cur.childrenForFieldName('subscript').filter((c): c is SyntaxNode => c !== null);
      if (
        subs.length !== 1 ||
        subs[0].type === 'slice' ||
        cur.children.some((c) => c?.type === ',')
      ) {
        return fail('slice or tuple subscript assignment');
      }
      steps.unshift({ kind: 'item', key: evalExpr(st.ctx, subs[0]) });
      cur = cur.childForFieldName('value')!;
    }
  }
  if (cur.type !== 'identifier') return fail(`assignment through a ${cur.type.replace(/_/g, ' ')}`);
  return { root: cur.text, steps };
}

function stepInto(st: ModuleState, container: Value, step: Step): Result {
  const u = unknownOperand(container);
  if (u) return u;
  if (step.kind === 'attr') {
    if (container.t !== 'dict' || !st.ctx.configDicts.has(container.entries)) {
      return fail(`attribute \`.${step.name}\` of a ${typeName(container)} value`);
    }
    return container.entries.get(step.name) ?? fail(`the config has no key \`${step.name}\``);
  }
  const ku = unknownOperand(step.key);
  if (ku) return ku;
  if (container.t === 'dict') {
    const k = dictKey(step.key);
    if (isFail(k)) return k;
    return container.entries.get(k) ?? fail(`KeyError: ${JSON.stringify(k)}`);
  }
  if (container.t === 'list' || container.t === 'tuple') {
    const i = asInt(step.key);
    if (i === undefined) return fail(`${container.t} indices must be integers`);
    const j = i < 0 ? i + container.items.length : i;
    return container.items[j] ?? fail(`${container.t} index out of range`);
  }
  return fail(`'${typeName(container)}' object is not subscriptable`);
}

/** The container value a step writes into, plus its new contents after `[key] = value`. */
function withItem(st: ModuleState, container: Value, step: Step, value: Value): Value | Fail {
  const u = unknownOperand(container);
  if (u) return u;
  if (container.t === 'dict') {
    let k: DictKey | Fail;
    if (step.kind === 'attr') {
      if (!st.ctx.configDicts.has(container.entries)) {
        return fail(
          `attribute assignment \`.${step.name}\` on a plain dict (Python raises AttributeError)`,
        );
      }
      k = step.name;
    } else {
      k = dictKey(step.key);
    }
    if (isFail(k)) return k;
    const entries = new Map(container.entries);
    entries.set(k, value);
    return { ...container, entries };
  }
  if (step.kind === 'item' && container.t === 'list') {
    const i = asInt(step.key);
    if (i === undefined) return unknownOperand(step.key) ?? fail('list indices must be integers');
    const j = i < 0 ? i + container.items.length : i;
    if (j < 0 || j >= container.items.length) return fail('list assignment index out of range');
    const items = [...container.items];
    items[j] = value;
    return { ...container, items };
  }
  return fail(`'${typeName(container)}' object does not support item assignment`);
}

type Identity = Map<DictKey, Value> | Value[];
const identityOf = (v: Value): Identity | undefined =>
  v.t === 'dict' ? v.entries : v.t === 'list' || v.t === 'tuple' ? v.items : undefined;

/**
 * Python mutates an object in place, so every name holding it sees the
 * change. Values here are immutable: rebuild each global that contains the
 * old object (by identity) with the new contents, sharing what did not change.
 */
function replaceObject(st: ModuleState, old: Identity, replacement: Identity): void {
  const memo = new Map<Identity, Identity>([[old, replacement]]);
  const { configDicts } = st.ctx;
  if (old instanceof Map && configDicts.has(old))
    configDicts.add(replacement as Map<DictKey, Value>);
  if (Array.isArray(old) && lazyItems.has(old)) lazyItems.add(replacement as Value[]);
  const subst = (v: Value): Value => {
    const id = identityOf(v);
    if (!id) return v;
    let next = memo.get(id);
    if (next === undefined) {
      if (id instanceof Map) {
        const m = new Map<DictKey, Value>();
        let changed = false;
        for (const [k, x] of id) {
          const y = subst(x);
          changed ||= y !== x;
          m.set(k, y);
        }
        next = changed ? m : id;
        if (changed && configDicts.has(id)) configDicts.add(m);
      } else {
        const items = id.map(subst);
        next = items.some((y, i) => y !== id[i]) ? items : id;
        if (next !== id && lazyItems.has(id)) lazyItems.add(items);
      }
      memo.set(id, next);
    }
    if (next === id) return v;
    return (next instanceof Map ? { ...v, entries: next } : { ...v, items: next }) as Value;
  };
  for (const [name, b] of st.ctx.globals) {
    if (b.kind === 'value') {
      const nv = subst(b.value);
      if (nv !== b.value) st.ctx.globals.set(name, { kind: 'value', value: nv });
    }
  }
}

/** The current value of a global variable for a mutation, or why there is none. */
function globalValue(st: ModuleState, name: string): Value | Fail {
  const b = st.ctx.globals.get(name);
  if (name === BASE_KEY) return fail('changes `_base_`');
  if (!b) return fail(`name \`${name}\` is not defined in this file`);
  if (b.kind !== 'value') return fail(`changes the ${b.kind} \`${name}\``);
  return b.value;
}

/** The value at `root[steps…]` now. */
function walkPath(st: ModuleState, root: string, steps: Step[]): Value | Fail {
  let cur = globalValue(st, root);
  for (const step of steps) {
    if (isFail(cur)) return cur;
    cur = stepInto(st, cur, step);
  }
  return cur;
}

/** Applies `change` to the object at `root[steps…]` in place (Python semantics), marking `root` as assigned. */
function mutateAt(
  st: ModuleState,
  stmt: SyntaxNode,
  root: string,
  steps: Step[],
  change: (target: Value) => Value | Fail,
): Fail | undefined {
  const cur = walkPath(st, root, steps);
  if (isFail(cur)) return cur;
  const u = unknownOperand(cur);
  if (u) return u;
  const changed = change(cur);
  if (isFail(changed)) return changed;
  const oldId = identityOf(cur);
  const newId = identityOf(changed);
  if (!oldId || !newId) return fail(`cannot change a ${typeName(cur)} in place`);
  if (oldId !== newId) replaceObject(st, oldId, newId);
  st.assignments.set(root, span(st.ctx.file, stmt));
  return undefined;
}

function setItem(
  st: ModuleState,
  stmt: SyntaxNode,
  target: SyntaxNode,
  value: Value,
): Fail | undefined {
  const path = targetPath(st, target);
  if (isFail(path)) return path;
  const last = path.steps[path.steps.length - 1];
  return mutateAt(st, stmt, path.root, path.steps.slice(0, -1), (container) =>
    withItem(st, container, last, value),
  );
}

function plainData(st: ModuleState, node: SyntaxNode, v: Value): Value {
  const lazy = (v.t === 'list' || v.t === 'tuple') && lazyItems.has(v.items);
  return lazy ? opaqueAt(st.ctx, node, fail('an iterator or range object is not config data')) : v;
}

function assignTo(
  st: ModuleState,
  stmt: SyntaxNode,
  target: SyntaxNode,
  value: Value,
  valueNode: SyntaxNode,
): void {
  if (target.type === 'identifier') {
    bindValue(st, target.text, value, stmt);
    return;
  }
  if (target.type === 'subscript' || target.type === 'attribute') {
    const bad = setItem(st, stmt, target, plainData(st, valueNode, value));
    if (bad) notEvaluated(st, stmt, bad);
    return;
  }
  const bound: [string, Value][] = [];
  const bad = bindTarget(target, value, (name, v) => bound.push([name, v]));
  if (bad) {
    const names = namesTouched(target);
    if (!bad.cascade)
      reportStatement(
        st,
        stmt,
        `Cannot unpack the value: ${bad.reason}; ${[...names].join(', ')} kept opaque.`,
      );
    poison(st, stmt, names, bad.reason);
    return;
  }
  for (const [name, v] of bound) bindValue(st, name, v, stmt);
}

/** Reports a statement we do not follow and makes every name it touches opaque. */
function notEvaluated(st: ModuleState, stmt: SyntaxNode, why: Fail): void {
  const names = namesTouched(stmt);
  if (!why.cascade) {
    const list = names.size ? ` ${[...names].map((n) => `\`${n}\``).join(', ')} kept opaque.` : '';
    reportStatement(st, stmt, `Statement not evaluated: ${why.reason}.${list}`);
  }
  poison(st, stmt, names, why.cascade ? CASCADE.reason : why.reason);
}

function handleAssignment(st: ModuleState, stmt: SyntaxNode, assign: SyntaxNode): void {
  const { targets, value: valueNode } = unchain(assign);
  if (!valueNode) return; // an annotation alone binds nothing
  if (targets[0].type === 'identifier' && targets[0].text === BASE_KEY) return; // mmengine removes it
  // Aliases of modules and functions, and top-level lambdas, are not config keys.
  let other: Binding | undefined;
  if (valueNode.type === 'lambda') other = { kind: 'function', name: targets[0].text };
  if (valueNode.type === 'identifier') {
    const b = st.ctx.globals.get(valueNode.text);
    if (b && b.kind !== 'value') other = b;
  }
  if (other && targets.every((t) => t.type === 'identifier')) {
    for (const t of targets)
      if (t.text !== BASE_KEY) bindOther(st, t.text, other.kind as 'function', stmt);
    return;
  }
  const value = evalRaw(st.ctx, valueNode);
  for (const target of targets) assignTo(st, stmt, target, value, valueNode);
}

const IN_PLACE_OPS: Record<string, string> = { '+=': '+', '*=': '*', '|=': '|' };

/** `x op= y`: lists (`+=`, `*=`) and dicts (`|=`) change in place; everything else rebinds. */
function augmented(
  current: Value,
  op: string,
  rhs: Value,
  at: Value['at'],
): { value: Value; inPlace: boolean } | Fail {
  const binOp = op.slice(0, -1);
  if (current.t === 'list' && (op === '+=' || op === '*=')) {
    let items: Value[];
    if (op === '+=') {
      const xs = iterate(rhs);
      if (isFail(xs)) return xs;
      items = [...current.items, ...xs];
    } else {
      const r = binaryOp('*', current, rhs, at);
      if (isFail(r)) return r;
      items = (r as typeof current).items;
    }
    if (items.length > MAX_ITEMS) return fail('sequence is too long to be config data');
    return { value: { ...current, items }, inPlace: true };
  }
  if (current.t === 'dict' && op === '|=') {
    if (rhs.t !== 'dict') return unknownOperand(rhs) ?? fail(`'|=' with a ${typeName(rhs)}`);
    return {
      value: { ...current, entries: new Map([...current.entries, ...rhs.entries]) },
      inPlace: true,
    };
  }
  if (binOp === '%' && current.t === 'str') {
    const s = percentFormat(current.v, rhs);
    return isFail(s) ? s : { value: { t: 'str', v: s, at }, inPlace: false };
  }
  const r = binaryOp(binOp, current, rhs, at);
  return isFail(r) ? r : { value: r, inPlace: false };
}

function handleAugmented(st: ModuleState, stmt: SyntaxNode, node: SyntaxNode): void {
  const target = node.childForFieldName('left')!;
  const op = node.childForFieldName('operator')!.type;
  const rhsNode = node.childForFieldName('right')!;
  const rhs = evalExpr(st.ctx, rhsNode);
  const at = origin(st.ctx, node);
  if (target.type === 'identifier') {
    const current = globalValue(st, target.text);
    if (isFail(current)) return notEvaluated(st, stmt, current);
    const r = unknownOperand(current) ?? augmented(current, op, rhs, at);
    if (isFail(r)) return notEvaluated(st, stmt, r);
    if (r.inPlace && IN_PLACE_OPS[op]) {
      replaceObject(st, identityOf(current)!, identityOf(r.value)!);
      st.assignments.set(target.text, span(st.ctx.file, stmt));
    } else {
      bindValue(st, target.text, r.value, stmt);
    }
    return;
  }
  if (target.type !== 'subscript' && target.type !== 'attribute') {
    return notEvaluated(st, stmt, fail(`augmented assignment to a ${target.type}`));
  }
  const path = targetPath(st, target);
  if (isFail(path)) return notEvaluated(st, stmt, path);
  const containerSteps = path.steps.slice(0, -1);
  const last = path.steps[path.steps.length - 1];
  const container = walkPath(st, path.root, containerSteps);
  const current = isFail(container) ? container : stepInto(st, container, last);
  const r = isFail(current)
    ? current
    : (unknownOperand(current) ?? augmented(current, op, rhs, at));
  if (isFail(r)) return notEvaluated(st, stmt, r);
  if (r.inPlace) {
    // `a['x'] += [1]` extends the list a['x'] holds; storing it back changes nothing more.
    replaceObject(st, identityOf(current as Value)!, identityOf(r.value)!);
    st.assignments.set(path.root, span(st.ctx.file, stmt));
    return;
  }
  const bad = mutateAt(st, stmt, path.root, containerSteps, (c) => withItem(st, c, last, r.value));
  if (bad) notEvaluated(st, stmt, bad);
}

/** The new contents of `target` after `target.method(*args)`. */
function mutatedBy(target: Value, method: string, args: Args): Value | Fail {
  const noKw = args.kw.size === 0;
  const n = args.pos.length;
  if (target.t === 'dict') {
    const entries = new Map(target.entries);
    switch (method) {
      case 'update': {
        if (n > 1) return fail('update expected at most 1 argument');
        const merged = callBuiltin('dict', args) as Result;
        if (isFail(merged)) return merged;
        for (const [k, v] of (merged as DictValue).entries) entries.set(k, v);
        return { ...target, entries };
      }
      case 'setdefault':
      case 'pop': {
        if (!noKw || n < 1 || n > 2) return fail(`${method}() takes 1 or 2 arguments`);
        const k = dictKey(args.pos[0]);
        if (isFail(k)) return k;
        if (method === 'setdefault') {
          if (!entries.has(k)) entries.set(k, args.pos[1] ?? { t: 'none', at: target.at });
        } else if (!entries.delete(k) && n === 1) {
          return fail(`KeyError: ${JSON.stringify(k)}`);
        }
        return { ...target, entries };
      }
      case 'clear':
        return n === 0 && noKw
          ? { ...target, entries: new Map() }
          : fail('clear() takes no arguments');
      default:
        return fail(`\`.${method}()\` on a dict is not supported`);
    }
  }
  if (target.t === 'list') {
    const items = [...target.items];
    const done = (): Value => ({ ...target, items });
    if (!noKw && method !== 'sort') return fail(`${method}() takes no keyword arguments`);
    switch (method) {
      case 'append':
        if (n !== 1) return fail('append() takes exactly one argument');
        items.push(args.pos[0]);
        return done();
      case 'extend': {
        if (n !== 1) return fail('extend() takes exactly one argument');
        const xs = iterate(args.pos[0]);
        if (isFail(xs)) return xs;
        items.push(...xs);
        return done();
      }
      case 'insert': {
        const i = n === 2 ? asInt(args.pos[0]) : undefined;
        if (i === undefined) return fail('insert() takes an integer index and a value');
        const len = items.length;
        const j = i < 0 ? Math.max(0, i + len) : Math.min(i, len);
        items.splice(j, 0, args.pos[1]);
        return done();
      }
      case 'pop': {
        const i = n === 0 ? -1 : asInt(args.pos[0]);
        if (i === undefined || n > 1) return fail('pop() takes an optional integer index');
        const j = i < 0 ? i + items.length : i;
        if (j < 0 || j >= items.length) return fail('pop index out of range');
        items.splice(j, 1);
        return done();
      }
      case 'remove': {
        if (n !== 1) return fail('remove() takes exactly one argument');
        for (let i = 0; i < items.length; i++) {
          const eq = pyEquals(items[i], args.pos[0]);
          if (isFail(eq)) return eq;
          if (eq) {
            items.splice(i, 1);
            return done();
          }
        }
        return fail('ValueError: list.remove(x): x not in list');
      }
      case 'clear':
        return n === 0 ? { ...target, items: [] } : fail('clear() takes no arguments');
      case 'reverse':
        return n === 0
          ? { ...target, items: items.reverse() }
          : fail('reverse() takes no arguments');
      case 'sort': {
        if (n > 0 || [...args.kw.keys()].some((k) => k !== 'reverse'))
          return fail('sort() with a key function');
        let error: Fail | undefined;
        const rev = args.kw.get('reverse');
        const descending = rev?.t === 'bool' ? rev.v : false;
        items.sort((a, b) => {
          const c = pyCompare(a, b);
          if (isFail(c)) {
            error ??= c;
            return 0;
          }
          return descending ? -c : c;
        });
        return error ?? done();
      }
      default:
        return fail(`\`.${method}()\` on a list is not supported`);
    }
  }
  return unknownOperand(target) ?? fail(`\`.${method}()\` changes a ${typeName(target)}`);
}

/** Whether `receiver.method(args)` is a known method without side effects (evaluated quietly). */
function isPureCall(
  st: ModuleState,
  receiver: SyntaxNode,
  method: string,
  argsNode: SyntaxNode,
): boolean {
  const quiet: EvalContext = { ...st.ctx, findings: [] };
  const recv = evalExpr(quiet, receiver);
  const args = evalArgs(quiet, argsNode, []);
  return !isFail(args) && callMethod(recv, method, args) !== undefined;
}

const SIDE_EFFECT_FREE_BUILTINS = new Set(['print']);

function handleExpressionStatement(st: ModuleState, stmt: SyntaxNode, expr: SyntaxNode): void {
  if (expr.type !== 'call') return; // docstrings and bare expressions change nothing
  const fn = expr.childForFieldName('function')!;
  const argsNode = expr.childForFieldName('arguments')!;
  if (fn.type === 'identifier') {
    const known = !st.ctx.globals.has(fn.text) && SIDE_EFFECT_FREE_BUILTINS.has(fn.text);
    if (!known)
      reportStatement(
        st,
        stmt,
        `Call \`${fn.text}(...)\` not evaluated; it may change config values.`,
      );
    return;
  }
  if (fn.type !== 'attribute') {
    return reportStatement(st, stmt, 'Call not evaluated; it may change config values.');
  }
  const method = fn.childForFieldName('attribute')!.text;
  const receiver = fn.childForFieldName('object')!;
  const root = targetRoot(receiver);
  if (!root) {
    if (!MUTATING_METHODS.has(method) && isPureCall(st, receiver, method, argsNode)) return;
    return reportStatement(
      st,
      stmt,
      `Call \`.${method}(...)\` not evaluated; it may change config values.`,
    );
  }
  const rootBinding = st.ctx.globals.get(root.text);
  if (rootBinding && rootBinding.kind !== 'value') {
    return reportStatement(
      st,
      stmt,
      `Call on \`${root.text}\` not evaluated; it may change config values.`,
    );
  }
  const path =
    receiver.type === 'identifier' ? { root: root.text, steps: [] } : targetPath(st, receiver);
  if (isFail(path)) return notEvaluated(st, stmt, path);
  const args = evalArgs(st.ctx, argsNode, [] as Locals);
  if (isFail(args)) return notEvaluated(st, stmt, args);
  if (!MUTATING_METHODS.has(method)) {
    // A known method without side effects (`x.copy()`) changes nothing; an unknown one might.
    const target = walkPath(st, path.root, path.steps);
    if (!isFail(target) && callMethod(target, method, args) !== undefined) return;
  }
  const bad = mutateAt(st, stmt, path.root, path.steps, (target) =>
    mutatedBy(target, method, args),
  );
  if (bad) notEvaluated(st, stmt, bad);
}

function handleDelete(st: ModuleState, stmt: SyntaxNode): void {
  const del = stmt.type === 'delete_statement' ? stmt : undefined;
  const targets = del
    ? kids(del).flatMap((t) => (t.type === 'expression_list' ? kids(t) : [t]))
    : [];
  for (const t of targets) {
    if (t.type === 'identifier') {
      st.ctx.globals.delete(t.text);
      st.assignments.delete(t.text);
      continue;
    }
    const path = t.type === 'subscript' ? targetPath(st, t) : fail(`\`del\` of a ${t.type}`);
    if (isFail(path)) return notEvaluated(st, stmt, path);
    const last = path.steps[path.steps.length - 1] as Extract<Step, { kind: 'item' }>;
    const bad = mutateAt(st, stmt, path.root, path.steps.slice(0, -1), (container) => {
      if (container.t === 'dict') {
        const k = dictKey(last.key);
        if (isFail(k)) return k;
        const entries = new Map(container.entries);
        return entries.delete(k)
          ? { ...container, entries }
          : fail(`KeyError: ${JSON.stringify(k)}`);
      }
      if (container.t === 'list') {
        const i = asInt(last.key);
        const j = i === undefined ? -1 : i < 0 ? i + container.items.length : i;
        if (j < 0 || j >= container.items.length) return fail('list assignment index out of range');
        return { ...container, items: container.items.filter((_, x) => x !== j) };
      }
      return (
        unknownOperand(container) ??
        fail(`'${typeName(container)}' object doesn't support item deletion`)
      );
    });
    if (bad) return notEvaluated(st, stmt, bad);
  }
}

const COMPOUND: Record<string, string> = {
  if_statement: 'if',
  for_statement: 'for',
  while_statement: 'while',
  with_statement: 'with',
  try_statement: 'try',
  match_statement: 'match',
};

function handleStatement(st: ModuleState, stmt: SyntaxNode): void {
  switch (stmt.type) {
    case 'expression_statement': {
      const inner = kids(stmt);
      if (inner.length !== 1) return;
      const e = inner[0];
      if (e.type === 'assignment') return handleAssignment(st, stmt, e);
      if (e.type === 'augmented_assignment') return handleAugmented(st, stmt, e);
      return handleExpressionStatement(st, stmt, e);
    }
    case 'import_statement':
    case 'import_from_statement': {
      if (kids(stmt).some((c) => c.type === 'wildcard_import')) {
        reportStatement(st, stmt, '`import *` binds names the evaluator cannot know.');
      }
      for (const name of importedNames(stmt)) bindOther(st, name, 'import', stmt);
      return;
    }
    case 'future_import_statement':
    case 'pass_statement':
    case 'assert_statement':
      return;
    case 'function_definition':
    case 'class_definition':
    case 'decorated_definition': {
      const def =
        stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
      const name = def?.childForFieldName('name')?.text;
      if (name) bindOther(st, name, def!.type === 'class_definition' ? 'class' : 'function', stmt);
      return;
    }
    case 'delete_statement':
      return handleDelete(st, stmt);
    case 'ERROR':
      return poison(st, stmt, namesTouched(stmt), 'the statement has a syntax error');
    default: {
      // Bare fragments at the top level come from a broken parse, already reported as PY-001.
      if (!COMPOUND[stmt.type] && !stmt.type.endsWith('_statement')) return;
      const keyword =
        COMPOUND[stmt.type] ?? stmt.type.replace(/_statement$/, '').replace(/_/g, ' ');
      return notEvaluated(st, stmt, fail(`a top-level \`${keyword}\` statement is not evaluated`));
    }
  }
}

/** Evaluates every top-level statement of `mod` in order; never throws. */
export function evaluateModule(mod: ParsedModule, options: EvalOptions = {}): ModuleValues {
  const ctx = newContext(mod, options);
  const st: ModuleState = { ctx, assignments: new Map() };
  for (const stmt of statements(mod)) {
    try {
      if (stmt.hasError && stmt.type !== 'ERROR') {
        poison(st, stmt, namesTouched(stmt), 'the statement has a syntax error');
        continue;
      }
      handleStatement(st, stmt);
    } catch (e) {
      // Deep nesting can exhaust the stack; the statement is then reported, not guessed.
      const why =
        e instanceof RangeError
          ? 'the expression is nested too deeply'
          : `evaluator error (${String(e)})`;
      try {
        notEvaluated(st, stmt, fail(why));
      } catch {
        reportStatement(st, stmt, `Statement not evaluated: ${why}.`);
      }
    }
  }
  const names = new Map<string, Value>();
  for (const [name, b] of ctx.globals) {
    if (b.kind !== 'value' || name.startsWith('__') || name === BASE_KEY) continue;
    const v = b.value;
    if ((v.t === 'list' || v.t === 'tuple') && lazyItems.has(v.items) && v.at) {
      // Python would keep a range/zip object under this key: not config data.
      const src = ctx.source.slice(v.at.start, v.at.end);
      const reason = 'an iterator or range object is not config data';
      names.set(name, { t: 'opaque', src, reason, at: v.at });
      ctx.findings.push(
        finding('PY-002', 'warning', ctx.file, v.at.line, cannotEvaluate(src, reason)),
      );
    } else {
      names.set(name, v);
    }
  }
  const assignments = new Map([...st.assignments].filter(([name]) => names.has(name)));
  return { names, assignments, findings: ctx.findings };
}
