_base_ = './fcn_r18_20k_tiles.py'
param_scheduler = [
    dict(type='StepLR', step_size=2000, begin=0, end=20000, by_epoch=False)
]
