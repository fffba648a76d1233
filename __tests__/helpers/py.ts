/**
 * Test helpers: build values from Python source, the way a config file
 * would, so tests read like the configs they are about.
 */
import { evaluateModule, parseModule } from '../../src/python/evaluate.js';
import { initParsers } from '../../src/python/parse.js';
import { dict, toJsonText, type DictValue, type Value } from '../../src/python/values.js';

export { initParsers };

/** The top-level names of a Python snippet as one dict (call `await initParsers()` first). */
export function py(source: string, file = 'test.py'): DictValue {
  const mod = parseModule(source, file);
  if (mod.syntaxErrors.length > 0) throw new Error(`syntax error in test source: ${source}`);
  const { names, findings } = evaluateModule(mod);
  if (findings.length > 0) throw new Error(`test source did not evaluate: ${findings[0].message}`);
  return dict(names);
}

/** Compact JSON text of a value for readable `toEqual` diffs (int/float kept apart: `1` vs `1.0`). */
export function show(v: Value | undefined): string {
  return v === undefined ? '<absent>' : toJsonText(v, 0);
}
