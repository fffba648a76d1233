# Evaluate the baseline at half resolution (test only; validation during
# training is unchanged).
_base_ = './fcn_r18_512x1024_20k_streets.py'
test_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='Resize', img_scale=(1024, 512), keep_ratio=True),
    dict(
        type='Normalize',
        mean=[123.675, 116.28, 103.53],
        std=[58.395, 57.12, 57.375],
        to_rgb=True),
    dict(type='ImageToTensor', keys=['img']),
    dict(type='Collect', keys=['img']),
]
data = dict(test=dict(pipeline=test_pipeline))
