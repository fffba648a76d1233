/**
 * `--cfg-options` / `--options` key paths (spec §13.5, KEY-001…KEY-040):
 * every row on a real-looking item, with the exact 1.x items and findings.
 * Rows that need the config resolve against a converted repo config.
 */
import { rewriteCommandLine } from '../../src/commands/index.js';
import { initParsers } from '../../src/python/parse.js';
import { brief, CITYSCAPES_0X, repoConfigs } from './fixtures.js';

beforeAll(() => initParsers({ bash: true }));

const configFor = repoConfigs({ 'configs/a.py': CITYSCAPES_0X });
const train = (items: string, config = 'cfg.py'): string =>
  `python tools/train.py ${config} --cfg-options ${items}`;

const cases: [string, string, string, string[]][] = [
  [
    'spec example: KEY-001, KEY-010, KEY-003',
    train('dist_params.port=29501 data.workers_per_gpu=2 evaluation.interval=500'),
    train(
      'env_cfg.dist_cfg.port=29501 train_dataloader.num_workers=2 val_dataloader.num_workers=2 test_dataloader.num_workers=2 train_cfg.val_interval=500',
    ),
    ['KEY-001 info 1', 'KEY-010 info 1', 'KEY-003 info 1'],
  ],
  [
    'KEY-002, KEY-004, KEY-005, KEY-006, KEY-007, KEY-008',
    train(
      'checkpoint_config.max_keep_ckpts=1 checkpoint_config.meta=x evaluation.metric=mIoU,mDice evaluation.save_best=mIoU evaluation.rule=greater evaluation.start=100 evaluation.pre_eval=True evaluation.gpu_collect=True',
    ),
    train(
      'default_hooks.checkpoint.max_keep_ckpts=1 "val_evaluator.iou_metrics=[mIoU,mDice]" default_hooks.checkpoint.save_best=mIoU default_hooks.checkpoint.rule=greater train_cfg.val_begin=100 val_evaluator.collect_device=gpu',
    ),
    [
      'KEY-002 info 1',
      'KEY-002 info 1',
      'KEY-004 info 1',
      'KEY-005 info 1',
      'KEY-005 info 1',
      'KEY-006 info 1',
      'KEY-007 info 1',
      'KEY-008 info 1',
    ],
  ],
  [
    'KEY-004 cityscapes, KEY-009, KEY-011 (renames, RepeatDataset, whole pipeline)',
    train(
      'evaluation.metric=cityscapes data.samples_per_gpu=4 data.train.img_dir=a data.val.ann_dir=b data.test.split=s.txt data.train.classes="[a,b]" data.train.pipeline=x data.train.dataset.img_dir=c data.train.times=8',
    ),
    train(
      'train_dataloader.batch_size=4 train_dataloader.dataset.data_prefix.img_path=a val_dataloader.dataset.data_prefix.seg_map_path=b test_dataloader.dataset.ann_file=s.txt train_dataloader.dataset.metainfo.classes="[a,b]" train_dataloader.dataset.dataset.data_prefix.img_path=c train_dataloader.dataset.times=8',
    ),
    [
      'KEY-004 error 1',
      'KEY-009 info 1',
      'KEY-011 info 1',
      'KEY-011 info 1',
      'KEY-011 info 1',
      'KEY-011 info 1',
      'KEY-011 error 1',
      'KEY-011 info 1',
      'KEY-011 info 1',
    ],
  ],
  [
    'KEY-013, and KEY-014/015/016 without the config',
    train(
      'data.val_dataloader.workers_per_gpu=1 data.train_dataloader.shuffle=False runner.max_iters=100 runner.type=EpochBasedRunner total_iters=100',
    ),
    train('val_dataloader.num_workers=1 train_dataloader.sampler.shuffle=False'),
    ['KEY-013 info 1', 'KEY-013 info 1', 'KEY-014 error 1', 'KEY-015 error 1', 'KEY-016 error 1'],
  ],
  [
    'KEY-017…KEY-022',
    train(
      'optimizer.lr=0.02 optimizer.paramwise_cfg.norm_decay_mult=0 optimizer_config.grad_clip.max_norm=1 optimizer_config.loss_scale=512. optimizer_config.cumulative_iters=4 optimizer_config.type=Fp16OptimizerHook',
    ),
    train(
      'optim_wrapper.optimizer.lr=0.02 optim_wrapper.paramwise_cfg.norm_decay_mult=0 optim_wrapper.clip_grad.max_norm=1 optim_wrapper.accumulative_counts=4',
    ),
    [
      'KEY-017 info 1',
      'KEY-018 info 1',
      'KEY-019 info 1',
      'KEY-020 error 1',
      'KEY-021 info 1',
      'KEY-022 error 1',
    ],
  ],
  [
    'KEY-023 without the config, KEY-027, KEY-028, KEY-029, KEY-030',
    train(
      'lr_config.min_lr=1e-5 lr_config.policy=step log_config.interval=10 log_config.hooks.0.type=X load_from=a.pth work_dir=w',
    ),
    train('default_hooks.logger.interval=10 load_from=a.pth work_dir=w'),
    ['KEY-023 error 1', 'KEY-027 error 1', 'KEY-028 info 1', 'KEY-029 error 1'],
  ],
  [
    'KEY-031, KEY-033, KEY-034, KEY-035 (a bracketed value is not a synopsis)',
    train(
      'resume_from=a.pth cudnn_benchmark=False mp_start_method=spawn opencv_num_threads=0 seed=1 deterministic=True gpu_ids=[0] workflow=x',
    ),
    train(
      'load_from=a.pth env_cfg.cudnn_benchmark=False env_cfg.mp_cfg.mp_start_method=spawn env_cfg.mp_cfg.opencv_num_threads=0 randomness.seed=1 randomness.deterministic=True --resume',
    ),
    [
      'KEY-031 info 1',
      'KEY-033 info 1',
      'KEY-033 info 1',
      'KEY-033 info 1',
      'KEY-034 info 1',
      'KEY-034 info 1',
      'KEY-035 info 1',
      'KEY-035 info 1',
    ],
  ],
  [
    'KEY-036…KEY-040',
    train(
      "model.backbone.type=mmcls.ConvNeXt test_cfg.mode=slide crop_size='(256,256)' img_norm_cfg.mean=[1,2,3] custom_imports.imports=[mmcls.models] foo.bar=1",
    ),
    train(
      'model.backbone.type=mmpretrain.ConvNeXt model.test_cfg.mode=slide crop_size=\'(256,256)\' "custom_imports.imports=[mmpretrain.models]"',
    ),
    [
      'KEY-036 info 1',
      'KEY-037 info 1',
      'KEY-038 info 1',
      'KEY-038 info 1',
      'KEY-039 info 1',
      'KEY-040 warning 1',
    ],
  ],
  [
    'KEY-032 auto_resume=True',
    train('auto_resume=True'),
    'python tools/train.py cfg.py --resume',
    ['KEY-032 info 1'],
  ],
  [
    'KEY-031/032 on test.py: dropped',
    'python tools/test.py cfg.py c.pth --cfg-options resume_from=a.pth auto_resume=True',
    'python tools/test.py cfg.py c.pth',
    ['KEY-031 info 1', 'KEY-032 info 1'],
  ],
  [
    'KEY-014, KEY-023, KEY-024, KEY-025 resolved against the config',
    train(
      'runner.max_iters=20000 lr_config.min_lr=1e-5 lr_config.warmup_iters=500 lr_config.warmup_ratio=0.01',
      'configs/a.py',
    ),
    train(
      'param_scheduler.1.end=20000 train_cfg.max_iters=20000 param_scheduler.1.eta_min=1e-05 param_scheduler.0.end=500 param_scheduler.1.begin=500 param_scheduler.0.start_factor=0.01',
      'configs/a.py',
    ),
    ['KEY-014 info 1', 'KEY-023 info 1', 'KEY-024 info 1', 'KEY-025 info 1'],
  ],
  [
    'KEY-012 resolved: transform index and argument rename',
    train(
      "data.train.pipeline.2.img_scale='(1024,512)' data.test.pipeline.1.img_scale='(1024,512)'",
      'configs/a.py',
    ),
    train(
      '"train_dataloader.dataset.pipeline.2.scale=(1024,512)" "test_dataloader.dataset.pipeline.1.scale=(1024,512)"',
      'configs/a.py',
    ),
    ['KEY-012 info 1', 'KEY-012 info 1'],
  ],
  [
    'KEY-012 a train-only Normalize change has no 1.x form (one data preprocessor)',
    train("data.train.pipeline.6.mean='[1,2,3]'", 'configs/a.py'),
    'python tools/train.py configs/a.py',
    ['KEY-012 error 1'],
  ],
  [
    'KEY-012 without the config',
    train("data.train.pipeline.2.img_scale='(1024,512)'"),
    'python tools/train.py cfg.py',
    ['KEY-012 error 1'],
  ],
  [
    'KEY-016, KEY-020, KEY-023 resolved but with no effect; KEY-026 not expressible',
    train(
      'total_iters=5 optimizer_config.loss_scale=512.0 lr_config.step=1000 lr_config.by_epoch=True',
      'configs/a.py',
    ),
    'python tools/train.py configs/a.py',
    ['KEY-016 warning 1', 'KEY-020 warning 1', 'KEY-023 warning 1', 'KEY-026 error 1'],
  ],
  [
    'a 1.x key marks the command as 1.x',
    train('train_dataloader.batch_size=4 model.backbone.depth=50'),
    train('train_dataloader.batch_size=4 model.backbone.depth=50'),
    [],
  ],
  [
    'a key whose value is a variable keeps the value as written',
    train('dist_params.port=$PORT "data.samples_per_gpu=${BS}"'),
    train('env_cfg.dist_cfg.port=$PORT "train_dataloader.batch_size=${BS}"'),
    ['KEY-001 info 1', 'KEY-009 info 1'],
  ],
];

describe('--cfg-options key paths', () => {
  it.each(cases)('%s', (_name, input, output, findings) => {
    const result = rewriteCommandLine(input, { configFor });
    expect(result.text).toBe(output);
    expect(brief(result.findings)).toEqual(findings);
    expect(rewriteCommandLine(result.text, { configFor }).text).toBe(result.text);
  });

  it('names the 1.x keys in the KEY-014 message', () => {
    const result = rewriteCommandLine(train('runner.max_iters=20000', 'configs/a.py'), {
      configFor,
    });
    expect(result.findings.map((f) => f.message)).toEqual([
      '`runner.max_iters=20000` → `param_scheduler.1.end=20000` `train_cfg.max_iters=20000` (from the config).',
    ]);
  });
});
