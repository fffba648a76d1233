_base_ = './fcn_r18_20k_tiles.py'
optim_wrapper = dict(
    type='AmpOptimWrapper',
    clip_grad=dict(_delete_=True, max_norm=10, norm_type=2),
    accumulative_counts=2)
