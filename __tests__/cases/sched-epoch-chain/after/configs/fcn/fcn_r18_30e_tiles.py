_base_ = './fcn_r18_50e_tiles.py'
train_cfg = dict(max_epochs=30)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0, end=500),
    dict(
        type='MultiStepLR',
        milestones=[30, 40],
        begin=0,
        end=30,
        by_epoch=True),
    dict(
        type='CosineAnnealingMomentum',
        T_max=30,
        eta_min_ratio=0.9,
        begin=0,
        end=30,
        by_epoch=True)
]
