/**
 * One 0.x `--cfg-options` / `--options` item → its 1.x items (spec §13.5,
 * KEY-001…KEY-040). Keys are matched by path prefix; the rest of the path is
 * carried over. A 0.x key is never passed through unchanged unless both
 * versions read it the same way.
 */
import table from '../../rules/key.json' with { type: 'json' };
import type { DictValue } from '../python/values.js';
import { isDict, strOf } from '../python/values.js';
import type { Severity } from '../report/findings.js';
import { asItems, cfgList, cfgStr, formatCfgValue, parseCfgValue } from './cfg-values.js';
import type { Script } from './flags.js';
import { reconvert, valueAt, valueOfCfg } from './resolved.js';
import { isFormatting } from '../convert/pipeline-transform.js';

/** What a command line's config means: its merged 0.x value and, when it is converted, its 1.x value. */
export interface ConfigView {
  old: DictValue;
  converted?: DictValue;
  /** Set when the config belongs to another OpenMMLab codebase (DET-011): its commands are not rewritten. */
  otherCodebase?: string;
}

export interface Note {
  rule: string;
  severity: Severity;
  message: string;
}

export interface KeyItem {
  key: string;
  /** The value as the program receives it; undefined when it holds a shell expansion. */
  value?: string;
}

/** A 1.x item; `value` undefined means the value is written as in the 0.x item. */
export interface KeyOut {
  key: string;
  value?: string;
}

export interface KeyOutcome {
  items: KeyOut[];
  /** The item becomes train.py's `--resume` flag. */
  resume?: boolean;
  /** The item cannot be translated and stays as written. */
  keep?: boolean;
  notes: Note[];
}

export interface KeyContext {
  script: Script;
  file: string;
  config?: ConfigView;
}

interface Rename {
  from: string;
  to: string[];
  rule: string;
}

const RENAMES: Rename[] = table.renames;
const DROPS: { key: string; rule: string; reason: string }[] = table.drops;
const ERRORS: { key: string; rule: string; reason: string }[] = table.errors;
const DATASET_KEYS: Record<string, string> = table.datasetKeys;
const DATALOADER_KEYS: Record<string, string> = table.dataloaderKeys;
const LR_RULES: Record<string, string> = table.lrConfigRules;
const HELPERS = new Set<string>(table.helperVariables);
const KEYS_0X = new Set<string>(table.keys0x);
const KEYS_1X = new Set<string>(table.keys1x);
const LOOP_KEYS = new Set<string>(table.loopKeys);
const IOU_METRICS = new Set(['mIoU', 'mDice', 'mFscore']);
const SPLITS = new Set(['train', 'val', 'test']);

const segments = (key: string): string[] => key.split('.');

/** Whether `prefix` is a whole-segment prefix of `path`. */
function startsWith(path: string[], prefix: string): boolean {
  const p = segments(prefix);
  return p.length <= path.length && p.every((s, i) => s === path[i]);
}

function longest<T extends { key?: string; from?: string }>(
  rows: T[],
  path: string[],
): T | undefined {
  let best: T | undefined;
  let bestLength = -1;
  for (const row of rows) {
    const prefix = row.from ?? row.key ?? '';
    if (startsWith(path, prefix) && segments(prefix).length > bestLength) {
      best = row;
      bestLength = segments(prefix).length;
    }
  }
  return best;
}

/** Which version reads a key path: 1.x-only keys mark a command line as already migrated. */
export function keyVersion(key: string): '0.x' | '1.x' | 'both' {
  const path = segments(key);
  const top = path[0];
  if (KEYS_1X.has(top)) return '1.x';
  if ((top === 'train_cfg' || top === 'test_cfg') && path.length > 1) {
    return LOOP_KEYS.has(path[1]) ? '1.x' : '0.x';
  }
  if (KEYS_0X.has(top)) return '0.x';
  return 'both';
}

const out = (items: KeyOut[], ...notes: Note[]): KeyOutcome => ({ items, notes });
const note = (rule: string, severity: Severity, message: string): Note => ({
  rule,
  severity,
  message,
});

/**
 * A 0.x key whose value must be translated but is a shell variable: passing
 * it on would make mmengine add an unused key silently (§13.5), so it is
 * dropped and reported.
 */
function needsValue(item: KeyItem, rule: string): KeyOutcome {
  return out(
    [],
    note(
      'CLI-GEN-008',
      'warning',
      `\`${item.key}\` needs its value to be translated (${rule}), but the value is a shell variable; dropped: set it in the config instead.`,
    ),
  );
}

/** Translates one `key=value` item of a 0.x command line. */
export function translateKey(item: KeyItem, ctx: KeyContext): KeyOutcome {
  const path = segments(item.key);
  const top = path[0];
  const join = (prefix: string, tail: string[]): string =>
    [prefix, ...tail].filter((s) => s !== '').join('.');

  if (keyVersion(item.key) === '1.x') return out([{ key: item.key }]);

  switch (top) {
    case 'data':
      return translateData(item, path, ctx);
    case 'evaluation':
      if (path[1] === 'metric') return translateMetric(item);
      if (path[1] === 'gpu_collect') return translateGpuCollect(item);
      break;
    case 'runner':
      if (path.length === 2 && (path[1] === 'max_iters' || path[1] === 'max_epochs')) {
        return resolvedItem(item, path, ctx, 'KEY-014', `train_cfg.${path[1]}=N`);
      }
      break;
    case 'total_iters':
      if (path.length === 1)
        return resolvedItem(item, path, ctx, 'KEY-016', 'train_cfg.max_iters=N');
      break;
    case 'fp16':
    case 'optimizer_config':
      if (path[1] === 'loss_scale' && path.length === 2) {
        const outcome = resolvedItem(item, path, ctx, 'KEY-020', 'optim_wrapper.loss_scale=V');
        if (top === 'fp16') {
          outcome.notes.push(
            note(
              'KEY-020',
              'warning',
              '`fp16.loss_scale` had no effect in 0.30 training (only the optimizer hook enabled AMP); check the 1.x result.',
            ),
          );
        }
        return outcome;
      }
      break;
    case 'lr_config': {
      const rule = LR_RULES[path[1]];
      if (rule && path.length === 2) {
        return resolvedItem(item, path, ctx, rule, 'param_scheduler.<i>.<arg>=V');
      }
      break;
    }
    case 'resume_from':
      if (ctx.script === 'test') {
        return out(
          [],
          note('KEY-031', 'info', '`resume_from` has no meaning for testing; dropped.'),
        );
      }
      return {
        items: [{ key: 'load_from' }],
        resume: true,
        notes: [note('KEY-031', 'info', '`resume_from=X` → `--resume` and `load_from=X`.')],
      };
    case 'auto_resume':
      return translateAutoResume(item, ctx);
    case 'model':
      return renameMmcls(item, item.key, 'KEY-036', /\bmmcls\./g, 'mmpretrain.');
    case 'custom_imports':
      return renameMmcls(item, item.key, 'KEY-039', /\bmmcls\b/g, 'mmpretrain');
    case 'train_cfg':
    case 'test_cfg':
      if (path.length > 1) {
        const key = `model.${item.key}`;
        return out(
          [{ key }],
          note('KEY-037', 'info', `Top-level \`${top}\` is the model's in 0.x: \`${key}\`.`),
        );
      }
      break;
  }

  const error = longest(ERRORS, path);
  if (error && !longest(RENAMES, path)?.from.startsWith(error.key + '.')) {
    return out([], note(error.rule, 'error', `\`${item.key}\`: ${error.reason}; dropped.`));
  }
  const drop = longest(DROPS, path);
  if (drop) return out([], note(drop.rule, 'info', `\`${item.key}\`: ${drop.reason}; dropped.`));
  const rename = longest(RENAMES, path);
  if (rename) {
    const tail = path.slice(segments(rename.from).length);
    const keys = rename.to.map((to) => join(to, tail));
    if (keys.length === 1 && keys[0] === item.key) return out([{ key: item.key }]);
    return out(
      keys.map((key) => ({ key })),
      note(rename.rule, 'info', `\`${item.key}\` → ${keys.map((k) => `\`${k}\``).join(', ')}.`),
    );
  }

  if (top === 'img_norm_cfg') {
    return out(
      [],
      note(
        'KEY-038',
        'info',
        '`img_norm_cfg` is inert in both versions; set `model.data_preprocessor.mean`/`std`/`bgr_to_rgb` to change normalisation. Dropped.',
      ),
    );
  }
  const old = ctx.config?.old;
  if (HELPERS.has(top) || (old && old.entries.has(top) && !KEYS_0X.has(top))) {
    return out(
      [{ key: item.key }],
      note(
        'KEY-038',
        'info',
        `\`${top}\` is a helper variable: setting it changes no dict built from it, in 0.x as in 1.x.`,
      ),
    );
  }
  return out([], note('KEY-040', 'warning', `\`${item.key}\` is not a known 0.x key; dropped.`));
}

function translateData(item: KeyItem, path: string[], ctx: KeyContext): KeyOutcome {
  const [, second, ...tail] = path;
  const split = second?.replace(/_dataloader$/, '');
  if (second && second.endsWith('_dataloader') && SPLITS.has(split) && tail.length > 0) {
    const key = [`${split}_dataloader`, DATALOADER_KEYS[tail[0]] ?? tail[0], ...tail.slice(1)].join(
      '.',
    );
    return out([{ key }], note('KEY-013', 'info', `\`${item.key}\` → \`${key}\`.`));
  }
  if (!second || !SPLITS.has(second)) {
    const rename = longest(RENAMES, path);
    if (rename) {
      const rest = path.slice(segments(rename.from).length);
      const keys = rename.to.map((to) => [to, ...rest].join('.'));
      return out(
        keys.map((key) => ({ key })),
        note(rename.rule, 'info', `\`${item.key}\` → ${keys.map((k) => `\`${k}\``).join(', ')}.`),
      );
    }
    return out([], note('KEY-040', 'warning', `\`${item.key}\` is not a known 0.x key; dropped.`));
  }
  const loader = `${second}_dataloader.dataset`;
  // A RepeatDataset wraps the real dataset one level down.
  const wrapped = tail[0] === 'dataset';
  const inner = wrapped ? tail.slice(1) : tail;
  const prefix = wrapped ? `${loader}.dataset` : loader;
  if (inner.length === 0) {
    return out([], note('KEY-011', 'error', `\`${item.key}\` replaces a whole dataset; dropped.`));
  }
  if (!wrapped && inner[0] === 'times') {
    return out(
      [{ key: `${loader}.times` }],
      note('KEY-011', 'info', `\`${item.key}\` → \`${loader}.times\`.`),
    );
  }
  if (inner[0] === 'pipeline') {
    if (inner.length === 1) {
      return out(
        [],
        note(
          'KEY-011',
          'error',
          `\`${item.key}\` replaces a whole pipeline; change the config. Dropped.`,
        ),
      );
    }
    return resolvedItem(item, path, ctx, 'KEY-012', `${prefix}.pipeline.<j>.<arg>=V`);
  }
  const key = [prefix, DATASET_KEYS[inner[0]] ?? inner[0], ...inner.slice(1)].join('.');
  return out([{ key }], note('KEY-011', 'info', `\`${item.key}\` → \`${key}\`.`));
}

function translateMetric(item: KeyItem): KeyOutcome {
  if (item.value === undefined) return needsValue(item, 'KEY-004');
  const metrics = asItems(parseCfgValue(item.value)).map(formatCfgValue);
  const bad = metrics.filter((m) => !IOU_METRICS.has(m));
  if (bad.length > 0) {
    return out(
      [],
      note(
        'KEY-004',
        'error',
        `\`${item.key}=${item.value}\`: ${bad.join(', ')} cannot be selected through val_evaluator.iou_metrics (cityscapes needs a CityscapesMetric evaluator in the config); dropped.`,
      ),
    );
  }
  const value = formatCfgValue(cfgList(metrics.map(cfgStr)));
  return out(
    [{ key: 'val_evaluator.iou_metrics', value }],
    note('KEY-004', 'info', `\`${item.key}\` → \`val_evaluator.iou_metrics=${value}\`.`),
  );
}

function translateGpuCollect(item: KeyItem): KeyOutcome {
  if (item.value === undefined) return needsValue(item, 'KEY-008');
  const value = parseCfgValue(item.value);
  const gpu = value.t === 'bool' ? value.v : undefined;
  if (gpu === undefined) return needsValue(item, 'KEY-008');
  const device = gpu ? 'gpu' : 'cpu';
  return out(
    [{ key: 'val_evaluator.collect_device', value: device }],
    note('KEY-008', 'info', `\`${item.key}\` → \`val_evaluator.collect_device=${device}\`.`),
  );
}

function translateAutoResume(item: KeyItem, ctx: KeyContext): KeyOutcome {
  if (ctx.script === 'test') {
    return out([], note('KEY-032', 'info', '`auto_resume` has no meaning for testing; dropped.'));
  }
  if (item.value === undefined) return needsValue(item, 'KEY-032');
  const value = parseCfgValue(item.value);
  const on = value.t === 'bool' ? value.v : value.t === 'none' ? false : undefined;
  if (on === undefined) return needsValue(item, 'KEY-032');
  return {
    items: [],
    resume: on,
    notes: [
      note(
        'KEY-032',
        'info',
        on ? '`auto_resume=True` → `--resume`.' : '`auto_resume=False` is the default; dropped.',
      ),
    ],
  };
}

function renameMmcls(
  item: KeyItem,
  key: string,
  rule: string,
  pattern: RegExp,
  replacement: string,
): KeyOutcome {
  if (item.value === undefined || !pattern.test(item.value)) return out([{ key }]);
  pattern.lastIndex = 0;
  const value = item.value.replace(pattern, replacement);
  return out(
    [{ key, value }],
    note(rule, 'info', `\`mmcls\` became \`mmpretrain\`: \`${key}=${value}\`.`),
  );
}

/** The type of the 0.x pipeline transform a key path points into, when 1.x removes that transform. */
function removedTransform(old: DictValue, path: string[]): string | undefined {
  const at = path.findIndex((p, i) => p === 'pipeline' && /^\d+$/.test(path[i + 1] ?? ''));
  if (at < 0) return undefined;
  const transform = valueAt(old, path.slice(0, at + 2));
  const type = isDict(transform) ? strOf(transform.entries.get('type')) : undefined;
  // The formatting transforms and MultiScaleFlipAug have no place in a 1.x pipeline.
  return isFormatting(type) || type === 'MultiScaleFlipAug' ? type : undefined;
}

/**
 * An item whose 1.x form depends on the config: converted with and without it.
 * Without the config, or when the difference cannot be written as items, the
 * item is dropped with an error that suggests what to write.
 */
function resolvedItem(
  item: KeyItem,
  path: string[],
  ctx: KeyContext,
  rule: string,
  suggestion: string,
): KeyOutcome {
  if (item.value === undefined) return needsValue(item, rule);
  const old = ctx.config?.old;
  if (!old) {
    return out(
      [],
      note(
        rule,
        'error',
        `\`${item.key}\` depends on the config, which is not in the repository; write the 1.x keys by hand (e.g. \`${suggestion}\`). Dropped.`,
      ),
    );
  }
  const result = reconvert(old, path, valueOfCfg(parseCfgValue(item.value)), ctx.file);
  if (!result.ok) {
    return out([], note(rule, 'error', `\`${item.key}\`: ${result.reason}; dropped.`));
  }
  // 0.x keys the conversion keeps as inert leftovers are not 1.x settings.
  const changes = result.items.filter((d) => !KEYS_0X.has(segments(d.key)[0]));
  const unwritable = changes.filter((d) => d.text === undefined);
  if (unwritable.length > 0) {
    return out(
      [],
      note(
        rule,
        'error',
        `\`${item.key}=${item.value}\` changes ${unwritable.map((d) => `\`${d.key}\``).join(', ')} in a way --cfg-options cannot express; change the config. Dropped.`,
      ),
    );
  }
  if (changes.length === 0) {
    const removed = removedTransform(old, path);
    if (removed !== undefined) {
      return out(
        [],
        note(
          rule,
          'error',
          `\`${item.key}\` sets an argument of \`${removed}\`, which 1.x no longer has in its pipeline (the conversion removed it); there is no 1.x counterpart. Dropped.`,
        ),
      );
    }
    return out(
      [],
      note(
        rule,
        'warning',
        `\`${item.key}=${item.value}\` changes nothing in the converted config; dropped.`,
      ),
    );
  }
  const items = changes.map((d) => ({ key: d.key, value: d.text }));
  return out(
    items,
    note(
      rule,
      'info',
      `\`${item.key}=${item.value}\` → ${items.map((i) => `\`${i.key}=${i.value}\``).join(' ')} (from the config).`,
    ),
  );
}

/** The `iou_metrics` of the converted config's test evaluator when it is a plain IoUMetric. */
export function testIouMetrics(converted: DictValue | undefined): string[] | undefined {
  const evaluator = converted && valueAt(converted, ['test_evaluator']);
  if (!isDict(evaluator) || strOf(evaluator.entries.get('type')) !== 'IoUMetric') return undefined;
  const metrics = evaluator.entries.get('iou_metrics');
  if (!metrics || (metrics.t !== 'list' && metrics.t !== 'tuple')) return undefined;
  const names = metrics.items.map(strOf);
  return names.every((n): n is string => n !== undefined) ? names : undefined;
}
