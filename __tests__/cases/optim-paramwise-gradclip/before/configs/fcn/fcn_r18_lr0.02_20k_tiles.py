_base_ = './fcn_r18_20k_tiles.py'
# Larger learning rate, 10x on the head, clipped gradients.
optimizer = dict(
    lr=0.02, paramwise_cfg=dict(custom_keys=dict(head=dict(lr_mult=10.0))))
optimizer_config = dict(grad_clip=dict(max_norm=35, norm_type=2))
