_base_ = './fcn_r18_50e_tiles.py'
# Warm up over the first two epochs instead of 500 iterations.
param_scheduler = [
    dict(
        type='LinearLR',
        start_factor=0.1,
        by_epoch=True,
        begin=0,
        end=2,
        convert_to_iter_based=True),
    dict(
        type='MultiStepLR',
        milestones=[30, 40],
        begin=0,
        end=50,
        by_epoch=True),
    dict(
        type='CosineAnnealingMomentum',
        T_max=50,
        eta_min_ratio=0.9,
        begin=0,
        end=50,
        by_epoch=True)
]
