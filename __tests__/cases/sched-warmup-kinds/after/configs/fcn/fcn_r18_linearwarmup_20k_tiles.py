_base_ = './fcn_r18_20k_tiles.py'
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0, end=1500),
    dict(
        type='PolyLR',
        eta_min=0.0001,
        power=0.9,
        begin=1500,
        end=20000,
        by_epoch=False)
]
