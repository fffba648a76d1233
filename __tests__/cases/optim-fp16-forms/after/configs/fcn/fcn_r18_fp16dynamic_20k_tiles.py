_base_ = './fcn_r18_20k_tiles.py'
optim_wrapper = dict(type='AmpOptimWrapper', loss_scale='dynamic')
