_base_ = './fcn_r18_20k_tiles.py'
param_scheduler = [
    dict(
        type='CosineAnnealingLR',
        begin=10000,
        end=20000,
        T_max=10000,
        eta_min=0.0,
        by_epoch=False)
]
