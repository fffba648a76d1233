_base_ = './fcn_r18_20k_tiles.py'
default_hooks = dict(
    checkpoint=dict(interval=1000, max_keep_ckpts=3, save_last=False))
