_base_ = './fcn_r18_20k_tiles.py'
# Static loss scale (the hook's default of 512).
optim_wrapper = dict(type='AmpOptimWrapper', loss_scale=512.0)
