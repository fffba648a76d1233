_base_ = './fcn_r18_256x256_20k_tiles.py'
# mixed precision with a fixed loss scale
optim_wrapper = dict(type='AmpOptimWrapper', loss_scale=512.)
