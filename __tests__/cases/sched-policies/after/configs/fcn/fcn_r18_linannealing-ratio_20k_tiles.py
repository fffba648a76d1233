_base_ = './fcn_r18_20k_tiles.py'
param_scheduler = [
    dict(
        type='LinearLR',
        start_factor=1.0,
        end_factor=0.05,
        begin=0,
        end=20000,
        by_epoch=False)
]
