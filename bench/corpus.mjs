/**
 * Writes a synthetic MMSegmentation 0.x config tree shaped like the real one:
 * shared model / dataset / schedule / runtime bases, and leaves that inherit
 * from four bases or from another leaf (chains up to four files deep), with
 * partial overrides, `_delete_=True` and `{{_base_.x}}` references.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MODELS = 24;
const DATASETS = 12;
const SCHEDULES = 6;
const METHOD_SIZE = 40;

function model(i) {
  return `# model base ${i}
norm_cfg = dict(type='SyncBN', requires_grad=True)
model = dict(
    type='EncoderDecoder',
    pretrained='open-mmlab://resnet${50 + i}_v1c',
    backbone=dict(
        type='ResNetV1c',
        depth=${i % 2 ? 101 : 50},
        num_stages=4,
        out_indices=(0, 1, 2, 3),
        dilations=(1, 1, 2, 4),
        strides=(1, 2, 1, 1),
        norm_cfg=norm_cfg,
        norm_eval=False,
        style='pytorch',
        contract_dilation=True),
    decode_head=dict(
        type='FCNHead',
        in_channels=2048,
        in_index=3,
        channels=${256 + i},
        num_convs=2,
        concat_input=True,
        dropout_ratio=0.1,
        num_classes=19,
        norm_cfg=norm_cfg,
        align_corners=False,
        loss_decode=dict(
            type='CrossEntropyLoss', use_sigmoid=False, loss_weight=1.0)),
    auxiliary_head=dict(
        type='FCNHead',
        in_channels=1024,
        in_index=2,
        channels=256,
        num_convs=1,
        concat_input=False,
        dropout_ratio=0.1,
        num_classes=19,
        norm_cfg=norm_cfg,
        align_corners=False,
        loss_decode=dict(
            type='CrossEntropyLoss', use_sigmoid=False, loss_weight=0.4)),
    train_cfg=dict(),
    test_cfg=dict(mode='whole'))
`;
}

function dataset(i) {
  const h = 512 + 64 * (i % 4);
  return `# dataset base ${i}
dataset_type = 'CityscapesDataset'
data_root = 'data/set${i}/'
img_norm_cfg = dict(
    mean=[123.675, 116.28, 103.53], std=[58.395, 57.12, 57.375], to_rgb=True)
crop_size = (${h}, ${h * 2})
train_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='LoadAnnotations'),
    dict(type='Resize', img_scale=(2048, ${h * 2}), ratio_range=(0.5, 2.0)),
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
    dict(
        type='MultiScaleFlipAug',
        img_scale=(2048, ${h * 2}),
        img_ratios=[0.5, 0.75, 1.0, 1.25, 1.5, 1.75],
        flip=False,
        transforms=[
            dict(type='Resize', keep_ratio=True),
            dict(type='RandomFlip'),
            dict(type='Normalize', **img_norm_cfg),
            dict(type='ImageToTensor', keys=['img']),
            dict(type='Collect', keys=['img']),
        ])
]
data = dict(
    samples_per_gpu=2,
    workers_per_gpu=2,
    train=dict(
        type=dataset_type,
        data_root=data_root,
        img_dir='leftImg8bit/train',
        ann_dir='gtFine/train',
        pipeline=train_pipeline),
    val=dict(
        type=dataset_type,
        data_root=data_root,
        img_dir='leftImg8bit/val',
        ann_dir='gtFine/val',
        pipeline=test_pipeline),
    test=dict(
        type=dataset_type,
        data_root=data_root,
        img_dir='leftImg8bit/val',
        ann_dir='gtFine/val',
        pipeline=test_pipeline))
`;
}

function schedule(i) {
  const iters = [20000, 40000, 80000, 160000, 320000, 10000][i % 6];
  return `# schedule base ${i}
optimizer = dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=0.0005)
optimizer_config = dict()
lr_config = dict(policy='poly', power=0.9, min_lr=1e-4, by_epoch=False)
runner = dict(type='IterBasedRunner', max_iters=${iters})
checkpoint_config = dict(by_epoch=False, interval=${iters / 10})
evaluation = dict(interval=${iters / 10}, metric='mIoU', pre_eval=True)
`;
}

const RUNTIME = `log_config = dict(
    interval=50, hooks=[dict(type='TextLoggerHook', by_epoch=False)])
dist_params = dict(backend='nccl')
log_level = 'INFO'
load_from = None
resume_from = None
workflow = [('train', 1)]
cudnn_benchmark = True
`;

function leaf(method, k) {
  const m = (method * 7 + k) % MODELS;
  const d = (method + k) % DATASETS;
  const s = (method + 2 * k) % SCHEDULES;
  if (k % METHOD_SIZE === 0 || k % 4 === 0) {
    return `_base_ = [
    '../_base_/models/model_${m}.py', '../_base_/datasets/dataset_${d}.py',
    '../_base_/default_runtime.py', '../_base_/schedules/schedule_${s}.py'
]
model = dict(
    decode_head=dict(num_classes=${19 + (k % 5)}),
    auxiliary_head=dict(num_classes=${19 + (k % 5)}))
`;
  }
  const parent = `./leaf_${method}_${k - 1}.py`;
  switch (k % 4) {
    case 1:
      return `_base_ = '${parent}'
model = dict(pretrained='open-mmlab://resnet101_v1c', backbone=dict(depth=101))
data = dict(samples_per_gpu=${1 + (k % 4)})
`;
    case 2:
      return `_base_ = '${parent}'
optimizer = dict(
    _delete_=True,
    type='AdamW',
    lr=0.00006,
    betas=(0.9, 0.999),
    weight_decay=0.01,
    paramwise_cfg=dict(custom_keys=dict(pos_block=dict(decay_mult=0.))))
lr_config = dict(warmup='linear', warmup_iters=1500, warmup_ratio=1e-6)
`;
    default:
      return `_base_ = '${parent}'
test_pipeline = {{_base_.test_pipeline}}
data = dict(test=dict(pipeline=test_pipeline), val=dict(pipeline=test_pipeline))
fp16 = dict(loss_scale=512.)
`;
  }
}

/** Writes a tree with about `count` config files under `root/configs` and returns the number written. */
export function writeCorpus(root, count) {
  const base = join(root, 'configs', '_base_');
  for (const dir of ['models', 'datasets', 'schedules'])
    mkdirSync(join(base, dir), { recursive: true });
  for (let i = 0; i < MODELS; i++) writeFileSync(join(base, 'models', `model_${i}.py`), model(i));
  for (let i = 0; i < DATASETS; i++)
    writeFileSync(join(base, 'datasets', `dataset_${i}.py`), dataset(i));
  for (let i = 0; i < SCHEDULES; i++)
    writeFileSync(join(base, 'schedules', `schedule_${i}.py`), schedule(i));
  writeFileSync(join(base, 'default_runtime.py'), RUNTIME);
  let written = MODELS + DATASETS + SCHEDULES + 1;
  for (let method = 0; written < count; method++) {
    const dir = join(root, 'configs', `method_${method}`);
    mkdirSync(dir, { recursive: true });
    for (let k = 0; k < METHOD_SIZE && written < count; k++, written++) {
      writeFileSync(join(dir, `leaf_${method}_${k}.py`), leaf(method, k));
    }
  }
  return written;
}
