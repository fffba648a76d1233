/**
 * MODEL (spec §12): the `model` dict keeps its classes and arguments. This
 * pass moves legacy top-level `train_cfg` / `test_cfg` model settings into
 * `model` (MODEL-003), renames `mmcls.` types (MODEL-005), removes the
 * DiceLoss arguments 1.x rejects (MODEL-006) and reports component types
 * that neither mmseg nor mmcv/mmengine provide (MODEL-007).
 *
 * The legacy names are read from `old`: by the time this pass runs, the loop
 * pass may have written the 1.x loop dicts under the same names in `out`.
 */
import table from '../../rules/model.json' with { type: 'json' };
import {
  copyEntries,
  dict,
  isDict,
  isSeq,
  str,
  strOf,
  withEntry,
  withoutKeys,
  type DictKey,
  type DictValue,
  type Value,
} from '../python/values.js';
import type { Finding } from '../report/findings.js';
import { renamedScope } from './runtime.js';
import { ANY_CONFIG, findingAt, placedIn, type ConvertContext, type Pass } from './types.js';

const KNOWN_TYPES = new Set(Object.values(table.knownTypes).flat());

const absent = (v: Value | undefined): boolean => v === undefined || v.t === 'none';

/** A 1.x loop dict (the loop pass's output) rather than a 0.x model setting. */
const isLoop = (v: Value | undefined): boolean =>
  isDict(v) && (strOf(v.entries.get('type')) ?? '').endsWith('Loop');

/** MODEL-005/006/007 for one component dict (its `type` is a str). */
function checkComponent(
  component: DictValue,
  type: string,
  ctx: ConvertContext,
  findings: Finding[],
): DictValue {
  const typeValue = component.entries.get('type');
  const renamed = renamedScope(type);
  if (renamed !== undefined) {
    const message = `type '${type}' → '${renamed}'; check its arguments against mmpretrain`;
    findings.push(findingAt('MODEL-005', 'info', typeValue, ctx, message));
    return withEntry(component, 'type', str(renamed));
  }
  if (type === table.dice.type) {
    const message =
      'DiceLoss changed in 1.x: it defaults to use_sigmoid=True (0.x used softmax) and computes ' +
      'the loss differently; set use_sigmoid=False to stay close and check the results';
    findings.push(findingAt('MODEL-006', 'warning', typeValue, ctx, message));
    const removed = table.dice.removedArgs.filter((key) => component.entries.has(key));
    for (const key of removed) {
      const message = `DiceLoss.${key} is dropped: 1.x DiceLoss does not accept it`;
      findings.push(findingAt('MODEL-006', 'warning', component.entries.get(key), ctx, message));
    }
    return removed.length === 0 ? component : withoutKeys(component, removed);
  }
  if (!KNOWN_TYPES.has(type)) {
    const message =
      `'${type}' is not an mmseg or mmcv component: port it to the 1.x APIs and register it ` +
      'in mmseg.registry.MODELS';
    findings.push(findingAt('MODEL-007', 'warning', typeValue, ctx, message));
  }
  return component;
}

interface Walked {
  value: Value;
  /** Findings on values without an origin are made against `ANY_CONFIG`. */
  findings: Finding[];
}

/**
 * The configs of one repository share their model components (a backbone
 * dict from one model base), so each component object is walked once.
 */
const walkedComponents = new WeakMap<Value, Walked>();

/** Every component dict under `v`, checked; unchanged parts keep their identity. */
function walk(v: Value): Walked {
  if (!isSeq(v) && !isDict(v)) return { value: v, findings: [] };
  const known = walkedComponents.get(v);
  if (known !== undefined) return known;
  const findings: Finding[] = [];
  let value: Value;
  // A copy is made on the first change only: most of a model is left as it is.
  if (isSeq(v)) {
    let items: Value[] | undefined;
    for (let i = 0; i < v.items.length; i++) {
      const walked = walk(v.items[i]);
      findings.push(...walked.findings);
      if (walked.value !== v.items[i]) {
        items ??= v.items.slice();
        items[i] = walked.value;
      }
    }
    value = items === undefined ? v : { ...v, items };
  } else {
    let entries: Map<DictKey, Value> | undefined;
    for (const [key, entry] of v.entries) {
      const walked = walk(entry);
      findings.push(...walked.findings);
      if (walked.value !== entry) (entries ??= copyEntries(v.entries)).set(key, walked.value);
    }
    const next: DictValue = entries === undefined ? v : { ...v, entries };
    const type = strOf(v.entries.get('type'));
    value = type === undefined ? next : checkComponent(next, type, ANY_CONFIG, findings);
  }
  const walked = { value, findings };
  walkedComponents.set(v, walked);
  return walked;
}

/** A walk's findings, those on values without an origin placed in `ctx`'s file. */
function walkedIn(v: Value, ctx: ConvertContext, findings: Finding[]): Value {
  const walked = walk(v);
  findings.push(...placedIn(walked.findings, ctx));
  return walked.value;
}

/**
 * MODEL-003: a legacy top-level setting moves into `model`. Returns the new
 * `out`, or `out` unchanged when the setting stays where it is.
 */
function moveLegacy(
  name: 'train_cfg' | 'test_cfg',
  old: DictValue,
  out: DictValue,
  ctx: ConvertContext,
  findings: Finding[],
): DictValue {
  const legacy = old.entries.get(name);
  if (legacy === undefined || isLoop(legacy)) return out;
  // The loop pass may already have put a loop dict under this name in `out`.
  const free = (d: DictValue) => (isLoop(d.entries.get(name)) ? d : withoutKeys(d, [name]));
  if (legacy.t === 'none' || (isDict(legacy) && legacy.entries.size === 0)) {
    const message = `top-level ${name} = ${legacy.t === 'none' ? 'None' : 'dict()'} set nothing on the model; dropped`;
    findings.push(findingAt('MODEL-003', 'info', legacy, ctx, message));
    return free(out);
  }
  if (!isDict(legacy)) {
    if (!isLoop(out.entries.get(name))) {
      const message = `top-level ${name} cannot be read; it is left as written`;
      findings.push(findingAt('MODEL-003', 'warning', legacy, ctx, message));
    }
    return out;
  }
  const model = out.entries.get('model');
  // Set in both places: 0.x asserted, and the loop pass reports it (LOOP-009).
  if (isDict(model) && !absent(model.entries.get(name))) return out;
  if (model !== undefined && !isDict(model)) {
    const message = `model cannot be read, so the top-level ${name} cannot move into it; left as written`;
    findings.push(findingAt('MODEL-003', 'warning', legacy, ctx, message));
    return out;
  }
  const message = `top-level ${name} (a 0.x model setting) moved into model.${name}`;
  findings.push(findingAt('MODEL-003', 'info', legacy, ctx, message));
  return withEntry(
    free(out),
    'model',
    withEntry(model ?? dict(), name, walkedIn(legacy, ctx, findings)),
  );
}

export const convertModel: Pass = ({ old, out, ctx }) => {
  const findings: Finding[] = [];
  let next = out;
  const model = out.entries.get('model');
  if (model !== undefined && model.t !== 'none' && !isDict(model)) {
    const message = 'model cannot be read; its components are not checked';
    findings.push(findingAt('MODEL-001', 'warning', model, ctx, message));
  } else if (isDict(model)) {
    const walked = walkedIn(model, ctx, findings);
    if (walked !== model) next = withEntry(next, 'model', walked);
  }
  for (const name of ['train_cfg', 'test_cfg'] as const) {
    next = moveLegacy(name, old, next, ctx, findings);
  }
  return { out: next, findings };
};
