_base_ = './fcn_r18_20k_tiles.py'
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0, end=1000),
    dict(
        type='MultiStepLR',
        milestones=[12000, 16000],
        begin=0,
        end=20000,
        by_epoch=False)
]
