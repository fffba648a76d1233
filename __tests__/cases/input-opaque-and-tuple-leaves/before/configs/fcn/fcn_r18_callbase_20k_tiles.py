_base_ = './fcn_r18_' + '20k_tiles.py'
optimizer = dict(lr=0.02)
