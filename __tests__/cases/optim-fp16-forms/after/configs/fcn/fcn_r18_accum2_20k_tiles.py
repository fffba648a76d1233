_base_ = './fcn_r18_20k_tiles.py'
optim_wrapper = dict(
    clip_grad=dict(_delete_=True, max_norm=1.0), accumulative_counts=2)
