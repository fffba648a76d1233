_base_ = './fcn_r18_20k_tiles.py'
param_scheduler = [
    dict(
        type='CosineRestartLR',
        periods=[5000, 15000],
        restart_weights=[1.0, 0.5],
        eta_min=0.0,
        begin=0,
        end=20000,
        by_epoch=False)
]
