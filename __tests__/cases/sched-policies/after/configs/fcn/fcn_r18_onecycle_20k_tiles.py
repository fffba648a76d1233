_base_ = './fcn_r18_20k_tiles.py'
param_scheduler = [
    dict(
        type='OneCycleLR',
        eta_max=0.05,
        pct_start=0.25,
        begin=0,
        end=20000,
        by_epoch=False)
]
