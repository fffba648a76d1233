_base_ = './fcn_r18_loop_b_tiles.py'
optimizer = dict(lr=0.02)
