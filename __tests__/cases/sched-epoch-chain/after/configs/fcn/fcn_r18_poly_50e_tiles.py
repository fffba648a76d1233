_base_ = './fcn_r18_50e_tiles.py'
param_scheduler = [
    dict(type='ConstantLR', factor=0.2, by_epoch=False, begin=0, end=300),
    dict(type='PolyLR', eta_min=0.0, power=0.9, begin=0, end=50, by_epoch=True)
]
