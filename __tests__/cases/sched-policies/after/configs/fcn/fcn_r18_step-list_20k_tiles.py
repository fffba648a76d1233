_base_ = './fcn_r18_20k_tiles.py'
param_scheduler = [
    dict(
        type='MultiStepLR',
        milestones=[8000, 16000],
        gamma=0.5,
        begin=0,
        end=20000,
        by_epoch=False)
]
