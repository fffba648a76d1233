/**
 * `--cfg-options` items whose 1.x form depends on the config itself (spec
 * §13.5 "resolved only": pipeline indices, scheduler ends and begins, the
 * AMP wrapper). The item is applied to the merged 0.x config the way mmcv's
 * `merge_from_dict` does, both configs are converted, and the differences
 * between the two 1.x configs are the 1.x items, so they follow every
 * conversion rule rather than a second copy of them.
 */
import { convertConfig } from '../convert/convert.js';
import {
  bool,
  dict,
  float,
  int,
  isDict,
  list,
  none,
  pyFloatRepr,
  str,
  tuple,
  valueEquals,
  withEntry,
  type DictValue,
  type Value,
} from '../python/values.js';
import { parseCfgValue, type CfgValue } from './cfg-values.js';

/** A config value for a parsed `--cfg-options` value. */
export function valueOfCfg(v: CfgValue): Value {
  switch (v.t) {
    case 'int':
      return int(Number(v.text.replace(/_/g, '')));
    case 'float':
      return float(Number(v.text.replace(/_/g, '')));
    case 'str':
      return str(v.text);
    case 'bool':
      return bool(v.v);
    case 'none':
      return none();
    case 'list':
      return list(v.items.map(valueOfCfg));
    case 'tuple':
      return tuple(v.items.map(valueOfCfg));
  }
}

/** The value at a dotted path, stepping into lists by numeric keys. */
export function valueAt(root: Value | undefined, path: readonly string[]): Value | undefined {
  let cur = root;
  for (const key of path) {
    if (cur === undefined) return undefined;
    if (isDict(cur)) cur = cur.entries.get(key) ?? cur.entries.get(Number(key));
    else if ((cur.t === 'list' || cur.t === 'tuple') && /^\d+$/.test(key)) cur = cur.items[+key];
    else return undefined;
  }
  return cur;
}

/**
 * `root` with `value` at `path`, as mmcv's `merge_from_dict` sets it: missing
 * dicts are created, a numeric key indexes an existing list. Undefined when
 * the path crosses a value that is neither.
 */
export function withPath(root: Value, path: readonly string[], value: Value): Value | undefined {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  if (isDict(root)) {
    const child = root.entries.get(key) ?? dict();
    const next = withPath(child, rest, value);
    return next && withEntry(root, key, next);
  }
  if ((root.t === 'list' || root.t === 'tuple') && /^\d+$/.test(key) && +key < root.items.length) {
    const next = withPath(root.items[+key], rest, value);
    if (!next) return undefined;
    const items = root.items.slice();
    items[+key] = next;
    return { ...root, items };
  }
  return undefined;
}

function naiveText(v: Value): string | undefined {
  switch (v.t) {
    case 'int':
      return String(v.v);
    case 'float':
      return pyFloatRepr(v.v);
    case 'bool':
      return v.v ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'str':
      return v.v;
    case 'list':
    case 'tuple': {
      const parts = v.items.map(naiveText);
      if (parts.some((p) => p === undefined)) return undefined;
      const body = parts.join(',');
      return v.t === 'list' ? `[${body}]` : `(${body})`;
    }
    default:
      return undefined;
  }
}

/**
 * `--cfg-options` text of a value, or undefined when the syntax cannot carry
 * it (a dict, or a string DictAction would split or re-type).
 */
export function cfgText(v: Value): string | undefined {
  const text = naiveText(v);
  if (text === undefined) return undefined;
  return valueEquals(valueOfCfg(parseCfgValue(text)), v) ? text : undefined;
}

export interface Difference {
  key: string;
  /** `--cfg-options` text of the new value; undefined when it cannot be written as one. */
  text?: string;
}

/** The leaf paths where two 1.x configs differ, as `--cfg-options` items. */
export function differences(before: Value | undefined, after: Value, prefix: string): Difference[] {
  if (before !== undefined && valueEquals(before, after)) return [];
  const join = (k: string): string => (prefix ? `${prefix}.${k}` : k);
  if (isDict(after) && (before === undefined || isDict(before))) {
    const out: Difference[] = [];
    for (const [k, v] of after.entries) {
      out.push(...differences(before?.entries.get(k), v, join(String(k))));
    }
    const removed = before ? [...before.entries.keys()].filter((k) => !after.entries.has(k)) : [];
    for (const k of removed) out.push({ key: join(String(k)) });
    return out;
  }
  if (
    before !== undefined &&
    (after.t === 'list' || after.t === 'tuple') &&
    before.t === after.t &&
    before.items.length === after.items.length &&
    after.items.some((item) => isDict(item))
  ) {
    return after.items.flatMap((item, i) => differences(before.items[i], item, join(String(i))));
  }
  // A list of dicts that changed length cannot be written item by item.
  const holdsDicts = (v: Value | undefined): boolean =>
    (v?.t === 'list' || v?.t === 'tuple') && v.items.some((item) => isDict(item));
  if (holdsDicts(before) || holdsDicts(after)) return [{ key: prefix }];
  return [{ key: prefix, text: cfgText(after) }];
}

export type Reconverted = { ok: true; items: Difference[] } | { ok: false; reason: string };

/**
 * The 1.x items equivalent to setting `path` to `value` in the 0.x config:
 * the differences between the conversions of the config without and with it.
 */
export function reconvert(
  old: DictValue,
  path: readonly string[],
  value: Value,
  file: string,
): Reconverted {
  const changed = withPath(old, path, value);
  if (!changed || !isDict(changed)) {
    return { ok: false, reason: `the config has no \`${path.join('.')}\` to set` };
  }
  try {
    const before = convertConfig(old, { file });
    const after = convertConfig(changed, { file });
    // The item must not make the conversion fail where it did not before.
    const known = new Set(before.findings.map((f) => `${f.rule}|${f.message}`));
    const fresh = after.findings.filter(
      (f) => f.severity === 'error' && !known.has(`${f.rule}|${f.message}`),
    );
    if (fresh.length > 0) {
      return {
        ok: false,
        reason: `with it the config does not convert (${fresh.map((f) => `${f.rule}: ${f.message}`).join('; ')})`,
      };
    }
    return { ok: true, items: differences(before.value, after.value, '') };
  } catch (e) {
    return { ok: false, reason: `the config could not be converted (${(e as Error).message})` };
  }
}
