_base_ = './fcn_r18_20k_tiles.py'
lr_config = dict(
    _delete_=True,
    policy='step',
    step=[12000, 16000],
    warmup='linear',
    warmup_iters=1000,
    by_epoch=False)
