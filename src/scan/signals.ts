/**
 * The version signals of one config file (spec DET-002, DET-003, DET-004),
 * read from the file's own top-level values: the keys it assigns, the
 * transforms in its pipelines, its dataset dicts and its type names. Values
 * inherited from bases are not the file's own and give no signal; a neutral
 * file takes the verdict of its chains later (DET-006).
 */
import type { DictValue, Value } from '../python/values.js';
import { compareCodeUnits } from '../report/findings.js';

export type SignalKind = 'strong-0.x' | 'weak-0.x' | 'strong-1.x';

export interface Signal {
  /** What was seen: a top-level key (`lr_config`), `pipeline:Collect`, `dataset.img_dir`, … */
  key: string;
  /** 1-based line of the assignment or of the dict that holds the construct. */
  line: number;
  kind: SignalKind;
}

/** Top-level keys whose mere presence marks a 0.x file (DET-002). `data` is checked by shape. */
const STRONG_0X_KEYS = [
  'optimizer_config',
  'lr_config',
  'momentum_config',
  'runner',
  'checkpoint_config',
  'log_config',
  'evaluation',
  'workflow',
  'dist_params',
  'resume_from',
  'auto_resume',
];

/** Keys the official 1.x configs still carry as inert leftovers (DET-003). */
const WEAK_0X_KEYS = [
  'img_norm_cfg',
  'fp16',
  'total_iters',
  'cudnn_benchmark',
  'gpu_ids',
  'mp_start_method',
  'opencv_num_threads',
];

/** Weak keys that are signals only when they hold a dict. */
const DICT_WEAK_KEYS = ['img_norm_cfg', 'fp16'];

/** Top-level keys only mmengine reads (DET-004). */
const STRONG_1X_KEYS = [
  'train_dataloader',
  'val_dataloader',
  'test_dataloader',
  'optim_wrapper',
  'param_scheduler',
  'val_evaluator',
  'test_evaluator',
  'default_hooks',
  'default_scope',
  'env_cfg',
  'visualizer',
  'vis_backends',
  'log_processor',
  'tta_pipeline',
  'tta_model',
  'randomness',
  'model_wrapper_cfg',
  'auto_scale_lr',
  'data_preprocessor',
];

/** Every top-level key that makes a Python file a config candidate (DET-001), besides the signal keys. */
export const NEUTRAL_CONFIG_KEYS = [
  '_base_',
  'model',
  'data',
  'optimizer',
  'norm_cfg',
  'crop_size',
  'custom_imports',
  'custom_hooks',
  'load_from',
  'log_level',
  'work_dir',
  'find_unused_parameters',
  'train_pipeline',
  'test_pipeline',
  'dataset_type',
  'data_root',
  'train_cfg',
  'val_cfg',
  'test_cfg',
  'resume',
];

export const CONFIG_KEYS: ReadonlySet<string> = new Set([
  ...NEUTRAL_CONFIG_KEYS,
  ...STRONG_0X_KEYS,
  ...WEAK_0X_KEYS,
  ...STRONG_1X_KEYS,
]);

/** `data` keys only the 0.x dict has. */
const DATA_0X_KEYS = ['samples_per_gpu', 'workers_per_gpu', 'train', 'val', 'test'];

/** Keys of a 0.x top-level `train_cfg`/`test_cfg`, which 0.x passed to the model. */
const MODEL_CFG_KEYS = ['mode', 'crop_size', 'stride', 'sampler'];

/** Keys that make a `train_cfg` a 1.x loop config. */
const LOOP_KEYS = ['max_iters', 'max_epochs', 'val_interval', 'by_epoch'];

/** Transform types only 0.x pipelines use. */
const TRANSFORMS_0X = [
  'DefaultFormatBundle',
  'Collect',
  'ImageToTensor',
  'ToTensor',
  'Transpose',
  'ToDataContainer',
  'Normalize',
];

/** Transform types only 1.x pipelines use. */
const TRANSFORMS_1X = ['PackSegInputs', 'RandomResize', 'RandomChoiceResize', 'TestTimeAug'];

/** Arguments that date a transform, per transform type. */
const TRANSFORM_ARGS: Record<string, { old: string[]; new: string[] }> = {
  Resize: {
    old: ['img_scale', 'ratio_range', 'multiscale_mode', 'min_size'],
    new: ['scale', 'scale_factor'],
  },
  RandomFlip: { old: ['flip_ratio'], new: [] },
  MultiScaleFlipAug: { old: ['img_scale'], new: [] },
};

const DATASET_KEYS_0X = ['img_dir', 'ann_dir', 'split'];
const DATASET_KEYS_1X = ['data_prefix', 'ann_file', 'metainfo'];

/** What a value found while walking is part of; decides which checks apply to the dicts in it. */
type Context = 'plain' | 'pipeline' | 'dataset';

export interface TopLevel {
  /** The file's own top-level names and values, in assignment order. */
  names: ReadonlyMap<string, Value>;
  /** Line of the (last) assignment of a name. */
  lineOf(name: string): number;
}

/** The signals of a file's top-level values, one per (key, line), in line order. */
export function valueSignals({ names, lineOf }: TopLevel): Signal[] {
  const found = new Map<string, Signal>();
  const add = (key: string, line: number, kind: SignalKind) => {
    const id = `${key}@${line}`;
    if (!found.has(id)) found.set(id, { key, line, kind });
  };

  for (const [name, value] of names) {
    const line = lineOf(name);
    if (STRONG_0X_KEYS.includes(name)) add(name, line, 'strong-0.x');
    // `fp16` and `img_norm_cfg` are common words; only the dicts mmcv reads count.
    if (WEAK_0X_KEYS.includes(name) && (!DICT_WEAK_KEYS.includes(name) || isDict(value))) {
      add(name, line, 'weak-0.x');
    }
    if (STRONG_1X_KEYS.includes(name)) add(name, line, 'strong-1.x');
    if (name === 'data' && isDict(value) && DATA_0X_KEYS.some((k) => value.entries.has(k))) {
      add('data', line, 'strong-0.x');
    }
    if (name === 'resume' && value.t === 'bool') add('resume', line, 'strong-1.x');
    if (name === 'train_cfg' || name === 'val_cfg' || name === 'test_cfg') {
      const kind = runtimeCfgKind(name, value);
      if (kind) add(name, line, kind);
    }
    if (name === 'model' && isDict(value) && value.entries.has('data_preprocessor')) {
      add('model.data_preprocessor', line, 'strong-1.x');
    }
    if (name === 'custom_imports' && namesMmcls(value))
      add('custom_imports:mmcls', line, 'weak-0.x');
  }

  // A value shared through a variable is walked once per context it appears in.
  const seen = new Map<Value, Set<Context>>();
  const walk = (value: Value, context: Context, line: number): void => {
    // Scalars carry no signal of their own: only containers are walked and remembered.
    if (value.t !== 'list' && value.t !== 'tuple' && value.t !== 'dict') return;
    const contexts = seen.get(value) ?? new Set<Context>();
    if (contexts.has(context)) return;
    seen.set(value, contexts.add(context));
    const here = lineAt(value, line);
    if (value.t === 'list' || value.t === 'tuple') {
      for (const item of value.items) walk(item, context, here);
      return;
    }
    if (!isDict(value)) return;
    if (context === 'pipeline') transformSignals(value, here, add);
    if (context === 'dataset' || isDatasetDict(value)) datasetSignals(value, here, add);
    const type = value.entries.get('type');
    if (type?.t === 'str') {
      const typeLine = lineAt(type, here);
      if (type.v.startsWith('mmcls.')) add('type:mmcls.*', typeLine, 'weak-0.x');
      if (type.v.startsWith('mmpretrain.')) add('type:mmpretrain.*', typeLine, 'strong-1.x');
    }
    for (const [key, child] of value.entries) {
      if (key === 'backend_args') add('backend_args', lineAt(child, here), 'strong-1.x');
      walk(child, childContext(String(key), value), here);
    }
  };

  for (const [name, value] of names) {
    if (name === 'backend_args') add('backend_args', lineOf(name), 'strong-1.x');
    walk(value, topLevelContext(name), lineOf(name));
  }
  return [...found.values()].sort(compareSignals);
}

/** Line order, then key in code-unit order (the same on every machine). */
export function compareSignals(a: Signal, b: Signal): number {
  return a.line - b.line || compareCodeUnits(a.key, b.key);
}

/** `train_cfg`/`val_cfg`/`test_cfg`: a 0.x model setting, a 1.x loop, or neither. */
function runtimeCfgKind(name: string, value: Value): SignalKind | undefined {
  if (!isDict(value)) return undefined;
  const type = value.entries.get('type');
  const typeName = type?.t === 'str' ? type.v : undefined;
  if (typeName?.endsWith('Loop')) return 'strong-1.x';
  if (name === 'train_cfg' && LOOP_KEYS.some((k) => value.entries.has(k))) return 'strong-1.x';
  if (MODEL_CFG_KEYS.some((k) => value.entries.has(k))) return 'strong-0.x';
  return undefined;
}

/** `train_pipeline`, `tta_pipeline`, `albu_train_transforms`, … hold transforms. */
function topLevelContext(name: string): Context {
  return /pipeline|transforms$/.test(name) ? 'pipeline' : 'plain';
}

/** Where the values under `key` of `parent` sit: transforms, datasets or plain data. */
function childContext(key: string, parent: DictValue): Context {
  if (key === 'pipeline' || key === 'transforms') return 'pipeline';
  if (key === 'dataset' || key === 'datasets') return 'dataset';
  if ((key === 'train' || key === 'val' || key === 'test') && isDataDict(parent)) return 'dataset';
  return 'plain';
}

/** The 0.x `data` dict (or a partial override of it): has a loader key or a split. */
function isDataDict(value: DictValue): boolean {
  return DATA_0X_KEYS.some((k) => value.entries.has(k)) && !value.entries.has('type');
}

function isDatasetDict(value: DictValue): boolean {
  const type = value.entries.get('type');
  return type?.t === 'str' && type.v.endsWith('Dataset');
}

type Add = (key: string, line: number, kind: SignalKind) => void;

function transformSignals(transform: DictValue, line: number, add: Add): void {
  const type = transform.entries.get('type');
  if (type?.t !== 'str') return;
  const name = type.v;
  if (TRANSFORMS_0X.includes(name)) add(`pipeline:${name}`, line, 'strong-0.x');
  if (TRANSFORMS_1X.includes(name)) add(`pipeline:${name}`, line, 'strong-1.x');
  const args = TRANSFORM_ARGS[name];
  if (!args) return;
  for (const arg of args.old) {
    if (transform.entries.has(arg)) add(`pipeline:${name}.${arg}`, line, 'strong-0.x');
  }
  for (const arg of args.new) {
    if (transform.entries.has(arg)) add(`pipeline:${name}.${arg}`, line, 'strong-1.x');
  }
}

function datasetSignals(dataset: DictValue, line: number, add: Add): void {
  for (const key of DATASET_KEYS_0X) {
    if (dataset.entries.has(key)) add(`dataset.${key}`, line, 'strong-0.x');
  }
  for (const key of DATASET_KEYS_1X) {
    if (dataset.entries.has(key)) add(`dataset.${key}`, line, 'strong-1.x');
  }
}

/** `custom_imports=dict(imports=['mmcls.models', …])`. */
function namesMmcls(value: Value): boolean {
  if (!isDict(value)) return false;
  const imports = value.entries.get('imports');
  const items =
    imports?.t === 'list' || imports?.t === 'tuple' ? imports.items : imports ? [imports] : [];
  return items.some((i) => i.t === 'str' && (i.v === 'mmcls' || i.v.startsWith('mmcls.')));
}

function isDict(value: Value | undefined): value is DictValue {
  return value?.t === 'dict';
}

function lineAt(value: Value | undefined, fallback: number): number {
  return value?.at?.line ?? fallback;
}
