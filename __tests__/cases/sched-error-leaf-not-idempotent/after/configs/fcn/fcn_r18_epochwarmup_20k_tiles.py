_base_ = './fcn_r18_20k_tiles.py'
lr_config = dict(warmup='linear', warmup_iters=1, warmup_by_epoch=True)
