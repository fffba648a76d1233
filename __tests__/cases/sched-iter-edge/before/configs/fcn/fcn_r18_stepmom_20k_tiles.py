_base_ = './fcn_r18_20k_tiles.py'
momentum_config = dict(policy='step', step=[10000], by_epoch=False)
