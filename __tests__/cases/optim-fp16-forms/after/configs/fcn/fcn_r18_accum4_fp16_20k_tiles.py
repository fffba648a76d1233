_base_ = './fcn_r18_20k_tiles.py'
# Four accumulated steps emulate a 4x larger batch on one GPU.
optim_wrapper = dict(
    type='AmpOptimWrapper', accumulative_counts=4, loss_scale=512.0)
