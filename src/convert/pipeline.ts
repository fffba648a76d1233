/**
 * The pipeline pass (spec §4, PIPE-001…PIPE-019): 0.x pipelines → 1.x
 * pipelines, plus `img_ratios`, `tta_pipeline` and `tta_model` for
 * `tools/test.py --tta`.
 *
 * `convertTrainPipeline` and `convertTestPipeline` convert one pipeline list;
 * the data pass calls them for pipelines written inline in `data`.
 * `convertPipelines` converts the top-level pipeline variables. Findings about
 * a pipeline read through a top-level variable (`at.via`) are reported by
 * `convertPipelines`, once, where the variable is written.
 */
import table from '../../rules/pipeline.json' with { type: 'json' };
import type { Finding } from '../report/findings.js';
import {
  bool,
  dict,
  isDict,
  isSeq,
  list,
  strOf,
  toJsonText,
  tuple,
  withoutKeys,
  type DictValue,
  type Value,
  editDict,
} from '../python/values.js';
import { evalReduceZeroLabel, leafDatasets, type PipelineRole } from './dataset.js';
import { convertMsfa, isMsfa, ttaLoad, type MsfaConversion } from './pipeline-tta.js';
import {
  convertFileClient,
  convertKeptTransform,
  isFormatting,
  isKnown0x,
  isToPreprocessor,
  packSegInputs,
  transform,
  typeOf,
  type Scope,
} from './pipeline-transform.js';
import { ANY_CONFIG, findingAt, placedIn, type ConvertContext, type Pass } from './types.js';

/** What a pipeline conversion needs to know from outside the pipeline list. */
export interface PipelineOptions {
  /**
   * Train side only: the loading pipeline inside a `MultiImageMixDataset`,
   * whose results go on through the wrapper's own pipeline, so it gets no
   * `PackSegInputs`.
   */
  inner?: boolean;
  /**
   * Test side: the 0.x train `LoadAnnotations` dict. Its arguments are copied
   * into the `LoadAnnotations` added to the test pipeline (PIPE-013, DATA-017
   * step 3). Absent: a bare `LoadAnnotations()` is added.
   */
  trainLoadAnnotations?: DictValue;
  /** Test side: whether the evaluated dataset has ground truth (`ann_dir`). Absent means yes. */
  hasGroundTruth?: boolean;
  /**
   * Test side: D0 of DATA-017, the flag 0.x evaluated the dataset with
   * (explicit dataset value, else the class value). `'unknown'`: a dataset
   * class the table does not know. Absent: no dataset in view.
   */
  evalReduceZeroLabel?: boolean | 'unknown';
}

export interface TrainPipelineResult {
  value: Value;
  findings: Finding[];
}

export interface TestPipelineResult {
  value: Value;
  /** Present when the 0.x test pipeline had a `MultiScaleFlipAug` (PIPE-014). `imgRatios` is absent when the TTA resizes to a list of scales. */
  tta?: { imgRatios?: Value; ttaPipeline: Value };
  findings: Finding[];
}

const PIXEL_INDEPENDENT = new Set(table.pixelValueIndependent);

/** A converted pipeline keeps its source's origin, so `at.via` still names the variable it was read through. */
function pipelineLike(source: Value, items: Value[]): Value {
  return source.t === 'tuple' ? tuple(items, source.at) : list(items, source.at);
}

function unreadable(pipeline: Value, ctx: ConvertContext) {
  return {
    value: pipeline,
    findings: [
      findingAt(
        'PIPE-011',
        'warning',
        pipeline,
        ctx,
        'This pipeline is not a list of transforms; kept as written.',
      ),
    ],
  };
}

/**
 * PIPE-010: transforms that read pixel values after `Normalize`, and `Pad`
 * before it, behave differently once normalisation moves to the end.
 * `ran` is the 0.x transforms in the order they ran.
 */
function checkNormalizeOrder(ran: Value[], scope: Scope): void {
  const at = ran.findIndex((t) => typeOf(t) === 'Normalize');
  if (at < 0) return;
  ran.forEach((t, i) => {
    const type = typeOf(t);
    if (i < at && type === 'Pad') {
      scope.findings.push(
        findingAt(
          'PIPE-010',
          'warning',
          t,
          scope.ctx,
          '`Pad` ran before `Normalize` in 0.x, so the padding was normalised too; 1.x pads after normalising.',
        ),
      );
    } else if (
      i > at &&
      type !== 'Pad' &&
      type !== 'Normalize' &&
      !isFormatting(type) &&
      !isMsfa(t) &&
      !(type !== undefined && PIXEL_INDEPENDENT.has(type))
    ) {
      scope.findings.push(
        findingAt(
          'PIPE-010',
          'warning',
          t,
          scope.ctx,
          `\`${type ?? 'This transform'}\` ran after \`Normalize\` in 0.x; 1.x normalises after the whole pipeline, so it now sees raw pixel values.`,
        ),
      );
    }
  });
}

/**
 * Results are shared when the same pipeline object is converted again with
 * the same options, also for another config: the configs that inherit one
 * dataset base all hold its pipeline objects. A conversion reads its config
 * file only to locate findings on values without an origin, so it runs
 * against a stand-in file, and each caller gets those findings on its own.
 */
const memo = new WeakMap<object, Map<string, TrainPipelineResult | TestPipelineResult>>();

function memoized<R extends TrainPipelineResult | TestPipelineResult>(
  side: string,
  pipeline: Value,
  ctx: ConvertContext,
  opts: PipelineOptions,
  run: (ctx: ConvertContext) => R,
): R {
  const key = JSON.stringify([
    side,
    opts.inner,
    opts.hasGroundTruth,
    opts.evalReduceZeroLabel,
    opts.trainLoadAnnotations === undefined ? null : toJsonText(opts.trainLoadAnnotations, 0),
  ]);
  let byKey = memo.get(pipeline);
  if (byKey === undefined) {
    byKey = new Map();
    memo.set(pipeline, byKey);
  }
  let shared = byKey.get(key) as R | undefined;
  if (shared === undefined) {
    shared = run(ANY_CONFIG);
    byKey.set(key, shared);
  }
  return locatedIn(shared, ctx.file);
}

/** `result` with its findings on values without an origin placed in `file`. */
function locatedIn<R extends TrainPipelineResult | TestPipelineResult>(result: R, file: string): R {
  if (!result.findings.some((f) => f.file === ANY_CONFIG.file)) return result;
  const findings = placedIn(result.findings, { file });
  return { ...result, findings };
}

/**
 * One 0.x train pipeline → 1.x (PIPE-001…PIPE-011, PIPE-018, PIPE-019):
 * transforms converted one by one, `Normalize`/`Pad` removed (they go to the
 * data preprocessor), the formatting transforms replaced by one
 * `PackSegInputs` at the end.
 */
export function convertTrainPipeline(
  pipeline: Value,
  ctx: ConvertContext,
  opts: PipelineOptions = {},
): TrainPipelineResult {
  return memoized('train', pipeline, ctx, opts, (ctx) => {
    if (!isSeq(pipeline)) return unreadable(pipeline, ctx);
    const scope: Scope = { ctx, findings: [] };
    const items: Value[] = [];
    let collect: DictValue | undefined;
    for (const t of pipeline.items) {
      const type = typeOf(t);
      if (isFormatting(type)) {
        if (type === 'Collect' && isDict(t)) collect = t;
      } else if (isToPreprocessor(type)) {
        continue;
      } else if (isMsfa(t)) {
        scope.findings.push(
          findingAt(
            'PIPE-012',
            'error',
            t,
            ctx,
            '`MultiScaleFlipAug` belongs in a test pipeline; kept as written.',
          ),
        );
        items.push(t);
      } else {
        items.push(convertKeptTransform(t, scope));
      }
    }
    checkNormalizeOrder(pipeline.items, scope);
    if (!opts.inner) items.push(packSegInputs(collect, scope));
    return { value: pipelineLike(pipeline, items), findings: scope.findings };
  });
}

/**
 * The `LoadAnnotations` a test pipeline ends with (PIPE-013, DATA-017 step 3):
 * the test pipeline's own one if it had one, else a copy of the train one,
 * with `reduce_zero_label` written only when it equals the flag the dataset
 * was evaluated with.
 */
function testLoadAnnotations(
  own: DictValue | undefined,
  opts: PipelineOptions,
  scope: Scope,
  anchor: Value,
): DictValue | undefined {
  if (opts.hasGroundTruth === false) {
    scope.findings.push(
      findingAt(
        'PIPE-013',
        'info',
        anchor,
        scope.ctx,
        'The evaluated dataset has no ground truth (`ann_dir`), so no `LoadAnnotations` is added; test with `test_evaluator.format_only=True`.',
      ),
    );
    return undefined;
  }
  let load: DictValue;
  if (own !== undefined) load = convertFileClient(own, scope);
  else if (opts.trainLoadAnnotations !== undefined) {
    // The train pipeline's conversion reports its `file_client_args` findings.
    load = dict(
      convertFileClient(opts.trainLoadAnnotations, { ctx: scope.ctx, findings: [] }).entries,
    );
  } else load = transform('LoadAnnotations');

  const flag = load.entries.get('reduce_zero_label');
  const d0 = opts.evalReduceZeroLabel;
  if (typeof d0 === 'boolean') {
    if (flag !== undefined && !(flag.t === 'bool' && flag.v === d0))
      load = withoutKeys(load, ['reduce_zero_label']);
    const train = opts.trainLoadAnnotations;
    const r =
      train === undefined ? undefined : (train.entries.get('reduce_zero_label') ?? bool(false));
    if (r !== undefined && r.t === 'bool' && r.v !== d0) {
      scope.findings.push(
        findingAt(
          'DATA-017',
          'warning',
          train!.entries.get('reduce_zero_label') ?? train,
          scope.ctx,
          `0.x trained with reduce_zero_label=${r.v ? 'True' : 'False'} but evaluated with the dataset flag ${d0 ? 'True' : 'False'}; the test \`LoadAnnotations\` follows the dataset flag, as 0.x evaluation did.`,
        ),
      );
    }
  } else if (d0 === 'unknown' && flag !== undefined) {
    scope.findings.push(
      findingAt(
        'DATA-017',
        'warning',
        flag,
        scope.ctx,
        'The dataset class is unknown, so the test `LoadAnnotations.reduce_zero_label` is kept as written: 1.x asserts that the pipeline flag equals the dataset flag.',
      ),
    );
  }
  return load;
}

/**
 * One 0.x test pipeline → 1.x (PIPE-012…PIPE-016, PIPE-018): the
 * `MultiScaleFlipAug` becomes one `Resize` plus its other inner transforms,
 * `LoadAnnotations` and `PackSegInputs` close the pipeline, and the MSFA's
 * scales and flips become the `--tta` pipeline.
 */
export function convertTestPipeline(
  pipeline: Value,
  ctx: ConvertContext,
  opts: PipelineOptions = {},
): TestPipelineResult {
  return memoized('test', pipeline, ctx, opts, (ctx) => {
    if (!isSeq(pipeline)) return unreadable(pipeline, ctx);
    const scope: Scope = { ctx, findings: [] };
    const index = pipeline.items.findIndex(isMsfa);
    const msfa = index < 0 ? undefined : (pipeline.items[index] as DictValue);
    const pre = index < 0 ? pipeline.items : pipeline.items.slice(0, index);
    const post = index < 0 ? [] : pipeline.items.slice(index + 1);

    const items: Value[] = [];
    const preConverted: Value[] = [];
    let collect: DictValue | undefined;
    let ownLoad: DictValue | undefined;
    const visit = (t: Value, sink: Value[]) => {
      const type = typeOf(t);
      if (isFormatting(type)) {
        if (type === 'Collect' && isDict(t)) collect = t;
      } else if (isToPreprocessor(type)) {
        return;
      } else if (type === 'LoadAnnotations' && isDict(t)) {
        ownLoad ??= t;
      } else if (isMsfa(t)) {
        scope.findings.push(
          findingAt(
            'PIPE-012',
            'error',
            t,
            ctx,
            'A second `MultiScaleFlipAug` cannot be converted; kept as written.',
          ),
        );
        items.push(t);
      } else {
        const converted = convertKeptTransform(t, scope);
        items.push(converted);
        if (sink !== items) sink.push(converted);
      }
    };
    for (const t of pre) visit(t, preConverted);

    let conv: MsfaConversion | undefined;
    if (msfa !== undefined) {
      conv = convertMsfa(msfa, scope);
      if (conv === undefined) items.push(msfa);
      else {
        items.push(...conv.main);
        collect = conv.collect ?? collect;
        ownLoad ??= conv.loadAnnotations;
      }
    }
    for (const t of post) visit(t, items);
    if (conv !== undefined && post.length > 0) {
      scope.findings.push(
        findingAt(
          'PIPE-012',
          'warning',
          post[0],
          ctx,
          'Transforms after `MultiScaleFlipAug` ran on its wrapped results in 0.x; they now run once, after the plain-test `Resize`.',
        ),
      );
    }
    checkNormalizeOrder([...pre, ...(conv?.ran ?? (msfa ? [msfa] : [])), ...post], scope);

    const load = testLoadAnnotations(ownLoad, opts, scope, pipeline);
    if (load !== undefined) items.push(load);
    const pack = packSegInputs(collect, scope);
    items.push(pack);
    const value = pipelineLike(pipeline, items);

    if (msfa === undefined) {
      scope.findings.push(
        findingAt(
          'PIPE-016',
          'info',
          pipeline,
          ctx,
          'The test pipeline has no `MultiScaleFlipAug`, so 0.x `--aug-test` could not be used with it and no `tta_pipeline` is generated.',
        ),
      );
      return { value, findings: scope.findings };
    }
    if (conv === undefined) return { value, findings: scope.findings };
    const steps = [...conv.ttaSteps];
    if (load !== undefined) steps.push(list([transform('LoadAnnotations')]));
    steps.push(list([pack]));
    const ttaPipeline = list([
      ...preConverted.map(ttaLoad),
      transform('TestTimeAug', [['transforms', list(steps)]]),
    ]);
    return { value, tta: { imgRatios: conv.imgRatios, ttaPipeline }, findings: scope.findings };
  });
}

// ---- The pass over the top-level pipeline variables --------------------------------------

const WRAPPER_INNER: Record<string, string> = {
  RepeatDataset: 'dataset',
  MultiImageMixDataset: 'dataset',
};

/** Every `pipeline` value of a 0.x dataset (through wrappers), with the role it plays. */
export function datasetPipelines(
  ds: Value | undefined,
  role: PipelineRole,
): [Value, PipelineRole][] {
  if (ds === undefined) return [];
  if (isSeq(ds)) return ds.items.flatMap((d) => datasetPipelines(d, role));
  if (!isDict(ds)) return [];
  const type = strOf(ds.entries.get('type')) ?? '';
  const own = ds.entries.get('pipeline');
  const found: [Value, PipelineRole][] = own === undefined ? [] : [[own, role]];
  if (type === 'ConcatDataset')
    return [...found, ...datasetPipelines(ds.entries.get('datasets'), role)];
  const inner = WRAPPER_INNER[type];
  if (inner !== undefined) {
    const innerRole = type === 'MultiImageMixDataset' ? 'inner' : role;
    found.push(...datasetPipelines(ds.entries.get(inner), innerRole));
  }
  return found;
}

export function dataSplit(old: DictValue, split: 'train' | 'val' | 'test'): Value | undefined {
  const data = old.entries.get('data');
  return isDict(data) ? data.entries.get(split) : undefined;
}

/**
 * The top-level keys whose values are 0.x pipelines: lists of transform dicts,
 * or, for a name that says "pipeline", lists with at least one transform dict.
 */
export function pipelineVariables(old: DictValue): string[] {
  const names: string[] = [];
  for (const [k, v] of old.entries) {
    if (typeof k !== 'string' || !isSeq(v) || v.items.length === 0) continue;
    const types = v.items.map(typeOf);
    const named = /pipeline/i.test(k);
    if (
      named
        ? types.some((t) => t !== undefined)
        : types.every((t) => t !== undefined) && types.some(isKnown0x)
    ) {
      names.push(k);
    }
  }
  return names;
}

/** Whether a top-level pipeline variable is used for training, testing, or loading inside a mix wrapper. */
function pipelineRole(old: DictValue, name: string, value: Value): PipelineRole {
  if (isSeq(value) && value.items.some(isMsfa)) return 'test';
  for (const [split, role] of [
    ['train', 'train'],
    ['val', 'test'],
    ['test', 'test'],
  ] as const) {
    const used = datasetPipelines(dataSplit(old, split), role).find(([p]) => p.at?.via === name);
    if (used !== undefined) return used[1];
  }
  return /test|val/i.test(name) ? 'test' : 'train';
}

/** The first `LoadAnnotations` of the train pipelines in view. */
function trainLoadAnnotations(old: DictValue): DictValue | undefined {
  const pipelines = datasetPipelines(dataSplit(old, 'train'), 'train').map(([p]) => p);
  const variable = old.entries.get('train_pipeline');
  if (variable !== undefined) pipelines.push(variable);
  for (const p of pipelines) {
    if (!isSeq(p)) continue;
    const load = p.items.find((t) => typeOf(t) === 'LoadAnnotations');
    if (isDict(load)) return load;
  }
  return undefined;
}

/**
 * The options for converting a test pipeline of the merged 0.x view `old`:
 * the train `LoadAnnotations`, and the ground truth and evaluation flag of the
 * val/test datasets (those using the variable `name`, when any does).
 */
export function pipelineOptionsFor(old: DictValue, name?: string): PipelineOptions {
  const evalSets = [
    ...leafDatasets(dataSplit(old, 'val')),
    ...leafDatasets(dataSplit(old, 'test')),
  ];
  const using = evalSets.filter(
    (ds) => name !== undefined && ds.entries.get('pipeline')?.at?.via === name,
  );
  const sets = using.length > 0 ? using : evalSets;
  const opts: PipelineOptions = {};
  const load = trainLoadAnnotations(old);
  if (load !== undefined) opts.trainLoadAnnotations = load;
  if (sets.length > 0) {
    opts.hasGroundTruth = sets.some((ds) => {
      const annDir = ds.entries.get('ann_dir');
      return annDir !== undefined && annDir.t !== 'none';
    });
    opts.evalReduceZeroLabel = evalReduceZeroLabel(sets[0]) ?? 'unknown';
  }
  return opts;
}

/** The test pipeline `--tta` is built from: `test_pipeline`, else the one written inline in `data.test`. */
function ttaSource(old: DictValue, names: string[]): { name?: string; value: Value } | undefined {
  if (names.includes('test_pipeline'))
    return { name: 'test_pipeline', value: old.entries.get('test_pipeline')! };
  const inline = datasetPipelines(dataSplit(old, 'test'), 'test').find(
    ([p, role]) =>
      role === 'test' && isSeq(p) && (p.at?.via === undefined || !names.includes(p.at.via)),
  );
  return inline === undefined ? undefined : { value: inline[0] };
}

/**
 * The pass: converts every top-level pipeline variable in place, adds
 * `img_ratios` / `tta_pipeline` from the test pipeline's MSFA (PIPE-014), and
 * `tta_model` next to them or in the runtime-owner view (PIPE-017).
 * `img_norm_cfg` is kept: whether anything still reads it is decided where
 * all files are visible (INH-014).
 */
export const convertPipelines: Pass = ({ old, out, ctx }) => {
  const findings: Finding[] = [];
  const next = editDict(out);
  const names = pipelineVariables(old);
  const source = ttaSource(old, names);
  let tta: TestPipelineResult['tta'];

  for (const [name, value] of old.entries) {
    if (
      typeof name === 'string' &&
      /pipeline/i.test(name) &&
      (value.t === 'opaque' || value.t === 'baseref')
    ) {
      findings.push(
        findingAt(
          'PIPE-011',
          'warning',
          value,
          ctx,
          `\`${name}\` cannot be read, so it is not converted; convert it by hand.`,
        ),
      );
    }
  }
  for (const name of names) {
    const value = old.entries.get(name)!;
    const role = pipelineRole(old, name, value);
    if (role === 'test') {
      const r = convertTestPipeline(value, ctx, pipelineOptionsFor(old, name));
      // "No tta_pipeline" is news only about the pipeline `--tta` would be built from.
      findings.push(...r.findings.filter((f) => f.rule !== 'PIPE-016' || source?.name === name));
      next.set(name, r.value);
      if (source?.name === name) tta = r.tta;
    } else {
      const r = convertTrainPipeline(value, ctx, { inner: role === 'inner' });
      findings.push(...r.findings);
      next.set(name, r.value);
    }
  }
  // An inline `data.test` pipeline is converted (and reported) by the data pass; only its TTA is taken here.
  if (source !== undefined && source.name === undefined) {
    tta = convertTestPipeline(source.value, ctx, pipelineOptionsFor(old)).tta;
  }

  if (tta !== undefined) {
    if (tta.imgRatios !== undefined) next.set('img_ratios', tta.imgRatios);
    next.set('tta_pipeline', tta.ttaPipeline);
  }
  const runtimeOwner = table.runtimeOwnerKeys.some((k) => old.entries.has(k));
  if ((tta !== undefined || runtimeOwner) && !next.has('tta_model')) {
    next.set('tta_model', transform(table.ttaModel));
  }
  return { out: next.value, findings };
};
