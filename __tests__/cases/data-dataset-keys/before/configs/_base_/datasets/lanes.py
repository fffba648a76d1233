# Road-marking dataset stored on the Ceph cluster; images are read through
# petrel, annotations are PNG label maps.
dataset_type = 'CustomDataset'
data_root = 's3://perception/lanes'
classes = ['road', 'lane_solid', 'lane_dashed', 'crosswalk']
palette = [[128, 64, 128], [255, 255, 255], [255, 255, 0], [0, 0, 255]]
file_client_args = dict(
    backend='petrel',
    path_mapping=dict({'s3://perception/': 'cluster1:s3://perception/'}))
img_norm_cfg = dict(
    mean=[123.675, 116.28, 103.53], std=[58.395, 57.12, 57.375], to_rgb=True)
crop_size = (512, 512)
train_pipeline = [
    dict(type='LoadImageFromFile', file_client_args=file_client_args),
    dict(type='LoadAnnotations', file_client_args=file_client_args),
    dict(type='Resize', img_scale=(1280, 720), ratio_range=(0.5, 2.0)),
    dict(type='RandomCrop', crop_size=crop_size),
    dict(type='RandomFlip', prob=0.5),
    dict(type='Normalize', **img_norm_cfg),
    dict(type='Pad', size=crop_size, pad_val=0, seg_pad_val=255),
    dict(type='DefaultFormatBundle'),
    dict(type='Collect', keys=['img', 'gt_semantic_seg']),
]
test_pipeline = [
    dict(type='LoadImageFromFile', file_client_args=dict(backend='disk')),
    dict(
        type='MultiScaleFlipAug',
        img_scale=(1280, 720),
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
    samples_per_gpu=4,
    workers_per_gpu=4,
    train=dict(
        type=dataset_type,
        data_root=data_root,
        img_dir='images/train',
        ann_dir='labels/train',
        classes=classes,
        palette=palette,
        file_client_args=file_client_args,
        pipeline=train_pipeline),
    val=dict(
        type=dataset_type,
        data_root='data/lanes',
        img_dir='images/val',
        ann_dir='labels/val',
        classes=classes,
        palette=palette,
        gt_seg_map_loader_cfg=dict(file_client_args=dict(backend='disk')),
        pipeline=test_pipeline),
    test=dict(
        type=dataset_type,
        data_root='data/lanes',
        img_dir='images/val',
        ann_dir='labels/val',
        classes=classes,
        palette=palette,
        gt_seg_map_loader_cfg=dict(file_client_args=dict(backend='disk')),
        pipeline=test_pipeline))
