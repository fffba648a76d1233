_base_ = './fcn_r18_20k_tiles.py'
fp16 = dict(loss_scale=512.0)
