/**
 * Writes a converted config back into its own file. The new top-level
 * assignments are the smallest delta over the converted bases (delta.ts);
 * they are written into the file's structure: statements whose meaning is
 * unchanged stay byte for byte with their comments, a changed key is
 * rewritten where it stood, a 1.x key takes the place of the 0.x key that
 * owned it, and 0.x keys that no longer exist are removed. Values print in
 * the official 1.x style, reusing the file's variables where the old file
 * read them (`pipeline=train_pipeline`).
 */
import layout from '../../rules/emit.json' with { type: 'json' };
import { mergeIntoBase } from '../config/merge.js';
import { parsePython } from '../python/parse.js';
import { printAssignment, type PrintPath } from '../python/print.js';
import { dict, valueEquals, type DictValue, type Value } from '../python/values.js';
import { finding, type Finding } from '../report/findings.js';
import { applyEdits, type TextEdit } from '../text-edits.js';
import { lineAt, lineStarts } from '../text-lines.js';
import { configDelta, ownPreservingDelta } from './delta.js';
import { insertDictEntries } from './dict-patch.js';
import { topLevelStatements, type Statement } from './statements.js';

const PLACEMENT: Record<string, string[]> = layout.placement;
const WHOLE: ReadonlySet<string> = new Set(layout.wholePaths);
const NEW_MEANING: ReadonlySet<string> = new Set(layout.newMeaning);

export interface EmitInput {
  /** Repository-relative path of the file. */
  file: string;
  /** The file's 0.x text. */
  source: string;
  /** The file's own 0.x values, before merging into its bases. */
  own: DictValue;
  /** Its bases, converted and merged as mmengine will merge them. */
  base: DictValue;
  /** What the whole chain must resolve to: the conversion of the merged 0.x chain. */
  target: DictValue;
  /** The top-level statements of `source`, when the caller already parsed it; else it is parsed here. */
  statements?: readonly Statement[];
}

export interface EmitResult {
  text: string;
  findings: Finding[];
}

interface Slot {
  /** Offset the new statements go to: a replaced statement's start, a line end, or the file's end. */
  at: number;
  mode: 'replace' | 'after' | 'end';
  statement?: Statement;
  keys: string[];
}

/** The value of `key` this file gives after mmengine merges it into the bases. */
function mergedOwn(key: string, own: Value, base: DictValue, file: string): Value | undefined {
  const baseValue = base.entries.get(key);
  if (baseValue === undefined) return own;
  const merged = mergeIntoBase(dict([[key, own]]), dict([[key, baseValue]]), {
    file,
    lineOf: () => 0,
  });
  return merged.findings.length > 0 ? undefined : merged.value.entries.get(key);
}

export function emitConfig(input: EmitInput): EmitResult {
  const { file, source, own, base, target } = input;
  const findings: Finding[] = [];

  // Which keys keep their statements, which are rewritten, which go.
  const delta = configDelta(target, base, WHOLE);
  const keep = new Set<string>();
  const write = new Map<string, Value>();
  for (const [k, ownValue] of own.entries) {
    const key = String(k);
    const wanted = target.entries.get(key);
    if (wanted === undefined) continue;
    const merged = mergedOwn(key, ownValue, base, file);
    // A no-op `train_cfg = dict()` read as model settings in 0.x; in 1.x the
    // name is the training loop, so the empty statement would only mislead.
    const misleading = NEW_MEANING.has(key) && ownValue.t === 'dict' && ownValue.entries.size === 0;
    if (merged !== undefined && valueEquals(merged, wanted) && !misleading) keep.add(key);
  }
  for (const [key, value] of delta) if (!keep.has(key)) write.set(key, value);
  // A kept statement that reads a variable whose value changes would change too.
  for (let changed = true; changed;) {
    changed = false;
    const moving = new Set([...own.entries.keys()].map(String).filter((k) => !keep.has(k)));
    for (const key of keep) {
      if (readsAny(own.entries.get(key)!, moving)) {
        keep.delete(key);
        const value = delta.get(key);
        if (value !== undefined) write.set(key, value);
        changed = true;
      }
    }
  }

  const touched = [...own.entries.keys()].map(String).filter((k) => !keep.has(k));
  // A rewritten key starts from what the file wrote: the entries that still
  // hold keep their text (comments, explicit defaults), only the rest changes.
  const verbatim = new Set<Value>();
  const preservedFrom = new Map<string, DictValue>();
  const moving = new Set(touched);
  for (const key of write.keys()) {
    const mine = own.entries.get(key);
    const wanted = target.entries.get(key);
    if (mine === undefined || wanted === undefined) continue;
    const preserved = ownPreservingDelta(
      mine,
      wanted,
      base.entries.get(key),
      (o, b) => (b === undefined ? o : mergedOwn(key, o, dict([[key, b]]), file)),
      WHOLE,
      key,
    );
    if (preserved === undefined) continue;
    write.set(key, preserved.value);
    if (mine.t === 'dict' && preserved.value.t === 'dict') preservedFrom.set(key, mine);
    for (const v of preserved.kept) {
      if (v.at?.file === file && v.at.via === undefined && !readsAny(v, moving)) verbatim.add(v);
    }
  }
  // Every statement stays as it is: no need to look at the text.
  if (write.size === 0 && touched.length === 0) return { text: source, findings };

  const statements = input.statements ?? statementsOf(source);
  const statementsNaming = (key: string) => statements.filter((s) => s.names.includes(key));
  const lastStatement = new Map<string, Statement>();
  for (const s of statements) for (const name of s.names) lastStatement.set(name, s);

  // A key being rewritten or removed must sit in simple statements of its own.
  for (const key of touched) {
    for (const s of statementsNaming(key)) {
      if (!s.simple && s.names.some((n) => n !== key && keep.has(n))) {
        const line = lineOfOffset(source, s.start);
        findings.push(
          finding(
            'EMIT-001',
            'error',
            file,
            line,
            `cannot rewrite \`${key}\`: it shares a statement with other names`,
          ),
        );
        return { text: source, findings };
      }
    }
  }

  // Where each written key goes: in place of its own statement; else in
  // place of, or right after, its 0.x owner's statement; else at the end.
  const slots = new Map<string, Slot>();
  const place = (at: number, mode: Slot['mode'], statement: Statement | undefined, key: string) => {
    const id = `${mode}:${at}`;
    const slot = slots.get(id) ?? { at, mode, statement, keys: [] };
    slot.keys.push(key);
    slots.set(id, slot);
  };
  for (const key of write.keys()) {
    const mine = own.entries.has(key) ? lastStatement.get(key) : undefined;
    if (mine) {
      place(mine.start, 'replace', mine, key);
      continue;
    }
    const owner = (PLACEMENT[key] ?? [])
      .map((k) => (own.entries.has(k) ? { key: k, statement: lastStatement.get(k) } : undefined))
      .find((o) => o?.statement !== undefined);
    if (!owner?.statement) place(source.length, 'end', undefined, key);
    else if (keep.has(owner.key)) place(owner.statement.lineEnd, 'after', undefined, key);
    else place(owner.statement.start, 'replace', owner.statement, key);
  }
  const replaced = new Set([...slots.values()].flatMap((slot) => slot.statement ?? []));

  // Statements of keys that are rewritten elsewhere or removed are deleted.
  const removed = new Set<Statement>();
  for (const key of touched) {
    for (const s of statementsNaming(key)) if (!replaced.has(s)) removed.add(s);
  }
  for (const key of touched) {
    if (!target.entries.has(key) && key === 'img_norm_cfg') {
      const s = lastStatement.get(key);
      findings.push(
        finding(
          'INH-014',
          'info',
          file,
          s ? lineOfOffset(source, s.start) : 0,
          '`img_norm_cfg` removed: normalisation now lives in model.data_preprocessor',
        ),
      );
    }
  }

  // Print the new statements in file order, so variables are defined before use.
  const defined = new Map<string, Value>();
  const identity = new Map<Value, string>();
  const define = (name: string, value: Value) => {
    defined.set(name, value);
    identity.set(value, name);
  };
  const keptAt = statements
    .filter((st) => !removed.has(st) && !replaced.has(st))
    .flatMap((st) => st.names.filter((n) => keep.has(n)).map((name) => ({ at: st.end, name })));
  let nextKept = 0;
  const edits: TextEdit[] = [];
  for (const slot of [...slots.values()].sort((a, b) => a.at - b.at)) {
    while (nextKept < keptAt.length && keptAt[nextKept].at <= slot.at) {
      const { name } = keptAt[nextKept++];
      define(name, own.entries.get(name)!);
    }
    const asWritten = numberAsWritten(file, source);
    const printed = dependenciesFirst(slot.keys, write).map((key) => {
      const value = write.get(key)!;
      const options = {
        nameFor: nameFor(key, defined, identity),
        sourceFor: (v: Value) =>
          verbatim.has(v) && v.at ? source.slice(v.at.start, v.at.end) : asWritten(v),
      };
      const ownDict = preservedFrom.get(key);
      const mine = lastStatement.get(key);
      const inserted =
        ownDict && value.t === 'dict' && mine && slot.statement === mine && mine.simple
          ? insertDictEntries(source.slice(mine.start, mine.end), ownDict, value, options)
          : undefined;
      const text = inserted === undefined ? printAssignment(key, value, options) : `${inserted}\n`;
      define(key, value);
      return text;
    });
    const body = printed.join('');
    if (slot.mode === 'replace') {
      edits.push({ start: slot.at, end: slot.statement!.end, text: body.replace(/\n$/, '') });
    } else if (slot.mode === 'after') {
      const newline = source.length > 0 && !source.endsWith('\n') && slot.at === source.length;
      edits.push({ start: slot.at, end: slot.at, text: (newline ? '\n' : '') + body });
    } else {
      const prefix = source.length > 0 && !source.endsWith('\n') ? '\n' : '';
      edits.push({ start: source.length, end: source.length, text: prefix + body });
    }
  }
  for (const st of removed) {
    edits.push({ start: leadingComments(source, st.lineStart), end: st.lineEnd, text: '' });
  }

  return { text: applyEdits(source, edits), findings };
}

function statementsOf(source: string): Statement[] {
  const tree = parsePython(source);
  try {
    return topLevelStatements(tree, source);
  } finally {
    tree.delete();
  }
}

/**
 * Prints a variable name instead of a value when the file defines that
 * variable earlier with the same value: the name the old file read it
 * through (`at.via`), or the variable that holds this very value
 * (`test_dataloader = val_dataloader`).
 */
function nameFor(
  key: string,
  defined: ReadonlyMap<string, Value>,
  identity: ReadonlyMap<Value, string>,
): (v: Value, path: PrintPath) => string | undefined {
  // `defined` does not change while one statement prints.
  const containers = [...defined].filter(([, value]) => isContainer(value)).map(([name]) => name);
  return (v, path) => {
    const names = (name: string | undefined) => {
      if (name === undefined || (path.length === 0 && name === key)) return false;
      const value = defined.get(name);
      return value !== undefined && valueEquals(value, v);
    };
    const via = v.at?.via;
    if (names(via)) return via;
    const same = identity.get(v);
    if (names(same)) return same;
    // A non-empty dict or list equal to a variable is that variable (`optimizer=optimizer`).
    return isContainer(v) ? containers.find(names) : undefined;
  };
}

const NUMBER = /^(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?$/;

/** A number moved from this file keeps the way its author wrote it (`6e-5`, `512.`). */
function numberAsWritten(file: string, source: string): (v: Value) => string | undefined {
  return (v) => {
    if ((v.t !== 'int' && v.t !== 'float') || v.at?.file !== file) return undefined;
    const text = source.slice(v.at.start, v.at.end);
    if (!NUMBER.test(text) || Number(text.replaceAll('_', '')) !== v.v) return undefined;
    const looksFloat = /[.eE]/.test(text);
    return looksFloat === (v.t === 'float') ? text : undefined;
  };
}

/** Whether a value was built by reading one of `names` (at any depth). */
function readsAny(v: Value, names: ReadonlySet<string>): boolean {
  if (v.at?.via !== undefined && names.has(v.at.via)) return true;
  if (v.t === 'dict') {
    for (const x of v.entries.values()) if (readsAny(x, names)) return true;
  } else if (v.t === 'list' || v.t === 'tuple') {
    for (const x of v.items) if (readsAny(x, names)) return true;
  }
  return false;
}

const isContainer = (v: Value): boolean =>
  (v.t === 'dict' && v.entries.size > 0) || (v.t === 'list' && v.items.length > 0);

/** Keys in an order where a key whose value is nested in another key's value comes first. */
function dependenciesFirst(keys: readonly string[], values: ReadonlyMap<string, Value>): string[] {
  const nested = (outer: Value, inner: Value): boolean => {
    const children =
      outer.t === 'dict'
        ? outer.entries.values()
        : outer.t === 'list' || outer.t === 'tuple'
          ? outer.items
          : [];
    for (const v of children) {
      if (v === inner || (isContainer(inner) && valueEquals(v, inner)) || nested(v, inner)) {
        return true;
      }
    }
    return false;
  };
  const order: string[] = [];
  const visit = (key: string, seen: Set<string>) => {
    if (order.includes(key) || seen.has(key)) return;
    seen.add(key);
    const value = values.get(key)!;
    for (const other of keys) {
      if (other !== key && nested(value, values.get(other)!)) visit(other, seen);
    }
    order.push(key);
  };
  for (const key of keys) visit(key, new Set());
  return order;
}

/** The start of the comment lines directly above a line (no blank line between), which belong to it. */
function leadingComments(source: string, lineStart: number): number {
  let start = lineStart;
  while (start > 0) {
    const previous = source.lastIndexOf('\n', start - 2) + 1;
    if (!/^[ \t]*#/.test(source.slice(previous, start))) break;
    start = previous;
  }
  return start;
}

const lineOfOffset = (source: string, offset: number): number => lineAt(lineStarts(source), offset);
