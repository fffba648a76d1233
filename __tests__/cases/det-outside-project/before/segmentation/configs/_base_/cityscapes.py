img_norm_cfg = dict(mean=[123.675, 116.28, 103.53], std=[58.395, 57.12, 57.375], to_rgb=True)
train_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='LoadAnnotations'),
    dict(type='Resize', img_scale=(2048, 512), ratio_range=(0.5, 2.0)),
    dict(type='RandomFlip', prob=0.5),
    dict(type='Normalize', **img_norm_cfg),
    dict(type='DefaultFormatBundle'),
    dict(type='Collect', keys=['img', 'gt_semantic_seg']),
]
test_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(
        type='MultiScaleFlipAug',
        img_scale=(2048, 512),
        flip=False,
        transforms=[
            dict(type='Resize', keep_ratio=True),
            dict(type='Normalize', **img_norm_cfg),
            dict(type='ImageToTensor', keys=['img']),
            dict(type='Collect', keys=['img']),
        ])
]
data = dict(
    samples_per_gpu=2,
    workers_per_gpu=2,
    train=dict(type='CityscapesDataset', data_root='data/cityscapes', img_dir='leftImg8bit/train', ann_dir='gtFine/train', pipeline=train_pipeline),
    val=dict(type='CityscapesDataset', data_root='data/cityscapes', img_dir='leftImg8bit/val', ann_dir='gtFine/val', pipeline=test_pipeline),
    test=dict(type='CityscapesDataset', data_root='data/cityscapes', img_dir='leftImg8bit/val', ann_dir='gtFine/val', pipeline=test_pipeline))
