_base_ = './fcn_r18_20k_tiles.py'
lr_config = dict(warmup='constant', warmup_iters=500, warmup_ratio=0.5)
