/**
 * One 0.x transform → its 1.x form (spec §4.1): the transforms that stay in a
 * pipeline (loading, `Resize`, `RandomFlip`, the unchanged ones, third-party
 * ones) and the `PackSegInputs` that replaces the formatting transforms.
 * Where the spec calls a construct an error, the transform is returned as
 * written and the error is reported.
 */
import table from '../../rules/pipeline.json' with { type: 'json' };
import type { Finding } from '../report/findings.js';
import {
  bool,
  dict,
  float,
  isDict,
  isSeq,
  list,
  str,
  strOf,
  tuple,
  type DictKey,
  type DictValue,
  type Value,
} from '../python/values.js';
import { convertFileClientArgs } from './dataset.js';
import { findingAt, type ConvertContext } from './types.js';

/** Where findings of one pipeline conversion are collected. */
export interface Scope {
  ctx: ConvertContext;
  findings: Finding[];
}

const REGISTRY = new Set(table.registry0x);
const FORMATTING = new Set(table.formatting);
const TO_PREPROCESSOR = new Set(table.toPreprocessor);
const WITH_FILE_CLIENT = new Set(table.withFileClient);
const RESIZE_ARGS = new Set(table.resizeArgs);
const ARG_RENAMES = table.argRenames as Record<string, Record<string, string>>;

/** The `type` of a transform dict, or undefined when it is not a dict with a string type. */
export function typeOf(t: Value | undefined): string | undefined {
  return isDict(t) ? strOf(t.entries.get('type')) : undefined;
}

export const isFormatting = (type: string | undefined): boolean =>
  type !== undefined && FORMATTING.has(type);
export const isToPreprocessor = (type: string | undefined): boolean =>
  type !== undefined && TO_PREPROCESSOR.has(type);
export const isKnown0x = (type: string | undefined): boolean =>
  type !== undefined && REGISTRY.has(type);

/** A new transform dict: `type` first, then the arguments in the given order. */
export function transform(type: string, args: Iterable<[DictKey, Value]> = []): DictValue {
  return dict([['type', str(type)], ...args]);
}

/** Python's `float(x)` for a number value: floats are returned as they are (with their origin). */
export function asFloat(v: Value): Value {
  return v.t === 'int' ? float(v.v) : v;
}

const isNone = (v: Value | undefined): boolean => v === undefined || v.t === 'none';

/**
 * A transform that stays in the 1.x pipeline, converted (PIPE-001…005, 009,
 * 011, 019). Formatting transforms, `Normalize`, `Pad` and
 * `MultiScaleFlipAug` are the pipeline's business, not this function's.
 */
export function convertKeptTransform(t: Value, scope: Scope): Value {
  const type = typeOf(t);
  if (!isDict(t) || type === undefined) {
    scope.findings.push(
      findingAt(
        'PIPE-011',
        'warning',
        t,
        scope.ctx,
        'This pipeline entry is not a transform dict with a string `type`; kept as written.',
      ),
    );
    return t;
  }
  if (!REGISTRY.has(type)) {
    scope.findings.push(
      findingAt(
        'PIPE-011',
        'warning',
        t,
        scope.ctx,
        `\`${type}\` is not an mmseg 0.30 transform; kept as written. Port it to an mmcv 2.x \`BaseTransform\` (\`transform()\` method; result keys \`gt_seg_map\`, \`img_path\`, \`seg_map_path\`, \`seg_fields\`) registered in \`mmseg.registry.TRANSFORMS\`.`,
      ),
    );
    return t;
  }
  if (WITH_FILE_CLIENT.has(type)) return convertFileClient(t, scope);
  if (type === 'Resize') return convertResize(t, scope);
  if (type === 'RandomFlip') return convertRandomFlip(t, scope);
  return t;
}

/** `file_client_args` → `backend_args` in place (PIPE-001/002, DATA-015); the transform object itself when absent. */
export function convertFileClient(t: DictValue, scope: Scope): DictValue {
  const args = t.entries.get('file_client_args');
  if (args === undefined) return t;
  const converted = convertFileClientArgs(args, scope.ctx);
  scope.findings.push(...converted.findings);
  const entries: [DictKey, Value][] = [];
  for (const [k, v] of t.entries) {
    if (k !== 'file_client_args') entries.push([k, v]);
    else if (converted.value !== undefined) entries.push(['backend_args', converted.value]);
  }
  return dict(entries);
}

/** `Resize` by the PIPE-003 decision table. */
export function convertResize(t: DictValue, scope: Scope): Value {
  const error = (message: string): Value => {
    scope.findings.push(findingAt('PIPE-003', 'error', t, scope.ctx, message));
    return t;
  };
  const unknown = [...t.entries.keys()].filter((k) => k !== 'type' && !RESIZE_ARGS.has(String(k)));
  if (unknown.length > 0) {
    const names = unknown.map((k) => `\`${k}\``).join(', ');
    return error(
      `\`Resize\` argument ${names} is not valid in mmseg 0.30 and has no 1.x equivalent; kept as written.`,
    );
  }
  const imgScale = t.entries.get('img_scale');
  const ratioRange = t.entries.get('ratio_range');
  const keepRatio = t.entries.get('keep_ratio') ?? bool(true);
  const modeValue = t.entries.get('multiscale_mode');
  const mode = modeValue === undefined ? 'range' : strOf(modeValue);
  const hasRatio = !isNone(ratioRange);

  if (isNone(imgScale)) {
    return error(
      hasRatio
        ? '`Resize` with `img_scale=None` and `ratio_range` scales the image by its own size; mmcv 2.x `RandomResize` needs a base scale. Kept as written.'
        : '`Resize` without `img_scale` outside `MultiScaleFlipAug` needs a scale set upstream; kept as written.',
    );
  }
  if (!isSeq(imgScale)) return error('`Resize.img_scale` cannot be read; kept as written.');
  const single =
    imgScale.t === 'tuple' ? imgScale : imgScale.items.length === 1 ? imgScale.items[0] : undefined;
  let converted: DictValue;
  if (hasRatio) {
    if (single === undefined) {
      return error(
        '`Resize` with `ratio_range` takes one scale (0.x asserted this); kept as written.',
      );
    }
    converted = transform('RandomResize', [
      ['scale', single],
      ['ratio_range', ratioRange!],
      ['keep_ratio', keepRatio],
    ]);
  } else if (single !== undefined) {
    converted = transform('Resize', [
      ['scale', single],
      ['keep_ratio', keepRatio],
    ]);
  } else if (imgScale.items.length === 0) {
    return error('`Resize.img_scale` is an empty list; kept as written.');
  } else if (mode === 'value') {
    converted = transform('RandomChoiceResize', [
      ['scales', imgScale],
      ['keep_ratio', keepRatio],
    ]);
  } else if (mode === 'range') {
    if (imgScale.items.length > 2) {
      return error(
        '`Resize` in `range` mode takes two scales (0.x asserted this); kept as written.',
      );
    }
    converted = transform('RandomResize', [
      ['scale', imgScale],
      ['keep_ratio', keepRatio],
    ]);
    const shortFirst = imgScale.items.some(
      (s) =>
        isSeq(s) &&
        s.items.length === 2 &&
        s.items.every((n) => n.t === 'int' || n.t === 'float') &&
        (s.items[0] as { v: number }).v < (s.items[1] as { v: number }).v,
    );
    scope.findings.push(
      shortFirst
        ? findingAt(
            'PIPE-003',
            'warning',
            t,
            scope.ctx,
            '`Resize` range with a scale whose first entry is smaller than its second: 0.x sampled (long edge, short edge), mmcv 2.x `RandomResize` samples (w, h) per position.',
          )
        : findingAt(
            'PIPE-003',
            'info',
            t,
            scope.ctx,
            'The `Resize` range between two scales becomes `RandomResize(scale=[S1, S2])`, which samples (w, h) per position; 0.x sampled (long edge, short edge), the same for these scales.',
          ),
    );
  } else {
    return error(
      '`Resize.multiscale_mode` must be `range` or `value` (0.x asserted this); kept as written.',
    );
  }
  if (!isNone(t.entries.get('min_size'))) {
    scope.findings.push(
      findingAt(
        'PIPE-003',
        'warning',
        t,
        scope.ctx,
        '`Resize.min_size` has no 1.x equivalent and is dropped.',
      ),
    );
  }
  return converted;
}

/** `RandomFlip`: `flip_ratio` → `prob`, a float (PIPE-004, PIPE-019). */
export function convertRandomFlip(t: DictValue, scope: Scope): Value {
  const renames = ARG_RENAMES.RandomFlip;
  const renamed = [...t.entries].map(([k, v]): [DictKey, Value] => [renames[String(k)] ?? k, v]);
  const probs = renamed.filter(([k]) => k === 'prob');
  if (probs.length > 1) {
    scope.findings.push(
      findingAt(
        'PIPE-004',
        'error',
        t,
        scope.ctx,
        '`RandomFlip` sets both `prob` and `flip_ratio`; kept as written.',
      ),
    );
    return t;
  }
  const prob = probs[0]?.[1];
  if (isNone(prob)) {
    scope.findings.push(
      findingAt(
        'PIPE-004',
        'error',
        t,
        scope.ctx,
        '`RandomFlip` without `prob` outside `MultiScaleFlipAug` crashed in 0.x, and mmcv 2.x refuses `prob=None`; kept as written.',
      ),
    );
    return t;
  }
  if (prob!.t !== 'int' && prob!.t !== 'float') {
    scope.findings.push(
      findingAt(
        'PIPE-019',
        'warning',
        prob,
        scope.ctx,
        '`RandomFlip.prob` cannot be read; mmcv 2.x needs a float.',
      ),
    );
  }
  const entries = renamed.map(([k, v]): [DictKey, Value] =>
    k === 'prob' ? [k, asFloat(v)] : [k, v],
  );
  const unchanged = entries.every(
    ([k, v], i) => k === [...t.entries.keys()][i] && v === t.entries.get(k),
  );
  return unchanged ? t : dict(entries);
}

/**
 * The `PackSegInputs` that replaces the formatting transforms (PIPE-008),
 * from the last 0.x `Collect` when there is one.
 */
export function packSegInputs(collect: DictValue | undefined, scope: Scope): DictValue {
  if (collect === undefined) return transform('PackSegInputs');
  const keys = collect.entries.get('keys');
  if (isSeq(keys)) {
    const extra = keys.items
      .map(strOf)
      .filter((k) => k === undefined || !table.collectKeysPacked.includes(k));
    if (extra.length > 0) {
      scope.findings.push(
        findingAt(
          'PIPE-008',
          'warning',
          collect,
          scope.ctx,
          `\`Collect\` keys other than \`img\` and \`gt_semantic_seg\` (${extra.map((k) => (k === undefined ? '?' : `'${k}'`)).join(', ')}) are not packed by \`PackSegInputs\`.`,
        ),
      );
    }
  }
  const metaKeys = collect.entries.get('meta_keys');
  if (metaKeys === undefined) return transform('PackSegInputs');
  const names = isSeq(metaKeys) ? metaKeys.items.map(strOf) : [];
  if (!isSeq(metaKeys) || names.some((n) => n === undefined)) {
    scope.findings.push(
      findingAt(
        'PIPE-008',
        'warning',
        metaKeys,
        scope.ctx,
        '`Collect.meta_keys` cannot be read; `PackSegInputs` uses the 1.x default meta keys.',
      ),
    );
    return transform('PackSegInputs');
  }
  const given = names as string[];
  const defaults0x = table.collectMetaKeys0x;
  if (given.length === defaults0x.length && defaults0x.every((k) => given.includes(k))) {
    return transform('PackSegInputs');
  }
  const renames = table.metaKeyRenames as Record<string, string>;
  const kept: string[] = [];
  for (const k of given) {
    const name = renames[k] ?? k;
    if (!table.metaKeysDropped.includes(name) && !kept.includes(name)) kept.push(name);
  }
  for (const k of table.packMetaKeys1x) if (!kept.includes(k)) kept.push(k);
  scope.findings.push(
    findingAt(
      'PIPE-008',
      'info',
      metaKeys,
      scope.ctx,
      'Custom `Collect.meta_keys` become `PackSegInputs.meta_keys`: `filename` is `img_path`, `ori_filename` and `img_norm_cfg` are dropped, and the 1.x default keys are added because 1.x post-processing needs them.',
    ),
  );
  const items = kept.map((k) => str(k));
  return transform('PackSegInputs', [
    ['meta_keys', metaKeys.t === 'tuple' ? tuple(items) : list(items)],
  ]);
}
