_base_ = './fcn_r18_20k_tiles.py'
# Larger learning rate, 10x on the head, clipped gradients.
optimizer = dict(type='SGD', lr=0.02, momentum=0.9, weight_decay=0.0005)
optim_wrapper = dict(
    optimizer=optimizer,
    clip_grad=dict(_delete_=True, max_norm=35, norm_type=2),
    paramwise_cfg=dict(custom_keys=dict(head=dict(lr_mult=10.0))))
