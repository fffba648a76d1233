# Self-contained config for the aerial-tiles experiments: FCN-R18, trained
# by epochs on 512x512 tiles.
norm_cfg = dict(type='BN', requires_grad=True)
model = dict(
    type='EncoderDecoder',
    pretrained='open-mmlab://resnet18_v1c',
    backbone=dict(
        type='ResNetV1c',
        depth=18,
        out_indices=(0, 1, 2, 3),
        dilations=(1, 1, 2, 4),
        strides=(1, 2, 1, 1),
        norm_cfg=norm_cfg),
    decode_head=dict(
        type='FCNHead',
        in_channels=512,
        in_index=3,
        channels=128,
        num_classes=6,
        norm_cfg=norm_cfg,
        loss_decode=dict(
            type='CrossEntropyLoss', use_sigmoid=False, loss_weight=1.0)),
    train_cfg=dict(),
    test_cfg=dict(mode='whole'))

dataset_type = 'CustomDataset'
data_root = 'data/tiles'
classes = ('background', 'building', 'road', 'water', 'tree', 'field')
img_norm_cfg = dict(mean=[100.0, 110.0, 95.0], std=[50.0, 50.0, 50.0])
train_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='LoadAnnotations'),
    dict(type='RandomFlip', prob=0.5, direction='vertical'),
    dict(type='Normalize', **img_norm_cfg),
    dict(type='DefaultFormatBundle'),
    dict(type='Collect', keys=['img', 'gt_semantic_seg']),
]
test_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(
        type='MultiScaleFlipAug',
        img_scale=(512, 512),
        flip=False,
        transforms=[
            dict(type='Resize', keep_ratio=True),
            dict(type='RandomFlip'),
            dict(type='Normalize', **img_norm_cfg),
            dict(type='ImageToTensor', keys=['img']),
            dict(type='Collect', keys=['img']),
        ])
]
# Loader tuning for the shared cluster: no worker processes and no pinned
# memory, a fixed sampling seed, and validation in pairs of tiles.
data = dict(
    samples_per_gpu=4,
    workers_per_gpu=0,
    pin_memory=False,
    seed=2023,
    train=dict(
        type=dataset_type,
        data_root=data_root,
        img_dir='img/train',
        ann_dir='ann/train',
        classes=classes,
        pipeline=train_pipeline),
    val=dict(
        type=dataset_type,
        data_root=data_root,
        img_dir='img/val',
        ann_dir='ann/val',
        classes=classes,
        pipeline=test_pipeline),
    test=dict(
        type=dataset_type,
        data_root=data_root,
        img_dir='img/val',
        ann_dir='ann/val',
        classes=classes,
        pipeline=test_pipeline),
    train_dataloader=dict(samples_per_gpu=8, drop_last=False),
    val_dataloader=dict(samples_per_gpu=2),
    test_dataloader=dict(workers_per_gpu=2))

optimizer = dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=0.0005)
optimizer_config = dict()
lr_config = dict(policy='poly', power=0.9, min_lr=1e-4)
runner = dict(type='EpochBasedRunner', max_epochs=80)
checkpoint_config = dict(interval=10)
evaluation = dict(interval=5, metric='mIoU')
log_config = dict(interval=20, hooks=[dict(type='TextLoggerHook')])
dist_params = dict(backend='nccl')
log_level = 'INFO'
load_from = None
resume_from = None
workflow = [('train', 1)]
cudnn_benchmark = True
