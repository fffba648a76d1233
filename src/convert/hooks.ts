/**
 * HOOK / LOG (spec §10): `checkpoint_config`, `log_config`, `custom_hooks`
 * and `evaluation.save_best` become `default_hooks`, `custom_hooks`,
 * `vis_backends`, `visualizer` and `log_processor`.
 *
 * `default_hooks` belongs to the file that owns `checkpoint_config` (or to a
 * runnable config that has none); the logging backends, the visualizer and
 * the log processor belong to the runtime file (INH-009).
 */
import table from '../../rules/hooks.json' with { type: 'json' };
import {
  bool,
  dict,
  int,
  isDict,
  isSeq,
  list,
  none,
  numOf,
  str,
  strOf,
  withEntry,
  withoutKeys,
  type DictKey,
  type DictValue,
  type Value,
  editDict,
} from '../python/values.js';
import type { Finding, Severity } from '../report/findings.js';
import { trainLength } from './loop.js';
import { findingAt, type ConvertContext, type Pass } from './types.js';

interface BackendRule {
  rule: string;
  backend: string;
  moves: Record<string, string>;
  restInto?: string;
  dropInfo: string[];
  dropWarn: string[];
  note?: { severity: string; message: string };
}

interface CustomHookRule {
  drop: string[];
  warnIfSet: string[];
  intervalMustBeOne?: boolean;
}

const BACKENDS: Record<string, BackendRule> = table.backends;
const CUSTOM_HOOKS: Record<string, CustomHookRule> = table.customHooks;

const absent = (v: Value | undefined): boolean => v === undefined || v.t === 'none';

const typeDict = (type: string, rest: [DictKey, Value][] = []): DictValue =>
  dict([['type', str(type)], ...rest]);

/** A runnable config (spec §0): a model and a dataset split to train, validate or test on. */
export function isRunnable(old: DictValue): boolean {
  const data = old.entries.get('data');
  return (
    old.entries.has('model') &&
    isDict(data) &&
    ['train', 'val', 'test'].some((split) => !absent(data.entries.get(split)))
  );
}

/** Whether the view holds the runtime file's keys, which own the logging and environment settings. */
export const ownsRuntime = (old: DictValue): boolean =>
  table.runtimeOwnerKeys.some((k) => old.entries.has(k));

interface LoggingPart {
  /** `default_hooks.logger`. */
  logger: Value;
  /** `vis_backends`, when `log_config` says what they are. */
  backends?: Value[];
  /** `log_config` could not be converted and stays in `out`. */
  keep: boolean;
}

/** One `log_config.hooks` entry other than the text logger → a vis backend (LOG-003…008). */
function convertBackend(
  hook: DictValue,
  type: string,
  logInterval: Value | undefined,
  ctx: ConvertContext,
  findings: Finding[],
): DictValue | undefined {
  const rule = BACKENDS[type];
  if (rule === undefined) {
    const known = table.unsupportedLoggers.includes(type);
    const message = known
      ? `${type} has no 1.x visualizer backend; it is left out of vis_backends`
      : `unknown logger hook ${type}: port it to a mmengine VisBackend; it is left out of vis_backends`;
    findings.push(findingAt('LOG-008', 'error', hook.entries.get('type'), ctx, message));
    return undefined;
  }
  const entries: [DictKey, Value][] = [['type', str(rule.backend)]];
  const rest: [DictKey, Value][] = [];
  for (const [key, value] of hook.entries) {
    if (key === 'type') continue;
    const name = String(key);
    if (name in rule.moves) entries.push([rule.moves[name], value]);
    else if (rule.dropInfo.includes(name)) {
      const message = `${type}.${name} has no ${rule.backend} counterpart; dropped`;
      findings.push(findingAt(rule.rule, 'info', value, ctx, message));
    } else if (rule.dropWarn.includes(name)) {
      const message = `${type}.${name} has no ${rule.backend} counterpart; dropped`;
      findings.push(findingAt(rule.rule, 'warning', value, ctx, message));
    } else if (name === 'interval') {
      const own = numOf(value);
      if (own === undefined || own !== numOf(logInterval)) {
        const message =
          `${type} had its own logging interval; 1.x backends receive scalars at the ` +
          'LoggerHook interval';
        findings.push(findingAt(rule.rule, 'warning', value, ctx, message));
      }
    } else if (table.loggerBaseArgs.includes(name)) {
      // by_epoch / ignore_last / reset_flag shape the text log, which LoggerHook now writes.
      continue;
    } else if (rule.restInto !== undefined) rest.push([key, value]);
    else {
      const message = `${type}.${name} is not a ${rule.backend} argument; dropped`;
      findings.push(findingAt(rule.rule, 'warning', value, ctx, message));
    }
  }
  if (rule.restInto !== undefined && rest.length > 0) entries.push([rule.restInto, dict(rest)]);
  if (rule.note !== undefined) {
    const severity = rule.note.severity as Severity;
    findings.push(findingAt(rule.rule, severity, hook.entries.get('type'), ctx, rule.note.message));
  }
  return dict(entries);
}

/** `log_config` → the LoggerHook entry and the vis backends (LOG-001…011). */
function convertLogging(
  old: DictValue,
  byEpoch: boolean,
  ctx: ConvertContext,
  findings: Finding[],
): LoggingPart {
  const loggerDefault = typeDict(table.loggerHook, [['log_metric_by_epoch', bool(byEpoch)]]);
  const logConfig = old.entries.get('log_config');
  if (logConfig === undefined) {
    if (isRunnable(old)) {
      const message =
        'no log_config: 0.x could not train without it; 1.x logs every 10 iterations ' +
        '(the LoggerHook default)';
      findings.push(findingAt('LOG-001', 'warning', old.entries.get('model'), ctx, message));
    }
    return { logger: loggerDefault, keep: false };
  }
  if (logConfig.t === 'none') {
    const message = 'log_config = None: no logger hook (default_hooks.logger = None)';
    findings.push(findingAt('LOG-011', 'info', logConfig, ctx, message));
    return { logger: none(), backends: [], keep: false };
  }
  if (!isDict(logConfig)) {
    const message =
      'log_config cannot be read; it is left as written, and the logger interval and ' +
      'vis_backends are not set';
    findings.push(findingAt('LOG-001', 'warning', logConfig, ctx, message));
    return { logger: loggerDefault, keep: true };
  }

  const logInterval = logConfig.entries.get('interval');
  const hooks = logConfig.entries.get('hooks');
  let text: DictValue | undefined;
  let backends: Value[] | undefined = [];
  if (hooks !== undefined && !isSeq(hooks)) {
    const message =
      'log_config.hooks cannot be read; vis_backends and visualizer are not written and ' +
      'log_config is left as written';
    findings.push(findingAt('LOG-009', 'warning', hooks, ctx, message));
    backends = undefined;
  }
  for (const hook of isSeq(hooks) ? hooks.items : []) {
    const type = isDict(hook) ? strOf(hook.entries.get('type')) : undefined;
    if (!isDict(hook) || type === undefined) {
      const message = 'a log_config hook cannot be read; it is left out of vis_backends';
      findings.push(findingAt('LOG-008', 'error', hook, ctx, message));
      continue;
    }
    if (type === table.textLogger.type) {
      if (text !== undefined) {
        const message = 'a second TextLoggerHook has no 1.x counterpart; dropped';
        findings.push(findingAt('LOG-002', 'warning', hook, ctx, message));
        continue;
      }
      text = hook;
      backends?.push(typeDict(table.textLogger.backend));
      continue;
    }
    const backend = convertBackend(hook, type, logInterval, ctx, findings);
    if (backend !== undefined) backends?.push(backend);
  }
  if (backends !== undefined && text === undefined) {
    const message =
      'no TextLoggerHook: LocalVisBackend is not added (mmengine still prints the text log)';
    findings.push(findingAt('LOG-009', 'info', hooks ?? logConfig, ctx, message));
  }

  const logger: [DictKey, Value][] = [['type', str(table.loggerHook)]];
  const interval = text?.entries.get('interval') ?? logInterval;
  if (interval !== undefined) logger.push(['interval', interval]);
  logger.push(['log_metric_by_epoch', text?.entries.get('by_epoch') ?? bool(byEpoch)]);
  for (const [key, value] of text?.entries ?? []) {
    const name = String(key);
    if (['type', 'interval', 'by_epoch', 'priority'].includes(name)) continue;
    if (table.textLogger.toLogger.includes(name)) logger.push([key, value]);
    else if (table.textLogger.dropInfo.includes(name)) {
      const message = `TextLoggerHook.${name} has no LoggerHook counterpart; dropped`;
      findings.push(findingAt('LOG-002', 'info', value, ctx, message));
    } else {
      const message = `TextLoggerHook.${name} is not a LoggerHook argument; dropped`;
      findings.push(findingAt('LOG-002', 'warning', value, ctx, message));
    }
  }
  return { logger: dict(logger), backends, keep: backends === undefined };
}

interface CheckpointPart {
  /** `default_hooks.checkpoint`; undefined when it cannot be written. */
  entry?: Value;
  /** `checkpoint_config` could not be converted and stays in `out`. */
  keep: boolean;
}

/** `checkpoint_config` → `default_hooks.checkpoint` (HOOK-002…004). */
function convertCheckpoint(
  old: DictValue,
  byEpoch: boolean,
  ctx: ConvertContext,
  findings: Finding[],
): CheckpointPart {
  const config = old.entries.get('checkpoint_config');
  const hookType = table.checkpointHook;
  if (config === undefined) {
    const message =
      'no checkpoint_config: 0.x tools/train.py failed without it; CheckpointHook(interval=-1) ' +
      'written so that only the final checkpoint is saved (mmengine would save every ' +
      (byEpoch ? 'epoch)' : 'iteration)');
    findings.push(findingAt('HOOK-004', 'warning', old.entries.get('model'), ctx, message));
    return {
      entry: typeDict(hookType, [
        ['interval', int(-1)],
        ['by_epoch', bool(byEpoch)],
      ]),
      keep: false,
    };
  }
  if (config.t === 'none') return { entry: none(), keep: false };
  if (!isDict(config)) {
    const message =
      'checkpoint_config cannot be read; it is left as written and default_hooks.checkpoint ' +
      'is not set (mmengine would save every epoch or iteration)';
    findings.push(findingAt('HOOK-002', 'error', config, ctx, message));
    return { keep: true };
  }
  const typeValue = config.entries.get('type');
  if (typeValue !== undefined && strOf(typeValue) !== hookType) {
    const message =
      `checkpoint_config builds ${strOf(typeValue) ?? 'an unreadable type'}, not ${hookType}: ` +
      'port it to mmengine; default_hooks.checkpoint is not set';
    findings.push(findingAt('HOOK-002', 'error', typeValue, ctx, message));
    return { keep: true };
  }

  const entries: [DictKey, Value][] = [
    ['type', str(hookType)],
    ['by_epoch', config.entries.get('by_epoch') ?? bool(byEpoch)],
  ];
  for (const [key, value] of config.entries) {
    const name = String(key);
    if (name === 'type' || name === 'by_epoch') continue;
    if (table.checkpoint.dropInfo.includes(name)) {
      const message = `checkpoint_config.${name} is dropped: 1.x stores the dataset meta itself`;
      findings.push(findingAt('HOOK-002', 'info', value, ctx, message));
    } else if (table.checkpoint.dropWarn.includes(name)) {
      const message =
        `checkpoint_config.${name} is dropped: mmengine would pass it to save_checkpoint, ` +
        'which does not accept it';
      findings.push(findingAt('HOOK-002', 'warning', value, ctx, message));
    } else {
      if (!table.checkpoint.keep.includes(name)) {
        const message = `checkpoint_config.${name} is not a known 0.x CheckpointHook argument; kept as written`;
        findings.push(findingAt('HOOK-002', 'warning', value, ctx, message));
      }
      entries.push([key, value]);
    }
  }
  return { entry: dict(entries), keep: false };
}

/** EVAL-004: the best-checkpoint settings of `evaluation` join the checkpoint hook. */
function withBestCheckpoint(
  old: DictValue,
  entry: Value | undefined,
  ctx: ConvertContext,
  findings: Finding[],
): Value | undefined {
  const evaluation = old.entries.get('evaluation');
  if (!isDict(evaluation)) return entry;
  const moved = table.evaluationToCheckpoint
    .map((key) => [key, evaluation.entries.get(key)] as const)
    .filter((kv): kv is readonly [string, Value] => !absent(kv[1]));
  if (moved.length === 0) return entry;
  if (!isDict(entry)) {
    if (entry?.t === 'none') {
      const message =
        'evaluation.save_best needs the checkpoint hook, which checkpoint_config = None ' +
        'disables in 1.x; the best checkpoint is no longer saved';
      findings.push(findingAt('EVAL-004', 'warning', moved[0][1], ctx, message));
    }
    return entry;
  }
  return moved.reduce((d, [key, value]) => withEntry(d, key, value), entry);
}

/** HOOK-005: one `custom_hooks` entry, mapped or left as written. */
function convertCustomHook(hook: Value, ctx: ConvertContext, findings: Finding[]): Value {
  const typeValue = isDict(hook) ? hook.entries.get('type') : undefined;
  const type = strOf(typeValue);
  if (!isDict(hook) || type === undefined) {
    const message = 'a custom_hooks entry cannot be read; left as written';
    findings.push(findingAt('HOOK-005', 'error', typeValue ?? hook, ctx, message));
    return hook;
  }
  const rule = CUSTOM_HOOKS[type];
  if (rule === undefined) {
    const errors = table.customHookErrors;
    const moved =
      errors.exact.includes(type) || errors.suffixes.some((suffix) => type.endsWith(suffix));
    const message = moved
      ? `${type} in custom_hooks has no 1.x hook counterpart (evaluation, lr/momentum updates, ` +
        'optimizer steps and logging are configured elsewhere in 1.x); left as written'
      : `unknown custom hook ${type}: port it to mmengine's Hook API and register it; left as written`;
    findings.push(findingAt('HOOK-005', 'error', typeValue, ctx, message));
    return hook;
  }
  const set = rule.warnIfSet.filter((key) => hook.entries.has(key));
  if (set.length > 0) {
    const dropped = set.filter((key) => rule.drop.includes(key));
    const message =
      `${type}: ${set.join(', ')} ` +
      (dropped.length > 0
        ? `set; ${dropped.join(', ')} dropped (no 1.x counterpart), check the rest against mmengine's ${type}`
        : `set; check against mmengine's ${type}, whose arguments differ`);
    findings.push(findingAt('HOOK-005', 'warning', hook.entries.get(set[0]), ctx, message));
  }
  const interval = hook.entries.get('interval');
  if (rule.intervalMustBeOne && interval !== undefined && numOf(interval) !== 1) {
    const message =
      `${type}.interval ≠ 1: mmcv raised the momentum to the power of the interval, ` +
      'mmengine does not; adjust momentum';
    findings.push(findingAt('HOOK-005', 'warning', interval, ctx, message));
  }
  const drop = rule.drop.filter((key) => hook.entries.has(key));
  return drop.length === 0 ? hook : withoutKeys(hook, drop);
}

function convertCustomHooks(hooks: Value, ctx: ConvertContext, findings: Finding[]): Value {
  if (hooks.t === 'none') return hooks;
  if (!isSeq(hooks)) {
    const message = 'custom_hooks cannot be read; left as written';
    findings.push(findingAt('HOOK-005', 'warning', hooks, ctx, message));
    return hooks;
  }
  const items = hooks.items.map((hook) => convertCustomHook(hook, ctx, findings));
  return items.every((item, i) => item === hooks.items[i]) ? hooks : { ...hooks, items };
}

export const convertHooks: Pass = ({ old, out, ctx }) => {
  const findings: Finding[] = [];
  const { byEpoch } = trainLength(old, ctx);
  const logging = convertLogging(old, byEpoch, ctx, findings);
  const next = editDict(out);

  if (old.entries.has('checkpoint_config') || isRunnable(old)) {
    const checkpoint = convertCheckpoint(old, byEpoch, ctx, findings);
    const entry = withBestCheckpoint(old, checkpoint.entry, ctx, findings);
    const hooks: [DictKey, Value][] = [
      ['timer', typeDict(table.defaultHooks.timer)],
      ['logger', logging.logger],
      ['param_scheduler', typeDict(table.defaultHooks.param_scheduler)],
    ];
    if (entry !== undefined) hooks.push(['checkpoint', entry]);
    hooks.push(
      ['sampler_seed', typeDict(table.defaultHooks.sampler_seed)],
      ['visualization', typeDict(table.defaultHooks.visualization)],
    );
    if (!checkpoint.keep) next.delete('checkpoint_config');
    next.set('default_hooks', dict(hooks));
  }

  if (ownsRuntime(old)) {
    if (logging.backends !== undefined) {
      const backends = list(logging.backends);
      next.set('vis_backends', backends);
      // The same object under both keys lets the emitter write `vis_backends=vis_backends`.
      next.set(
        'visualizer',
        typeDict(table.visualizer.type, [
          ['vis_backends', backends],
          ['name', str(table.visualizer.name)],
        ]),
      );
    }
    next.set('log_processor', dict([['by_epoch', bool(byEpoch)]]));
  }
  if (old.entries.has('log_config') && !logging.keep) next.delete('log_config');

  const custom = old.entries.get('custom_hooks');
  if (custom !== undefined) next.set('custom_hooks', convertCustomHooks(custom, ctx, findings));
  return { out: next.value, findings };
};
