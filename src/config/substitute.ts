/**
 * `{{_base_.a.b}}` placeholders: after a file is evaluated, mmengine replaces
 * each one (inside dicts, lists and tuples, at any depth) by the value at
 * that path of the merged bases (`Config._substitute_base_vars`). A path the
 * bases do not have is a KeyError there, reported here as INH-005.
 */
import { finding, type Finding } from '../report/findings.js';
import {
  copyEntries,
  getPath,
  type DictKey,
  type DictValue,
  type Value,
} from '../python/values.js';

export function substituteBaseRefs(
  value: Value,
  base: DictValue,
  file: string,
  fallbackLine: number,
): { value: Value; findings: Finding[] } {
  const findings: Finding[] = [];
  const walk = (v: Value): Value => {
    switch (v.t) {
      case 'baseref':
        return getPath(base, v.path) ?? missing(v);
      case 'list':
      case 'tuple': {
        // Copies only on the first change: most values hold no placeholder.
        let items: Value[] | undefined;
        for (let i = 0; i < v.items.length; i++) {
          const item = v.items[i];
          const next = walk(item);
          if (next !== item) {
            items ??= v.items.slice();
            items[i] = next;
          }
        }
        return items === undefined ? v : { ...v, items };
      }
      case 'dict': {
        let entries: Map<DictKey, Value> | undefined;
        for (const [k, item] of v.entries) {
          const next = walk(item);
          if (next !== item) {
            entries ??= copyEntries(v.entries);
            entries.set(k, next);
          }
        }
        return entries === undefined ? v : { ...v, entries };
      }
      default:
        return v;
    }
  };
  const missing = (ref: Extract<Value, { t: 'baseref' }>): Value => {
    const line = ref.at && ref.at.file === file ? ref.at.line : fallbackLine;
    const name = ref.path.join('.');
    findings.push(
      finding(
        'INH-005',
        'error',
        file,
        line,
        `{{_base_.${name}}}: the merged bases have no '${name}' (mmengine raises KeyError)`,
      ),
    );
    return ref;
  };
  return { value: walk(value), findings };
}
