_base_ = './fcn_r18_50e_tiles.py'
lr_config = dict(
    _delete_=True, policy='poly', power=0.9, min_lr=0.0, warmup='constant',
    warmup_iters=300, warmup_ratio=0.2)
momentum_config = None
