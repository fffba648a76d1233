/**
 * Verification support: where two resolved configs differ, as dotted key
 * paths (`model.decode_head.num_classes`, `param_scheduler[1]`), so a
 * mismatch names exactly what a human must look at.
 */
import { isDict, sameValue, type Value } from '../python/values.js';

export function diffPaths(actual: Value, expected: Value, prefix = ''): string[] {
  // A whole config is compared key by key: its keys' values recur across configs, it does not.
  if (prefix !== '' || !isDict(actual) || !isDict(expected)) {
    if (sameValue(actual, expected)) return [];
  }
  if (isDict(actual) && isDict(expected)) {
    const keys = new Set([...expected.entries.keys(), ...actual.entries.keys()]);
    const paths: string[] = [];
    for (const key of keys) {
      const a = actual.entries.get(key);
      const e = expected.entries.get(key);
      const path = prefix ? `${prefix}.${String(key)}` : String(key);
      if (a === undefined || e === undefined) paths.push(path);
      else paths.push(...diffPaths(a, e, path));
    }
    return paths;
  }
  if (
    (actual.t === 'list' || actual.t === 'tuple') &&
    actual.t === expected.t &&
    actual.items.length === expected.items.length
  ) {
    const items = expected.items;
    return actual.items.flatMap((a, i) => diffPaths(a, items[i], `${prefix}[${i}]`));
  }
  return [prefix || '(root)'];
}
