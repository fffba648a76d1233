_base_ = './fcn_r18_20k_tiles.py'
optim_wrapper = dict(paramwise_cfg=dict(norm_decay_mult=0.0, bias_lr_mult=2.0))
