_base_ = './fcn_r18_20k_tiles.py'
param_scheduler = [
    dict(type='ConstantLR', factor=0.5, by_epoch=False, begin=0, end=500),
    dict(
        type='PolyLR',
        eta_min=0.0001,
        power=0.9,
        begin=500,
        end=20000,
        by_epoch=False)
]
