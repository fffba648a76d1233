/**
 * The evaluator pass (spec §9): `evaluation.metric` and its options →
 * `val_evaluator` / `test_evaluator`. The evaluators are owned by `data.val` /
 * `data.test` (INH-009); `evaluation` only contributes. The other parts of
 * `evaluation` (interval, start, save_best, …) belong to the loop and hook
 * passes: `evaluationParts` tells every pass which sub-keys are whose. This
 * pass leaves `evaluation` in `out`; the driver removes it after all passes.
 */
import table from '../../rules/evaluator.json' with { type: 'json' };
import type { Finding } from '../report/findings.js';
import {
  dict,
  int,
  isDict,
  isSeq,
  list,
  numOf,
  str,
  truthy,
  valueEquals,
  type DictKey,
  type DictValue,
  type Value,
  editDict,
} from '../python/values.js';
import { leafDatasets } from './dataset.js';
import { findingAt, type ConvertContext, type Pass } from './types.js';

const KEYS = table.evaluationKeys;
const METRICS = table.metrics;
const DROPPED = KEYS.dropped as Record<string, string>;

/** The sub-keys of a 0.x `evaluation` dict, grouped by the 1.x part that takes them over. */
export interface EvaluationParts {
  /** `interval`, `start` → `train_cfg` (LOOP-001, LOOP-007). */
  loop: DictValue;
  /** `save_best`, `rule`, `greater_keys`, `less_keys` → `default_hooks.checkpoint` (EVAL-004). */
  hook: DictValue;
  /** `metric` and the metric options → `val_evaluator` / `test_evaluator` (this pass). */
  evaluator: DictValue;
  /** Keys with no 1.x counterpart (EVAL-005, EVAL-008); this pass reports them. */
  dropped: DictValue;
  /** Keys the 0.x `EvalHook` did not define; this pass reports them. */
  unknown: DictValue;
}

/** Splits `old.evaluation` by owner; undefined when `evaluation` is absent or not a dict. */
export function evaluationParts(old: DictValue): EvaluationParts | undefined {
  const evaluation = old.entries.get('evaluation');
  if (!isDict(evaluation)) return undefined;
  const groups = { loop: [], hook: [], evaluator: [], dropped: [], unknown: [] } as Record<
    keyof EvaluationParts,
    [DictKey, Value][]
  >;
  for (const [k, v] of evaluation.entries) {
    const key = String(k);
    const group: keyof EvaluationParts = KEYS.loop.includes(key)
      ? 'loop'
      : KEYS.hook.includes(key)
        ? 'hook'
        : KEYS.evaluator.includes(key)
          ? 'evaluator'
          : Object.hasOwn(DROPPED, key)
            ? 'dropped'
            : 'unknown';
    groups[group].push([k, v]);
  }
  return {
    loop: dict(groups.loop),
    hook: dict(groups.hook),
    evaluator: dict(groups.evaluator),
    dropped: dict(groups.dropped),
    unknown: dict(groups.unknown),
  };
}

/** Findings for `evaluation` keys that no 1.x part takes (EVAL-005, EVAL-006 `tmpdir`, EVAL-008). */
function droppedKeyFindings(parts: EvaluationParts, ctx: ConvertContext): Finding[] {
  const findings: Finding[] = [];
  for (const [k, v] of parts.dropped.entries) {
    findings.push(
      findingAt(
        DROPPED[String(k)],
        'info',
        v,
        ctx,
        `\`evaluation.${k}\` has no 1.x counterpart and is dropped.`,
      ),
    );
  }
  const tmpdir = parts.evaluator.entries.get('tmpdir');
  if (tmpdir !== undefined) {
    findings.push(
      findingAt(
        'EVAL-006',
        'warning',
        tmpdir,
        ctx,
        '`evaluation.tmpdir` is dropped: mmseg 1.1.1 `IoUMetric` does not pass a collect directory on.',
      ),
    );
  }
  for (const [k, v] of parts.unknown.entries) {
    findings.push(
      findingAt(
        'EVAL-008',
        'warning',
        v,
        ctx,
        `\`evaluation.${k}\` is not an 0.x evaluation option; it is dropped.`,
      ),
    );
  }
  return findings;
}

/** The metric names of `evaluation.metric` (default `['mIoU']`), or undefined when they cannot be read. */
function metricNames(
  metric: Value | undefined,
  ctx: ConvertContext,
): { names: Value[] | undefined; findings: Finding[] } {
  if (metric === undefined) return { names: METRICS.default.map((m) => str(m)), findings: [] };
  const items = metric.t === 'str' ? [metric] : isSeq(metric) ? metric.items : undefined;
  if (items === undefined || items.some((m) => m.t !== 'str')) {
    return {
      names: undefined,
      findings: [
        findingAt(
          'EVAL-001',
          'warning',
          metric,
          ctx,
          '`evaluation.metric` cannot be read; no evaluators are written, set `val_evaluator`/`test_evaluator` by hand.',
        ),
      ],
    };
  }
  const findings: Finding[] = [];
  for (const m of items) {
    const name = (m as { v: string }).v;
    if (!METRICS.iou.includes(name) && name !== METRICS.cityscapes) {
      findings.push(
        findingAt(
          'EVAL-001',
          'error',
          m,
          ctx,
          `Metric '${name}' is not one of ${[...METRICS.iou, METRICS.cityscapes].join(', ')}: 0.x failed on it, and 1.x \`IoUMetric\` rejects it too.`,
        ),
      );
    }
  }
  return { names: items, findings };
}

/** The non-default `ignore_index` shared by a split's datasets (EVAL-010). */
function ignoreIndexOf(
  ds: Value | undefined,
  split: string,
  ctx: ConvertContext,
): { value?: Value; findings: Finding[] } {
  const values = leafDatasets(ds).map(
    (d) => d.entries.get('ignore_index') ?? int(METRICS.defaultIgnoreIndex),
  );
  if (values.length === 0) return { findings: [] };
  const unreadable = values.find((v) => numOf(v) === undefined);
  if (unreadable !== undefined) {
    return {
      findings: [
        findingAt(
          'EVAL-010',
          'warning',
          unreadable,
          ctx,
          `The ${split} dataset's \`ignore_index\` cannot be read; set \`ignore_index\` on the ${split} evaluator by hand if it is not 255.`,
        ),
      ],
    };
  }
  if (values.some((v) => !valueEquals(v, values[0]))) {
    return {
      findings: [
        findingAt(
          'EVAL-010',
          'warning',
          ds,
          ctx,
          `The ${split} datasets use different \`ignore_index\` values; one evaluator cannot follow all of them, so it keeps 255.`,
        ),
      ],
    };
  }
  return numOf(values[0]) === METRICS.defaultIgnoreIndex
    ? { findings: [] }
    : { value: values[0], findings: [] };
}

interface MetricOptions {
  names: Value[];
  ignoreIndex?: Value;
  collectGpu: boolean;
  iouOptions: [DictKey, Value][];
  outputDir: Value;
}

function buildEvaluator(o: MetricOptions): Value {
  const iou = o.names.filter((m) => m.t === 'str' && m.v !== METRICS.cityscapes);
  const cityscapes = iou.length < o.names.length;
  const shared: [DictKey, Value][] = [];
  if (o.ignoreIndex !== undefined) shared.push(['ignore_index', o.ignoreIndex]);
  const collect: [DictKey, Value][] = o.collectGpu ? [['collect_device', str('gpu')]] : [];
  const iouMetric = dict([
    ['type', str('IoUMetric')],
    ['iou_metrics', list(iou)],
    ...shared,
    ...o.iouOptions,
    ...collect,
  ]);
  const cityMetric = dict([
    ['type', str('CityscapesMetric')],
    ['output_dir', o.outputDir],
    ...shared,
    ...collect,
  ]);
  if (!cityscapes) return iouMetric;
  return iou.length > 0 ? list([iouMetric, cityMetric]) : cityMetric;
}

export const convertEvaluators: Pass = ({ old, out, ctx }) => {
  const findings: Finding[] = [];
  const evaluation = old.entries.get('evaluation');
  const parts = evaluationParts(old);
  if (parts !== undefined) findings.push(...droppedKeyFindings(parts, ctx));

  const data = old.entries.get('data');
  if (!isDict(data)) return { out, findings };
  const splits = (['val', 'test'] as const).filter((s) => data.entries.has(s));
  if (splits.length === 0) return { out, findings };
  if (evaluation !== undefined && parts === undefined) {
    findings.push(
      findingAt(
        'EVAL-001',
        'warning',
        evaluation,
        ctx,
        '`evaluation` is not a dict; no evaluators are written, set `val_evaluator`/`test_evaluator` by hand.',
      ),
    );
    return { out, findings };
  }

  const options = parts?.evaluator.entries ?? new Map<DictKey, Value>();
  const metrics = metricNames(options.get('metric'), ctx);
  findings.push(...metrics.findings);
  if (metrics.names === undefined) return { out, findings };
  const names = metrics.names;
  const hasCityscapes = names.some((m) => m.t === 'str' && m.v === METRICS.cityscapes);
  const hasIou = names.some((m) => m.t === 'str' && m.v !== METRICS.cityscapes);

  const gpuCollect = options.get('gpu_collect');
  const collectGpu = truthy(gpuCollect) === true;
  if (gpuCollect !== undefined && truthy(gpuCollect) === undefined) {
    findings.push(
      findingAt(
        'EVAL-006',
        'warning',
        gpuCollect,
        ctx,
        '`evaluation.gpu_collect` cannot be read; the evaluators collect on the CPU (the 1.x default).',
      ),
    );
  }
  const iouOptions: [DictKey, Value][] = [];
  for (const k of METRICS.iouOnlyOptions) {
    const v = options.get(k);
    if (v === undefined) continue;
    if (hasIou) iouOptions.push([k, v]);
    else
      findings.push(
        findingAt(
          'EVAL-007',
          'info',
          v,
          ctx,
          `\`evaluation.${k}\` only applies to IoU metrics; dropped.`,
        ),
      );
  }
  const prefix = options.get('imgfile_prefix');
  const outputDir = prefix ?? str(METRICS.cityscapesOutputDir);
  if (hasCityscapes) {
    findings.push(
      findingAt(
        'EVAL-002',
        'info',
        options.get('metric'),
        ctx,
        `The 'cityscapes' metric becomes \`CityscapesMetric\`, which writes its result files to ${prefix === undefined ? `'${METRICS.cityscapesOutputDir}' (the 0.x tools/test.py default)` : '`imgfile_prefix`'}.`,
      ),
    );
  } else if (prefix !== undefined) {
    findings.push(
      findingAt(
        'EVAL-002',
        'info',
        prefix,
        ctx,
        '`evaluation.imgfile_prefix` only applies to the cityscapes metric; dropped.',
      ),
    );
  }

  const evaluators = new Map<string, Value>();
  for (const split of splits) {
    const ignore = ignoreIndexOf(data.entries.get(split), split, ctx);
    findings.push(...ignore.findings);
    evaluators.set(
      split,
      buildEvaluator({ names, ignoreIndex: ignore.value, collectGpu, iouOptions, outputDir }),
    );
  }
  const next = editDict(out);
  const val = evaluators.get('val');
  let test = evaluators.get('test');
  // EVAL-009: the same object under both keys lets the emitter write `test_evaluator = val_evaluator`.
  if (val !== undefined && test !== undefined && valueEquals(val, test)) test = val;
  if (val !== undefined) next.set('val_evaluator', val);
  if (test !== undefined) next.set('test_evaluator', test);
  return { out: next.value, findings };
};
