/**
 * The data preprocessor pass (spec §5, PREP-001…PREP-009): the 0.x
 * `Normalize`, `Pad` and `RandomCrop` of the pipelines in view →
 * `model.data_preprocessor`, a `SegDataPreProcessor`.
 *
 * The same dict is also written as the top-level `data_preprocessor` helper
 * variable, and `model.data_preprocessor` is that very object, so the emitter
 * can print `data_preprocessor=data_preprocessor` and split it between the
 * model file and the leaves as the official configs do (PREP-005).
 */
import table from '../../rules/preprocessor.json' with { type: 'json' };
import type { Finding } from '../report/findings.js';
import {
  bool,
  dict,
  int,
  isDict,
  isSeq,
  numOf,
  str,
  withEntry,
  type DictKey,
  type DictValue,
  type Value,
  editDict,
} from '../python/values.js';
import { dataSplit, datasetPipelines } from './pipeline.js';
import { isMsfa } from './pipeline-tta.js';
import { typeOf } from './pipeline-transform.js';
import { valueId } from './memo.js';
import { ANY_CONFIG, findingAt, placedIn, type Pass } from './types.js';

/** The transforms of some pipelines in the order they run, with `MultiScaleFlipAug` opened up. */
function transformsOf(pipelines: Value[]): DictValue[] {
  const out: DictValue[] = [];
  const walk = (items: Value[]) => {
    for (const t of items) {
      if (isMsfa(t)) {
        const inner = t.entries.get('transforms');
        if (isSeq(inner)) walk(inner.items);
      } else if (isDict(t)) out.push(t);
    }
  };
  for (const p of pipelines) if (isSeq(p)) walk(p.items);
  return out;
}

/** The train and the test pipelines in view: those of `data` when present, else the top-level variables. */
function pipelinesInView(old: DictValue): { train?: Value[]; test?: Value[] } {
  const fromData = (splits: ('train' | 'val' | 'test')[], role: 'train' | 'test') =>
    splits.flatMap((s) => datasetPipelines(dataSplit(old, s), role).map(([p]) => p));
  const pick = (found: Value[], name: string) => {
    if (found.length > 0) return found;
    const variable = old.entries.get(name);
    return variable === undefined ? undefined : [variable];
  };
  return {
    train: pick(fromData(['train'], 'train'), 'train_pipeline'),
    test: pick(fromData(['val', 'test'], 'test'), 'test_pipeline'),
  };
}

const first = (ts: DictValue[] | undefined, type: string) => ts?.find((t) => typeOf(t) === type);

/** The `size` or `size_divisor` argument of a 0.x `Pad` (0.x asserted exactly one). */
function padSize(pad: DictValue): [string, Value] | undefined {
  for (const key of ['size', 'size_divisor']) {
    const v = pad.entries.get(key);
    if (v !== undefined && v.t !== 'none') return [key, v];
  }
  return undefined;
}

/** Normalisation settings compared as numbers, so `0` and `0.0` agree as they did for numpy. */
function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const na = numOf(a);
  const nb = numOf(b);
  if (na !== undefined || nb !== undefined) return na === nb;
  if (isSeq(a) && isSeq(b))
    return a.items.length === b.items.length && a.items.every((x, i) => sameValue(x, b.items[i]));
  if (a.t === 'bool' && b.t === 'bool') return a.v === b.v;
  if (a.t === 'opaque' && b.t === 'opaque') return a.src === b.src;
  return false;
}

function sameNormalization(a: DictValue | undefined, b: DictValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const toRgb = (n: DictValue) => n.entries.get('to_rgb') ?? bool(table.toRgbDefault);
  return (
    sameValue(a.entries.get('mean'), b.entries.get('mean')) &&
    sameValue(a.entries.get('std'), b.entries.get('std')) &&
    sameValue(toRgb(a), toRgb(b))
  );
}

/** The model dict with `data_preprocessor` right after `type`, where the official configs put it. */
function withPreprocessor(model: DictValue, preprocessor: Value): DictValue {
  if (model.entries.has('data_preprocessor') || !model.entries.has('type')) {
    return withEntry(model, 'data_preprocessor', preprocessor);
  }
  const entries: [DictKey, Value][] = [];
  for (const [k, v] of model.entries) {
    entries.push([k, v]);
    if (k === 'type') entries.push(['data_preprocessor', preprocessor]);
  }
  return { ...model, entries: new Map(entries) };
}

interface SharedPreprocessor {
  preprocessor: DictValue;
  findings: Finding[];
}

/**
 * The data preprocessor of some pipelines in view, shared by every config
 * that holds the same pipeline objects (the configs of one dataset base):
 * by the first pipeline object, then by all of them, so nothing outlives
 * the pipelines it was built from.
 */
const preprocessors = new WeakMap<Value, Map<string, SharedPreprocessor>>();

function viewKey(view: { train?: Value[]; test?: Value[] }): string {
  const ids = (list?: Value[]) => (list === undefined ? '-' : list.map(valueId).join(','));
  return `${ids(view.train)}|${ids(view.test)}`;
}

function preprocessorFor(view: { train?: Value[]; test?: Value[] }): {
  preprocessor: DictValue;
  findings: Finding[];
} {
  const anchor = view.train?.[0] ?? view.test?.[0];
  const key = viewKey(view);
  const byView = anchor === undefined ? undefined : preprocessors.get(anchor);
  const known = byView?.get(key);
  if (known !== undefined) return known;
  const ctx = ANY_CONFIG;
  const findings: Finding[] = [];
  const train = view.train === undefined ? undefined : transformsOf(view.train);
  const test = view.test === undefined ? undefined : transformsOf(view.test);
  const trainNorm = first(train, 'Normalize');
  const testNorm = first(test, 'Normalize');

  const entries: [DictKey, Value][] = [['type', str(table.type)]];
  const norm = train !== undefined ? trainNorm : testNorm;
  if (train !== undefined && test !== undefined && !sameNormalization(trainNorm, testNorm)) {
    findings.push(
      findingAt(
        'PREP-006',
        'error',
        testNorm ?? trainNorm,
        ctx,
        'The train and test pipelines normalise differently; 1.x has one data preprocessor for both, so the train settings are used.',
      ),
    );
  }
  if (norm !== undefined) {
    const mean = norm.entries.get('mean');
    const std = norm.entries.get('std');
    if (mean !== undefined) entries.push(['mean', mean]);
    if (std !== undefined) entries.push(['std', std]);
    entries.push(['bgr_to_rgb', norm.entries.get('to_rgb') ?? bool(table.toRgbDefault)]);
  } else if (anchor !== undefined && trainNorm === undefined && testNorm === undefined) {
    entries.push(['bgr_to_rgb', bool(false)]);
    findings.push(
      findingAt(
        'PREP-007',
        'info',
        anchor,
        ctx,
        'No pipeline normalises, so the data preprocessor has no `mean`/`std` and does not swap channels.',
      ),
    );
  }

  const pad = first(train, 'Pad');
  entries.push(['pad_val', pad?.entries.get('pad_val') ?? int(table.defaults.pad_val)]);
  entries.push(['seg_pad_val', pad?.entries.get('seg_pad_val') ?? int(table.defaults.seg_pad_val)]);
  if (train !== undefined) {
    const padded = pad === undefined ? undefined : padSize(pad);
    if (padded !== undefined) entries.push(padded);
    else {
      const crop = first(train, 'RandomCrop')?.entries.get('crop_size');
      entries.push(
        crop !== undefined ? ['size', crop] : ['size_divisor', int(table.sizeDivisorWithoutPad)],
      );
      findings.push(
        findingAt(
          'PREP-003',
          'info',
          view.train?.[0],
          ctx,
          crop !== undefined
            ? 'The train pipeline has no `Pad`; batches are padded to the `RandomCrop` size (0.x collate padded labels with 0, 1.x pads them with 255).'
            : 'The train pipeline has neither `Pad` nor `RandomCrop`; batches are padded to the largest image (`size_divisor=1`), as 0.x collate did (labels with 255 instead of 0).',
        ),
      );
    }
  }
  const testPad = first(test, 'Pad');
  const testPadded = testPad === undefined ? undefined : padSize(testPad);
  if (testPadded !== undefined) entries.push(['test_cfg', dict([testPadded])]);

  const made = { preprocessor: dict(entries), findings };
  if (anchor !== undefined) {
    if (byView === undefined) preprocessors.set(anchor, new Map([[key, made]]));
    else byView.set(key, made);
  }
  return made;
}

export const convertPreprocessor: Pass = ({ old, out, ctx }) => {
  const findings: Finding[] = [];
  const model = old.entries.get('model');
  if (model === undefined) return { out, findings };
  const current = out.entries.get('model') ?? model;
  if (!isDict(current)) {
    findings.push(
      findingAt(
        'PREP-005',
        'warning',
        current,
        ctx,
        '`model` is not a dict, so no `data_preprocessor` can be added to it.',
      ),
    );
    return { out, findings };
  }

  const shared = preprocessorFor(pipelinesInView(old));
  findings.push(...placedIn(shared.findings, ctx));
  const preprocessor = shared.preprocessor;
  const next = editDict(out);
  next.set('data_preprocessor', preprocessor);
  next.set('model', withPreprocessor(current, preprocessor));
  return { out: next.value, findings };
};
