_base_ = './fcn_r18_20k_tiles.py'
param_scheduler = [
    dict(
        type='CosineAnnealingLR',
        T_max=20000,
        eta_min_ratio=0.01,
        begin=0,
        end=20000,
        by_epoch=False)
]
