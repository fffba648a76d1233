_base_ = './fcn_r18_20k_tiles.py'
optimizer_config = dict(
    type='GradientCumulativeOptimizerHook',
    cumulative_iters=2,
    grad_clip=dict(max_norm=1.0))
