import { classifyFile, type Classified } from '../../src/scan/classify.js';
import { initParsers } from '../../src/python/parse.js';

beforeAll(() => initParsers());

const src = (...lines: string[]) => lines.join('\n') + '\n';
const classify = (path: string, text: string, namedAsBase = false) =>
  classifyFile(path, text, { namedAsBase });
/** Signals as compact `key@line` strings (kinds checked separately). */
const keys = (c: Classified) => c.signals.map((s) => `${s.key}@${s.line}`);
const kinds = (c: Classified) => [...new Set(c.signals.map((s) => s.kind))].sort();
const brief = (c: Classified) => ({ role: c.role, version: c.version });

describe('roles by path and content', () => {
  it.each([
    ['tools/dist_train.sh', 'python tools/train.py $1\n', 'shell'],
    ['scripts/run.bash', 'echo hi\n', 'shell'],
    ['tools/launch', '#!/usr/bin/env bash\nset -e\n', 'shell'],
    ['tools/launch_sh', '#!/bin/sh\n', 'shell'],
    ['tools/launch_env', '#!/usr/bin/env -S bash -e\n', 'shell'],
    ['tools/run_py', '#!/usr/bin/env python\nprint(1)\n', 'other'],
    ['LICENSE', 'Apache License\n', 'other'],
    ['.github/workflows/ci.yml', 'on: push\n', 'workflow'],
    ['.github/workflows/release.yaml', 'on: push\n', 'workflow'],
    ['.github/workflows/templates/step.yml', 'name: x\n', 'other'],
    ['docs/get_started.md', '# Start\n', 'markdown'],
    ['docs/notes.markdown', '# Notes\n', 'markdown'],
    ['demo/demo.ipynb', '{"cells": []}\n', 'notebook'],
    ['Makefile', 'all:\n\techo\n', 'makefile'],
    ['build/rules.mk', 'x = 1\n', 'makefile'],
    ['docker/Dockerfile', 'FROM ubuntu\n', 'dockerfile'],
    ['docker/Dockerfile.gpu', 'FROM nvidia/cuda\n', 'dockerfile'],
    ['docker/serve.dockerfile', 'FROM ubuntu\n', 'dockerfile'],
    ['configs/fcn/metafile.yml', 'Collections:\n  - Name: FCN\n', 'other'],
    ['package.json', '{"name": "x", "version": "1.0.0"}\n', 'other'],
  ])('%s → %s', (path, text, role) => {
    const c = classify(path, text);
    expect(c).toEqual({ path, role, signals: [], findings: [] });
  });
});

describe('DET-001 config candidates', () => {
  it('a file of assignments, comments and a docstring with a known key is a neutral config', () => {
    const c = classify(
      'configs/m.py',
      src('"""Model only."""', '# the backbone', "model = dict(type='EncoderDecoder')"),
    );
    expect(brief(c)).toEqual({ role: 'config', version: 'neutral' });
    expect(c.signals).toEqual([]);
    expect(c.findings).toEqual([]);
  });

  it('assignments of unknown keys only are not a config', () => {
    expect(brief(classify('pkg/version.py', src("__version__ = '0.3.0'", 'short = 3')))).toEqual({
      role: 'python',
      version: 'not-a-config',
    });
  });

  it('a file named in some _base_ is a base config even with script statements', () => {
    const text = src('def scale(x):', '    return x * 2', 'norm_cfg = dict(type="BN")');
    expect(brief(classify('configs/common/helpers.py', text, true))).toEqual({
      role: 'base-config',
      version: 'neutral',
    });
    expect(brief(classify('configs/common/helpers.py', text, false))).toEqual({
      role: 'python',
      version: 'not-a-config',
    });
  });

  it('a config under a _base_/ folder is a base config without being named', () => {
    const c = classify('configs/_base_/schedules/s.py', src("lr_config = dict(policy='poly')"));
    expect(brief(c)).toEqual({ role: 'base-config', version: '0.x' });
  });

  it('a YAML config is recognised, dated by its keys and reported', () => {
    const text = src(
      '_base_:',
      '  - ../_base_/models/fcn.py',
      'optimizer:',
      '  lr: 0.01',
      'lr_config:',
      '  policy: poly',
      'data:',
      '  samples_per_gpu: 4',
    );
    const c = classify('configs/fcn/fcn.yaml', text);
    expect(brief(c)).toEqual({ role: 'config', version: '0.x' });
    expect(keys(c)).toEqual(['lr_config@5', 'data@7']);
    expect(c.findings).toEqual([
      {
        rule: 'DET-001',
        severity: 'warning',
        file: 'configs/fcn/fcn.yaml',
        line: 0,
        message: 'YAML config: reported only, not rewritten; convert it to a Python config by hand',
      },
    ]);
  });

  it('a JSON config is recognised with its lines', () => {
    const text = src('{', '  "model": {"type": "EncoderDecoder"},', '  "optim_wrapper": {}', '}');
    const c = classify('configs/x.json', text, true);
    expect(brief(c)).toEqual({ role: 'base-config', version: '1.x' });
    expect(keys(c)).toEqual(['optim_wrapper@3']);
    expect(c.findings.map((f) => [f.rule, f.severity])).toEqual([['DET-001', 'warning']]);
  });
});

describe('DET-002 strong 0.x signals', () => {
  it('each top-level 0.x key, on its own line', () => {
    const c = classify(
      'configs/rt.py',
      src(
        'optimizer_config = dict()',
        "lr_config = dict(policy='poly')",
        'momentum_config = None',
        "runner = dict(type='IterBasedRunner', max_iters=10)",
        'checkpoint_config = dict(interval=1)',
        'log_config = dict(interval=50, hooks=[])',
        "evaluation = dict(metric='mIoU')",
        "workflow = [('train', 1)]",
        "dist_params = dict(backend='nccl')",
        'resume_from = None',
        'auto_resume = False',
        'data = dict(samples_per_gpu=4)',
      ),
    );
    expect(brief(c)).toEqual({ role: 'config', version: '0.x' });
    expect(keys(c)).toEqual([
      'optimizer_config@1',
      'lr_config@2',
      'momentum_config@3',
      'runner@4',
      'checkpoint_config@5',
      'log_config@6',
      'evaluation@7',
      'workflow@8',
      'dist_params@9',
      'resume_from@10',
      'auto_resume@11',
      'data@12',
    ]);
    expect(kinds(c)).toEqual(['strong-0.x']);
  });

  it('0.x transforms, transform arguments, dataset keys and a model test_cfg', () => {
    const c = classify(
      'configs/ds.py',
      src(
        "norm_cfg = dict(type='BN')",
        'train_pipeline = [',
        "    dict(type='LoadImageFromFile'),",
        "    dict(type='Resize', img_scale=(2048, 512), ratio_range=(0.5, 2.0)),",
        "    dict(type='RandomFlip', flip_ratio=0.5),",
        "    dict(type='Normalize', mean=[0, 0, 0], std=[1, 1, 1]),",
        "    dict(type='DefaultFormatBundle'),",
        "    dict(type='Collect', keys=['img']),",
        ']',
        'test_pipeline = [',
        '    dict(',
        "        type='MultiScaleFlipAug',",
        '        img_scale=(2048, 512),',
        '        flip=False,',
        "        transforms=[dict(type='ImageToTensor', keys=['img'])])",
        ']',
        'data = dict(',
        '    samples_per_gpu=2,',
        "    train=dict(type='ADE20KDataset', img_dir='a', ann_dir='b', pipeline=train_pipeline),",
        "    test=dict(type='ADE20KDataset', split='s.txt', pipeline=test_pipeline))",
        "test_cfg = dict(mode='slide', crop_size=(512, 512), stride=(341, 341))",
      ),
    );
    expect(brief(c)).toEqual({ role: 'config', version: '0.x' });
    expect(keys(c)).toEqual([
      'pipeline:Resize.img_scale@4',
      'pipeline:Resize.ratio_range@4',
      'pipeline:RandomFlip.flip_ratio@5',
      'pipeline:Normalize@6',
      'pipeline:DefaultFormatBundle@7',
      'pipeline:Collect@8',
      'pipeline:MultiScaleFlipAug.img_scale@11',
      'pipeline:ImageToTensor@15',
      'data@17',
      'dataset.ann_dir@19',
      'dataset.img_dir@19',
      'dataset.split@20',
      'test_cfg@21',
    ]);
    expect(kinds(c)).toEqual(['strong-0.x']);
  });

  it('a partial data override names its split datasets', () => {
    const c = classify(
      'configs/leaf.py',
      src("_base_ = './base.py'", "data = dict(train=dict(img_dir='extra/img'))"),
    );
    expect(keys(c)).toEqual(['data@2', 'dataset.img_dir@2']);
    expect(c.version).toBe('0.x');
  });

  it('the same names outside pipelines and datasets are not signals', () => {
    const c = classify(
      'configs/m.py',
      src(
        "model = dict(type='EncoderDecoder', neck=dict(type='Normalize', img_dir='x'))",
        'data = dict(root=1)',
        'train_cfg = dict()',
      ),
    );
    expect(brief(c)).toEqual({ role: 'config', version: 'neutral' });
    expect(c.signals).toEqual([]);
  });
});

describe('DET-003 weak 0.x signals', () => {
  it('weak signals alone make a 0.x file', () => {
    const c = classify(
      'configs/w.py',
      src(
        'img_norm_cfg = dict(mean=[1, 2, 3], std=[1, 1, 1], to_rgb=True)',
        'fp16 = dict(loss_scale=512.)',
        'total_iters = 100',
        'cudnn_benchmark = True',
        'gpu_ids = [0]',
        "mp_start_method = 'fork'",
        'opencv_num_threads = 0',
        "model = dict(backbone=dict(type='mmcls.ConvNeXt', arch='tiny'))",
        "custom_imports = dict(imports=['mmcls.models'], allow_failed_imports=False)",
      ),
    );
    expect(brief(c)).toEqual({ role: 'config', version: '0.x' });
    expect(keys(c)).toEqual([
      'img_norm_cfg@1',
      'fp16@2',
      'total_iters@3',
      'cudnn_benchmark@4',
      'gpu_ids@5',
      'mp_start_method@6',
      'opencv_num_threads@7',
      'type:mmcls.*@8',
      'custom_imports:mmcls@9',
    ]);
    expect(kinds(c)).toEqual(['weak-0.x']);
  });

  it('fp16 and img_norm_cfg count only as dicts', () => {
    const c = classify(
      'configs/w.py',
      src("fp16 = ['a.py']", 'img_norm_cfg = None', 'model = dict()'),
    );
    expect(brief(c)).toEqual({ role: 'config', version: 'neutral' });
    expect(c.signals).toEqual([]);
  });

  it('weak signals next to a strong 1.x signal leave the file 1.x', () => {
    const c = classify(
      'configs/w1.py',
      src('cudnn_benchmark = True', 'fp16 = dict()', 'train_dataloader = dict(batch_size=2)'),
    );
    expect(brief(c)).toEqual({ role: 'config', version: '1.x' });
    expect(c.signals).toEqual([
      { key: 'cudnn_benchmark', line: 1, kind: 'weak-0.x' },
      { key: 'fp16', line: 2, kind: 'weak-0.x' },
      { key: 'train_dataloader', line: 3, kind: 'strong-1.x' },
    ]);
    expect(c.findings).toEqual([]);
  });
});

describe('DET-004 strong 1.x signals', () => {
  it('1.x keys, loops, transforms, dataset keys, package bases and type prefixes', () => {
    const c = classify(
      'configs/new.py',
      src(
        "_base_ = ['mmseg::_base_/models/fcn_r50-d8.py']",
        'crop_size = (512, 512)',
        "data_preprocessor = dict(type='SegDataPreProcessor', size=crop_size)",
        "model = dict(data_preprocessor=data_preprocessor, backbone=dict(type='mmpretrain.ConvNeXt'))",
        'train_pipeline = [',
        "    dict(type='LoadImageFromFile', backend_args=None),",
        "    dict(type='RandomResize', scale=(2048, 512), ratio_range=(0.5, 2.0), keep_ratio=True),",
        "    dict(type='Resize', scale_factor=0.5),",
        "    dict(type='PackSegInputs'),",
        ']',
        'train_dataloader = dict(',
        '    batch_size=2,',
        "    dataset=dict(type='ADE20KDataset', data_prefix=dict(img_path='i'), ann_file='a.txt',",
        "                 metainfo=dict(classes=('x', 'y')), pipeline=train_pipeline))",
        "train_cfg = dict(type='IterBasedTrainLoop', max_iters=1000, val_interval=100)",
        "val_cfg = dict(type='ValLoop')",
        "test_cfg = dict(type='TestLoop')",
        'resume = False',
        "tta_pipeline = [dict(type='TestTimeAug', transforms=[[dict(type='Resize', scale_factor=1.0)]])]",
      ),
    );
    expect(brief(c)).toEqual({ role: 'config', version: '1.x' });
    expect(keys(c)).toEqual([
      '_base_:pkg::path@1',
      'data_preprocessor@3',
      'model.data_preprocessor@4',
      'type:mmpretrain.*@4',
      'backend_args@6',
      'pipeline:RandomResize@7',
      'pipeline:Resize.scale_factor@8',
      'pipeline:PackSegInputs@9',
      'train_dataloader@11',
      'dataset.ann_file@13',
      'dataset.data_prefix@13',
      'dataset.metainfo@13',
      'train_cfg@15',
      'val_cfg@16',
      'test_cfg@17',
      'resume@18',
      'pipeline:Resize.scale_factor@19',
      'pipeline:TestTimeAug@19',
      'tta_pipeline@19',
    ]);
    expect(kinds(c)).toEqual(['strong-1.x']);
  });

  it('a train_cfg with loop keys and no type is 1.x; resume that is not a bool is not', () => {
    const c = classify('configs/l.py', src('train_cfg = dict(by_epoch=False)', 'resume = None'));
    expect(keys(c)).toEqual(['train_cfg@1']);
    expect(c.version).toBe('1.x');
  });

  it('a read_base() config with mmengine imports is a 1.x config, not a script', () => {
    const c = classify(
      'configs/new_style.py',
      src(
        'from mmengine.config import read_base',
        '',
        'with read_base():',
        '    from .._base_.models.fcn_r50_d8 import *',
        '',
        'model.update(dict(decode_head=dict(num_classes=150)))',
      ),
    );
    expect(brief(c)).toEqual({ role: 'config', version: '1.x' });
    expect(keys(c)).toEqual(['read_base()@3']);
  });

  it('reading _base_.x in Python is 1.x, a {{_base_.x}} placeholder is not', () => {
    const access = classify(
      'configs/a.py',
      src("_base_ = './b.py'", 'model = dict(decode_head=dict(num_classes=_base_.num_classes))'),
    );
    expect(keys(access)).toEqual(['_base_.num_classes@2']);
    expect(access.version).toBe('1.x');

    const placeholder = classify(
      'configs/c.py',
      src("_base_ = './b.py'", 'model = dict(test_cfg=dict(crop_size={{_base_.crop_size}}))'),
    );
    expect(placeholder.signals).toEqual([]);
    expect(placeholder.version).toBe('neutral');
  });
});

describe('DET-005 mixed files', () => {
  it('warns for each 0.x key and for a runner that contradicts train_cfg', () => {
    const c = classify(
      'configs/mobile/m_320k.py',
      src(
        "_base_ = ['../_base_/schedules/schedule_160k.py']",
        "runner = dict(type='IterBasedRunner', max_iters=320000)",
        "train_cfg = dict(type='IterBasedTrainLoop', max_iters=160000, val_interval=16000)",
        'checkpoint_config = dict(interval=32000)',
      ),
    );
    expect(brief(c)).toEqual({ role: 'config', version: 'mixed' });
    expect(c.signals).toEqual([
      { key: 'runner', line: 2, kind: 'strong-0.x' },
      { key: 'train_cfg', line: 3, kind: 'strong-1.x' },
      { key: 'checkpoint_config', line: 4, kind: 'strong-0.x' },
    ]);
    expect(c.findings).toEqual([
      {
        rule: 'DET-005',
        severity: 'warning',
        file: 'configs/mobile/m_320k.py',
        line: 2,
        message:
          "'runner' is MMSegmentation 0.x in a file that is otherwise 1.x; mmengine ignores it",
      },
      {
        rule: 'DET-005',
        severity: 'warning',
        file: 'configs/mobile/m_320k.py',
        line: 4,
        message:
          "'checkpoint_config' is MMSegmentation 0.x in a file that is otherwise 1.x; mmengine ignores it",
      },
      {
        rule: 'DET-005',
        severity: 'warning',
        file: 'configs/mobile/m_320k.py',
        line: 2,
        message:
          'runner.max_iters=320000 disagrees with train_cfg.max_iters=160000; mmengine uses ' +
          'train_cfg, so the file probably does not do what its name says',
      },
    ]);
  });

  it('a leftover that agrees with train_cfg only gets the per-key warning', () => {
    const c = classify(
      'configs/m.py',
      src(
        "runner = dict(type='IterBasedRunner', max_iters=80000)",
        "train_cfg = dict(type='IterBasedTrainLoop', max_iters=80000)",
      ),
    );
    expect(c.version).toBe('mixed');
    expect(c.findings.map((f) => `${f.rule}@${f.line}`)).toEqual(['DET-005@1']);
  });
});

describe('DET-007 scripts', () => {
  it.each([
    ['def', src('def main():', '    pass', 'model = dict()')],
    ['class', src('class Hook:', '    pass', 'model = dict()')],
    ['if __name__', src('model = dict()', "if __name__ == '__main__':", '    print(model)')],
    ['for loop', src('model = dict()', 'for i in range(3):', '    print(i)')],
    ['while loop', src('model = dict()', 'while False:', '    pass')],
    ['torch import', src('import torch', 'model = dict()')],
    ['mmseg import', src('from mmseg.apis import init_segmentor', "config = 'a.py'")],
    ['mmcv import', src('import mmcv.runner as r', 'data = dict(samples_per_gpu=2)')],
  ])('%s → python script', (_what, text) => {
    expect(classify('tools/x.py', text)).toEqual({
      path: 'tools/x.py',
      role: 'python',
      version: 'not-a-config',
      signals: [],
      findings: [],
    });
  });

  it('imports of other packages and plain if statements do not make a script', () => {
    const c = classify(
      'configs/env.py',
      src(
        'import os',
        "data_root = os.environ.get('DATA', 'data/ade')",
        "if os.name == 'nt':",
        '    data_root = "D:/ade"',
        'optimizer_config = dict()',
      ),
    );
    expect(brief(c)).toEqual({ role: 'config', version: '0.x' });
    expect(keys(c)).toEqual(['optimizer_config@5']);
  });
});
