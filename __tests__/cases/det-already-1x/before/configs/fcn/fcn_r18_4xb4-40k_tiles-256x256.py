_base_ = './fcn_r18_4xb4-20k_tiles-256x256.py'
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0, end=1000),
    dict(
        type='PolyLR',
        eta_min=_base_.param_scheduler[0].eta_min,
        power=0.9,
        begin=1000,
        end=40000,
        by_epoch=False)
]
train_cfg = dict(max_iters=40000)
