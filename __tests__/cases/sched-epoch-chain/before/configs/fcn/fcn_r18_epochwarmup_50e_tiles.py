_base_ = './fcn_r18_50e_tiles.py'
# Warm up over the first two epochs instead of 500 iterations.
lr_config = dict(warmup_iters=2, warmup_by_epoch=True)
