_base_ = './fcn_r18_20k_tiles.py'
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0, end=1000),
    dict(
        type='CosineAnnealingLR',
        T_max=19000,
        eta_min=0.0,
        begin=1000,
        end=20000,
        by_epoch=False)
]
