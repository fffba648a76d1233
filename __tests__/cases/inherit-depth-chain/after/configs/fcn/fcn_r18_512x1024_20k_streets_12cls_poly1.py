# Depth 3: the 12-class model with a gentler poly decay.
_base_ = './fcn_r18_512x1024_20k_streets_12cls.py'
param_scheduler = [
    dict(
        type='PolyLR',
        eta_min=0.0001,
        power=1.0,
        begin=0,
        end=20000,
        by_epoch=False)
]
