import { createResolver } from '../../src/config/resolve.js';
import { memorySource } from '../../src/config/source.js';
import { convertSchedule, hookName, roundHalfEven } from '../../src/convert/schedule.js';
import { opaque, withEntry, type DictValue } from '../../src/python/values.js';
import type { Finding } from '../../src/report/findings.js';
import { initParsers, py, show } from '../helpers/py.js';

beforeAll(() => initParsers());

const ctx = { file: 'configs/cfg.py' };

function run(source: string) {
  const old = py(source);
  return { old, ...convertSchedule({ old, out: old, ctx }) };
}

/** `param_scheduler` of the conversion, printed. */
const schedulers = (out: DictValue) => show(out.entries.get('param_scheduler'));

/** The value of `x` in a Python snippet, printed. */
const expected = (source: string) => show(py(source).entries.get('x'));

const brief = (findings: Finding[]) => findings.map((f) => [f.rule, f.severity, f.line]);

const ITER_80K = "runner = dict(type='IterBasedRunner', max_iters=80000)";
const EPOCH_12 = "runner = dict(type='EpochBasedRunner', max_epochs=12)";

describe('lr policies (iteration-based)', () => {
  it('SCHED-002/006/007: poly with a linear warmup, the official form', () => {
    const { out, findings } = run(
      [
        "lr_config = dict(policy='poly', warmup='linear',",
        '    warmup_iters=1500, warmup_ratio=1e-6, power=1.0,',
        '    min_lr=0.0, by_epoch=False)',
        "runner = dict(type='IterBasedRunner', max_iters=160000)",
      ].join('\n'),
    );
    expect(schedulers(out)).toBe(
      expected(
        [
          'x = [',
          "    dict(type='LinearLR', start_factor=1e-6, by_epoch=False, begin=0, end=1500),",
          "    dict(type='PolyLR', eta_min=0.0, power=1.0, begin=1500, end=160000, by_epoch=False)]",
        ].join('\n'),
      ),
    );
    expect(out.entries.has('lr_config')).toBe(false);
    expect(out.entries.has('runner')).toBe(true);
    expect(brief(findings)).toEqual([['SCHED-006', 'info', 2]]);
  });

  it('SCHED-007: poly without warmup; by_epoch defaults to False under IterBasedRunner', () => {
    const { out, findings } = run(
      `lr_config = dict(policy='poly', power=0.9, min_lr=1e-4)\n${ITER_80K}`,
    );
    expect(schedulers(out)).toBe(
      expected(
        "x = [dict(type='PolyLR', eta_min=1e-4, power=0.9, begin=0, end=80000, by_epoch=False)]",
      ),
    );
    expect(findings).toEqual([]);
  });

  it('SCHED-007: power and min_lr are always written, as floats, when absent', () => {
    const { out } = run(`lr_config = dict(policy='poly')\n${ITER_80K}`);
    expect(schedulers(out)).toBe(
      expected(
        "x = [dict(type='PolyLR', eta_min=0.0, power=1.0, begin=0, end=80000, by_epoch=False)]",
      ),
    );
  });

  it('SCHED-002: a linear warmup without warmup_ratio starts at 0.1', () => {
    const { out } = run(
      `lr_config = dict(policy='poly', power=0.9, min_lr=1e-4, by_epoch=False, warmup='linear', warmup_iters=1000)\n${ITER_80K}`,
    );
    expect(schedulers(out)).toBe(
      expected(
        [
          'x = [',
          "    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0, end=1000),",
          "    dict(type='PolyLR', eta_min=1e-4, power=0.9, begin=1000, end=80000, by_epoch=False)]",
        ].join('\n'),
      ),
    );
  });

  it('SCHED-003: a constant warmup becomes ConstantLR', () => {
    const { out } = run(
      `lr_config = dict(policy='poly', warmup='constant', warmup_iters=500, warmup_ratio=0.25)\n${ITER_80K}`,
    );
    expect(schedulers(out)).toBe(
      expected(
        [
          'x = [',
          "    dict(type='ConstantLR', factor=0.25, by_epoch=False, begin=0, end=500),",
          "    dict(type='PolyLR', eta_min=0.0, power=1.0, begin=500, end=80000, by_epoch=False)]",
        ].join('\n'),
      ),
    );
  });

  it('SCHED-004: an exp warmup is dropped with an error; the policy starts at 0', () => {
    const { out, findings } = run(
      `lr_config = dict(policy='poly',\n    warmup='exp', warmup_iters=500)\n${ITER_80K}`,
    );
    expect(schedulers(out)).toBe(
      expected(
        "x = [dict(type='PolyLR', eta_min=0.0, power=1.0, begin=0, end=80000, by_epoch=False)]",
      ),
    );
    expect(brief(findings)).toEqual([['SCHED-004', 'error', 2]]);
  });

  it('SCHED-008: a list of steps is MultiStepLR from 0 with absolute milestones (KNet)', () => {
    const { out, findings } = run(
      [
        "lr_config = dict(policy='step', warmup='linear', warmup_iters=1000,",
        '    warmup_ratio=0.001, step=[60000, 72000], by_epoch=False)',
        ITER_80K,
      ].join('\n'),
    );
    expect(schedulers(out)).toBe(
      expected(
        [
          'x = [',
          "    dict(type='LinearLR', start_factor=0.001, by_epoch=False, begin=0, end=1000),",
          "    dict(type='MultiStepLR', milestones=[60000, 72000], begin=0, end=80000, by_epoch=False)]",
        ].join('\n'),
      ),
    );
    expect(findings).toEqual([]);
  });

  it('SCHED-008: an int step is StepLR; gamma is kept when written', () => {
    const { out } = run(`lr_config = dict(policy='step', step=30000, gamma=0.5)\n${ITER_80K}`);
    expect(schedulers(out)).toBe(
      expected(
        "x = [dict(type='StepLR', step_size=30000, gamma=0.5, begin=0, end=80000, by_epoch=False)]",
      ),
    );
  });

  it('SCHED-008: a dropped min_lr is info when never reached, a warning otherwise', () => {
    const never = run(
      [
        "optimizer = dict(type='SGD', lr=0.01)",
        "lr_config = dict(policy='step', step=[60000, 72000],",
        '    min_lr=1e-5)',
        ITER_80K,
      ].join('\n'),
    );
    expect(brief(never.findings)).toEqual([['SCHED-008', 'info', 3]]);
    const reached = run(
      [
        "optimizer = dict(type='SGD', lr=0.01)",
        "lr_config = dict(policy='step', step=[60000, 72000], min_lr=5e-4)",
        ITER_80K,
      ].join('\n'),
    );
    expect(brief(reached.findings)).toEqual([['SCHED-008', 'warning', 2]]);
    // The second milestone lies beyond the training length, so only one decay happens.
    const short = run(
      [
        "optimizer = dict(type='SGD', lr=0.01)",
        "lr_config = dict(policy='step', step=[60000, 90000], min_lr=5e-4)",
        ITER_80K,
      ].join('\n'),
    );
    expect(brief(short.findings)).toEqual([['SCHED-008', 'info', 2]]);
  });

  it('SCHED-009: exp becomes ExponentialLR', () => {
    const { out } = run(`lr_config = dict(policy='exp', gamma=0.9999)\n${ITER_80K}`);
    expect(schedulers(out)).toBe(
      expected(
        "x = [dict(type='ExponentialLR', gamma=0.9999, begin=0, end=80000, by_epoch=False)]",
      ),
    );
  });

  it('SCHED-010: inv is an error and lr_config stays', () => {
    const { old, out, findings } = run(
      `x = 0\nlr_config = dict(policy='inv', gamma=1e-4, power=0.75)\n${ITER_80K}`,
    );
    expect(out).toBe(old);
    expect(brief(findings)).toEqual([['SCHED-010', 'error', 2]]);
  });

  it('SCHED-011: fixed keeps only the warmup, or nothing', () => {
    const bare = run(`lr_config = dict(policy='fixed')\n${ITER_80K}`);
    expect(schedulers(bare.out)).toBe('[]');
    const warm = run(
      `lr_config = dict(policy='fixed', warmup='linear', warmup_iters=100)\n${ITER_80K}`,
    );
    expect(schedulers(warm.out)).toBe(
      expected("x = [dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0, end=100)]"),
    );
    expect(warm.findings).toEqual([]);
  });

  it('SCHED-012: CosineAnnealing with min_lr or min_lr_ratio; T_max = end - begin', () => {
    const abs = run(`lr_config = dict(policy='CosineAnnealing', min_lr=1e-6)\n${ITER_80K}`);
    expect(schedulers(abs.out)).toBe(
      expected(
        "x = [dict(type='CosineAnnealingLR', T_max=80000, eta_min=1e-6, begin=0, end=80000, by_epoch=False)]",
      ),
    );
    const ratio = run(
      `lr_config = dict(policy='CosineAnnealing', min_lr_ratio=0.01, warmup='linear', warmup_iters=1000)\n${ITER_80K}`,
    );
    expect(schedulers(ratio.out)).toBe(
      expected(
        [
          'x = [',
          "    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0, end=1000),",
          "    dict(type='CosineAnnealingLR', T_max=79000, eta_min_ratio=0.01, begin=1000, end=80000, by_epoch=False)]",
        ].join('\n'),
      ),
    );
    expect(brief(ratio.findings)).toEqual([['SCHED-006', 'info', 1]]);
  });

  it('SCHED-012: both or neither of min_lr / min_lr_ratio is an error', () => {
    const { old, out, findings } = run(`lr_config = dict(policy='CosineAnnealing')\n${ITER_80K}`);
    expect(out).toBe(old);
    expect(brief(findings)).toEqual([['SCHED-012', 'error', 1]]);
  });

  it('SCHED-013: FlatCosineAnnealing starts at round(E * start_percent), half to even', () => {
    const { out } = run(
      "lr_config = dict(policy='FlatCosineAnnealing', min_lr=0.)\nrunner = dict(type='IterBasedRunner', max_iters=1000)",
    );
    expect(schedulers(out)).toBe(
      expected(
        "x = [dict(type='CosineAnnealingLR', begin=750, end=1000, T_max=250, eta_min=0., by_epoch=False)]",
      ),
    );
    // 10 * 0.25 = 2.5 rounds to 2, as Python's round does.
    const even = run(
      "lr_config = dict(policy='FlatCosineAnnealing', start_percent=0.25, min_lr_ratio=0.1)\nrunner = dict(type='IterBasedRunner', max_iters=10)",
    );
    expect(schedulers(even.out)).toBe(
      expected(
        "x = [dict(type='CosineAnnealingLR', begin=2, end=10, T_max=8, eta_min_ratio=0.1, by_epoch=False)]",
      ),
    );
  });

  it('SCHED-013: a warmup longer than the flat part is a warning; no length is an error', () => {
    const long = run(
      "lr_config = dict(policy='FlatCosineAnnealing', min_lr=0., warmup='linear',\n    warmup_iters=800)\nrunner = dict(type='IterBasedRunner', max_iters=1000)",
    );
    expect(brief(long.findings)).toEqual([['SCHED-013', 'warning', 2]]);
    const { old, out, findings } = run("lr_config = dict(policy='FlatCosineAnnealing', min_lr=0.)");
    expect(out).toBe(old);
    expect(brief(findings)).toEqual([['SCHED-013', 'error', 1]]);
  });

  it('SCHED-014: CosineRestart ends at sum(periods); weights below 1 are reported', () => {
    const { out, findings } = run(
      `lr_config = dict(policy='CosineRestart', periods=[500, 500],\n    restart_weights=[1, 0.5], min_lr=0.)\n${ITER_80K}`,
    );
    expect(schedulers(out)).toBe(
      expected(
        "x = [dict(type='CosineRestartLR', periods=[500, 500], restart_weights=[1, 0.5], eta_min=0., begin=0, end=1000, by_epoch=False)]",
      ),
    );
    expect(brief(findings)).toEqual([['SCHED-014', 'info', 2]]);
    const single = run(
      `lr_config = dict(policy='CosineRestart', periods=[1000], min_lr_ratio=0.)\n${ITER_80K}`,
    );
    expect(schedulers(single.out)).toBe(
      expected(
        "x = [dict(type='CosineRestartLR', periods=[1000], restart_weights=[1], eta_min_ratio=0., begin=0, end=1000, by_epoch=False)]",
      ),
    );
    expect(single.findings).toEqual([]);
  });

  it('SCHED-015: Cyclic is an error', () => {
    const { old, out, findings } = run(
      `lr_config = dict(policy='cyclic', target_ratio=(10, 1e-4))\n${ITER_80K}`,
    );
    expect(out).toBe(old);
    expect(brief(findings)).toEqual([['SCHED-015', 'error', 1]]);
  });

  it('SCHED-016: OneCycle becomes OneCycleLR counted in iterations', () => {
    const { out, findings } = run(
      `lr_config = dict(policy='OneCycle', max_lr=0.01, pct_start=0.25, three_phase=True)\n${ITER_80K}`,
    );
    expect(schedulers(out)).toBe(
      expected(
        "x = [dict(type='OneCycleLR', eta_max=0.01, pct_start=0.25, three_phase=True, begin=0, end=80000, by_epoch=False)]",
      ),
    );
    expect(findings).toEqual([]);
  });

  it('SCHED-016: a max_lr dict is an error; a warmup on top is a warning', () => {
    const dictLr = run(
      `lr_config = dict(policy='OneCycle',\n    max_lr=dict(backbone=0.01))\n${ITER_80K}`,
    );
    expect(dictLr.out).toBe(dictLr.old);
    expect(brief(dictLr.findings)).toEqual([['SCHED-016', 'error', 2]]);
    const warm = run(
      `lr_config = dict(policy='OneCycle', max_lr=0.01, warmup='linear', warmup_iters=10)\n${ITER_80K}`,
    );
    expect(schedulers(warm.out)).toBe(
      expected(
        [
          'x = [',
          "    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0, end=10),",
          "    dict(type='OneCycleLR', eta_max=0.01, begin=0, end=80000, by_epoch=False)]",
        ].join('\n'),
      ),
    );
    expect(brief(warm.findings)).toEqual([['SCHED-016', 'warning', 1]]);
  });

  it('SCHED-017: LinearAnnealing with a ratio, or an absolute min_lr over a single lr', () => {
    const ratio = run(`lr_config = dict(policy='LinearAnnealing', min_lr_ratio=0.01)\n${ITER_80K}`);
    expect(schedulers(ratio.out)).toBe(
      expected(
        "x = [dict(type='LinearLR', start_factor=1.0, end_factor=0.01, begin=0, end=80000, by_epoch=False)]",
      ),
    );
    const abs = run(
      `optimizer = dict(type='SGD', lr=0.01)\nlr_config = dict(policy='LinearAnnealing', min_lr=0.001)\n${ITER_80K}`,
    );
    expect(schedulers(abs.out)).toBe(
      expected(
        "x = [dict(type='LinearLR', start_factor=1.0, end_factor=0.1, begin=0, end=80000, by_epoch=False)]",
      ),
    );
  });

  it('SCHED-017: an absolute min_lr with per-group lr multipliers is an error', () => {
    const { old, out, findings } = run(
      [
        "optimizer = dict(type='AdamW', lr=6e-5,",
        "    paramwise_cfg=dict(custom_keys={'head': dict(lr_mult=10.)}))",
        "lr_config = dict(policy='LinearAnnealing', min_lr=1e-6)",
        ITER_80K,
      ].join('\n'),
    );
    expect(out).toBe(old);
    expect(brief(findings)).toEqual([['SCHED-017', 'error', 3]]);
  });

  it('SCHED-019: an unknown policy and an unregistered lowercase name are errors', () => {
    const lower = run(`lr_config = dict(policy='cosineannealing', min_lr=0.)\n${ITER_80K}`);
    expect(lower.out).toBe(lower.old);
    expect(brief(lower.findings)).toEqual([['SCHED-019', 'error', 1]]);
    expect(lower.findings[0].message).toContain("'Cosineannealing'");
    const unknown = run(`lr_config = dict(policy='Warmup')\n${ITER_80K}`);
    expect(brief(unknown.findings)).toEqual([['SCHED-019', 'error', 1]]);
  });

  it('SCHED-001: a bad warmup or a missing required argument is an error; unknown keys are dropped', () => {
    const badWarmup = run(
      `lr_config = dict(policy='poly', warmup='cosine', warmup_iters=5)\n${ITER_80K}`,
    );
    expect(badWarmup.out).toBe(badWarmup.old);
    expect(brief(badWarmup.findings)).toEqual([['SCHED-001', 'error', 1]]);
    const noIters = run(`lr_config = dict(policy='poly', warmup='linear')\n${ITER_80K}`);
    expect(brief(noIters.findings)).toEqual([['SCHED-001', 'error', 1]]);
    const noStep = run(`lr_config = dict(policy='step')\n${ITER_80K}`);
    expect(brief(noStep.findings)).toEqual([['SCHED-001', 'error', 1]]);
    const extra = run(`lr_config = dict(policy='poly', gamma=0.1)\n${ITER_80K}`);
    expect(brief(extra.findings)).toEqual([['SCHED-001', 'warning', 1]]);
    expect(schedulers(extra.out)).toBe(
      expected(
        "x = [dict(type='PolyLR', eta_min=0.0, power=1.0, begin=0, end=80000, by_epoch=False)]",
      ),
    );
  });

  it('SCHED-019: an unreadable lr_config is reported and left, without a crash', () => {
    const old = withEntry(py(ITER_80K), 'lr_config', opaque('make_lr()', 'call'));
    const { out, findings } = convertSchedule({ old, out: old, ctx });
    expect(out).toBe(old);
    expect(brief(findings)).toEqual([['SCHED-019', 'error', 0]]);
  });

  it('SCHED-020: lr_config = None becomes param_scheduler = None', () => {
    const { out, findings } = run(`lr_config = None\n${ITER_80K}`);
    expect(schedulers(out)).toBe('null');
    expect(out.entries.has('lr_config')).toBe(false);
    expect(findings).toEqual([]);
  });
});

describe('epoch- vs iteration-based', () => {
  it('SCHED-018: under EpochBasedRunner the policy counts epochs and the warmup iterations', () => {
    const { out, findings } = run(
      `lr_config = dict(policy='step', step=[8, 11], warmup='linear', warmup_iters=500, warmup_ratio=0.001)\n${EPOCH_12}`,
    );
    expect(schedulers(out)).toBe(
      expected(
        [
          'x = [',
          "    dict(type='LinearLR', start_factor=0.001, by_epoch=False, begin=0, end=500),",
          "    dict(type='MultiStepLR', milestones=[8, 11], begin=0, end=12, by_epoch=True)]",
        ].join('\n'),
      ),
    );
    expect(findings).toEqual([]);
  });

  it('SCHED-006: an epoch-based curve policy with an iteration warmup begins at 0', () => {
    const { out, findings } = run(
      `lr_config = dict(policy='poly', warmup='linear', warmup_iters=500)\n${EPOCH_12}`,
    );
    expect(schedulers(out)).toBe(
      expected(
        [
          'x = [',
          "    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0, end=500),",
          "    dict(type='PolyLR', eta_min=0.0, power=1.0, begin=0, end=12, by_epoch=True)]",
        ].join('\n'),
      ),
    );
    expect(findings).toEqual([]);
  });

  it('SCHED-005: warmup_by_epoch under an epoch runner converts to iterations', () => {
    const { out, findings } = run(
      `lr_config = dict(policy='CosineAnnealing', min_lr=0., warmup='linear', warmup_iters=1, warmup_by_epoch=True)\n${EPOCH_12}`,
    );
    expect(schedulers(out)).toBe(
      expected(
        [
          'x = [',
          "    dict(type='LinearLR', start_factor=0.1, by_epoch=True, begin=0, end=1, convert_to_iter_based=True),",
          "    dict(type='CosineAnnealingLR', T_max=11, eta_min=0., begin=1, end=12, by_epoch=True)]",
        ].join('\n'),
      ),
    );
    expect(brief(findings)).toEqual([['SCHED-006', 'info', 1]]);
  });

  it('SCHED-005: warmup_by_epoch under IterBasedRunner is an error and lr_config stays', () => {
    const { old, out, findings } = run(
      `lr_config = dict(policy='poly', warmup='linear', warmup_iters=1,\n    warmup_by_epoch=True)\n${ITER_80K}`,
    );
    expect(out).toBe(old);
    expect(brief(findings)).toEqual([['SCHED-005', 'error', 2]]);
  });

  it('SCHED-018: by_epoch=True under IterBasedRunner gives an empty schedule and a warning', () => {
    const { out, findings } = run(
      `lr_config = dict(policy='poly', warmup='linear', warmup_iters=10,\n    by_epoch=True)\n${ITER_80K}`,
    );
    expect(schedulers(out)).toBe('[]');
    expect(out.entries.has('lr_config')).toBe(false);
    expect(brief(findings)).toEqual([['SCHED-018', 'warning', 2]]);
  });

  it('SCHED-018: an iteration policy under EpochBasedRunner leaves end to the train loop', () => {
    const { out, findings } = run(`lr_config = dict(policy='poly', by_epoch=False)\n${EPOCH_12}`);
    expect(schedulers(out)).toBe(
      expected("x = [dict(type='PolyLR', eta_min=0.0, power=1.0, begin=0, by_epoch=False)]"),
    );
    expect(findings).toEqual([]);
  });

  it('total_iters stands in for the runner (cgnet)', () => {
    const { out } = run(
      "lr_config = dict(policy='poly', power=0.9, min_lr=1e-4, by_epoch=False)\ntotal_iters = 60000",
    );
    expect(schedulers(out)).toBe(
      expected(
        "x = [dict(type='PolyLR', eta_min=1e-4, power=0.9, begin=0, end=60000, by_epoch=False)]",
      ),
    );
  });
});

describe('partial views', () => {
  it('SCHED-021: a schedule base without runner leaves end out, with an info', () => {
    const { out, findings } = run(
      "x = 0\nlr_config = dict(policy='CosineAnnealing', min_lr=0., warmup='linear', warmup_iters=100)",
    );
    expect(schedulers(out)).toBe(
      expected(
        [
          'x = [',
          "    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0, end=100),",
          "    dict(type='CosineAnnealingLR', eta_min=0., begin=100, by_epoch=False)]",
        ].join('\n'),
      ),
    );
    expect(brief(findings)).toEqual([
      ['SCHED-006', 'info', 2],
      ['SCHED-021', 'info', 2],
    ]);
  });

  it('INH-008/SCHED-022: a leaf overriding warmup and max_iters gets the whole list from the merged chain', () => {
    const resolver = createResolver(
      memorySource({
        'configs/_base_/schedule.py': [
          "lr_config = dict(policy='poly', power=0.9, min_lr=1e-4, by_epoch=False)",
          "runner = dict(type='IterBasedRunner', max_iters=80000)",
        ].join('\n'),
        'configs/leaf.py': [
          "_base_ = './_base_/schedule.py'",
          "lr_config = dict(warmup='linear', warmup_iters=1000)",
          'runner = dict(max_iters=40000)',
        ].join('\n'),
      }),
    );
    const resolved = resolver.resolve('configs/leaf.py');
    expect(resolved.findings).toEqual([]);
    const old = resolved.value;
    const { out, findings } = convertSchedule({ old, out: old, ctx: { file: 'configs/leaf.py' } });
    expect(schedulers(out)).toBe(
      expected(
        [
          'x = [',
          "    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0, end=1000),",
          "    dict(type='PolyLR', eta_min=1e-4, power=0.9, begin=1000, end=40000, by_epoch=False)]",
        ].join('\n'),
      ),
    );
    expect(findings.map((f) => [f.rule, f.file, f.line])).toEqual([
      ['SCHED-006', 'configs/leaf.py', 2],
    ]);
  });

  it('moves 0.x values as the same objects, so their origin is kept', () => {
    const { old, out } = run(
      `lr_config = dict(policy='poly', power=0.9, min_lr=1e-4)\n${ITER_80K}`,
    );
    const poly = (out.entries.get('param_scheduler') as { items: DictValue[] }).items[0];
    const lr = old.entries.get('lr_config') as DictValue;
    const runner = old.entries.get('runner') as DictValue;
    expect(poly.entries.get('power')).toBe(lr.entries.get('power'));
    expect(poly.entries.get('end')).toBe(runner.entries.get('max_iters'));
  });

  it('does nothing without lr_config or momentum_config', () => {
    const old = py(ITER_80K);
    const result = convertSchedule({ old, out: old, ctx });
    expect(result.out).toBe(old);
    expect(result.findings).toEqual([]);
  });
});

describe('momentum_config (SCHED-023)', () => {
  it('cosine momentum under an epoch runner is appended to the lr schedule', () => {
    const { out, findings } = run(
      [
        "lr_config = dict(policy='CosineAnnealing', min_lr_ratio=1e-5)",
        "momentum_config = dict(policy='CosineAnnealing', min_momentum_ratio=0.85 / 0.95)",
        EPOCH_12,
      ].join('\n'),
    );
    expect(schedulers(out)).toBe(
      expected(
        [
          'x = [',
          "    dict(type='CosineAnnealingLR', T_max=12, eta_min_ratio=1e-5, begin=0, end=12, by_epoch=True),",
          "    dict(type='CosineAnnealingMomentum', T_max=12, eta_min_ratio=0.85 / 0.95, begin=0, end=12, by_epoch=True)]",
        ].join('\n'),
      ),
    );
    expect(out.entries.has('momentum_config')).toBe(false);
    expect(findings).toEqual([]);
  });

  it('step momentum writes gamma (mmcv default 0.5); an int step is StepMomentum', () => {
    const { out } = run(
      `lr_config = dict(policy='fixed')\nmomentum_config = dict(policy='step', step=[8, 11])\n${EPOCH_12}`,
    );
    expect(schedulers(out)).toBe(
      expected(
        "x = [dict(type='MultiStepMomentum', milestones=[8, 11], gamma=0.5, begin=0, end=12, by_epoch=True)]",
      ),
    );
    const int = run(
      `lr_config = dict(policy='fixed')\nmomentum_config = dict(policy='step', step=4, gamma=0.9, by_epoch=False)\n${ITER_80K}`,
    );
    expect(schedulers(int.out)).toBe(
      expected(
        "x = [dict(type='StepMomentum', step_size=4, gamma=0.9, begin=0, end=80000, by_epoch=False)]",
      ),
    );
  });

  it('linear momentum with a ratio', () => {
    const { out } = run(
      `lr_config = dict(policy='fixed')\nmomentum_config = dict(policy='LinearAnnealing', min_momentum_ratio=0.5, by_epoch=False)\n${ITER_80K}`,
    );
    expect(schedulers(out)).toBe(
      expected(
        "x = [dict(type='LinearMomentum', start_factor=1.0, end_factor=0.5, begin=0, end=80000, by_epoch=False)]",
      ),
    );
  });

  it('by_epoch momentum (the default) under IterBasedRunner is dropped with a warning', () => {
    const { out, findings } = run(
      `lr_config = dict(policy='poly')\nmomentum_config = dict(policy='CosineAnnealing', min_momentum=0.85)\n${ITER_80K}`,
    );
    expect(schedulers(out)).toBe(
      expected(
        "x = [dict(type='PolyLR', eta_min=0.0, power=1.0, begin=0, end=80000, by_epoch=False)]",
      ),
    );
    expect(out.entries.has('momentum_config')).toBe(false);
    expect(brief(findings)).toEqual([['SCHED-023', 'warning', 2]]);
  });

  it('cyclic momentum and momentum warmups are errors; the lr schedule is still written', () => {
    const cyclic = run(
      `lr_config = dict(policy='poly')\nmomentum_config = dict(policy='cyclic', by_epoch=False)\n${ITER_80K}`,
    );
    expect(schedulers(cyclic.out)).toBe(
      expected(
        "x = [dict(type='PolyLR', eta_min=0.0, power=1.0, begin=0, end=80000, by_epoch=False)]",
      ),
    );
    expect(cyclic.out.entries.get('momentum_config')).toBe(
      cyclic.old.entries.get('momentum_config'),
    );
    expect(brief(cyclic.findings)).toEqual([['SCHED-023', 'error', 2]]);
    const warm = run(
      `lr_config = dict(policy='poly')\nmomentum_config = dict(policy='step', step=[5], by_epoch=False,\n    warmup='linear', warmup_iters=5)\n${ITER_80K}`,
    );
    expect(brief(warm.findings)).toEqual([['SCHED-023', 'error', 3]]);
  });
});

describe('helpers', () => {
  it('hookName title-cases only all-lowercase policies, like mmcv', () => {
    expect(
      ['poly', 'step', 'CosineAnnealing', 'cosineannealing', 'one_cycle'].map(hookName),
    ).toEqual(['Poly', 'Step', 'CosineAnnealing', 'Cosineannealing', 'One_Cycle']);
  });

  it("roundHalfEven rounds like Python's round", () => {
    expect([0.5, 1.5, 2.5, 2.4, 2.6, 7].map(roundHalfEven)).toEqual([0, 2, 2, 2, 3, 7]);
  });
});
