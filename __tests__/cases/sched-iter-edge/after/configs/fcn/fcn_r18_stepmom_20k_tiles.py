_base_ = './fcn_r18_20k_tiles.py'
param_scheduler = [
    dict(
        type='PolyLR',
        eta_min=0.0001,
        power=0.9,
        begin=0,
        end=20000,
        by_epoch=False),
    dict(
        type='MultiStepMomentum',
        milestones=[10000],
        gamma=0.5,
        begin=0,
        end=20000,
        by_epoch=False)
]
