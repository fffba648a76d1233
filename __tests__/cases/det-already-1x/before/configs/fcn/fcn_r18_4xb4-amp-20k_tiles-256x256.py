_base_ = './fcn_r18_4xb4-20k_tiles-256x256.py'
optim_wrapper = dict(type='AmpOptimWrapper', loss_scale='dynamic')
img_norm_cfg = dict(
    mean=[123.675, 116.28, 103.53], std=[58.395, 57.12, 57.375], to_rgb=True)
fp16 = dict(loss_scale='dynamic')
