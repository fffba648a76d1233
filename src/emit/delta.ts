/**
 * The smallest assignment that, merged by mmengine into a base value, gives
 * a target value (spec INH-010, INH-013): dicts are written partially and
 * recursively, lists and scalars whole, and `_delete_=True` is added only
 * where the target must lose something the base has.
 */
import {
  isDict,
  sameValue,
  valueEquals,
  bool,
  type DictKey,
  type DictValue,
  type Value,
} from '../python/values.js';

const DELETE: DictKey = '_delete_';

/** `target` written whole over `base`, with `_delete_=True` first when mmengine would merge it. */
function replacing(target: DictValue): DictValue {
  return { ...target, entries: new Map<DictKey, Value>([[DELETE, bool(true)], ...target.entries]) };
}

/**
 * What to assign so that `merge(delta, base) == target`; undefined when the
 * base already equals the target. `base` undefined means the key is absent.
 */
export function valueDelta(
  target: Value,
  base: Value | undefined,
  whole: ReadonlySet<string> = new Set(),
  path = '',
): Value | undefined {
  if (base === undefined) return target;
  if (sameValue(target, base)) return undefined;
  if (!isDict(target)) return target;
  if (!isDict(base)) return replacing(target);
  for (const key of base.entries.keys()) {
    if (!target.entries.has(key)) return replacing(target);
  }
  // Some dicts read best written whole, as the official configs do (OPTIM-010).
  if (whole.has(path)) return target;
  const entries = new Map<DictKey, Value>();
  for (const [key, value] of target.entries) {
    const sub = valueDelta(value, base.entries.get(key), whole, `${path}.${String(key)}`);
    if (sub !== undefined) entries.set(key, sub);
  }
  return { t: 'dict', entries };
}

/**
 * Per top-level key of `target`, the value to assign over `base` (keys
 * already equal are left out). Dicts at the dotted paths in `whole` are
 * written whole once anything in them changes.
 */
export function configDelta(
  target: DictValue,
  base: DictValue,
  whole: ReadonlySet<string> = new Set(),
): Map<string, Value> {
  const delta = new Map<string, Value>();
  for (const [key, value] of target.entries) {
    const sub = valueDelta(value, base.entries.get(key), whole, String(key));
    if (sub !== undefined) delta.set(String(key), sub);
  }
  return delta;
}

/** Top-level keys the base has and the target lacks: no assignment can remove them. */
export function unremovableKeys(target: DictValue, base: DictValue): string[] {
  return [...base.entries.keys()].filter((k) => !target.entries.has(k)).map(String);
}

/** What `own` gives under `base` once mmengine merges it; undefined when the merge fails. */
export type MergeUnder = (own: Value, base: Value | undefined) => Value | undefined;

/**
 * Like `valueDelta`, but starting from what the file already assigns: the
 * entries of `own` that still give their part of the target are kept as
 * they are (even where the base has the same value: the author wrote them),
 * the others are rewritten, and the target's new entries are added. Returns
 * the value and the sub-values of `own` it keeps whole, whose text can be
 * copied; undefined when only a `_delete_` could express the target.
 */
export function ownPreservingDelta(
  own: Value,
  target: Value,
  base: Value | undefined,
  mergeUnder: MergeUnder,
  whole: ReadonlySet<string> = new Set(),
  path = '',
): { value: Value; kept: Set<Value> } | undefined {
  const merged = mergeUnder(own, base);
  if (merged !== undefined && valueEquals(merged, target))
    return { value: own, kept: new Set([own]) };
  if (!isDict(own) || !isDict(target) || whole.has(path)) return undefined;
  if (base !== undefined && !isDict(base)) return undefined;
  if (own.entries.has(DELETE)) return undefined;
  const baseEntries = base?.entries ?? new Map<DictKey, Value>();
  const kept = new Set<Value>();
  const entries = new Map<DictKey, Value>();
  const targetKeys = [...target.entries.keys()];
  const added = (key: DictKey) => {
    const sub = valueDelta(
      target.entries.get(key)!,
      baseEntries.get(key),
      whole,
      `${path}.${String(key)}`,
    );
    if (sub !== undefined) entries.set(key, sub);
  };
  let next = 0;
  for (const [key, value] of own.entries) {
    const wanted = target.entries.get(key);
    if (wanted === undefined) {
      // Dropping an entry removes it only when the base does not have it.
      if (baseEntries.has(key)) return undefined;
      continue;
    }
    // The target's new entries that come before this one take their place in front of it.
    const at = targetKeys.indexOf(key);
    for (; next < at; next += 1) {
      const newKey = targetKeys[next];
      if (!own.entries.has(newKey)) added(newKey);
    }
    next = Math.max(next, at + 1);
    const sub = ownPreservingDelta(
      value,
      wanted,
      baseEntries.get(key),
      mergeUnder,
      whole,
      `${path}.${String(key)}`,
    );
    if (sub === undefined) {
      const plain = valueDelta(wanted, baseEntries.get(key), whole, `${path}.${String(key)}`);
      if (plain !== undefined) entries.set(key, plain);
      continue;
    }
    entries.set(key, sub.value);
    for (const v of sub.kept) kept.add(v);
  }
  for (; next < targetKeys.length; next += 1) {
    if (!own.entries.has(targetKeys[next])) added(targetKeys[next]);
  }
  for (const key of baseEntries.keys()) {
    // The target lacks a key the base has: only `_delete_` can express it.
    if (!target.entries.has(key)) return undefined;
  }
  return { value: { t: 'dict', entries, ...(own.at ? { at: own.at } : {}) }, kept };
}
