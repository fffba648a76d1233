/**
 * OPTIM (spec §6): `optimizer`, `optimizer_config` and `fp16` become
 * `optim_wrapper`. The optimizer step moved from an mmcv hook into the
 * wrapper, so the hook's type picks the wrapper type and its arguments become
 * wrapper keys.
 */
import table from '../../rules/optim.json' with { type: 'json' };
import {
  dict,
  float,
  isDict,
  none,
  str,
  strOf,
  truthy,
  withoutKeys,
  type DictKey,
  type DictValue,
  type Value,
  editDict,
} from '../python/values.js';
import type { Finding } from '../report/findings.js';
import { findingAt, type ConvertContext, type Pass } from './types.js';

interface HookRule {
  rule: string;
  wrapper: string;
  moves: Record<string, string>;
  lossScaleDefault?: number;
  ampFlag?: string;
  dropInfo: string[];
  dropWarn: string[];
}

const HOOKS: Record<string, HookRule> = table.hooks;
const CONSTRUCTORS: Record<string, string | null> = table.constructors;

const absent = (v: Value | undefined): boolean => v === undefined || v.t === 'none';

/** What the optimizer hook contributes to the wrapper. */
interface HookPart {
  type: string;
  /** Wrapper keys in the order they are written. */
  keys: [DictKey, Value][];
  /** True when `optimizer_config` could not be converted and stays as it was. */
  keep: boolean;
  /** True when the hook trained with AMP. */
  amp: boolean;
}

const PLAIN: HookPart = { type: 'OptimWrapper', keys: [], keep: false, amp: false };

/** `optimizer_config` → wrapper type and keys (OPTIM-003…006, 008, 009). */
function convertHook(hook: Value | undefined, ctx: ConvertContext, findings: Finding[]): HookPart {
  if (hook === undefined) return PLAIN;
  if (hook.t === 'none') {
    const message =
      'optimizer_config = None: 0.x registered no optimizer hook, so no optimizer step ran; ' +
      '1.x always steps (OptimWrapper written)';
    findings.push(findingAt('OPTIM-009', 'error', hook, ctx, message));
    return PLAIN;
  }
  if (!isDict(hook)) {
    const message = 'optimizer_config cannot be read; left as it was';
    findings.push(findingAt('OPTIM-008', 'error', hook, ctx, message));
    return { ...PLAIN, keep: true };
  }
  const typeValue = hook.entries.get('type');
  const type = typeValue === undefined ? 'OptimizerHook' : strOf(typeValue);
  const rule = type === undefined ? undefined : HOOKS[type];
  if (rule === undefined) {
    const message = `optimizer hook ${type ?? '(unreadable type)'} has no 1.x counterpart; optimizer_config left as it was`;
    findings.push(findingAt('OPTIM-008', 'error', typeValue, ctx, message));
    return { ...PLAIN, keep: true };
  }

  let amp = rule.wrapper === table.ampWrapper;
  if (rule.ampFlag !== undefined) {
    const flag = hook.entries.get(rule.ampFlag);
    amp = flag !== undefined && truthy(flag) === true;
    const message =
      `${type} (apex) is converted best effort: ${amp ? 'AmpOptimWrapper (torch AMP, not apex)' : 'OptimWrapper'}` +
      ', update_interval → accumulative_counts, grad_clip → clip_grad';
    findings.push(findingAt(rule.rule, 'warning', typeValue, ctx, message));
  }

  const keys: [DictKey, Value][] = [];
  // clip_grad is always written, as in the official base (None when absent).
  const clip = hook.entries.get('grad_clip');
  keys.push([
    'clip_grad',
    clip === undefined || (isDict(clip) && clip.entries.size === 0) ? none() : clip,
  ]);
  for (const [from, to] of Object.entries(rule.moves)) {
    if (from === 'grad_clip') continue;
    const value = hook.entries.get(from);
    if (from === 'loss_scale') {
      keys.push([to, value ?? float(rule.lossScaleDefault ?? 512.0)]);
    } else if (value !== undefined) {
      keys.push([to, value]);
    }
  }

  const accepted = new Set([
    'type',
    ...Object.keys(rule.moves),
    ...rule.dropInfo,
    ...rule.dropWarn,
  ]);
  if (rule.ampFlag !== undefined) accepted.add(rule.ampFlag);
  const dropped = (names: string[]) => names.filter((k) => hook.entries.has(k));
  const info = dropped(rule.dropInfo);
  if (info.length > 0) {
    const message = `${info.join(', ')} dropped (no AmpOptimWrapper counterpart; mmengine handles distributed gradients itself)`;
    findings.push(findingAt(rule.rule, 'info', hook, ctx, message));
  }
  const warn = dropped(rule.dropWarn);
  const unknown = [...hook.entries.keys()]
    .map(String)
    .filter((k) => !accepted.has(k) && k !== '_delete_');
  if (warn.length > 0) {
    const message = `${warn.join(', ')} dropped: the 1.x optimizer wrapper has no such option`;
    findings.push(
      findingAt(
        rule.rule === 'OPTIM-008' ? 'OPTIM-008' : 'OPTIM-003',
        'warning',
        hook,
        ctx,
        message,
      ),
    );
  }
  if (unknown.length > 0) {
    const message = `${unknown.join(', ')} not accepted by ${type} (0.x raised TypeError); dropped`;
    findings.push(findingAt('OPTIM-003', 'warning', hook, ctx, message));
  }
  return { type: amp ? table.ampWrapper : rule.wrapper, keys, keep: false, amp };
}

/** OPTIM-011: a dict whose values are all optimizer dicts (custom runners with several optimizers). */
const isOptimizerDict = (optimizer: DictValue): boolean =>
  !optimizer.entries.has('type') &&
  optimizer.entries.size > 0 &&
  [...optimizer.entries.values()].every(isDict);

/** `fp16` is removed; OPTIM-007 says whether 0.x actually trained with AMP. */
function dropFp16(old: DictValue, amp: boolean, ctx: ConvertContext, findings: Finding[]) {
  const fp16 = old.entries.get('fp16');
  if (fp16 === undefined || fp16.t === 'none') return;
  const message = amp
    ? 'fp16 removed: the Fp16 optimizer hook became AmpOptimWrapper'
    : 'fp16 removed: mmseg 0.30 training never read cfg.fp16, so 0.x trained in fp32 ' +
      '(only tools/test.py ran the model in fp16). For AMP training pass --amp; for fp16 ' +
      "testing set test_cfg = dict(type='TestLoop', fp16=True)";
  findings.push(findingAt('OPTIM-007', amp ? 'info' : 'warning', fp16, ctx, message));
}

export const convertOptim: Pass = ({ old, out, ctx }) => {
  const findings: Finding[] = [];
  const optimizer = old.entries.get('optimizer');
  const hookValue = old.entries.get('optimizer_config');

  if (optimizer === undefined) {
    // Contributors alone (an fp16 mix-in base): the inheriting configs carry their effect.
    const present = (['optimizer_config', 'fp16'] as const).filter((k) => old.entries.has(k));
    if (present.length === 0) return { out, findings };
    const message =
      `${present.join(' and ')} without optimizer in this file: removed; the configs that ` +
      'inherit it write its effect into optim_wrapper';
    findings.push(findingAt('OPTIM-001', 'info', old.entries.get(present[0]), ctx, message));
    return { out: withoutKeys(out, present), findings };
  }

  if (!isDict(optimizer)) {
    const message = 'optimizer cannot be read; left as it was';
    findings.push(findingAt('OPTIM-001', 'error', optimizer, ctx, message));
    return { out, findings };
  }
  if (isOptimizerDict(optimizer)) {
    const message =
      'optimizer is a dict of optimizers (custom runner); 1.x needs a custom wrapper dict ' +
      'and train step. Left as it was';
    findings.push(findingAt('OPTIM-011', 'error', optimizer, ctx, message));
    return { out, findings };
  }
  if (absent(optimizer.entries.get('type'))) {
    const message = 'optimizer has no type after merging the chain; left as it was';
    findings.push(findingAt('OPTIM-001', 'error', optimizer, ctx, message));
    return { out, findings };
  }

  const hook = convertHook(hookValue, ctx, findings);
  dropFp16(old, hook.amp, ctx, findings);

  // The full merged optimizer without the wrapper-level keys (OPTIM-001, 010).
  const bare = withoutKeys(optimizer, ['_delete_', ...table.wrapperKeys]);
  const wrapper: [DictKey, Value][] = [['type', str(hook.type)], ['optimizer', bare], ...hook.keys];
  const paramwise = optimizer.entries.get('paramwise_cfg');
  if (paramwise !== undefined) wrapper.push(['paramwise_cfg', paramwise]);
  const constructorValue = optimizer.entries.get('constructor');
  if (constructorValue !== undefined) {
    const name = strOf(constructorValue);
    const known = name !== undefined && name in CONSTRUCTORS;
    if (!known) {
      const message =
        `constructor ${name ?? '(unreadable)'} must be rewritten for OPTIM_WRAPPER_CONSTRUCTORS ` +
        '(its first argument is now the optim_wrapper config)';
      findings.push(findingAt('OPTIM-002', 'warning', constructorValue, ctx, message));
    }
    if (!known || CONSTRUCTORS[name] !== null) wrapper.push(['constructor', constructorValue]);
  }

  const dropKeys = hook.keep ? ['fp16'] : ['optimizer_config', 'fp16'];
  const next = editDict(out);
  next.delete(...dropKeys);
  next.set('optimizer', bare);
  next.set('optim_wrapper', dict(wrapper));
  return { out: next.value, findings };
};
