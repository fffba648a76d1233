/**
 * mmengine's merge semantics, on values:
 * - `mergeSiblingBases`: the bases of one `_base_` list are combined with
 *   `dict.update`, and a top-level key set by two of them is a KeyError;
 * - `mergeIntoBase`: `Config._merge_a_into_b(child, base)`. The base is
 *   copied; a child dict merges into a base dict under the same key unless it
 *   carries a truthy `_delete_`; anything else replaces.
 *
 * Nothing here mutates its inputs: values are shared between cached files.
 */
import { finding, type Finding } from '../report/findings.js';
import { copyEntries, truthy, type DictKey, type DictValue, type Value } from '../python/values.js';

export const DELETE_KEY = '_delete_';

/** The Python type name mmengine's messages use. */
export function pythonTypeName(v: Value): string {
  switch (v.t) {
    case 'none':
      return 'NoneType';
    case 'opaque':
      return 'an unevaluated expression';
    case 'baseref':
      return 'an unresolved {{_base_}} reference';
    default:
      return v.t;
  }
}

export interface SiblingBase {
  file: string;
  value: DictValue;
}

/**
 * `base_cfg_dict.update(...)` over the bases in list order. A duplicate key is
 * reported (INH-006) and, as a best effort, the later base wins.
 */
export function mergeSiblingBases(
  bases: readonly SiblingBase[],
  at: { file: string; line: number },
): { value: DictValue; findings: Finding[] } {
  const entries = new Map<DictKey, Value>();
  const owner = new Map<DictKey, string>();
  const findings: Finding[] = [];
  for (const base of bases) {
    const clashes: string[] = [];
    for (const [key, value] of base.value.entries) {
      const first = owner.get(key);
      if (first !== undefined) clashes.push(`'${String(key)}' (also in ${first})`);
      owner.set(key, base.file);
      entries.set(key, value);
    }
    if (clashes.length > 0) {
      findings.push(
        finding(
          'INH-006',
          'error',
          at.file,
          at.line,
          `duplicate key among bases: ${base.file} sets ${clashes.join(', ')}; ` +
            'mmengine raises KeyError: Duplicate key is not allowed among bases',
        ),
      );
    }
  }
  return { value: { t: 'dict', entries }, findings };
}

export interface MergeContext {
  /** The child file, where merge findings are reported. */
  file: string;
  /** Line for a finding about a key path when the child value carries no origin in `file`. */
  lineOf(path: readonly DictKey[]): number;
}

/** `Config._merge_a_into_b(child, base)`, with each TypeError reported as INH-003. */
export function mergeIntoBase(
  child: DictValue,
  base: DictValue,
  ctx: MergeContext,
): { value: DictValue; findings: Finding[] } {
  const findings: Finding[] = [];
  const value = mergeDicts(child, base, [], ctx, findings);
  return { value, findings };
}

function mergeDicts(
  child: DictValue,
  base: DictValue,
  path: DictKey[],
  ctx: MergeContext,
  findings: Finding[],
): DictValue {
  const entries = copyEntries(base.entries);
  for (const [key, value] of child.entries) {
    const old = entries.get(key);
    if (value.t !== 'dict') {
      if (value.t === 'opaque' && old?.t === 'dict') {
        // A dict at run time would merge, anything else replaces: unknowable here.
        findings.push(
          problem(
            ctx,
            [...path, key],
            value,
            (k) => `cannot tell whether ${k} merges into or replaces the base dict`,
          ),
        );
      }
      entries.set(key, value);
      continue;
    }
    if (old === undefined) {
      // `k in b` is false, so mmengine never pops `_delete_`: it stays in the config.
      entries.set(key, value);
      continue;
    }
    const marker = value.entries.get(DELETE_KEY);
    const rest = marker === undefined ? value : withoutKey(value, DELETE_KEY);
    const replace = marker === undefined ? false : truthy(marker);
    if (replace === undefined) {
      findings.push(
        problem(
          ctx,
          [...path, key],
          value,
          (k) => `cannot tell whether the ${DELETE_KEY} of ${k} is true or false`,
        ),
      );
      entries.set(key, rest);
    } else if (replace) {
      entries.set(key, rest);
    } else if (old.t === 'dict') {
      entries.set(key, mergeDicts(rest, old, [...path, key], ctx, findings));
    } else if (old.t === 'opaque') {
      findings.push(
        problem(
          ctx,
          [...path, key],
          value,
          (k) => `cannot tell whether the base value ${k} merges into is a dict`,
        ),
      );
      entries.set(key, rest);
    } else {
      findings.push(
        problem(
          ctx,
          [...path, key],
          value,
          (k) =>
            `${k} is a dict in the child config but of type ${pythonTypeName(old)} in the base config; ` +
            `mmengine raises TypeError (set ${DELETE_KEY}=True to replace the base value)`,
        ),
      );
      entries.set(key, rest);
    }
  }
  // A merged dict was written by several files, so it has no single origin.
  return { t: 'dict', entries };
}

function withoutKey(d: DictValue, key: DictKey): DictValue {
  const entries = copyEntries(d.entries);
  entries.delete(key);
  return { t: 'dict', entries, at: d.at };
}

function problem(
  ctx: MergeContext,
  path: DictKey[],
  value: Value,
  text: (key: string) => string,
): Finding {
  const line = value.at && value.at.file === ctx.file ? value.at.line : ctx.lineOf(path);
  return finding('INH-003', 'error', ctx.file, line, text(`'${path.join('.')}'`));
}
