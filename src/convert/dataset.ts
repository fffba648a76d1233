/**
 * One 0.x dataset dict → its 1.x form (spec §3, DATA-011…DATA-021): class
 * renames, `data_prefix`/`ann_file`/`metainfo`, `backend_args`, the
 * `reduce_zero_label` reconciliation of DATA-017, dataset wrappers and the
 * implicit concatenations of 0.x. Pipelines are handed to a callback, because
 * where a pipeline ends up (a shared variable or inline) is the loader's concern.
 */
import table from '../../rules/data.json' with { type: 'json' };
import type { Finding } from '../report/findings.js';
import {
  bool,
  dict,
  isDict,
  isSeq,
  list,
  str,
  strOf,
  valueEquals,
  type DictKey,
  type DictValue,
  type Value,
} from '../python/values.js';
import { findingAt, type ConvertContext } from './types.js';

export type Split = 'train' | 'val' | 'test';

/** What a pipeline is used for: the train or eval pipeline of a leaf dataset, or the loading pipeline inside a mix wrapper. */
export type PipelineRole = 'train' | 'test' | 'inner';

export interface Converted {
  value: Value;
  findings: Finding[];
}

export interface DatasetOptions {
  split: Split;
  /** Converts the `pipeline` value of the 0.x dataset dict `dataset`. */
  pipeline: (pipeline: Value, role: PipelineRole, dataset: DictValue) => Converted;
}

interface ClassInfo {
  flag0x: 'fixed' | 'kwarg';
  value0x: boolean;
  default1x: boolean | null;
  rename?: string;
}

const classes = table.datasetClasses as Record<string, ClassInfo>;
const keys = table.datasetKeys;
const wrappers = table.wrappers as Record<string, { inner?: string; inners?: string }>;
const PREFIX_KEYS = keys.prefix as Record<string, string>;

/** The 0.x class entry of the dataset table, if the class is a known mmseg 0.30 dataset. */
export function datasetClass(type: string | undefined): ClassInfo | undefined {
  return type !== undefined && Object.hasOwn(classes, type) ? classes[type] : undefined;
}

/**
 * The leaf dataset dicts of a 0.x dataset value: lists, `ConcatDataset`,
 * `RepeatDataset` and `MultiImageMixDataset` are looked through. Values that
 * are not dicts are skipped.
 */
export function leafDatasets(ds: Value | undefined): DictValue[] {
  if (ds === undefined) return [];
  if (isSeq(ds)) return ds.items.flatMap((d) => leafDatasets(d));
  if (!isDict(ds)) return [];
  const wrapper = wrappers[strOf(ds.entries.get('type')) ?? ''];
  if (wrapper?.inner !== undefined) return leafDatasets(ds.entries.get(wrapper.inner));
  if (wrapper?.inners !== undefined) return leafDatasets(ds.entries.get(wrapper.inners));
  return [ds];
}

/** The `reduce_zero_label` of the first `LoadAnnotations` in a 0.x pipeline: explicit value, implicit False, or absent. */
export function loadAnnotationsFlag(
  pipeline: Value | undefined,
): { value: Value; explicit: boolean } | undefined {
  if (!isSeq(pipeline)) return undefined;
  for (const t of pipeline.items) {
    if (isDict(t) && strOf(t.entries.get('type')) === 'LoadAnnotations') {
      const flag = t.entries.get('reduce_zero_label');
      return flag === undefined
        ? { value: bool(false), explicit: false }
        : { value: flag, explicit: true };
    }
  }
  return undefined;
}

/**
 * The flag 0.x evaluated a dataset with (DATA-017 step 2, "D0"): the explicit
 * `reduce_zero_label`, else the class value; undefined when unknown.
 */
export function evalReduceZeroLabel(ds: DictValue): boolean | undefined {
  const explicit = ds.entries.get('reduce_zero_label');
  if (explicit !== undefined) return explicit.t === 'bool' ? explicit.v : undefined;
  return datasetClass(strOf(ds.entries.get('type')))?.value0x;
}

/** `file_client_args` → `backend_args` (DATA-015); undefined means "leave the key out". */
export function convertFileClientArgs(
  args: Value,
  ctx: ConvertContext,
): { value: Value | undefined; findings: Finding[] } {
  if (!isDict(args)) {
    return {
      value: args,
      findings: [
        findingAt(
          'DATA-015',
          'warning',
          args,
          ctx,
          '`file_client_args` is not a dict; moved to `backend_args` as written.',
        ),
      ],
    };
  }
  const backend = strOf(args.entries.get('backend'));
  const omit = table.fileClient.omitWhen;
  if (backend === omit.backend && args.entries.size === 1)
    return { value: undefined, findings: [] };
  if (backend !== undefined && table.fileClient.knownBackends.includes(backend)) {
    return { value: args, findings: [] };
  }
  return {
    value: args,
    findings: [
      findingAt(
        'DATA-015',
        'warning',
        args,
        ctx,
        `File backend ${backend === undefined ? '(not a string)' : `'${backend}'`} is not a known mmengine backend; moved to \`backend_args\` as written.`,
      ),
    ],
  };
}

/** Converts one 0.x dataset value (a dict, a wrapper, or a list of datasets). */
export function convertDataset(ds: Value, ctx: ConvertContext, opts: DatasetOptions): Converted {
  return convertAny(ds, ctx, opts, []);
}

function convertAny(
  ds: Value,
  ctx: ConvertContext,
  opts: DatasetOptions,
  outer: Value[],
): Converted {
  const converted = convertShape(ds, ctx, opts, outer);
  // A dataset read through a variable (`train=dataset_train`) keeps that
  // name, so the variable itself is converted and the loader can reuse it.
  if (ds.at?.via !== undefined && converted.value !== ds) {
    return { ...converted, value: { ...converted.value, at: ds.at } };
  }
  return converted;
}

function convertShape(
  ds: Value,
  ctx: ConvertContext,
  opts: DatasetOptions,
  outer: Value[],
): Converted {
  if (isSeq(ds)) return convertList(ds.items, ds, ctx, opts, outer);
  if (!isDict(ds)) {
    return {
      value: ds,
      findings: [
        findingAt(
          'DATA-011',
          'error',
          ds,
          ctx,
          `The ${opts.split} dataset is not a dict (${ds.t}); left as written.`,
        ),
      ],
    };
  }
  const type = strOf(ds.entries.get('type'));
  if (type !== undefined && Object.hasOwn(wrappers, type))
    return convertWrapper(ds, type, ctx, opts, outer);
  if (isImplicitConcat(ds)) return convertImplicitConcat(ds, ctx, opts, outer);
  return convertLeaf(ds, ctx, opts, outer);
}

/** DATA-019: a list of datasets is an implicit `ConcatDataset`. */
function convertList(
  items: Value[],
  at: Value,
  ctx: ConvertContext,
  opts: DatasetOptions,
  outer: Value[],
): Converted {
  const findings: Finding[] = [];
  if (opts.split !== 'train') findings.push(separateEvalWarning(at, ctx, opts.split));
  const parts = items.map((d) => convertAny(d, ctx, opts, outer));
  for (const p of parts) findings.push(...p.findings);
  const value = dict([
    ['type', str('ConcatDataset')],
    ['datasets', list(parts.map((p) => p.value))],
  ]);
  return { value, findings };
}

function separateEvalWarning(at: Value, ctx: ConvertContext, split: Split): Finding {
  return findingAt(
    'DATA-019',
    'warning',
    at,
    ctx,
    `The ${split} datasets are concatenated: 0.x evaluated each part separately (separate_eval=True), mmengine evaluates the concatenation as one and requires equal metainfo across the parts.`,
  );
}

/** DATA-018 / DATA-021 and explicit `ConcatDataset`: keep the wrapper, convert what it wraps. */
function convertWrapper(
  ds: DictValue,
  type: string,
  ctx: ConvertContext,
  opts: DatasetOptions,
  outer: Value[],
): Converted {
  const findings: Finding[] = [];
  const wrapper = wrappers[type];
  const ownPipeline = ds.entries.get('pipeline');
  const innerOuter = ownPipeline === undefined ? outer : [ownPipeline, ...outer];
  const entries: [DictKey, Value][] = [];
  for (const [k, v] of ds.entries) {
    if (k === wrapper.inner) {
      const inner = convertAny(v, ctx, opts, innerOuter);
      findings.push(...inner.findings);
      entries.push([k, inner.value]);
    } else if (k === wrapper.inners && isSeq(v)) {
      const parts = v.items.map((d) => convertAny(d, ctx, opts, outer));
      for (const p of parts) findings.push(...p.findings);
      entries.push([k, list(parts.map((p) => p.value))]);
    } else if (k === 'pipeline') {
      const p = opts.pipeline(v, opts.split === 'train' ? 'train' : 'test', ds);
      findings.push(...p.findings);
      entries.push([k, p.value]);
    } else if (k === 'separate_eval') {
      if (opts.split !== 'train') findings.push(separateEvalWarning(ds, ctx, opts.split));
    } else {
      entries.push([k, v]);
    }
  }
  if (type === 'ConcatDataset' && opts.split !== 'train' && !ds.entries.has('separate_eval')) {
    findings.push(separateEvalWarning(ds, ctx, opts.split));
  }
  return { value: dict(entries), findings };
}

function isImplicitConcat(ds: DictValue): boolean {
  return isSeq(ds.entries.get('img_dir')) || isSeq(ds.entries.get('split'));
}

const countOf = (v: Value | undefined): number =>
  v === undefined || v.t === 'none' ? 0 : isSeq(v) ? v.items.length : 1;

/**
 * DATA-020: 0.x `_concat_dataset` expanded list-valued `img_dir`/`ann_dir`/`split`
 * into one dataset per entry. The length checks are the ones 0.x asserted.
 */
function convertImplicitConcat(
  ds: DictValue,
  ctx: ConvertContext,
  opts: DatasetOptions,
  outer: Value[],
): Converted {
  const imgDir = ds.entries.get('img_dir');
  const annDir = ds.entries.get('ann_dir');
  const split = ds.entries.get('split');
  const nImg = isSeq(imgDir) ? imgDir.items.length : 1;
  const nAnn = countOf(annDir);
  const nSplit = countOf(split);
  const ok =
    nImg > 1
      ? (nAnn === nImg || nAnn === 0) && (nSplit === nImg || nSplit === 0)
      : nSplit === nAnn || nAnn <= 1;
  if (!ok) {
    return {
      value: ds,
      findings: [
        findingAt(
          'DATA-020',
          'error',
          ds,
          ctx,
          `The ${opts.split} dataset lists ${nImg} img_dir, ${nAnn} ann_dir and ${nSplit} split entries; 0.x asserted matching lengths. Left as written.`,
        ),
      ],
    };
  }
  const count = Math.max(nSplit, nImg);
  const listed = new Set(keys.implicitConcat);
  const findings: Finding[] = [];
  if (opts.split !== 'train') findings.push(separateEvalWarning(ds, ctx, opts.split));
  const copies: Value[] = [];
  for (let i = 0; i < count; i++) {
    const entries: [DictKey, Value][] = [];
    for (const [k, v] of ds.entries) {
      if (k === 'separate_eval') continue;
      entries.push([k, typeof k === 'string' && listed.has(k) && isSeq(v) ? v.items[i] : v]);
    }
    const part = convertLeaf(dict(entries), ctx, opts, outer);
    // Each copy shares the pipeline and the other keys, so report their findings once.
    if (i === 0) findings.push(...part.findings);
    copies.push(part.value);
  }
  return {
    value: dict([
      ['type', str('ConcatDataset')],
      ['datasets', list(copies)],
    ]),
    findings,
  };
}

/** DATA-011…017 on a plain dataset dict. */
function convertLeaf(
  ds: DictValue,
  ctx: ConvertContext,
  opts: DatasetOptions,
  outer: Value[],
): Converted {
  const findings: Finding[] = [];
  const typeValue = ds.entries.get('type');
  const type = strOf(typeValue);
  const info = datasetClass(type);
  findings.push(...checkType(typeValue, type, info, ctx));

  const prefix: [DictKey, Value][] = [];
  for (const [from, to] of Object.entries(PREFIX_KEYS)) {
    const v = ds.entries.get(from);
    if (v !== undefined) prefix.push([to, v]);
  }
  const metainfo: [DictKey, Value][] = keys.metainfo
    .filter((k) => ds.entries.has(k))
    .map((k) => [k, ds.entries.get(k) as Value]);

  const entries: [DictKey, Value][] = [];
  for (const [k, v] of ds.entries) {
    if (k === 'type' && info?.rename !== undefined) {
      entries.push([k, str(info.rename)]);
    } else if (typeof k === 'string' && Object.hasOwn(PREFIX_KEYS, k)) {
      if (!entries.some(([e]) => e === 'data_prefix')) entries.push(['data_prefix', dict(prefix)]);
    } else if (k === keys.annFile) {
      // 1.x reads `ann_file` as a path; None (0.x "no split file") is its default ''.
      if (v.t !== 'none') entries.push(['ann_file', v]);
    } else if (typeof k === 'string' && keys.metainfo.includes(k)) {
      if (!entries.some(([e]) => e === 'metainfo')) entries.push(['metainfo', dict(metainfo)]);
    } else if (k === 'file_client_args') {
      const converted = convertFileClientArgs(v, ctx);
      findings.push(...converted.findings);
      if (converted.value !== undefined) entries.push(['backend_args', converted.value]);
    } else if (typeof k === 'string' && keys.dropped.includes(k)) {
      findings.push(
        findingAt(
          'DATA-016',
          'warning',
          v,
          ctx,
          `\`${k}\` is dropped: in 1.x the ground truth comes from \`LoadAnnotations\` in the test pipeline.`,
        ),
      );
    } else if (k === 'pipeline') {
      const p = opts.pipeline(
        v,
        outer.length > 0 ? 'inner' : opts.split === 'train' ? 'train' : 'test',
        ds,
      );
      findings.push(...p.findings);
      entries.push([k, p.value]);
    } else {
      entries.push([k, v]);
    }
  }
  const flagged = reconcileReduceZeroLabel(ds, type, info, ctx, opts, outer);
  findings.push(...flagged.findings);
  let value = dict(entries);
  if (flagged.value !== undefined) {
    const entriesWithFlag = new Map(value.entries);
    entriesWithFlag.set('reduce_zero_label', flagged.value);
    value = dict(entriesWithFlag);
  }
  return { value: valueEquals(value, ds) ? ds : value, findings };
}

function checkType(
  typeValue: Value | undefined,
  type: string | undefined,
  info: ClassInfo | undefined,
  ctx: ConvertContext,
): Finding[] {
  if (typeValue === undefined) return [];
  if (type === undefined) {
    return [
      findingAt(
        'DATA-011',
        'warning',
        typeValue,
        ctx,
        'The dataset type cannot be read; it is kept as written and must be a 1.x dataset class.',
      ),
    ];
  }
  if (info === undefined) {
    return [
      findingAt(
        'DATA-011',
        'warning',
        typeValue,
        ctx,
        `Dataset class '${type}' is not an mmseg 0.30 dataset: port it to \`BaseSegDataset\` (samples with \`img_path\`/\`seg_map_path\`, \`load_data_list\`).`,
      ),
    ];
  }
  if (info.default1x === null) {
    return [
      findingAt(
        'DATA-011',
        'error',
        typeValue,
        ctx,
        `Dataset class '${type}' does not exist in mmseg 1.x.`,
      ),
    ];
  }
  return [];
}

/**
 * DATA-017: the 1.x dataset flag must equal what 0.x used. For a train dataset
 * that is the train `LoadAnnotations` flag (R, searched in the dataset's own
 * pipeline and then in its wrappers'); for val/test it is the dataset's own 0.x
 * flag (D0). Returns the value to write on the dataset, if it must change.
 */
function reconcileReduceZeroLabel(
  ds: DictValue,
  type: string | undefined,
  info: ClassInfo | undefined,
  ctx: ConvertContext,
  opts: DatasetOptions,
  outer: Value[],
): { value: Value | undefined; findings: Finding[] } {
  const explicit = ds.entries.get('reduce_zero_label');
  const none = { value: undefined, findings: [] };
  if (opts.split === 'train') {
    const loads = [ds.entries.get('pipeline'), ...outer]
      .map(loadAnnotationsFlag)
      .find((f) => f !== undefined);
    if (loads === undefined) return none;
    if (loads.value.t !== 'bool') {
      return {
        value: undefined,
        findings: [
          findingAt(
            'DATA-017',
            'warning',
            loads.value,
            ctx,
            '`LoadAnnotations.reduce_zero_label` cannot be read; the dataset flag is left as written (1.x asserts that both agree).',
          ),
        ],
      };
    }
    const r = loads.value.v;
    if (info === undefined || info.default1x === null) {
      if (type === undefined || (!r && explicit === undefined)) return none;
      return {
        value: undefined,
        findings: [unknownClassFlag(ds, type, ctx)],
      };
    }
    if (explicit !== undefined && explicit.t === 'bool' && explicit.v === r) return none;
    const findings: Finding[] = [];
    if (explicit !== undefined) {
      findings.push(
        findingAt(
          'DATA-017',
          'info',
          explicit,
          ctx,
          `The train dataset flag is set to reduce_zero_label=${pyBool(r)}, the \`LoadAnnotations\` value 0.x trained with (the 0.x dataset flag only affected evaluation).`,
        ),
      );
      return { value: bool(r), findings };
    }
    if (r === info.default1x) return none;
    if (!r && !loads.explicit) {
      findings.push(
        findingAt(
          'DATA-017',
          'info',
          ds,
          ctx,
          `0.x trained without label reduction (\`LoadAnnotations\` default), so reduce_zero_label=False is written on the ${type} train dataset.`,
        ),
      );
    }
    return { value: bool(r), findings };
  }
  if (info === undefined || info.default1x === null) {
    if (type === undefined || explicit === undefined) return none;
    return { value: undefined, findings: [unknownClassFlag(ds, type, ctx)] };
  }
  if (explicit !== undefined) {
    if (explicit.t !== 'bool') {
      return {
        value: undefined,
        findings: [
          findingAt(
            'DATA-017',
            'warning',
            explicit,
            ctx,
            '`reduce_zero_label` cannot be read; kept as written (1.x asserts that `LoadAnnotations` agrees).',
          ),
        ],
      };
    }
    return none;
  }
  return info.value0x === info.default1x ? none : { value: bool(info.value0x), findings: [] };
}

function unknownClassFlag(ds: DictValue, type: string, ctx: ConvertContext): Finding {
  return findingAt(
    'DATA-017',
    'warning',
    ds,
    ctx,
    `Dataset class '${type}' is unknown, so its reduce_zero_label is kept as written: 1.x asserts that the pipeline flag equals the dataset flag.`,
  );
}

const pyBool = (b: boolean): string => (b ? 'True' : 'False');
