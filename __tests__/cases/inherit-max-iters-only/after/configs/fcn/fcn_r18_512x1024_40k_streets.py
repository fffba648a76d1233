# Twice as long; everything else as in the baseline.
_base_ = './fcn_r18_512x1024_20k_streets.py'
train_cfg = dict(max_iters=40000)
param_scheduler = [
    dict(
        type='PolyLR',
        eta_min=0.0001,
        power=0.9,
        begin=0,
        end=40000,
        by_epoch=False)
]
