/**
 * Shared helpers for the command-line tests: run a rewrite and list its
 * findings compactly, and a small 0.x config (converted with the real
 * passes) for the rules that read the config named on a command line.
 */
import { convertConfig } from '../../src/convert/convert.js';
import type { DictValue } from '../../src/python/values.js';
import type { Finding } from '../../src/report/findings.js';
import { py } from '../helpers/py.js';

/** `RULE severity line` per finding, in report order. */
export const brief = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${f.rule} ${f.severity} ${f.line}`);

/** A Cityscapes-like 0.x config: poly schedule with linear warmup, MSFA test pipeline. */
export const CITYSCAPES_0X = `
model = dict(type='EncoderDecoder', backbone=dict(type='ResNetV1c', depth=50),
             decode_head=dict(type='FCNHead', num_classes=19))
img_norm_cfg = dict(mean=[123.675, 116.28, 103.53], std=[58.395, 57.12, 57.375], to_rgb=True)
crop_size = (512, 1024)
train_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='LoadAnnotations'),
    dict(type='Resize', img_scale=(2048, 1024), ratio_range=(0.5, 2.0)),
    dict(type='RandomCrop', crop_size=crop_size, cat_max_ratio=0.75),
    dict(type='RandomFlip', prob=0.5),
    dict(type='PhotoMetricDistortion'),
    dict(type='Normalize', **img_norm_cfg),
    dict(type='Pad', size=crop_size, pad_val=0, seg_pad_val=255),
    dict(type='DefaultFormatBundle'),
    dict(type='Collect', keys=['img', 'gt_semantic_seg']),
]
test_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='MultiScaleFlipAug', img_scale=(2048, 1024), flip=False,
         transforms=[
             dict(type='Resize', keep_ratio=True),
             dict(type='RandomFlip'),
             dict(type='Normalize', **img_norm_cfg),
             dict(type='ImageToTensor', keys=['img']),
             dict(type='Collect', keys=['img']),
         ]),
]
data = dict(
    samples_per_gpu=2, workers_per_gpu=2,
    train=dict(type='CityscapesDataset', data_root='data/cityscapes/',
               img_dir='leftImg8bit/train', ann_dir='gtFine/train', pipeline=train_pipeline),
    val=dict(type='CityscapesDataset', data_root='data/cityscapes/',
             img_dir='leftImg8bit/val', ann_dir='gtFine/val', pipeline=test_pipeline),
    test=dict(type='CityscapesDataset', data_root='data/cityscapes/',
              img_dir='leftImg8bit/val', ann_dir='gtFine/val', pipeline=test_pipeline))
log_config = dict(interval=50, hooks=[dict(type='TextLoggerHook', by_epoch=False)])
dist_params = dict(backend='nccl')
log_level = 'INFO'
load_from = None
resume_from = None
workflow = [('train', 1)]
cudnn_benchmark = True
optimizer = dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=0.0005)
optimizer_config = dict()
lr_config = dict(policy='poly', power=0.9, min_lr=1e-4, by_epoch=False,
                 warmup='linear', warmup_iters=1000, warmup_ratio=0.1)
runner = dict(type='IterBasedRunner', max_iters=40000)
checkpoint_config = dict(by_epoch=False, interval=4000)
evaluation = dict(interval=4000, metric='mIoU', pre_eval=True)
`;

export interface TestConfig {
  old: DictValue;
  converted: DictValue;
}

/** A config lookup for `configFor`: the given repo paths hold the given 0.x sources. */
export function repoConfigs(
  files: Record<string, string>,
): (path: string) => TestConfig | undefined {
  const cache = new Map<string, TestConfig>();
  return (path) => {
    const source = files[path];
    if (source === undefined) return undefined;
    let hit = cache.get(path);
    if (!hit) {
      const old = py(source, path);
      hit = { old, converted: convertConfig(old, { file: path }).value };
      cache.set(path, hit);
    }
    return hit;
  };
}
