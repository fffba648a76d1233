import { createResolver } from '../../src/config/resolve.js';
import { memorySource } from '../../src/config/source.js';
import { convertOptim } from '../../src/convert/optim.js';
import { opaque, withEntry, type DictValue } from '../../src/python/values.js';
import type { Finding } from '../../src/report/findings.js';
import { initParsers, py, show } from '../helpers/py.js';

beforeAll(() => initParsers());

const ctx = { file: 'configs/cfg.py' };

function run(source: string) {
  const old = py(source);
  return { old, ...convertOptim({ old, out: old, ctx }) };
}

const wrapper = (out: DictValue) => show(out.entries.get('optim_wrapper'));

/** The value of `x` in a Python snippet, printed. */
const expected = (source: string) => show(py(source).entries.get('x'));

const brief = (findings: Finding[]) => findings.map((f) => [f.rule, f.severity, f.line]);

const keys = (d: DictValue) => [...d.entries.keys()];

const SGD = "optimizer = dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=0.0005)";
const SGD_DICT = "dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=0.0005)";

describe('convertOptim', () => {
  it('OPTIM-001/003: the schedule base becomes OptimWrapper with clip_grad=None', () => {
    const { old, out, findings } = run(`${SGD}\noptimizer_config = dict()`);
    expect(wrapper(out)).toBe(
      expected(`x = dict(type='OptimWrapper', optimizer=${SGD_DICT}, clip_grad=None)`),
    );
    expect(keys(out)).toEqual(['optimizer', 'optim_wrapper']);
    // The inert optimizer variable and the wrapper's optimizer are one value, so it can be referenced.
    const wrapped = (out.entries.get('optim_wrapper') as DictValue).entries.get('optimizer');
    expect(wrapped).toBe(out.entries.get('optimizer'));
    expect(wrapped?.at).toEqual(old.entries.get('optimizer')?.at);
    expect(findings).toEqual([]);
  });

  it('OPTIM-001: optimizer alone (no optimizer_config in the view) gives a bare OptimWrapper', () => {
    const { out, findings } = run(SGD);
    expect(wrapper(out)).toBe(expected(`x = dict(type='OptimWrapper', optimizer=${SGD_DICT})`));
    expect(findings).toEqual([]);
  });

  it('OPTIM-001: an optimizer without type, or an unreadable one, is an error and stays', () => {
    const noType = run('x = 0\noptimizer = dict(lr=0.01)\noptimizer_config = dict()');
    expect(noType.out).toBe(noType.old);
    expect(brief(noType.findings)).toEqual([['OPTIM-001', 'error', 2]]);

    const old = withEntry(py('optimizer_config = dict()'), 'optimizer', opaque('build()', 'call'));
    const unreadable = convertOptim({ old, out: old, ctx });
    expect(unreadable.out).toBe(old);
    expect(brief(unreadable.findings)).toEqual([['OPTIM-001', 'error', 0]]);
  });

  it('OPTIM-001: optimizer_config and fp16 without optimizer are removed with an info', () => {
    const { out, findings } = run(
      "x = 0\noptimizer_config = dict(type='Fp16OptimizerHook', loss_scale=512.)\nfp16 = dict()",
    );
    expect(keys(out)).toEqual(['x']);
    expect(brief(findings)).toEqual([['OPTIM-001', 'info', 2]]);
  });

  it('OPTIM-002: paramwise_cfg and a known constructor move to the wrapper', () => {
    const { out, findings } = run(
      [
        'optimizer = dict(',
        "    constructor='LearningRateDecayOptimizerConstructor',",
        "    type='AdamW', lr=0.0001, betas=(0.9, 0.999), weight_decay=0.05,",
        "    paramwise_cfg={'decay_rate': 0.9, 'decay_type': 'stage_wise', 'num_layers': 12})",
        'optimizer_config = dict()',
      ].join('\n'),
    );
    expect(wrapper(out)).toBe(
      expected(
        [
          "x = dict(type='OptimWrapper',",
          "    optimizer=dict(type='AdamW', lr=0.0001, betas=(0.9, 0.999), weight_decay=0.05),",
          '    clip_grad=None,',
          "    paramwise_cfg={'decay_rate': 0.9, 'decay_type': 'stage_wise', 'num_layers': 12},",
          "    constructor='LearningRateDecayOptimizerConstructor')",
        ].join('\n'),
      ),
    );
    expect(show(out.entries.get('optimizer'))).toBe(
      expected("x = dict(type='AdamW', lr=0.0001, betas=(0.9, 0.999), weight_decay=0.05)"),
    );
    expect(findings).toEqual([]);
  });

  it('OPTIM-002: DefaultOptimizerConstructor is left out; a custom constructor is a warning', () => {
    const plain = run(
      "optimizer = dict(type='SGD', lr=0.01, constructor='DefaultOptimizerConstructor')",
    );
    expect(wrapper(plain.out)).toBe(
      expected("x = dict(type='OptimWrapper', optimizer=dict(type='SGD', lr=0.01))"),
    );
    expect(plain.findings).toEqual([]);

    const custom = run(
      "optimizer = dict(type='AdamW', lr=1e-4,\n    constructor='CustomLayerDecayOptimizerConstructor',\n    paramwise_cfg=dict(num_layers=12))",
    );
    expect(wrapper(custom.out)).toBe(
      expected(
        "x = dict(type='OptimWrapper', optimizer=dict(type='AdamW', lr=1e-4), paramwise_cfg=dict(num_layers=12), constructor='CustomLayerDecayOptimizerConstructor')",
      ),
    );
    expect(brief(custom.findings)).toEqual([['OPTIM-002', 'warning', 2]]);
  });

  it('OPTIM-003: grad_clip becomes clip_grad; detect_anomalous_params is dropped with a warning', () => {
    const { out, findings } = run(
      `${SGD}\noptimizer_config = dict(grad_clip=dict(max_norm=1, norm_type=2),\n    detect_anomalous_params=True)`,
    );
    expect(wrapper(out)).toBe(
      expected(
        `x = dict(type='OptimWrapper', optimizer=${SGD_DICT}, clip_grad=dict(max_norm=1, norm_type=2))`,
      ),
    );
    expect(brief(findings)).toEqual([['OPTIM-003', 'warning', 2]]);
  });

  it('OPTIM-004: Fp16OptimizerHook becomes AmpOptimWrapper; loss_scale is written (512. when absent)', () => {
    const dynamic = run(
      `${SGD}\noptimizer_config = dict(type='Fp16OptimizerHook', loss_scale='dynamic')\nfp16 = dict()`,
    );
    expect(wrapper(dynamic.out)).toBe(
      expected(
        `x = dict(type='AmpOptimWrapper', optimizer=${SGD_DICT}, clip_grad=None, loss_scale='dynamic')`,
      ),
    );
    expect(keys(dynamic.out)).toEqual(['optimizer', 'optim_wrapper']);
    expect(brief(dynamic.findings)).toEqual([['OPTIM-007', 'info', 3]]);

    const implicit = run(
      `${SGD}\noptimizer_config = dict(type='Fp16OptimizerHook',\n    coalesce=False, distributed=False)`,
    );
    expect(wrapper(implicit.out)).toBe(
      expected(
        `x = dict(type='AmpOptimWrapper', optimizer=${SGD_DICT}, clip_grad=None, loss_scale=512.)`,
      ),
    );
    expect(brief(implicit.findings)).toEqual([['OPTIM-004', 'info', 2]]);
  });

  it('OPTIM-005: GradientCumulativeOptimizerHook becomes accumulative_counts', () => {
    const { out, findings } = run(
      `${SGD}\noptimizer_config = dict(type='GradientCumulativeOptimizerHook', cumulative_iters=4)`,
    );
    expect(wrapper(out)).toBe(
      expected(
        `x = dict(type='OptimWrapper', optimizer=${SGD_DICT}, clip_grad=None, accumulative_counts=4)`,
      ),
    );
    expect(findings).toEqual([]);
  });

  it('OPTIM-006: GradientCumulativeFp16OptimizerHook is AMP with accumulation and loss_scale=512.', () => {
    const { out, findings } = run(
      [
        "optimizer = dict(type='AdamW', lr=2e-5, betas=(0.9, 0.999), weight_decay=0.05,",
        "    constructor='LayerDecayOptimizerConstructor',",
        '    paramwise_cfg=dict(num_layers=24, layer_decay_rate=0.95))',
        "optimizer_config = dict(type='GradientCumulativeFp16OptimizerHook', cumulative_iters=2)",
        'fp16 = dict()',
      ].join('\n'),
    );
    expect(wrapper(out)).toBe(
      expected(
        [
          "x = dict(type='AmpOptimWrapper',",
          "    optimizer=dict(type='AdamW', lr=2e-5, betas=(0.9, 0.999), weight_decay=0.05),",
          '    clip_grad=None, accumulative_counts=2, loss_scale=512.,',
          '    paramwise_cfg=dict(num_layers=24, layer_decay_rate=0.95),',
          "    constructor='LayerDecayOptimizerConstructor')",
        ].join('\n'),
      ),
    );
    expect(brief(findings)).toEqual([['OPTIM-007', 'info', 5]]);
  });

  it('OPTIM-007: fp16 without an Fp16 hook is removed with a warning; the wrapper stays OptimWrapper', () => {
    const { out, findings } = run(
      `${SGD}\noptimizer_config = dict()\nfp16 = dict(loss_scale=512.)`,
    );
    expect(wrapper(out)).toBe(
      expected(`x = dict(type='OptimWrapper', optimizer=${SGD_DICT}, clip_grad=None)`),
    );
    expect(keys(out)).toEqual(['optimizer', 'optim_wrapper']);
    expect(brief(findings)).toEqual([['OPTIM-007', 'warning', 3]]);
  });

  it('OPTIM-008: DistOptimizerHook is converted best effort with a warning', () => {
    const { out, findings } = run(
      [
        SGD,
        'optimizer_config = dict(',
        "    type='DistOptimizerHook', update_interval=2, grad_clip=None,",
        '    coalesce=True, bucket_size_mb=-1, use_fp16=True)',
      ].join('\n'),
    );
    expect(wrapper(out)).toBe(
      expected(
        `x = dict(type='AmpOptimWrapper', optimizer=${SGD_DICT}, clip_grad=None, accumulative_counts=2)`,
      ),
    );
    expect(brief(findings)).toEqual([
      ['OPTIM-008', 'warning', 3],
      ['OPTIM-008', 'warning', 2],
    ]);
  });

  it('OPTIM-008: an unknown optimizer hook is an error and optimizer_config stays', () => {
    const { old, out, findings } = run(
      `${SGD}\noptimizer_config = dict(type='MyOptimizerHook', grad_clip=None)`,
    );
    expect(wrapper(out)).toBe(expected(`x = dict(type='OptimWrapper', optimizer=${SGD_DICT})`));
    expect(out.entries.get('optimizer_config')).toBe(old.entries.get('optimizer_config'));
    expect(brief(findings)).toEqual([['OPTIM-008', 'error', 2]]);
  });

  it('OPTIM-009: optimizer_config = None is a plain OptimWrapper and an error', () => {
    const { out, findings } = run(`${SGD}\noptimizer_config = None`);
    expect(wrapper(out)).toBe(expected(`x = dict(type='OptimWrapper', optimizer=${SGD_DICT})`));
    expect(keys(out)).toEqual(['optimizer', 'optim_wrapper']);
    expect(brief(findings)).toEqual([['OPTIM-009', 'error', 2]]);
  });

  it('OPTIM-010: a partial child optimizer is written as the full merged optimizer', () => {
    const resolver = createResolver(
      memorySource({
        'configs/_base_/schedule.py': `${SGD}\noptimizer_config = dict(grad_clip=None)`,
        'configs/leaf.py': "_base_ = './_base_/schedule.py'\noptimizer = dict(lr=0.025)",
      }),
    );
    const resolved = resolver.resolve('configs/leaf.py');
    expect(resolved.findings).toEqual([]);
    const old = resolved.value;
    const { out, findings } = convertOptim({ old, out: old, ctx: { file: 'configs/leaf.py' } });
    const full = "dict(type='SGD', lr=0.025, momentum=0.9, weight_decay=0.0005)";
    expect(show(out.entries.get('optimizer'))).toBe(expected(`x = ${full}`));
    expect(wrapper(out)).toBe(
      expected(`x = dict(type='OptimWrapper', optimizer=${full}, clip_grad=None)`),
    );
    expect(findings).toEqual([]);
  });

  it('OPTIM-011: a dict of optimizers is an error and stays', () => {
    const { old, out, findings } = run(
      "x = 0\noptimizer = dict(\n    generator=dict(type='Adam', lr=1e-4),\n    discriminator=dict(type='Adam', lr=4e-4))\noptimizer_config = dict()",
    );
    expect(out).toBe(old);
    expect(brief(findings)).toEqual([['OPTIM-011', 'error', 2]]);
  });

  it('an unreadable optimizer_config stays, with an error, and the wrapper is still written', () => {
    const old = withEntry(py(SGD), 'optimizer_config', opaque('hook_cfg()', 'call'));
    const { out, findings } = convertOptim({ old, out: old, ctx });
    expect(out.entries.get('optimizer_config')).toBe(old.entries.get('optimizer_config'));
    expect(wrapper(out)).toBe(expected(`x = dict(type='OptimWrapper', optimizer=${SGD_DICT})`));
    expect(brief(findings)).toEqual([['OPTIM-008', 'error', 0]]);
  });

  it('does nothing when none of optimizer, optimizer_config, fp16 is present', () => {
    const old = py("runner = dict(type='IterBasedRunner', max_iters=10)");
    const result = convertOptim({ old, out: old, ctx });
    expect(result.out).toBe(old);
    expect(result.findings).toEqual([]);
  });
});
