_base_ = './fcn_r18_20k_tiles.py'
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0, end=500),
    dict(type='OneCycleLR', eta_max=0.05, begin=0, end=20000, by_epoch=False)
]
