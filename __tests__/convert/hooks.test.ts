import { mergeIntoBase } from '../../src/config/merge.js';
import { convertHooks } from '../../src/convert/hooks.js';
import {
  getPath,
  opaque,
  valueEquals,
  withEntry,
  type DictValue,
} from '../../src/python/values.js';
import type { Finding } from '../../src/report/findings.js';
import { initParsers, py, show } from '../helpers/py.js';

beforeAll(() => initParsers());

const ctx = { file: 'configs/cfg.py' };

const run = (old: DictValue) => convertHooks({ old, out: old, ctx });

/** The value of `name` in a Python snippet, printed. */
const expected = (source: string, name = 'x') => show(py(source).entries.get(name));

const brief = (findings: Finding[]) => findings.map((f) => [f.rule, f.severity, f.line]);

const lines = (...rows: string[]) => rows.join('\n');

const RUNTIME = lines(
  'log_config = dict(',
  '    interval=50,',
  "    hooks=[dict(type='TextLoggerHook', by_epoch=False)])",
  "dist_params = dict(backend='nccl')",
  "log_level = 'INFO'",
  'load_from = None',
  'resume_from = None',
  "workflow = [('train', 1)]",
  'cudnn_benchmark = True',
);

const SCHEDULE = lines(
  "optimizer = dict(type='SGD', lr=0.01)",
  'optimizer_config = dict()',
  "lr_config = dict(policy='poly', power=0.9, min_lr=1e-4, by_epoch=False)",
  "runner = dict(type='IterBasedRunner', max_iters=40000)",
  'checkpoint_config = dict(by_epoch=False, interval=4000)',
  "evaluation = dict(interval=4000, metric='mIoU', pre_eval=True)",
);

const RUNNABLE = lines(
  "model = dict(type='EncoderDecoder')",
  'data = dict(samples_per_gpu=2, train=dict(), val=dict(), test=dict())',
);

const ITER_HOOKS = lines(
  'x = dict(',
  "    timer=dict(type='IterTimerHook'),",
  "    logger=dict(type='LoggerHook', interval=50, log_metric_by_epoch=False),",
  "    param_scheduler=dict(type='ParamSchedulerHook'),",
  "    checkpoint=dict(type='CheckpointHook', by_epoch=False, interval=4000),",
  "    sampler_seed=dict(type='DistSamplerSeedHook'),",
  "    visualization=dict(type='SegVisualizationHook'))",
);

describe('convertHooks: default_hooks (HOOK-001, HOOK-002, LOG-001)', () => {
  it('writes the official six-entry default_hooks for an iteration-based chain', () => {
    const old = py(lines(RUNTIME, SCHEDULE, RUNNABLE));
    const { out, findings } = run(old);
    expect(show(out.entries.get('default_hooks'))).toBe(expected(ITER_HOOKS));
    expect(show(out.entries.get('vis_backends'))).toBe(
      expected("x = [dict(type='LocalVisBackend')]"),
    );
    expect(show(out.entries.get('visualizer'))).toBe(
      expected(
        "x = dict(type='SegLocalVisualizer', vis_backends=[dict(type='LocalVisBackend')], name='visualizer')",
      ),
    );
    // One object under both names, so the emitter writes `vis_backends=vis_backends`.
    expect(getPath(out, ['visualizer', 'vis_backends'])).toBe(out.entries.get('vis_backends'));
    expect(show(out.entries.get('log_processor'))).toBe(expected('x = dict(by_epoch=False)'));
    expect(out.entries.has('checkpoint_config')).toBe(false);
    expect(out.entries.has('log_config')).toBe(false);
    // Other passes own these; evaluation is removed by the driver.
    expect(out.entries.has('runner')).toBe(true);
    expect(out.entries.has('evaluation')).toBe(true);
    expect(findings).toEqual([]);
  });

  it('writes by_epoch=True and log_metric_by_epoch=True for an epoch-based runner', () => {
    const old = py(
      lines(
        "log_config = dict(interval=10, hooks=[dict(type='TextLoggerHook')])",
        "runner = dict(type='EpochBasedRunner', max_epochs=12)",
        'checkpoint_config = dict(interval=1)',
        RUNNABLE,
      ),
    );
    const { out, findings } = run(old);
    expect(show(getPath(out, ['default_hooks', 'logger']))).toBe(
      expected("x = dict(type='LoggerHook', interval=10, log_metric_by_epoch=True)"),
    );
    expect(show(getPath(out, ['default_hooks', 'checkpoint']))).toBe(
      expected("x = dict(type='CheckpointHook', by_epoch=True, interval=1)"),
    );
    expect(show(getPath(out, ['default_hooks', 'timer']))).toBe(
      expected("x = dict(type='IterTimerHook')"),
    );
    expect(show(out.entries.get('log_processor'))).toBe(expected('x = dict(by_epoch=True)'));
    expect(findings).toEqual([]);
  });

  it('an explicit by_epoch on the text logger wins over the runner default', () => {
    const old = py(
      lines(
        "log_config = dict(interval=10, hooks=[dict(type='TextLoggerHook', by_epoch=False)])",
        "runner = dict(type='EpochBasedRunner', max_epochs=12)",
        'checkpoint_config = dict(interval=1)',
      ),
    );
    const { out } = run(old);
    expect(show(getPath(out, ['default_hooks', 'logger']))).toBe(
      expected("x = dict(type='LoggerHook', interval=10, log_metric_by_epoch=False)"),
    );
  });

  it('moves the checkpoint and logger values as the same objects (origins kept)', () => {
    const old = py(lines(RUNTIME, SCHEDULE));
    const { out } = run(old);
    expect(getPath(out, ['default_hooks', 'checkpoint', 'interval'])).toBe(
      getPath(old, ['checkpoint_config', 'interval']),
    );
    expect(getPath(out, ['default_hooks', 'logger', 'interval'])).toBe(
      getPath(old, ['log_config', 'interval']),
    );
  });

  it('a schedule base alone writes default_hooks without the logger interval, and no runtime keys', () => {
    const old = py(SCHEDULE);
    const { out, findings } = run(old);
    expect(show(getPath(out, ['default_hooks', 'logger']))).toBe(
      expected("x = dict(type='LoggerHook', log_metric_by_epoch=False)"),
    );
    expect(show(getPath(out, ['default_hooks', 'checkpoint']))).toBe(
      expected("x = dict(type='CheckpointHook', by_epoch=False, interval=4000)"),
    );
    expect([...(out.entries.get('default_hooks') as DictValue).entries.keys()]).toEqual([
      'timer',
      'logger',
      'param_scheduler',
      'checkpoint',
      'sampler_seed',
      'visualization',
    ]);
    for (const key of ['vis_backends', 'visualizer', 'log_processor']) {
      expect(out.entries.has(key)).toBe(false);
    }
    expect(findings).toEqual([]);
  });

  it('a leaf that changes only checkpoint_config.interval changes only default_hooks.checkpoint.interval', () => {
    const base = py(lines(RUNTIME, SCHEDULE, RUNNABLE));
    const leaf = py('checkpoint_config = dict(interval=2000)', 'leaf.py');
    const merged = mergeIntoBase(leaf, base, { file: 'leaf.py', lineOf: () => 0 }).value;
    const before = run(base).out;
    const after = run(merged).out;
    expect(show(getPath(after, ['default_hooks', 'checkpoint']))).toBe(
      expected("x = dict(type='CheckpointHook', by_epoch=False, interval=2000)"),
    );
    const restored = withEntry(
      after,
      'default_hooks',
      withEntry(
        after.entries.get('default_hooks') as DictValue,
        'checkpoint',
        getPath(before, ['default_hooks', 'checkpoint'])!,
      ),
    );
    expect(valueEquals(restored, before)).toBe(true);
  });

  it('LOG-001: a runtime base alone writes vis_backends, visualizer and log_processor but no default_hooks', () => {
    const old = py(RUNTIME);
    const { out, findings } = run(old);
    expect(out.entries.has('default_hooks')).toBe(false);
    expect(show(out.entries.get('vis_backends'))).toBe(
      expected("x = [dict(type='LocalVisBackend')]"),
    );
    expect(show(out.entries.get('log_processor'))).toBe(expected('x = dict(by_epoch=False)'));
    expect([...out.entries.keys()]).toEqual([
      'dist_params',
      'log_level',
      'load_from',
      'resume_from',
      'workflow',
      'cudnn_benchmark',
      'vis_backends',
      'visualizer',
      'log_processor',
    ]);
    expect(findings).toEqual([]);
  });

  it('LOG-001: a runnable config without log_config gets a logger without interval, with a warning', () => {
    const old = py(lines(RUNNABLE, 'checkpoint_config = dict(interval=100)'));
    const { out, findings } = run(old);
    expect(show(getPath(out, ['default_hooks', 'logger']))).toBe(
      expected("x = dict(type='LoggerHook', log_metric_by_epoch=False)"),
    );
    expect(brief(findings)).toEqual([['LOG-001', 'warning', 1]]);
  });

  it('HOOK-002: mmcv-only checkpoint arguments are dropped, the others kept', () => {
    const old = py(
      lines(
        'checkpoint_config = dict(',
        '    interval=500,',
        "    meta=dict(CLASSES=('a', 'b')),",
        '    create_symlink=False,',
        '    max_keep_ckpts=3,',
        '    save_last=False,',
        '    save_optimizer=False,',
        "    out_dir='s3://bucket',",
        "    filename_tmpl='ckpt_{}.pth',",
        '    sync_buffer=True,',
        '    file_client_args=None,',
        '    keep_best=1)',
      ),
    );
    const { out, findings } = run(old);
    expect(show(getPath(out, ['default_hooks', 'checkpoint']))).toBe(
      expected(
        lines(
          "x = dict(type='CheckpointHook', by_epoch=False, interval=500, max_keep_ckpts=3,",
          "         save_last=False, save_optimizer=False, out_dir='s3://bucket',",
          "         filename_tmpl='ckpt_{}.pth', keep_best=1)",
        ),
      ),
    );
    expect(brief(findings)).toEqual([
      ['HOOK-002', 'info', 3],
      ['HOOK-002', 'warning', 4],
      ['HOOK-002', 'warning', 10],
      ['HOOK-002', 'warning', 11],
      ['HOOK-002', 'warning', 12],
    ]);
    expect(findings[4].message).toContain('keep_best');
  });

  it('HOOK-002: a custom checkpoint hook type is an error; checkpoint_config stays', () => {
    const old = py("checkpoint_config = dict(type='MyCheckpointHook', interval=10)");
    const { out, findings } = run(old);
    expect(getPath(out, ['default_hooks', 'checkpoint'])).toBeUndefined();
    expect(out.entries.get('checkpoint_config')).toBe(old.entries.get('checkpoint_config'));
    expect(brief(findings)).toEqual([['HOOK-002', 'error', 1]]);
  });

  it('HOOK-003: checkpoint_config = None disables the checkpoint hook', () => {
    const old = py(lines(SCHEDULE, 'checkpoint_config = None'));
    const { out, findings } = run(old);
    expect(show(getPath(out, ['default_hooks', 'checkpoint']))).toBe('null');
    expect(findings).toEqual([]);
  });

  it('HOOK-004: a runnable config without checkpoint_config saves only the final checkpoint, with a warning', () => {
    const old = py(lines(RUNNABLE, "runner = dict(type='IterBasedRunner', max_iters=100)"));
    const { out, findings } = run(old);
    expect(show(getPath(out, ['default_hooks', 'checkpoint']))).toBe(
      expected("x = dict(type='CheckpointHook', interval=-1, by_epoch=False)"),
    );
    expect(brief(findings)).toEqual([
      ['LOG-001', 'warning', 1],
      ['HOOK-004', 'warning', 1],
    ]);
  });

  it('HOOK-004 is not applied to a partial view that is not runnable', () => {
    const { out, findings } = run(py("model = dict(type='EncoderDecoder')"));
    expect(out.entries.has('default_hooks')).toBe(false);
    expect(findings).toEqual([]);
  });

  it('EVAL-004: save_best, rule, greater_keys and less_keys join the checkpoint hook', () => {
    const old = py(
      lines(
        'checkpoint_config = dict(by_epoch=False, interval=4000)',
        "evaluation = dict(interval=4000, metric='mIoU', save_best='mIoU', rule='greater',",
        "                  greater_keys=['mIoU'], less_keys=['loss'])",
      ),
    );
    const { out, findings } = run(old);
    expect(show(getPath(out, ['default_hooks', 'checkpoint']))).toBe(
      expected(
        lines(
          "x = dict(type='CheckpointHook', by_epoch=False, interval=4000, save_best='mIoU',",
          "         rule='greater', greater_keys=['mIoU'], less_keys=['loss'])",
        ),
      ),
    );
    expect(findings).toEqual([]);
  });

  it('EVAL-004: save_best with checkpoint_config = None is reported', () => {
    const old = py(lines('checkpoint_config = None', "evaluation = dict(save_best='auto')"));
    const { out, findings } = run(old);
    expect(show(getPath(out, ['default_hooks', 'checkpoint']))).toBe('null');
    expect(brief(findings)).toEqual([['EVAL-004', 'warning', 2]]);
  });
});

describe('convertHooks: logger hooks → vis_backends (LOG-002…011)', () => {
  const backendsOf = (hooks: string) => {
    const old = py(`log_config = dict(interval=50, hooks=[\n${hooks}])`);
    return run(old);
  };

  it('LOG-002: TextLoggerHook options go on the logger; reset_flag is dropped', () => {
    const old = py(
      lines(
        'log_config = dict(interval=50, hooks=[',
        "    dict(type='TextLoggerHook', by_epoch=False, ignore_last=False, interval_exp_name=500,",
        "         out_dir='s3://logs', out_suffix=('.log',), keep_local=False, reset_flag=True,",
        '         colour=1)])',
        'checkpoint_config = dict(interval=10)',
      ),
    );
    const { out, findings } = run(old);
    expect(show(getPath(out, ['default_hooks', 'logger']))).toBe(
      expected(
        lines(
          "x = dict(type='LoggerHook', interval=50, log_metric_by_epoch=False, ignore_last=False,",
          "         interval_exp_name=500, out_dir='s3://logs', out_suffix=('.log',),",
          '         keep_local=False)',
        ),
      ),
    );
    expect(show(out.entries.get('vis_backends'))).toBe(
      expected("x = [dict(type='LocalVisBackend')]"),
    );
    expect(brief(findings)).toEqual([
      ['LOG-002', 'info', 3],
      ['LOG-002', 'warning', 4],
    ]);
  });

  it("LOG-002: the text hook's own interval is the logging interval", () => {
    const old = py(
      lines(
        "log_config = dict(interval=50, hooks=[dict(type='TextLoggerHook', interval=20)])",
        'checkpoint_config = dict(interval=10)',
      ),
    );
    expect(show(getPath(run(old).out, ['default_hooks', 'logger']))).toBe(
      expected("x = dict(type='LoggerHook', interval=20, log_metric_by_epoch=False)"),
    );
  });

  it('LOG-003: TensorboardLoggerHook → TensorboardVisBackend with save_dir', () => {
    const { out, findings } = backendsOf(
      lines(
        "    dict(type='TextLoggerHook'),",
        "    dict(type='TensorboardLoggerHook', log_dir='tb')",
      ),
    );
    expect(show(out.entries.get('vis_backends'))).toBe(
      expected(
        "x = [dict(type='LocalVisBackend'), dict(type='TensorboardVisBackend', save_dir='tb')]",
      ),
    );
    expect(brief(findings)).toEqual([['LOG-003', 'info', 3]]);
  });

  it('LOG-004: WandbLoggerHook → WandbVisBackend; with_step, log_artifact, out_suffix dropped', () => {
    const { out, findings } = backendsOf(
      lines(
        "    dict(type='TextLoggerHook'),",
        "    dict(type='WandbLoggerHook', init_kwargs=dict(project='seg'), commit=False,",
        "         define_metric_cfg=dict(mIoU='max'), with_step=False, log_artifact=True,",
        "         out_suffix=('.log',), interval=50)",
      ),
    );
    expect(show((out.entries.get('vis_backends') as { items: DictValue[] }).items[1])).toBe(
      expected(
        "x = dict(type='WandbVisBackend', init_kwargs=dict(project='seg'), commit=False, define_metric_cfg=dict(mIoU='max'))",
      ),
    );
    expect(brief(findings)).toEqual([
      ['LOG-004', 'info', 4],
      ['LOG-004', 'info', 4],
      ['LOG-004', 'info', 5],
    ]);
  });

  it('LOG-005: MMSegWandbHook → WandbVisBackend(init_kwargs), with warnings', () => {
    const { out, findings } = backendsOf(
      lines(
        "    dict(type='MMSegWandbHook', init_kwargs=dict(project='seg'), log_checkpoint=True,",
        '         num_eval_images=100)',
      ),
    );
    expect(show(out.entries.get('vis_backends'))).toBe(
      expected("x = [dict(type='WandbVisBackend', init_kwargs=dict(project='seg'))]"),
    );
    expect(brief(findings)).toEqual([
      ['LOG-005', 'warning', 2],
      ['LOG-005', 'warning', 3],
      ['LOG-005', 'warning', 2],
      ['LOG-009', 'info', 1],
    ]);
  });

  it('LOG-006: MlflowLoggerHook → MLflowVisBackend; log_model is a warning', () => {
    const { out, findings } = backendsOf(
      "    dict(type='MlflowLoggerHook', exp_name='seg', tags=dict(a='b'), params=dict(lr=1), log_model=True)",
    );
    expect(show(out.entries.get('vis_backends'))).toBe(
      expected(
        "x = [dict(type='MLflowVisBackend', exp_name='seg', tags=dict(a='b'), params=dict(lr=1))]",
      ),
    );
    expect(brief(findings)).toEqual([
      ['LOG-006', 'warning', 2],
      ['LOG-009', 'info', 1],
    ]);
  });

  it('LOG-007: Neptune, ClearML and Dvclive hooks become their backends', () => {
    const { out, findings } = backendsOf(
      lines(
        "    dict(type='TextLoggerHook'),",
        "    dict(type='NeptuneLoggerHook', init_kwargs=dict(project='a/b')),",
        "    dict(type='ClearMLLoggerHook', init_kwargs=dict(task_name='t')),",
        "    dict(type='DvcliveLoggerHook', model_file='m.pth', path='dvc', interval=50)",
      ),
    );
    expect(show(out.entries.get('vis_backends'))).toBe(
      expected(
        lines(
          "x = [dict(type='LocalVisBackend'),",
          "     dict(type='NeptuneVisBackend', init_kwargs=dict(project='a/b')),",
          "     dict(type='ClearMLVisBackend', init_kwargs=dict(task_name='t')),",
          "     dict(type='DVCLiveVisBackend', init_kwargs=dict(path='dvc'))]",
        ),
      ),
    );
    expect(brief(findings)).toEqual([['LOG-007', 'warning', 5]]);
  });

  it('LOG-007: a backend hook with its own interval is a warning', () => {
    const { findings } = backendsOf(
      lines("    dict(type='TextLoggerHook'),", "    dict(type='NeptuneLoggerHook', interval=10)"),
    );
    expect(brief(findings)).toEqual([['LOG-007', 'warning', 3]]);
  });

  it('LOG-008: Pavi, Segmind and unknown logger hooks are errors and left out', () => {
    const { out, findings } = backendsOf(
      lines(
        "    dict(type='TextLoggerHook'),",
        "    dict(type='PaviLoggerHook'),",
        "    dict(type='SegmindLoggerHook'),",
        "    dict(type='CustomizedTextLoggerHook')",
      ),
    );
    expect(show(out.entries.get('vis_backends'))).toBe(
      expected("x = [dict(type='LocalVisBackend')]"),
    );
    expect(brief(findings)).toEqual([
      ['LOG-008', 'error', 3],
      ['LOG-008', 'error', 4],
      ['LOG-008', 'error', 5],
    ]);
    expect(findings[2].message).toContain('CustomizedTextLoggerHook');
  });

  it('LOG-009: without a text hook no LocalVisBackend is added (info)', () => {
    const { out, findings } = backendsOf("    dict(type='TensorboardLoggerHook')");
    expect(show(out.entries.get('vis_backends'))).toBe(
      expected("x = [dict(type='TensorboardVisBackend')]"),
    );
    expect(brief(findings)).toEqual([
      ['LOG-003', 'info', 2],
      ['LOG-009', 'info', 1],
    ]);
  });

  it('LOG-011: log_config = None removes the logger and leaves no backends', () => {
    const old = py(lines('log_config = None', 'checkpoint_config = dict(interval=10)'));
    const { out, findings } = run(old);
    expect(show(getPath(out, ['default_hooks', 'logger']))).toBe('null');
    expect(show(out.entries.get('vis_backends'))).toBe('[]');
    expect(out.entries.has('log_config')).toBe(false);
    expect(brief(findings)).toEqual([['LOG-011', 'info', 1]]);
  });
});

describe('convertHooks: custom_hooks (HOOK-005)', () => {
  it('maps the known hooks and leaves the others as written', () => {
    const old = py(
      lines(
        'custom_hooks = [',
        "    dict(type='EmptyCacheHook', after_iter=True),",
        "    dict(type='SyncBuffersHook', distributed=True, priority='LOW'),",
        "    dict(type='EMAHook', momentum=0.001, interval=1, warm_up=50, resume_from=None),",
        "    dict(type='EMAHook', momentum=0.001, interval=4),",
        "    dict(type='ProfilerHook', profile_iters=2, with_stack=True),",
        "    dict(type='ProfilerHook'),",
        "    dict(type='EvalHook', interval=10),",
        "    dict(type='PolyLrUpdaterHook'),",
        "    dict(type='CosineAnnealingMomentumUpdaterHook'),",
        "    dict(type='Fp16OptimizerHook'),",
        "    dict(type='WandbLoggerHook'),",
        "    dict(type='MyHook', a=1),",
        ']',
      ),
    );
    const { out, findings } = run(old);
    expect(show(out.entries.get('custom_hooks'))).toBe(
      expected(
        lines(
          'x = [',
          "    dict(type='EmptyCacheHook', after_iter=True),",
          "    dict(type='SyncBuffersHook', priority='LOW'),",
          "    dict(type='EMAHook', momentum=0.001, interval=1),",
          "    dict(type='EMAHook', momentum=0.001, interval=4),",
          "    dict(type='ProfilerHook', with_stack=True),",
          "    dict(type='ProfilerHook'),",
          "    dict(type='EvalHook', interval=10),",
          "    dict(type='PolyLrUpdaterHook'),",
          "    dict(type='CosineAnnealingMomentumUpdaterHook'),",
          "    dict(type='Fp16OptimizerHook'),",
          "    dict(type='WandbLoggerHook'),",
          "    dict(type='MyHook', a=1),",
          ']',
        ),
      ),
    );
    expect(brief(findings)).toEqual([
      ['HOOK-005', 'warning', 4],
      ['HOOK-005', 'warning', 5],
      ['HOOK-005', 'warning', 6],
      ['HOOK-005', 'error', 8],
      ['HOOK-005', 'error', 9],
      ['HOOK-005', 'error', 10],
      ['HOOK-005', 'error', 11],
      ['HOOK-005', 'error', 12],
      ['HOOK-005', 'error', 13],
    ]);
    expect(findings[8].message).toContain('unknown custom hook MyHook');
    // Left-as-written entries are the same objects.
    const items = (out.entries.get('custom_hooks') as { items: unknown[] }).items;
    const before = (old.entries.get('custom_hooks') as { items: unknown[] }).items;
    expect(items[11]).toBe(before[11]);
  });

  it('keeps an unchanged list as the same object', () => {
    const old = py("custom_hooks = [dict(type='EmptyCacheHook')]");
    const { out, findings } = run(old);
    expect(out.entries.get('custom_hooks')).toBe(old.entries.get('custom_hooks'));
    expect(findings).toEqual([]);
  });
});

describe('convertHooks: unreadable values', () => {
  it('an opaque checkpoint_config stays, with an error, and the checkpoint entry is not written', () => {
    const old = withEntry(py(RUNNABLE), 'checkpoint_config', opaque('make_ckpt()', 'call'));
    const { out, findings } = run(old);
    expect(out.entries.get('checkpoint_config')).toBe(old.entries.get('checkpoint_config'));
    expect(getPath(out, ['default_hooks', 'checkpoint'])).toBeUndefined();
    expect(brief(findings)).toEqual([
      ['LOG-001', 'warning', 1],
      ['HOOK-002', 'error', 0],
    ]);
  });

  it('an opaque log_config stays, with a warning; the logger has no interval and no backends are written', () => {
    const old = withEntry(py(SCHEDULE), 'log_config', opaque('get_log()', 'call'));
    const { out, findings } = run(old);
    expect(out.entries.get('log_config')).toBe(old.entries.get('log_config'));
    expect(show(getPath(out, ['default_hooks', 'logger']))).toBe(
      expected("x = dict(type='LoggerHook', log_metric_by_epoch=False)"),
    );
    expect(out.entries.has('vis_backends')).toBe(false);
    expect(show(out.entries.get('log_processor'))).toBe(expected('x = dict(by_epoch=False)'));
    expect(brief(findings)).toEqual([['LOG-001', 'warning', 0]]);
  });

  it('opaque log_config.hooks keeps log_config; opaque hook entries are errors', () => {
    const hooks = opaque('HOOKS', 'name');
    const old = py('log_config = dict(interval=5)');
    const withHooks = withEntry(
      old,
      'log_config',
      withEntry(old.entries.get('log_config') as DictValue, 'hooks', hooks),
    );
    const { out, findings } = run(withHooks);
    expect(out.entries.get('log_config')).toBe(withHooks.entries.get('log_config'));
    expect(out.entries.has('vis_backends')).toBe(false);
    expect(brief(findings)).toEqual([['LOG-009', 'warning', 0]]);

    const listed = py("log_config = dict(interval=5, hooks=[dict(type='TextLoggerHook')])");
    const entry = opaque('make_hook()', 'call');
    const lc = listed.entries.get('log_config') as DictValue;
    const broken = withEntry(
      listed,
      'log_config',
      withEntry(lc, 'hooks', { t: 'list', items: [entry] }),
    );
    const r = run(broken);
    expect(show(r.out.entries.get('vis_backends'))).toBe('[]');
    expect(brief(r.findings)).toEqual([
      ['LOG-008', 'error', 0],
      ['LOG-009', 'info', 0],
    ]);
  });

  it('opaque custom_hooks and entries are left as written', () => {
    const old = withEntry(py('x = 1'), 'custom_hooks', opaque('HOOKS', 'name'));
    const { out, findings } = run(old);
    expect(out.entries.get('custom_hooks')).toBe(old.entries.get('custom_hooks'));
    expect(brief(findings)).toEqual([['HOOK-005', 'warning', 0]]);

    const entry = opaque('hook()', 'call');
    const listed = withEntry(py('x = 1'), 'custom_hooks', { t: 'list', items: [entry] });
    const r = run(listed);
    expect(r.out.entries.get('custom_hooks')).toBe(listed.entries.get('custom_hooks'));
    expect(brief(r.findings)).toEqual([['HOOK-005', 'error', 0]]);
  });

  it('an opaque runner falls back to iteration-based defaults without crashing', () => {
    const old = withEntry(
      py('checkpoint_config = dict(interval=10)'),
      'runner',
      opaque('R', 'name'),
    );
    const { out, findings } = run(old);
    expect(show(getPath(out, ['default_hooks', 'checkpoint']))).toBe(
      expected("x = dict(type='CheckpointHook', by_epoch=False, interval=10)"),
    );
    // The loop pass reports the runner.
    expect(findings).toEqual([]);
  });
});
