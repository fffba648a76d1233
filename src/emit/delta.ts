/**
 * The smallest assignment that, merged by mmengine into a base value, gives
 * a target value (spec INH-010, INH-013): dicts are written partially and
 * recursively, lists and scalars whole, and `_delete_=True` is added only
 * where the target must lose something the base has.
 */
import {
  isDict,
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
  if (valueEquals(target, base)) return undefined;
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
