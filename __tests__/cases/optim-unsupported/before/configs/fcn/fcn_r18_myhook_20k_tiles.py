_base_ = './fcn_r18_20k_tiles.py'
# Our own hook that skips steps with NaN gradients.
optimizer_config = dict(type='NanSkipOptimizerHook', max_skips=10)
