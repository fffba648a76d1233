# Trained on daytime street scenes, tested on the night-time benchmark.
_base_ = './fcn_r18_512x1024_20k_streets.py'
test_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(
        type='MultiScaleFlipAug',
        img_scale=(1920, 1080),
        flip=False,
        transforms=[
            dict(type='Resize', keep_ratio=True),
            dict(type='RandomFlip'),
            dict(
                type='Normalize',
                mean=[123.675, 116.28, 103.53],
                std=[58.395, 57.12, 57.375],
                to_rgb=True),
            dict(type='ImageToTensor', keys=['img']),
            dict(type='Collect', keys=['img']),
        ])
]
data = dict(
    test=dict(
        type='NightDrivingDataset',
        data_root='data/NighttimeDrivingTest/',
        img_dir='leftImg8bit/test/night',
        ann_dir='gtCoarse_daytime_trainvaltest/test/night',
        pipeline=test_pipeline))
