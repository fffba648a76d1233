/**
 * SCHED (spec §7): `lr_config` and `momentum_config` become the whole
 * `param_scheduler` list. Every entry gets explicit `by_epoch`, `begin` and
 * `end`, because mmengine schedulers default to `by_epoch=True`; `end` is the
 * training length from `trainLength` unless this file cannot see it.
 */
import table from '../../rules/schedule.json' with { type: 'json' };
import {
  bool,
  dict,
  float,
  int,
  isDict,
  isSeq,
  list,
  none,
  numOf,
  str,
  strOf,
  truthy,
  type DictKey,
  type DictValue,
  type Value,
  editDict,
} from '../python/values.js';
import type { Finding, Severity } from '../report/findings.js';
import { trainLength, type TrainLength } from './loop.js';
import { findingAt, type ConvertContext, type Pass } from './types.js';

type Entry = [DictKey, Value];

interface LrPolicy {
  kind: string;
  curve: boolean;
  args: string[];
  rule?: string;
}

interface MomentumPolicy {
  kind: string;
  args: string[];
}

const LR_POLICIES: Record<string, LrPolicy> = table.lrPolicies;
const MOMENTUM_POLICIES: Record<string, MomentumPolicy> = table.momentumPolicies;
const WARMUPS: Record<string, { type: string; ratioArg: string }> = table.warmups;
const DEFAULTS = table.defaults;

/** What one conversion step produced: entries, or `undefined` when the 0.x key must stay as it was. */
type Converted = Value[] | undefined;

/** Shared state of one run of the pass. */
interface Run {
  old: DictValue;
  ctx: ConvertContext;
  length: TrainLength;
  findings: Finding[];
  /** Set when an entry needed the training length and this view does not have it (SCHED-021). */
  endUnknown: boolean;
}

const absent = (v: Value | undefined): boolean => v === undefined || v.t === 'none';

const get = (d: DictValue, key: string): Value | undefined => d.entries.get(key);

/** A value that must be present and not None, or undefined. */
const given = (d: DictValue, key: string): Value | undefined => {
  const v = d.entries.get(key);
  return absent(v) ? undefined : v;
};

function report(
  run: Run,
  rule: string,
  severity: Severity,
  at: Value | undefined,
  message: string,
) {
  run.findings.push(findingAt(rule, severity, at, run.ctx, message));
}

/**
 * The mmcv hook name for a policy: an all-lowercase policy is title-cased
 * with Python's `str.title()` (`'poly'` → `Poly`, `'cosineannealing'` →
 * `Cosineannealing`), any other spelling is used as written.
 */
export function hookName(policy: string): string {
  if (policy !== policy.toLowerCase()) return policy;
  let out = '';
  let prevCased = false;
  for (const ch of policy) {
    const cased = ch.toLowerCase() !== ch.toUpperCase();
    out += cased && !prevCased ? ch.toUpperCase() : ch;
    prevCased = cased;
  }
  return out;
}

/** Python's `round(x)`: to the nearest integer, ties to even. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * The `end` of an entry that runs to the end of training. An entry counted
 * in iterations under an epoch-based runner gets no `end`: mmengine fills it
 * with the loop's max_iters, which is what mmcv used.
 */
function endOf(run: Run, byEpoch: boolean): Value | undefined {
  if (byEpoch !== run.length.byEpoch) return undefined;
  if (run.length.endValue === undefined) run.endUnknown = true;
  return run.length.endValue;
}

/** `end - begin` as an int when both are known numbers, else undefined (mmengine computes it). */
function span(end: Value | undefined, begin: Value): Value | undefined {
  const e = numOf(end);
  const b = numOf(begin);
  return e === undefined || b === undefined ? undefined : int(e - b);
}

/** A scheduler dict; entries whose value is undefined are left out. */
function scheduler(type: string, entries: [DictKey, Value | undefined][]): DictValue {
  const kept: Entry[] = [['type', str(type)]];
  for (const [k, v] of entries) if (v !== undefined) kept.push([k, v]);
  return dict(kept);
}

/** Keys a hook does not accept: 0.x raised TypeError on them, so they are reported and dropped. */
function reportUnknownArgs(run: Run, cfg: DictValue, name: string, accepted: string[]) {
  const unknown = [...cfg.entries.keys()].filter(
    (k) => k !== '_delete_' && !accepted.includes(String(k)),
  );
  if (unknown.length === 0) return;
  const message =
    `${name} does not accept ${unknown.map((k) => `'${k}'`).join(', ')} ` +
    '(0.x raised TypeError); dropped';
  report(run, 'SCHED-001', 'warning', cfg, message);
}

/** The target of a cosine/linear annealing: exactly one of `<prefix>` / `<prefix>_ratio` (0.x asserted). */
function annealTarget(
  run: Run,
  cfg: DictValue,
  key: 'min_lr' | 'min_momentum',
  rule: string,
  name: string,
): { abs?: Value; ratio?: Value } | undefined {
  const abs = given(cfg, key);
  const ratio = given(cfg, `${key}_ratio`);
  if ((abs === undefined) === (ratio === undefined)) {
    const message = `${name} needs exactly one of ${key} and ${key}_ratio (0.x asserted); not converted`;
    report(run, rule, 'error', cfg, message);
    return undefined;
  }
  return { abs, ratio };
}

/** Whether every param group has the optimizer's own lr (no lr multipliers, no layer-wise constructor). */
function singleLr(optimizer: DictValue): boolean {
  if (given(optimizer, 'constructor') !== undefined) {
    const name = strOf(get(optimizer, 'constructor'));
    if (name !== 'DefaultOptimizerConstructor') return false;
  }
  const paramwise = get(optimizer, 'paramwise_cfg');
  if (absent(paramwise)) return true;
  if (!isDict(paramwise)) return false;
  if (['bias_lr_mult', 'dcn_offset_lr_mult'].some((k) => given(paramwise, k) !== undefined)) {
    return false;
  }
  const custom = get(paramwise, 'custom_keys');
  if (absent(custom)) return true;
  if (!isDict(custom)) return false;
  return [...custom.entries.values()].every((v) => isDict(v) && absent(get(v, 'lr_mult')));
}

/** SCHED-008: whether dropping `min_lr` from a step schedule changes anything. */
function checkStepMinLr(run: Run, cfg: DictValue, stepValue: Value, byEpoch: boolean) {
  const minLrValue = given(cfg, 'min_lr');
  if (minLrValue === undefined) return;
  const optimizer = get(run.old, 'optimizer');
  const baseLr = isDict(optimizer) && singleLr(optimizer) ? numOf(get(optimizer, 'lr')) : undefined;
  const gamma = numOf(given(cfg, 'gamma') ?? float(DEFAULTS.step_gamma));
  const minLr = numOf(minLrValue);
  const e = byEpoch === run.length.byEpoch ? run.length.end : undefined;
  // The number of decays that happen before training ends (progress runs 0 … E-1).
  let decays: number | undefined;
  if (isSeq(stepValue)) {
    const steps = stepValue.items.map(numOf);
    if (steps.every((s) => s !== undefined)) {
      decays = steps.filter((s) => e === undefined || (s as number) <= e - 1).length;
    }
  } else {
    const step = numOf(stepValue);
    if (step !== undefined && step > 0 && e !== undefined) decays = Math.floor((e - 1) / step);
  }
  const never =
    baseLr !== undefined &&
    gamma !== undefined &&
    minLr !== undefined &&
    decays !== undefined &&
    baseLr * gamma ** decays >= minLr;
  const message = never
    ? `min_lr is dropped (mmengine step schedules have no lower bound); the decayed lr never falls below it, so nothing changes`
    : `min_lr is dropped (mmengine step schedules have no lower bound); the lr may now fall below ${minLr ?? 'it'}`;
  report(run, 'SCHED-008', never ? 'info' : 'warning', minLrValue, message);
}

/** The warmup entry of an lr_config (SCHED-002…005), or null for none; undefined on error. */
function convertWarmup(
  run: Run,
  cfg: DictValue,
): { entry?: Value; iters?: Value; byEpoch: boolean } | undefined {
  const warmupValue = get(cfg, 'warmup');
  const byEpoch = truthy(get(cfg, 'warmup_by_epoch')) === true;
  if (absent(warmupValue)) return { byEpoch };
  const kind = strOf(warmupValue);
  if (kind === 'exp') {
    const message =
      "warmup='exp' has no mmengine counterpart (no scheduler grows exponentially to 1); " +
      'the warmup is dropped and the main policy starts at 0';
    report(run, 'SCHED-004', 'error', warmupValue, message);
    return { byEpoch };
  }
  const warmup = kind === undefined ? undefined : WARMUPS[kind];
  if (warmup === undefined) {
    const message = `warmup must be 'constant', 'linear' or 'exp' (0.x asserted); lr_config not converted`;
    report(run, 'SCHED-001', 'error', warmupValue, message);
    return undefined;
  }
  const iters = given(cfg, 'warmup_iters');
  const n = numOf(iters);
  if (iters === undefined || (n !== undefined && n <= 0)) {
    const message = 'a warmup needs warmup_iters > 0 (0.x asserted); lr_config not converted';
    report(run, 'SCHED-001', 'error', iters ?? warmupValue, message);
    return undefined;
  }
  if (byEpoch && !run.length.byEpoch) {
    const message =
      'warmup_by_epoch=True under an iteration-based runner: 0.x never turned the warmup ' +
      'epochs into iterations and crashed; lr_config not converted';
    report(run, 'SCHED-005', 'error', get(cfg, 'warmup_by_epoch'), message);
    return undefined;
  }
  const ratio = get(cfg, 'warmup_ratio') ?? float(DEFAULTS.warmup_ratio);
  const entry = scheduler(warmup.type, [
    [warmup.ratioArg, ratio],
    ['by_epoch', bool(byEpoch)],
    ['begin', int(0)],
    ['end', iters],
    ['convert_to_iter_based', byEpoch ? bool(true) : undefined],
  ]);
  return { entry, iters, byEpoch };
}

/** The main lr scheduler(s) of a policy; undefined when lr_config must stay as it was. */
function convertLrPolicy(
  run: Run,
  cfg: DictValue,
  policy: LrPolicy,
  byEpoch: boolean,
  warmup: { entry?: Value; iters?: Value; byEpoch: boolean },
): Converted {
  // Curve policies begin where the warmup ends (official form, DIFF-007),
  // when both count in the same unit; multiplicative ones begin at 0.
  const shifted = policy.curve && warmup.entry !== undefined && warmup.byEpoch === byEpoch;
  const begin = shifted && warmup.iters !== undefined ? warmup.iters : int(0);
  if (shifted) {
    const message =
      'the main policy starts at the end of the warmup (begin=warmup_iters, official form); ' +
      'mmcv ran it from 0 and multiplied the warmup in, so the curve is compressed into [W, E)';
    report(run, 'SCHED-006', 'info', warmup.iters, message);
  }
  const by = bool(byEpoch);
  switch (policy.kind) {
    case 'fixed':
      return [];
    case 'poly':
      return [
        scheduler('PolyLR', [
          ['eta_min', get(cfg, 'min_lr') ?? float(DEFAULTS.poly_min_lr)],
          ['power', get(cfg, 'power') ?? float(DEFAULTS.poly_power)],
          ['begin', begin],
          ['end', endOf(run, byEpoch)],
          ['by_epoch', by],
        ]),
      ];
    case 'step': {
      const step = get(cfg, 'step');
      const isList = isSeq(step);
      if (step === undefined || (!isList && step.t !== 'int')) {
        const message = `policy 'step' needs step, an int or a list of ints; lr_config not converted`;
        report(run, 'SCHED-001', 'error', step ?? cfg, message);
        return undefined;
      }
      checkStepMinLr(run, cfg, step, byEpoch);
      return [
        scheduler(isList ? 'MultiStepLR' : 'StepLR', [
          [isList ? 'milestones' : 'step_size', step],
          ['gamma', given(cfg, 'gamma')],
          ['begin', int(0)],
          ['end', endOf(run, byEpoch)],
          ['by_epoch', by],
        ]),
      ];
    }
    case 'exp': {
      const gamma = given(cfg, 'gamma');
      if (gamma === undefined) {
        report(run, 'SCHED-001', 'error', cfg, `policy 'exp' needs gamma; lr_config not converted`);
        return undefined;
      }
      return [
        scheduler('ExponentialLR', [
          ['gamma', gamma],
          ['begin', int(0)],
          ['end', endOf(run, byEpoch)],
          ['by_epoch', by],
        ]),
      ];
    }
    case 'cosine': {
      const target = annealTarget(run, cfg, 'min_lr', 'SCHED-012', 'CosineAnnealing');
      if (target === undefined) return undefined;
      const end = endOf(run, byEpoch);
      return [
        scheduler('CosineAnnealingLR', [
          ['T_max', span(end, begin)],
          ['eta_min', target.abs],
          ['eta_min_ratio', target.ratio],
          ['begin', begin],
          ['end', end],
          ['by_epoch', by],
        ]),
      ];
    }
    case 'flatcosine':
      return convertFlatCosine(run, cfg, byEpoch, warmup.iters);
    case 'restart':
      return convertCosineRestart(run, cfg, byEpoch);
    case 'onecycle':
      return convertOneCycle(run, cfg, warmup.entry !== undefined);
    case 'linear': {
      const target = annealTarget(run, cfg, 'min_lr', 'SCHED-017', 'LinearAnnealing');
      if (target === undefined) return undefined;
      const endFactor = target.ratio ?? ratioToOptimizer(run, target.abs as Value, 'lr');
      if (endFactor === undefined) {
        const message =
          'LinearAnnealing with an absolute min_lr converts only for an optimizer with one ' +
          'numeric lr and no per-group lr multipliers; lr_config not converted';
        report(run, 'SCHED-017', 'error', target.abs, message);
        return undefined;
      }
      return [
        scheduler('LinearLR', [
          ['start_factor', float(1.0)],
          ['end_factor', endFactor],
          ['begin', begin],
          ['end', endOf(run, byEpoch)],
          ['by_epoch', by],
        ]),
      ];
    }
    default: {
      const message = `policy '${strOf(get(cfg, 'policy'))}' has no mmengine counterpart; lr_config not converted`;
      report(run, policy.rule ?? 'SCHED-019', 'error', get(cfg, 'policy'), message);
      return undefined;
    }
  }
}

/** `target / optimizer.<key>` as a float, when the optimizer has a single numeric value. */
function ratioToOptimizer(run: Run, target: Value, key: 'lr' | 'momentum'): Value | undefined {
  const optimizer = get(run.old, 'optimizer');
  if (!isDict(optimizer) || (key === 'lr' && !singleLr(optimizer))) return undefined;
  const base = numOf(get(optimizer, key));
  const t = numOf(target);
  if (base === undefined || t === undefined || base === 0) return undefined;
  return float(t / base);
}

function convertFlatCosine(
  run: Run,
  cfg: DictValue,
  byEpoch: boolean,
  warmupIters: Value | undefined,
): Converted {
  const target = annealTarget(run, cfg, 'min_lr', 'SCHED-013', 'FlatCosineAnnealing');
  if (target === undefined) return undefined;
  const percentValue = get(cfg, 'start_percent') ?? float(DEFAULTS.flat_start_percent);
  const percent = numOf(percentValue);
  if (percent === undefined || percent < 0 || percent > 1) {
    const message =
      'start_percent must be a number in [0, 1] (0.x raised ValueError); not converted';
    report(run, 'SCHED-013', 'error', percentValue, message);
    return undefined;
  }
  const e = byEpoch === run.length.byEpoch ? run.length.end : undefined;
  if (e === undefined) {
    const message =
      'FlatCosineAnnealing starts at round(E * start_percent), and the training length E ' +
      'is not known in this file; lr_config not converted';
    report(run, 'SCHED-013', 'error', cfg, message);
    return undefined;
  }
  const start = roundHalfEven(e * percent);
  const w = numOf(warmupIters);
  if (w !== undefined && w > start) {
    const message = `the warmup (${w}) is longer than the flat part (${start}): the warmup and the cosine overlap`;
    report(run, 'SCHED-013', 'warning', warmupIters, message);
  }
  return [
    scheduler('CosineAnnealingLR', [
      ['begin', int(start)],
      ['end', endOf(run, byEpoch)],
      ['T_max', int(e - start)],
      ['eta_min', target.abs],
      ['eta_min_ratio', target.ratio],
      ['by_epoch', bool(byEpoch)],
    ]),
  ];
}

function convertCosineRestart(run: Run, cfg: DictValue, byEpoch: boolean): Converted {
  const target = annealTarget(run, cfg, 'min_lr', 'SCHED-014', 'CosineRestart');
  if (target === undefined) return undefined;
  const periods = get(cfg, 'periods');
  const lengths = isSeq(periods) ? periods.items.map(numOf) : [];
  if (!isSeq(periods) || lengths.length === 0 || lengths.some((n) => n === undefined)) {
    const message = 'CosineRestart needs periods, a list of numbers; lr_config not converted';
    report(run, 'SCHED-014', 'error', periods ?? cfg, message);
    return undefined;
  }
  const weights = get(cfg, 'restart_weights') ?? list([int(1)]);
  if (!isSeq(weights) || weights.items.length !== periods.items.length) {
    const message =
      'periods and restart_weights must have the same length (0.x asserted); not converted';
    report(run, 'SCHED-014', 'error', weights, message);
    return undefined;
  }
  if (weights.items.some((w) => numOf(w) !== 1)) {
    const message =
      'a restart weight below 1 restarts at weight*base in mmengine, but at ' +
      'weight*base + (1-weight)*target in mmcv';
    report(run, 'SCHED-014', 'info', weights, message);
  }
  const total = lengths.reduce((a: number, b) => a + (b as number), 0);
  return [
    scheduler('CosineRestartLR', [
      ['periods', periods],
      ['restart_weights', weights],
      ['eta_min', target.abs],
      ['eta_min_ratio', target.ratio],
      ['begin', int(0)],
      ['end', int(total)],
      ['by_epoch', bool(byEpoch)],
    ]),
  ];
}

function convertOneCycle(run: Run, cfg: DictValue, hasWarmup: boolean): Converted {
  const maxLr = given(cfg, 'max_lr');
  if (maxLr === undefined || isDict(maxLr)) {
    const message =
      maxLr === undefined
        ? 'OneCycle needs max_lr; lr_config not converted'
        : 'a per-group max_lr dict has no OneCycleLR counterpart; lr_config not converted';
    report(run, 'SCHED-016', 'error', maxLr ?? cfg, message);
    return undefined;
  }
  if (truthy(get(cfg, 'by_epoch')) === true) {
    const message = 'OneCycle supports only by_epoch=False (0.x asserted); lr_config not converted';
    report(run, 'SCHED-016', 'error', get(cfg, 'by_epoch'), message);
    return undefined;
  }
  if (hasWarmup) {
    const message =
      'a warmup on top of OneCycle multiplies into its own warm-up phase; review the curve';
    report(run, 'SCHED-016', 'warning', get(cfg, 'warmup'), message);
  }
  const options: [DictKey, Value | undefined][] = Object.entries(table.oneCycleArgs).map(
    ([from, to]) => [to, get(cfg, from)],
  );
  return [
    scheduler('OneCycleLR', [
      ['eta_max', maxLr],
      ...options,
      ['begin', int(0)],
      // mmcv counted OneCycle in iterations whatever the runner.
      ['end', endOf(run, false)],
      ['by_epoch', bool(false)],
    ]),
  ];
}

/** lr_config → its scheduler entries (SCHED-001…019); undefined when it must stay as it was. */
function convertLr(run: Run, cfg: Value): Converted {
  if (!isDict(cfg)) {
    report(run, 'SCHED-019', 'error', cfg, 'lr_config cannot be read; not converted');
    return undefined;
  }
  const policyValue = get(cfg, 'policy');
  const policyName = strOf(policyValue);
  if (policyName === undefined) {
    const message = 'lr_config has no policy string (0.x raised KeyError); not converted';
    report(run, 'SCHED-019', 'error', policyValue ?? cfg, message);
    return undefined;
  }
  const hook = hookName(policyName);
  const policy = LR_POLICIES[hook];
  if (policy === undefined) {
    const message =
      hook === policyName
        ? `no lr hook '${hook}LrUpdaterHook' in mmcv; lr_config not converted`
        : `policy '${policyName}' is title-cased to '${hook}', and '${hook}LrUpdaterHook' is not registered in mmcv; not converted`;
    report(run, 'SCHED-019', 'error', policyValue, message);
    return undefined;
  }
  reportUnknownArgs(run, cfg, `policy '${policyName}'`, [...table.lrBaseArgs, ...policy.args]);

  const byEpochValue = get(cfg, 'by_epoch');
  const written = byEpochValue === undefined ? undefined : truthy(byEpochValue);
  if (byEpochValue !== undefined && written === undefined) {
    report(
      run,
      'SCHED-019',
      'error',
      byEpochValue,
      'lr_config.by_epoch cannot be read; not converted',
    );
    return undefined;
  }
  const byEpoch = policy.kind === 'onecycle' ? false : (written ?? run.length.byEpoch);
  if (byEpoch && !run.length.byEpoch) {
    const message =
      'by_epoch=True under an iteration-based runner: 0.x never computed an epoch lr, so the lr ' +
      'stayed at the optimizer value (warmup included); param_scheduler = [] keeps that. ' +
      'Set by_epoch=False if decay was intended';
    report(run, 'SCHED-018', 'warning', byEpochValue, message);
    return [];
  }
  const warmup = convertWarmup(run, cfg);
  if (warmup === undefined) return undefined;
  const main = convertLrPolicy(run, cfg, policy, byEpoch, warmup);
  if (main === undefined) return undefined;
  return warmup.entry === undefined ? main : [warmup.entry, ...main];
}

/** momentum_config → its scheduler entries (SCHED-023); undefined when it must stay as it was. */
function convertMomentum(run: Run, cfg: Value): Converted {
  const fail = (at: Value | undefined, message: string): Converted => {
    report(run, 'SCHED-023', 'error', at, `${message}; momentum_config not converted`);
    return undefined;
  };
  if (!isDict(cfg)) return fail(cfg, 'momentum_config cannot be read');
  const policyValue = get(cfg, 'policy');
  const policyName = strOf(policyValue);
  if (policyName === undefined) return fail(policyValue ?? cfg, 'momentum_config has no policy');
  const hook = hookName(policyName);
  const policy = MOMENTUM_POLICIES[hook];
  if (policy === undefined) {
    const message = `no momentum hook '${hook}MomentumUpdaterHook' in mmcv; momentum_config not converted`;
    report(run, 'SCHED-019', 'error', policyValue, message);
    return undefined;
  }
  if (policy.kind === 'unsupported') {
    return fail(policyValue, `${hook} momentum has no mmengine counterpart`);
  }
  if (!absent(get(cfg, 'warmup'))) {
    return fail(get(cfg, 'warmup'), 'a momentum warmup has no mmengine counterpart');
  }
  reportUnknownArgs(run, cfg, `momentum policy '${policyName}'`, [
    ...table.momentumBaseArgs,
    ...policy.args,
  ]);
  const byEpochValue = get(cfg, 'by_epoch');
  // Momentum hooks keep by_epoch=True by default, even under IterBasedRunner.
  const byEpoch = byEpochValue === undefined ? true : truthy(byEpochValue);
  if (byEpoch === undefined) return fail(byEpochValue, 'momentum_config.by_epoch cannot be read');
  if (byEpoch && !run.length.byEpoch) {
    const message =
      'momentum by_epoch=True (the mmcv default) under an iteration-based runner: 0.x never ' +
      'updated the momentum, so no momentum scheduler is written. Set by_epoch=False if it was intended';
    report(run, 'SCHED-023', 'warning', byEpochValue ?? cfg, message);
    return [];
  }
  const by = bool(byEpoch);
  const begin = int(0);
  switch (policy.kind) {
    case 'step': {
      const step = get(cfg, 'step');
      const isList = isSeq(step);
      if (step === undefined || (!isList && step.t !== 'int')) {
        return fail(step ?? cfg, "momentum policy 'step' needs step, an int or a list of ints");
      }
      const minMomentum = given(cfg, 'min_momentum');
      if (minMomentum !== undefined) {
        const message = 'min_momentum is dropped (mmengine step schedules have no lower bound)';
        report(run, 'SCHED-023', 'warning', minMomentum, message);
      }
      return [
        scheduler(isList ? 'MultiStepMomentum' : 'StepMomentum', [
          [isList ? 'milestones' : 'step_size', step],
          // Written because the defaults differ: mmcv 0.5, mmengine 0.1.
          ['gamma', given(cfg, 'gamma') ?? float(DEFAULTS.momentum_step_gamma)],
          ['begin', begin],
          ['end', endOf(run, byEpoch)],
          ['by_epoch', by],
        ]),
      ];
    }
    case 'cosine': {
      const target = annealTarget(
        run,
        cfg,
        'min_momentum',
        'SCHED-023',
        'CosineAnnealing momentum',
      );
      if (target === undefined) return undefined;
      const end = endOf(run, byEpoch);
      return [
        scheduler('CosineAnnealingMomentum', [
          ['T_max', span(end, begin)],
          ['eta_min', target.abs],
          ['eta_min_ratio', target.ratio],
          ['begin', begin],
          ['end', end],
          ['by_epoch', by],
        ]),
      ];
    }
    default: {
      const target = annealTarget(
        run,
        cfg,
        'min_momentum',
        'SCHED-023',
        'LinearAnnealing momentum',
      );
      if (target === undefined) return undefined;
      const endFactor = target.ratio ?? ratioToOptimizer(run, target.abs as Value, 'momentum');
      if (endFactor === undefined) {
        return fail(target.abs, 'an absolute min_momentum needs a numeric optimizer momentum');
      }
      return [
        scheduler('LinearMomentum', [
          ['start_factor', float(1.0)],
          ['end_factor', endFactor],
          ['begin', begin],
          ['end', endOf(run, byEpoch)],
          ['by_epoch', by],
        ]),
      ];
    }
  }
}

export const convertSchedule: Pass = ({ old, out, ctx }) => {
  const lr = old.entries.get('lr_config');
  const momentum = old.entries.get('momentum_config');
  if (lr === undefined && momentum === undefined) return { out, findings: [] };

  // The runner findings belong to the loop pass, which reports them.
  const run: Run = { old, ctx, length: trainLength(old, ctx), findings: [], endUnknown: false };

  const lrNone = lr !== undefined && lr.t === 'none';
  const lrEntries = lr === undefined || lrNone ? [] : convertLr(run, lr);
  if (lrEntries === undefined) {
    // The lr schedule stays 0.x, so nothing is written for the momentum either.
    return { out, findings: run.findings };
  }
  const momentumNone = momentum === undefined || momentum.t === 'none';
  const momentumEntries = momentumNone ? [] : convertMomentum(run, momentum);

  const next = editDict(out);
  next.delete(
    ...(momentumEntries === undefined ? ['lr_config'] : ['lr_config', 'momentum_config']),
  );
  if (lrNone && (momentumEntries ?? []).length === 0) {
    next.set('param_scheduler', none());
  } else {
    next.set('param_scheduler', list([...lrEntries, ...(momentumEntries ?? [])]));
  }
  if (run.endUnknown) {
    const message =
      'the training length (runner / total_iters) is not in this file; end is left out where ' +
      'the schedule runs to the end of training, and mmengine fills it from the train loop';
    run.findings.push(findingAt('SCHED-021', 'info', lr ?? momentum, ctx, message));
  }
  return { out: next.value, findings: run.findings };
};
