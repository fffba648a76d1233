_base_ = './fcn_r18_20k_tiles.py'
# by_epoch=True copied from an epoch-based config by mistake.
lr_config = dict(by_epoch=True)
