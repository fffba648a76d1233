/**
 * The `data` pass (spec §3, DATA-001…DATA-010, DATA-022…DATA-025): `data` →
 * `train_dataloader` / `val_dataloader` / `test_dataloader`, with 0.x's
 * implicit loader defaults made explicit, the datasets converted by
 * `dataset.ts`, and the datasets' pipelines kept as references to the
 * top-level pipeline variables (hoisting inline ones).
 */
import table from '../../rules/data.json' with { type: 'json' };
import type { Finding } from '../report/findings.js';
import {
  bool,
  dict,
  int,
  isDict,
  isSeq,
  numOf,
  str,
  strOf,
  valueEquals,
  type DictKey,
  type DictValue,
  type Value,
  editDict,
} from '../python/values.js';
import {
  convertDataset,
  evalReduceZeroLabel,
  type Converted,
  type PipelineRole,
  type Split,
} from './dataset.js';
import {
  convertTestPipeline,
  convertTrainPipeline,
  pipelineOptionsFor,
  type PipelineOptions,
} from './pipeline.js';
import { findingAt, type ConvertContext, type Pass } from './types.js';

const loaderTable = table.loader;
const SPLITS: Split[] = ['train', 'val', 'test'];
const RENAMES = loaderTable.renames as Record<string, string>;
/** Keys a loader dict is built from explicitly, so they are not copied through as "other keys". */
const HANDLED = new Set([
  ...Object.keys(RENAMES),
  'shuffle',
  'persistent_workers',
  'drop_last',
  ...loaderTable.dropped,
]);

export type SamplerKind = 'iter' | 'epoch';

/** Whether the train loader is iteration- or epoch-based (DATA-006), from `runner` (0.x default `IterBasedRunner`). */
export function trainSamplerKind(
  old: DictValue,
  ctx: ConvertContext,
): { kind: SamplerKind; findings: Finding[] } {
  const runner = old.entries.get('runner');
  if (runner === undefined) return { kind: 'iter', findings: [] };
  const unreadable = (v: Value) => ({
    kind: 'iter' as const,
    findings: [
      findingAt(
        'DATA-006',
        'warning',
        v,
        ctx,
        '`runner` cannot be read; the train loader uses `InfiniteSampler` (iteration-based, the 0.x default).',
      ),
    ],
  });
  if (!isDict(runner)) return unreadable(runner);
  const typeValue = runner.entries.get('type');
  const type = strOf(typeValue);
  if (typeValue !== undefined && type === undefined) return unreadable(typeValue);
  if (type !== undefined && loaderTable.epochRunners.includes(type))
    return { kind: 'epoch', findings: [] };
  if (type !== undefined && loaderTable.iterRunners.includes(type))
    return { kind: 'iter', findings: [] };
  // A custom runner, or a partial `runner` without a type: its name or its length key tells.
  const epoch = type?.includes('Epoch') || runner.entries.has('max_epochs');
  return { kind: epoch ? 'epoch' : 'iter', findings: [] };
}

/** The value without the variable name it was read through, so it is printed as a value. */
function withoutVia(v: Value): Value {
  if (v.at?.via === undefined) return v;
  const { via: _via, ...at } = v.at;
  return { ...v, at };
}

/**
 * Converts `data.train`/`val`/`test` pipelines. A pipeline read through a
 * top-level variable whose value is still the same becomes a reference to that
 * variable as already converted in `out`; an inline pipeline is converted and
 * hoisted to `train_pipeline`/`test_pipeline` when the name is free (DATA-024).
 */
function pipelineWiring(old: DictValue, out: DictValue, ctx: ConvertContext) {
  const hoisted = new Map<string, { source: Value; value: Value }>();
  const added: [string, Value][] = [];

  const reference = (target: Value, name: string, source: Value): Value => {
    if (target.at?.via === name) return target;
    const at = target.at ?? source.at ?? { file: ctx.file, start: 0, end: 0, line: 0 };
    return { ...target, at: { ...at, via: name } };
  };

  // Whatever the pipeline module needs from outside a test pipeline, per evaluated dataset.
  const trainLoad = pipelineOptionsFor(old).trainLoadAnnotations;
  const convertFresh = (p: Value, role: PipelineRole, ds: DictValue): Converted => {
    if (role !== 'test') return convertTrainPipeline(p, ctx, { inner: role === 'inner' });
    const annDir = ds.entries.get('ann_dir');
    const opts: PipelineOptions = { evalReduceZeroLabel: evalReduceZeroLabel(ds) ?? 'unknown' };
    // A partial dataset dict (a child's override) that names no directory says nothing about ground truth.
    if (annDir !== undefined || ds.entries.has('img_dir')) {
      opts.hasGroundTruth = annDir !== undefined && annDir.t !== 'none';
    }
    if (trainLoad !== undefined) opts.trainLoadAnnotations = trainLoad;
    const r = convertTestPipeline(p, ctx, opts);
    return { value: r.value, findings: r.findings };
  };

  const convert = (p: Value, role: PipelineRole, ds: DictValue): Converted => {
    const via = p.at?.via;
    if (via !== undefined) {
      const viaValue = old.entries.get(via);
      const target = out.entries.get(via);
      if (viaValue !== undefined && target !== undefined && valueEquals(viaValue, p)) {
        return { value: reference(target, via, p), findings: [] };
      }
      // Built from an earlier value of the variable (a base's, INH-007): the
      // 1.x base keeps its own reference, so the merged view holds the value.
      // Its findings belong to the file that wrote the variable, whose own
      // conversion reports them.
      if (viaValue !== undefined && !valueEquals(viaValue, p)) {
        return { value: withoutVia(convertFresh(p, role, ds).value), findings: [] };
      }
    }
    const name =
      role === 'train' ? 'train_pipeline' : role === 'test' ? 'test_pipeline' : undefined;
    if (name !== undefined) {
      const named = old.entries.get(name);
      const target = out.entries.get(name);
      if (named !== undefined && target !== undefined && valueEquals(named, p)) {
        return { value: reference(target, name, p), findings: [] };
      }
      const earlier = hoisted.get(name);
      if (earlier !== undefined && valueEquals(earlier.source, p)) {
        return { value: reference(earlier.value, name, p), findings: [] };
      }
      if (named === undefined && target === undefined && earlier === undefined) {
        const fresh = convertFresh(p, role, ds);
        hoisted.set(name, { source: p, value: fresh.value });
        added.push([name, fresh.value]);
        const note = findingAt(
          'DATA-024',
          'info',
          p,
          ctx,
          `The inline ${role} pipeline is moved to the top-level \`${name}\` and referenced from the dataset.`,
        );
        return { value: reference(fresh.value, name, p), findings: [note, ...fresh.findings] };
      }
    }
    const fresh = convertFresh(p, role, ds);
    const findings = [...fresh.findings];
    if (name !== undefined) {
      findings.unshift(
        findingAt(
          'DATA-024',
          'info',
          p,
          ctx,
          `The inline ${role} pipeline stays inline: \`${name}\` already names a different pipeline.`,
        ),
      );
    }
    return { value: fresh.value, findings };
  };

  return { convert, added: () => added };
}

/** The 0.x settings each loader was built with, in 0.x precedence order (spec §3 preamble). */
function loaderSettings(data: DictValue, split: Split): Map<string, Value> {
  const settings = new Map<string, Value>();
  for (const [k, v] of data.entries) {
    if (typeof k !== 'string' || loaderTable.splitKeys.includes(k)) continue;
    // 0.x forced batch 1 and no shuffling on val/test after applying the `data` keys.
    if (split !== 'train' && (k === 'samples_per_gpu' || k === 'shuffle')) continue;
    settings.set(k, v);
  }
  const own = data.entries.get(`${split}_dataloader`);
  if (isDict(own)) {
    for (const [k, v] of own.entries) if (typeof k === 'string') settings.set(k, v);
  }
  return settings;
}

interface LoaderInput {
  split: Split;
  settings: Map<string, Value>;
  /** The converted dataset, when `data.<split>` is in the view. */
  dataset: Value | undefined;
  sampler: SamplerKind;
}

/** One 1.x loader dict (DATA-001…008), or undefined when the view says nothing about it. */
function buildLoader(
  { split, settings, dataset, sampler }: LoaderInput,
  ctx: ConvertContext,
): { loader: DictValue | undefined; findings: Finding[] } {
  const findings: Finding[] = [];
  const entries: [DictKey, Value][] = [];
  const structural = dataset !== undefined;

  const batch = settings.get('samples_per_gpu');
  if (split === 'train') {
    if (batch !== undefined) {
      if (batch.t !== 'int' && batch.t !== 'opaque') {
        findings.push(
          findingAt(
            'DATA-001',
            'warning',
            batch,
            ctx,
            `\`samples_per_gpu\` is a ${batch.t}, not an int; copied to \`batch_size\` as written.`,
          ),
        );
      }
      entries.push(['batch_size', batch]);
    }
  } else if (batch !== undefined) {
    const n = numOf(batch);
    if (n === undefined || n > 1) {
      findings.push(
        findingAt(
          'DATA-003',
          'warning',
          batch,
          ctx,
          `The ${split} loader keeps samples_per_gpu=${n ?? batch.t} as \`batch_size\`: the 1.x \`SegDataPreProcessor\` asserts that all images of a test batch have the same size.`,
        ),
      );
    }
    entries.push(['batch_size', batch]);
  } else if (structural) {
    entries.push(['batch_size', int(1)]);
  }

  const workers = settings.get('workers_per_gpu');
  if (workers !== undefined) {
    if (workers.t !== 'int' && workers.t !== 'opaque') {
      findings.push(
        findingAt(
          'DATA-002',
          'warning',
          workers,
          ctx,
          `\`workers_per_gpu\` is a ${workers.t}, not an int; copied to \`num_workers\` as written.`,
        ),
      );
    }
    entries.push(['num_workers', workers]);
  }

  const persistent =
    settings.get('persistent_workers') ?? (workers !== undefined ? bool(true) : undefined);
  if (persistent !== undefined) {
    if (workers !== undefined && numOf(workers) === 0 && persistent.t === 'bool' && persistent.v) {
      findings.push(
        findingAt(
          'DATA-007',
          'info',
          workers,
          ctx,
          `The ${split} loader has no workers, so \`persistent_workers\` is left out (torch refuses persistent workers without workers).`,
        ),
      );
    } else {
      entries.push(['persistent_workers', persistent]);
    }
  }

  const dropLast = settings.get('drop_last');
  if (dropLast !== undefined) entries.push(['drop_last', dropLast]);
  else if (split === 'train' && structural && sampler === 'epoch')
    entries.push(['drop_last', bool(true)]);

  for (const [k, v] of settings) {
    if (HANDLED.has(k)) continue;
    entries.push([k, v]);
  }

  const shuffle = settings.get('shuffle');
  if (shuffle !== undefined || structural) {
    const type = split === 'train' ? loaderTable.samplers[sampler] : loaderTable.samplers.eval;
    entries.push([
      'sampler',
      dict([
        ['type', str(type)],
        ['shuffle', shuffle ?? bool(split === 'train')],
      ]),
    ]);
  }
  if (dataset !== undefined) entries.push(['dataset', dataset]);
  return { loader: entries.length > 0 ? dict(entries) : undefined, findings };
}

/** Findings about loader keys that do not carry over (DATA-004), and the DATA-008 note. */
function settingsFindings(data: DictValue, ctx: ConvertContext): Finding[] {
  const findings: Finding[] = [];
  const sources: DictValue[] = [data];
  for (const split of SPLITS) {
    const own = data.entries.get(`${split}_dataloader`);
    if (own === undefined) continue;
    if (isDict(own)) sources.push(own);
    else {
      findings.push(
        findingAt(
          'DATA-005',
          'warning',
          own,
          ctx,
          `\`data.${split}_dataloader\` is not a dict; it is dropped.`,
        ),
      );
    }
  }
  for (const source of sources) {
    for (const k of loaderTable.dropped) {
      const v = source.entries.get(k);
      if (v === undefined) continue;
      findings.push(
        findingAt(
          'DATA-004',
          'warning',
          v,
          ctx,
          `\`${k}\` in \`data\` is dropped: in 1.x the launcher and \`randomness\` set it.`,
        ),
      );
    }
  }
  return findings;
}

/** Drops repeated findings (one `data` key feeds up to three loaders). */
function unique(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}\u0000${f.file}\u0000${f.line}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Top-level dataset variables (`dataset_train = dict(...)`, read by
 * `data.train`) converted along with the loaders that read them, so no 0.x
 * dataset is left behind in a variable.
 */
function datasetVariables(old: DictValue, loaders: readonly Value[]): Map<string, Value> {
  const found = new Map<string, Value>();
  const walk = (v: Value) => {
    const via = v.at?.via;
    if (via !== undefined && via !== 'data' && !found.has(via)) {
      const original = old.entries.get(via);
      if (isDict(original) || isSeq(original)) found.set(via, v);
    }
    if (isDict(v)) for (const x of v.entries.values()) walk(x);
    else if (isSeq(v)) for (const x of v.items) walk(x);
  };
  for (const loader of loaders) {
    const dataset = isDict(loader) ? loader.entries.get('dataset') : undefined;
    if (dataset !== undefined) walk(dataset);
  }
  return found;
}

export const convertData: Pass = ({ old, out, ctx }) => {
  const data = old.entries.get('data');
  if (data === undefined) return { out, findings: [] };
  if (!isDict(data)) {
    return {
      out,
      findings: [
        findingAt(
          'DATA-010',
          'error',
          data,
          ctx,
          '`data` is not a dict; it is left as written and no dataloaders are produced.',
        ),
      ],
    };
  }
  const findings: Finding[] = [];
  const sampler = trainSamplerKind(old, ctx);
  findings.push(...sampler.findings, ...settingsFindings(data, ctx));

  const hasSplit = (s: Split) => data.entries.has(s);
  const structural = SPLITS.some(hasSplit);
  const wiring = pipelineWiring(old, out, ctx);
  const loaders = new Map<Split, DictValue>();
  // Test first, so that an inline test pipeline claims `test_pipeline` before val's.
  for (const split of ['train', 'test', 'val'] as const) {
    const ds = data.entries.get(split);
    let dataset: Value | undefined;
    if (ds !== undefined) {
      const converted = convertDataset(ds, ctx, { split, pipeline: wiring.convert });
      findings.push(...converted.findings);
      dataset = converted.value;
    } else if (structural && split !== 'train') {
      // DATA-023: the chain has no such split; mmengine wants loader, loop and evaluator together or none.
      continue;
    }
    const built = buildLoader(
      { split, settings: loaderSettings(data, split), dataset, sampler: sampler.kind },
      ctx,
    );
    findings.push(...built.findings);
    if (built.loader !== undefined) loaders.set(split, built.loader);
  }

  if (hasSplit('train')) {
    const settings = loaderSettings(data, 'train');
    if (!settings.has('samples_per_gpu') && old.entries.has('model')) {
      findings.push(
        findingAt(
          'DATA-001',
          'error',
          data,
          ctx,
          '`data.samples_per_gpu` is not set anywhere in the chain; the 0.x config could not train.',
        ),
      );
    }
    if (!settings.has('pin_memory')) {
      findings.push(
        findingAt(
          'DATA-008',
          'info',
          data,
          ctx,
          `\`pin_memory\` (0.x default True) is not written, as in the official 1.x configs${sampler.kind === 'epoch' ? '' : '; train `drop_last` only matters to epoch-based loaders and is not written'}.`,
        ),
      );
    }
    if (!hasSplit('val') && old.entries.has('evaluation')) {
      findings.push(
        findingAt(
          'DATA-023',
          'warning',
          data,
          ctx,
          '`evaluation` is set but `data.val` is not: 0.x training would have crashed. No val loader, loop or evaluator is written.',
        ),
      );
    }
  }

  const next = editDict(out);
  next.delete('data');
  for (const [k, v] of wiring.added()) next.set(k, v);
  for (const [k, v] of datasetVariables(old, [...loaders.values()])) next.set(k, v);
  const val = loaders.get('val');
  let test = loaders.get('test');
  // DATA-009: the same object under both keys lets the emitter write `test_dataloader = val_dataloader`.
  if (val !== undefined && test !== undefined && valueEquals(val, test)) test = val;
  for (const split of SPLITS) {
    const loader = split === 'test' ? test : loaders.get(split);
    if (loader !== undefined) next.set(`${split}_dataloader`, loader);
  }
  return { out: next.value, findings: unique(findings) };
};
