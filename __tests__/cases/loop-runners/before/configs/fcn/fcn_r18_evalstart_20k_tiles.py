_base_ = './fcn_r18_20k_tiles.py'
evaluation = dict(start=3000)
