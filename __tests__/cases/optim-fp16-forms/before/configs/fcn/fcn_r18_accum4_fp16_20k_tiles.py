_base_ = './fcn_r18_20k_tiles.py'
# Four accumulated steps emulate a 4x larger batch on one GPU.
optimizer_config = dict(
    type='GradientCumulativeFp16OptimizerHook', cumulative_iters=4)
